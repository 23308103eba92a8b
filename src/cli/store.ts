import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BitextError } from '../errors.js';
import {
  type ExportOptions,
  type Format,
  formatOfFileName,
  renderDocument,
  renderDocuments,
} from '../export/index.js';
import { expandInputs } from '../ingest/folders.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import { writeFileAtomic, writeFilesAtomic } from '../io/atomic.js';
import { makeFolders } from '../io/folders.js';
import { distinctNames } from '../model/names.js';
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
  if (statSync(path).isDirectory()) throw new BitextError('is a folder, not a corpus store', path);
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
      for (const { id, name, pairs, existing } of stored) {
        const what = existing
          ? `already holds ${name} as document ${id}`
          : `stored ${name} as document ${id}`;
        process.stderr.write(`bitext: ${what}: ${pairs} pairs\n`);
      }
    }
  } finally {
    store.close();
  }
  return failures;
}

export interface ExportFromStoreOptions extends ExportOptions {
  database: string;
  /** The format asked for with --to; otherwise the output file's extension, or TMX. */
  format?: Format;
  output: string;
  documents?: string[];
  force: boolean;
}

type ExportTarget = { file: string; format: Format } | { folder: string; format: Format };

/**
 * One file when the output's extension names a single-file format (`corpus.tmx`) and it is
 * not a folder already; otherwise a folder with a file per document.
 */
function exportTarget(output: string, asked: Format | undefined): ExportTarget {
  const named = formatOfFileName(output);
  if (!named || (existsSync(output) && statSync(output).isDirectory()))
    return { folder: output, format: asked ?? 'tmx' };
  if (asked && asked !== named)
    throw new BitextError(`names a ${named} file, but --to asks for ${asked}`, output);
  return { file: output, format: named };
}

export interface ExportResult {
  written: string[];
  /** One line per document that could not be written, naming its file. */
  failures: string[];
}

/**
 * `bitext export`: writes stored documents, as edited, into one file or a folder of a file
 * each, every document under a name of its own (documents that share one are told apart
 * as by `bitext align`). A document that cannot be written is reported and the others are.
 */
export function exportDocuments(options: ExportFromStoreOptions): ExportResult {
  const target = exportTarget(options.output, options.format);
  const store = openStore(options.database, { mustExist: true });
  const result: ExportResult = { written: [], failures: [] };
  try {
    const documents = store.documentIds(options.documents).map((id) => store.getDocument(id));
    if ('file' in target) {
      const [file] = renderDocuments(documents, target.format, options);
      writeFileAtomic(target.file, file?.text ?? '', { force: options.force });
      result.written.push(target.file);
      return result;
    }
    makeFolders(target.folder);
    const names = distinctNames(documents.map((document) => document.source.files[0] ?? 'document'));
    documents.forEach((document, i) => {
      const files = renderDocument(document, target.format, options).map((file) => ({
        path: join(target.folder, `${names[i]}${file.suffix}`),
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
