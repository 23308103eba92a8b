import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { BitextError } from '../errors.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import type { UploadedFile } from '../pipeline/uploads.js';

/** What a job carries: the bytes of one document's files, so that a worker needs no shared disk. */
export interface DocumentJob {
  /** The files as named on the command line that queued them. */
  files: UploadedFile[];
  reader: ReaderChoice;
  /** sha256 over the files' bytes: the same document is queued and stored once. */
  inputHash: string;
}

/** A job's files, base64 in JSON, are kept well under PostgreSQL's 1 GB value limit and a worker's memory. */
export const MAX_JOB_BYTES = 64 * 1024 * 1024;

/** sha256 of the files' bytes, in an order that does not depend on how they were named. */
export function inputHash(contents: readonly Buffer[]): string {
  const each = contents.map((bytes) => createHash('sha256').update(bytes).digest('hex')).sort();
  return createHash('sha256').update(each.join('\n')).digest('hex');
}

/** The job id a content hash gives: queuing the same document twice names the same job. */
export function jobId(hash: string): string {
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}`;
}

/** A job for the files of one document; the size limit is checked before anything is read. */
export function documentJob(paths: readonly string[], reader: ReaderChoice): DocumentJob {
  const size = paths.reduce((sum, path) => sum + statSync(path).size, 0);
  if (size > MAX_JOB_BYTES) {
    throw new BitextError(
      `is ${Math.round(size / 2 ** 20)} MB, more than a job takes (${MAX_JOB_BYTES / 2 ** 20} MB)`,
      paths[0],
    );
  }
  const contents = paths.map((path) => readFileSync(path));
  return {
    files: paths.map((path, i) => ({ name: path, data: (contents[i] as Buffer).toString('base64') })),
    reader,
    inputHash: inputHash(contents),
  };
}
