import type { BitextError } from '../errors.js';
import { documentName } from '../export/shared.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import type { AlignedDocument } from '../model/document.js';
import { alignFiles } from './uploads.js';

export interface StoredDocumentReport {
  id: number;
  name: string;
  pairs: number;
}

/** What documents are stored into: a store of either kind (the SQLite one answers at once). */
export interface DocumentSink {
  addDocument(document: AlignedDocument): number | Promise<number>;
}

/** Reads and aligns the documents of some input files and adds them to a corpus store. */
export async function storeFiles(
  store: DocumentSink,
  files: readonly string[],
  reader: ReaderChoice = 'auto',
): Promise<{ stored: StoredDocumentReport[]; failures: BitextError[] }> {
  const { aligned, failures } = await alignFiles(files, reader);
  const stored: StoredDocumentReport[] = [];
  for (const document of aligned) {
    stored.push({
      id: await store.addDocument(document),
      name: documentName(document),
      pairs: document.pairs.length,
    });
  }
  return { stored, failures };
}
