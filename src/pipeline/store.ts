import { loadLexicon } from '../align/index.js';
import type { BitextError } from '../errors.js';
import { documentName } from '../export/shared.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import { readDocuments } from '../read.js';
import type { CorpusStore } from '../store/index.js';
import { pairDocument } from './pairs.js';

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
  const { documents, failures } = await readDocuments(files, reader);
  const stored: StoredDocumentReport[] = [];
  if (documents.length === 0) return { stored, failures };
  const lexicon = await loadLexicon();
  for (const document of documents) {
    const aligned = await pairDocument(document, lexicon);
    stored.push({ id: store.addDocument(aligned), name: documentName(aligned), pairs: aligned.pairs.length });
  }
  return { stored, failures };
}
