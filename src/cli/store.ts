import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BitextError } from '../errors.js';
import { type ExportOptions, type Format, renderDocument } from '../export/index.js';
import { distinctNames } from '../export/shared.js';
import { expandInputs } from '../ingest/folders.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import { writeFilesAtomic } from '../io/atomic.js';
import { planTasks } from '../pipeline/batch.js';
import { storeFiles } from '../pipeline/store.js';
import { CorpusStore } from '../store/index.js';

/**
 * Opens the corpus store, after checking, read-only, that a file already there is a sound
 * SQLite database: a damaged file, or one that is not a database at all, is named in one
 * line and never written into. `mustExist` for commands that only read the store.
 */
export function openStore(path: string, options: { mustExist?: boolean } = {}): CorpusStore {
  if (!existsSync(path)) {
    if (options.mustExist) throw new BitextError('no such corpus store (bitext import creates it)', path);
    return new CorpusStore(path);
  }
  let problem: string | null;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const result = db.pragma('quick_check', { simple: true });
      problem = result === 'ok' ? null : String(result);
    } finally {
      db.close();
    }
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem) throw new BitextError(`is not a sound corpus store (${problem}): it was left untouched`, path);
  return new CorpusStore(path);
}

/** `bitext import`: runs the pipeline and stores each document; returns the failures, one line each. */
export async function importDocuments(
  inputs: readonly string[],
  database: string,
  reader: ReaderChoice,
): Promise<string[]> {
  const store = openStore(database);
  const { files, failures } = expandInputs(inputs);
  try {
    for (const task of planTasks(files)) {
      const { stored, failures: failed } = await storeFiles(store, task, reader);
      failures.push(...failed.map((failure) => failure.oneLine));
      for (const { id, name, pairs } of stored) {
        process.stderr.write(`bitext: stored ${name} as document ${id}: ${pairs} pairs\n`);
      }
    }
  } finally {
    store.close();
  }
  return failures;
}

export interface ExportFromStoreOptions extends ExportOptions {
  database: string;
  format: Format;
  output: string;
  documents?: string[];
  force: boolean;
}

export interface ExportResult {
  written: string[];
  /** One line per document that could not be written, naming its file. */
  failures: string[];
}

/**
 * `bitext export`: writes stored documents, as edited, in any format, into a folder,
 * each under a name of its own (`report`, `report-2` for a second `report`). A document
 * that cannot be written is reported and the others are written.
 */
export function exportDocuments(options: ExportFromStoreOptions): ExportResult {
  const store = openStore(options.database, { mustExist: true });
  const result: ExportResult = { written: [], failures: [] };
  try {
    mkdirSync(options.output, { recursive: true });
    const ids = store.documentIds(options.documents);
    const documents = ids.map((id) => store.getDocument(id));
    const names = distinctNames(documents.map((document) => document.source.files[0] ?? 'document'));
    documents.forEach((document, i) => {
      const files = renderDocument(document, options.format, options).map((file) => ({
        path: join(options.output, `${names[i]}${file.suffix}`),
        text: file.text,
      }));
      try {
        writeFilesAtomic(files, { force: options.force });
        result.written.push(...files.map((file) => file.path));
      } catch (error) {
        if (!(error instanceof BitextError)) throw error;
        result.failures.push(error.oneLine);
      }
    });
  } finally {
    store.close();
  }
  return result;
}

/** `bitext search`: pairs containing a word or phrase, in either language. */
export function searchStore(database: string, query: string, limit: number): string {
  const store = openStore(database, { mustExist: true });
  try {
    return store
      .search(query, { limit })
      .map(({ documentId, pair }) => `${documentId}\t${pair.id}\t${pair.en}\t${pair.zh}\n`)
      .join('');
  } finally {
    store.close();
  }
}
