import { basename } from 'node:path';
import type { AlignedDocument } from '../model/document.js';
import { alignFiles } from '../pipeline/store.js';
import { type UploadedFile, withUploads } from '../pipeline/uploads.js';

export type { UploadedFile } from '../pipeline/uploads.js';

export interface AlignedUpload {
  documents: AlignedDocument[];
  /** One line per file that could not be read, naming it. */
  failures: string[];
  /** The HTTP status of the first failure: 413 for an input over a reader's limit. */
  firstFailureStatus: number;
}

/**
 * Decodes, reads and aligns uploaded files (any format bitext reads: one bilingual file,
 * or an English and a Chinese file). The studio runs it in a process of its own.
 */
export async function alignUpload(files: readonly UploadedFile[]): Promise<AlignedUpload> {
  return withUploads(files, async (paths) => {
    const { documents, failures } = await alignFiles(paths);
    return {
      documents,
      failures: failures.map((failure) => `${basename(failure.file ?? '')}: ${failure.message}`),
      firstFailureStatus: failures[0]?.status ?? 400,
    };
  });
}
