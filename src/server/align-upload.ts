import { basename } from 'node:path';
import type { AlignedDocument } from '../model/document.js';
import { documentName } from '../model/names.js';
import { alignFiles } from '../pipeline/store.js';
import { type UploadedFile, withUploads } from '../pipeline/uploads.js';
import { CorpusStore } from '../store/index.js';
import type { DuplicateChoice, UploadOutcome } from './api-types.js';
import { readUploadBody } from './upload-body.js';

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

/** An upload read, aligned and stored: the outcome, and the status of its first failure. */
export interface StoredUpload extends UploadOutcome {
  firstFailureStatus: number;
}

/** What an upload process is asked to do: read and align the files of this request body, and store them there. */
export interface UploadTask {
  /** The upload's request body as it came (see readUploadBody). */
  body: Uint8Array;
  storePath: string;
}

/**
 * Reads, aligns and stores an upload, each document as `duplicates` says where the store
 * holds it already. The studio runs it in a process of its own, so that reading and aligning
 * never hold up the studio's answers; documents are stored in short steps, so that the
 * studio's own writes (edits) never wait long for this process's.
 */
export async function storeUpload(task: UploadTask): Promise<StoredUpload> {
  const { files, duplicates = 'ask' } = readUploadBody(task.body);
  const { documents, failures, firstFailureStatus } = await alignUpload(files);
  const outcome: StoredUpload = { ids: [], duplicates: [], failures, firstFailureStatus };
  if (documents.length === 0) return outcome;
  const store = new CorpusStore(task.storePath);
  try {
    for (const document of documents) await storeOne(store, document, duplicates, outcome);
  } finally {
    store.close();
  }
  return outcome;
}

async function storeOne(
  store: CorpusStore,
  document: AlignedDocument,
  duplicates: DuplicateChoice,
  outcome: UploadOutcome,
): Promise<void> {
  const existing = duplicates === 'keep' ? [] : store.duplicatesOf(document);
  if (duplicates === 'ask' && existing.length > 0)
    outcome.duplicates.push({ name: documentName(document), existing });
  else
    outcome.ids.push(
      await store.addDocumentInSteps(
        document,
        existing.map((old) => old.id),
      ),
    );
}
