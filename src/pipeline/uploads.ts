import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** A file that travels as bytes (an upload to the studio, a queued job): its name and its bytes in base64. */
export interface UploadedFile {
  name: string;
  data: string;
}

/** The longest name kept, in UTF-8 bytes: file systems take 255, and a number may go in front. */
const NAME_BYTES = 200;
/** Characters a long name keeps from its end, where its extension (and `.en`, `.zh`) is. */
const KEPT_END = 16;

/** A name cut in the middle to NAME_BYTES: a name in Chinese reaches the limit at a third of the characters. */
function shortened(name: string): string {
  if (Buffer.byteLength(name) <= NAME_BYTES) return name;
  const chars = Array.from(name);
  const end = chars.slice(-KEPT_END).join('');
  let bytes = Buffer.byteLength(end);
  let start = '';
  for (const char of chars.slice(0, -KEPT_END)) {
    bytes += Buffer.byteLength(char);
    if (bytes > NAME_BYTES) break;
    start += char;
  }
  return start + end;
}

/** Keeps only the base name of a client-given file name, without anything a path could use. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^\.+/, '');
  return base === '' ? 'upload.txt' : shortened(base);
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

/** Writes files sent as bytes into a private temporary folder, runs `work` on their paths, and removes the folder. */
export async function withUploads<T>(
  files: readonly UploadedFile[],
  work: (paths: string[]) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-upload-'));
  try {
    return await work(writeUploads(dir, files));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The document with the files it names (its sources, the places of its paragraphs and warnings) renamed. */
export function renameFiles<T>(document: T, names: ReadonlyMap<string, string>): T {
  const rename = (file: unknown) => (typeof file === 'string' ? (names.get(file) ?? file) : file);
  return JSON.parse(JSON.stringify(document), (key, value: unknown) => {
    if (key === 'file') return rename(value);
    if (key === 'files' && Array.isArray(value)) return value.map(rename);
    return value;
  }) as T;
}
