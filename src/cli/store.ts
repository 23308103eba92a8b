import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BitextError } from '../errors.js';
import {
  type ExportOptions,
  type Format,
  formatOfFileName,
  renderDocument,
  renderDocuments,
} from '../export/index.js';
import { documentName } from '../export/shared.js';
import { expandInputs } from '../ingest/folders.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import { writeFileAtomic } from '../io/atomic.js';
import { planTasks } from '../pipeline/batch.js';
import { storeFiles } from '../pipeline/store.js';
import { CorpusStore } from '../store/index.js';

/** `bitext import`: runs the pipeline and stores each document; returns the failures, one line each. */
export async function importDocuments(
  inputs: readonly string[],
  database: string,
  reader: ReaderChoice,
): Promise<string[]> {
  const { files, failures } = expandInputs(inputs);
  const store = new CorpusStore(database);
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

/** `bitext export`: writes stored documents, as edited, into one file or a folder of a file each. */
export function exportDocuments(options: ExportFromStoreOptions): string[] {
  if (!existsSync(options.database))
    throw new BitextError('no such corpus store (bitext import creates it)', options.database);
  const target = exportTarget(options.output, options.format);
  const store = new CorpusStore(options.database);
  try {
    const documents = store.documentIds(options.documents).map((id) => store.getDocument(id));
    if ('file' in target) {
      const [file] = renderDocuments(documents, target.format, options);
      writeFileAtomic(target.file, file?.text ?? '', { force: options.force });
      return [target.file];
    }
    mkdirSync(target.folder, { recursive: true });
    return documents.flatMap((document) =>
      renderDocument(document, target.format, options).map((file) => {
        const path = join(target.folder, `${documentName(document)}${file.suffix}`);
        writeFileAtomic(path, file.text, { force: options.force });
        return path;
      }),
    );
  } finally {
    store.close();
  }
}
