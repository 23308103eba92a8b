import { BitextError } from '../errors.js';
import type { AlignedDocument } from '../model/document.js';
import { alignFiles } from '../pipeline/store.js';
import { renameFiles, withUploads } from '../pipeline/uploads.js';
import type { DocumentJob } from './jobs.js';

/** What aligning a job gave: its documents, or the one line that says why it failed. */
export type JobOutcome = { documents: AlignedDocument[] } | { failure: string };

/**
 * Reads and aligns a job's document from the bytes it carries. The document names its files
 * as the command that queued them did, not by the worker's temporary copies.
 */
export function alignJob(job: DocumentJob): Promise<JobOutcome> {
  return withUploads(job.files, async (paths) => {
    const names = new Map(paths.map((path, i) => [path, job.files[i]?.name ?? path]));
    const { documents, failures } = await alignFiles(paths, job.reader);
    const [failure] = failures;
    if (failure) return { failure: new BitextError(failure.message, names.get(failure.file ?? '')).oneLine };
    if (documents.length === 0) return { failure: 'the job holds no document' };
    return { documents: documents.map((document) => renameFiles(document, names)) };
  });
}

/** The entry point of a worker thread: one job at a time. */
export default alignJob;
