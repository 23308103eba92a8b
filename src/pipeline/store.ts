import type { BitextError } from '../errors.js';
import { documentName } from '../export/shared.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import type { CorpusStore } from '../store/index.js';
import { alignFiles } from './uploads.js';

export interface StoredDocumentReport {
  id: number;
  name: string;
  pairs: number;
}

/** Reads and aligns the documents of some input files and adds them to a corpus store. */
export async function storeFiles(
  store: CorpusStore,
  files: readonly string[],
  reader: ReaderChoice = 'auto',
): Promise<{ stored: StoredDocumentReport[]; failures: BitextError[] }> {
  const { aligned, failures } = await alignFiles(files, reader);
  const stored: StoredDocumentReport[] = [];
  for (const document of aligned) {
    stored.push({
      id: store.addDocument(document),
      name: documentName(document),
      pairs: document.pairs.length,
    });
  }
  return { stored, failures };
}
