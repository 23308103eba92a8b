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
  /** True when the store already held this document (same content), which was then left as it was. */
  existing: boolean;
}

/**
 * Reads and aligns the documents of some input files and adds them to a corpus store. A
 * document the store already holds (by content hash) is reported and not stored again,
 * unless `keepDuplicates` is set.
 */
export async function storeFiles(
  store: CorpusStore,
  files: readonly string[],
  reader: ReaderChoice = 'auto',
  keepDuplicates = false,
): Promise<{ stored: StoredDocumentReport[]; failures: BitextError[] }> {
  const { documents, failures } = await readDocuments(files, reader);
  const stored: StoredDocumentReport[] = [];
  if (documents.length === 0) return { stored, failures };
  const lexicon = await loadLexicon();
  for (const document of documents) {
    const name = documentName({ ...document, pairs: [] });
    const existing = keepDuplicates ? undefined : store.findSameDocument(document);
    if (existing !== undefined) {
      stored.push({ id: existing, name, pairs: store.rows(existing).length, existing: true });
      continue;
    }
    const aligned = await pairDocument(document, lexicon);
    stored.push({ id: store.addDocument(aligned), name, pairs: aligned.pairs.length, existing: false });
  }
  return { stored, failures };
}
