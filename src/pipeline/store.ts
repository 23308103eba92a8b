import { loadLexicon } from '../align/index.js';
import type { BitextError } from '../errors.js';
import { documentName } from '../export/shared.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import type { AlignedDocument } from '../model/document.js';
import { readDocuments } from '../read.js';
import type { CorpusStore } from '../store/index.js';
import { pairDocument } from './pairs.js';

export interface StoredDocumentReport {
  id: number;
  name: string;
  pairs: number;
}

/** Reads and aligns the documents of some input files; a file that cannot be read is a failure. */
export async function alignFiles(
  files: readonly string[],
  reader: ReaderChoice = 'auto',
): Promise<{ documents: AlignedDocument[]; failures: BitextError[] }> {
  const { documents, failures } = await readDocuments(files, reader);
  if (documents.length === 0) return { documents: [], failures };
  const lexicon = await loadLexicon();
  const aligned: AlignedDocument[] = [];
  for (const document of documents) aligned.push(await pairDocument(document, lexicon));
  return { documents: aligned, failures };
}

/** Adds aligned documents to a corpus store. */
export function storeDocuments(
  store: CorpusStore,
  documents: readonly AlignedDocument[],
): StoredDocumentReport[] {
  return documents.map((document) => ({
    id: store.addDocument(document),
    name: documentName(document),
    pairs: document.pairs.length,
  }));
}

/** Reads and aligns the documents of some input files and adds them to a corpus store. */
export async function storeFiles(
  store: CorpusStore,
  files: readonly string[],
  reader: ReaderChoice = 'auto',
): Promise<{ stored: StoredDocumentReport[]; failures: BitextError[] }> {
  const { documents, failures } = await alignFiles(files, reader);
  return { stored: storeDocuments(store, documents), failures };
}
