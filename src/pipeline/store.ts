import { loadLexicon } from '../align/index.js';
import type { BitextError } from '../errors.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import type { AlignedDocument } from '../model/document.js';
import { documentName } from '../model/names.js';
import { pairDocument } from '../pairs/pairs.js';
import { readDocuments } from '../read.js';
import type { CorpusStore } from '../store/index.js';

export interface StoredDocumentReport {
  id: number;
  name: string;
  pairs: number;
  /** True when the store already held this document (same content), which was then left as it was. */
  existing: boolean;
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

/**
 * Adds aligned documents to a corpus store. A document the store already holds (by content
 * hash) is reported and not stored again, unless `keepDuplicates` is set.
 */
export function storeDocuments(
  store: CorpusStore,
  documents: readonly AlignedDocument[],
  keepDuplicates = false,
): StoredDocumentReport[] {
  return documents.map((document) => {
    const name = documentName(document);
    const existing = keepDuplicates ? undefined : store.findSameDocument(document);
    if (existing !== undefined)
      return { id: existing, name, pairs: store.rows(existing).length, existing: true };
    return { id: store.addDocument(document), name, pairs: document.pairs.length, existing: false };
  });
}

/** Reads and aligns the documents of some input files and adds them to a corpus store. */
export async function storeFiles(
  store: CorpusStore,
  files: readonly string[],
  reader: ReaderChoice = 'auto',
  keepDuplicates = false,
): Promise<{ stored: StoredDocumentReport[]; failures: BitextError[] }> {
  const { documents, failures } = await alignFiles(files, reader);
  return { stored: storeDocuments(store, documents, keepDuplicates), failures };
}
