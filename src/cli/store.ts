import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
import type { AlignedDocument } from '../model/document.js';
import { distinctNames } from '../model/names.js';
import { planTasks } from '../pipeline/batch.js';
import { storeFiles } from '../pipeline/store.js';
import { openStore } from './open-store.js';

/** `bitext import`: runs the pipeline and stores each document; returns the failures, one line each. */
export async function importDocuments(
  inputs: readonly string[],
  database: string,
  options: { reader: ReaderChoice; jobs: number },
): Promise<string[]> {
  const store = await openStore(database);
  const { files, failures } = expandInputs(inputs);
  try {
    for (const task of planTasks(files)) {
      const { stored, failures: failed } = await storeFiles(store, task, options);
      failures.push(...failed.map((failure) => failure.oneLine));
      for (const { id, name, pairs, existing } of stored) {
        const what = existing
          ? `already holds ${name} as document ${id}`
          : `stored ${name} as document ${id}`;
        process.stderr.write(`bitext: ${what}: ${pairs} pairs\n`);
      }
    }
  } finally {
    await store.close();
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
export async function exportDocuments(options: ExportFromStoreOptions): Promise<ExportResult> {
  const target = exportTarget(options.output, options.format);
  const store = await openStore(options.database, { mustExist: true });
  const result: ExportResult = { written: [], failures: [] };
  try {
    const documents: AlignedDocument[] = [];
    for (const id of await store.documentIds(options.documents)) documents.push(await store.getDocument(id));
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
    await store.close();
  }
  return result;
}
