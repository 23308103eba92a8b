import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { AlignedDocument } from '../model/document.js';
import { alignFiles } from '../pipeline/store.js';
import { safeName } from './names.js';

/** A file sent by the studio: its name and its bytes in base64. */
export interface UploadedFile {
  name: string;
  data: string;
}

export interface AlignedUpload {
  documents: AlignedDocument[];
  /** One line per file that could not be read, naming it. */
  failures: string[];
}

/** Uploads go through the pipeline from a private folder, under names that keep only their last part. */
function writeUploads(dir: string, files: readonly UploadedFile[]): string[] {
  const used = new Set<string>();
  return files.map((file, i) => {
    let name = safeName(file.name);
    if (used.has(name)) name = `${i + 1}-${name}`;
    used.add(name);
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(file.data, 'base64'));
    return path;
  });
}

/**
 * Decodes, reads and aligns uploaded files (any format bitext reads: one bilingual file,
 * or an English and a Chinese file). The studio runs it in a process of its own.
 */
export async function alignUpload(files: readonly UploadedFile[]): Promise<AlignedUpload> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-upload-'));
  try {
    const { documents, failures } = await alignFiles(writeUploads(dir, files));
    return {
      documents,
      failures: failures.map((failure) => `${basename(failure.file ?? '')}: ${failure.message}`),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
