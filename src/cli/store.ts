import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BitextError } from '../errors.js';
import { type ExportOptions, type Format, renderDocument } from '../export/index.js';
import { documentName } from '../export/shared.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import { writeFileAtomic } from '../io/atomic.js';
import { expandInputs, planTasks } from '../pipeline/batch.js';
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
  format: Format;
  output: string;
  documents?: string[];
  force: boolean;
}

/** `bitext export`: writes stored documents, as edited, in any format, into a folder. */
export function exportDocuments(options: ExportFromStoreOptions): string[] {
  if (!existsSync(options.database))
    throw new BitextError('no such corpus store (bitext import creates it)', options.database);
  const store = new CorpusStore(options.database);
  mkdirSync(options.output, { recursive: true });
  const written: string[] = [];
  try {
    for (const id of store.documentIds(options.documents)) {
      const document = store.getDocument(id);
      for (const file of renderDocument(document, options.format, options)) {
        const path = join(options.output, `${documentName(document)}${file.suffix}`);
        writeFileAtomic(path, file.text, { force: options.force });
        written.push(path);
      }
    }
  } finally {
    store.close();
  }
  return written;
}

/** `bitext search`: pairs containing a word or phrase, in either language. */
export function searchStore(database: string, query: string, limit: number): string {
  const store = new CorpusStore(database);
  try {
    return store
      .search(query, { limit })
      .map(({ documentId, pair }) => `${documentId}\t${pair.id}\t${pair.en}\t${pair.zh}\n`)
      .join('');
  } finally {
    store.close();
  }
}
