import { loadLexicon } from '../align/index.js';
import type { BitextError } from '../errors.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import type { AlignedDocument, BilingualDocument } from '../model/document.js';
import { documentName } from '../model/names.js';
import { pairDocument } from '../pairs/pairs.js';
import { readDocuments } from '../read.js';

/** What documents are stored into: a store of either kind (the SQLite one answers at once). */
export interface DocumentSink {
  findSameDocument(document: BilingualDocument): number | undefined | Promise<number | undefined>;
  addDocument(document: AlignedDocument): number | Promise<number>;
  rows(documentId: number): readonly unknown[] | Promise<readonly unknown[]>;
}

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

/** The report of a document the store already held, which was left as it was. */
async function existingReport(store: DocumentSink, id: number, name: string): Promise<StoredDocumentReport> {
  return { id, name, pairs: (await store.rows(id)).length, existing: true };
}

/**
 * Adds aligned documents to a corpus store. A document the store already holds (by content
 * hash) is reported and not stored again, unless `keepDuplicates` is set.
 */
export async function storeDocuments(
  store: DocumentSink,
  documents: readonly AlignedDocument[],
  keepDuplicates = false,
): Promise<StoredDocumentReport[]> {
  const reports: StoredDocumentReport[] = [];
  for (const document of documents) {
    const name = documentName(document);
    const existing = keepDuplicates ? undefined : await store.findSameDocument(document);
    reports.push(
      existing !== undefined
        ? await existingReport(store, existing, name)
        : { id: await store.addDocument(document), name, pairs: document.pairs.length, existing: false },
    );
  }
  return reports;
}

export interface StoreFilesOptions {
  reader?: ReaderChoice;
  /** Store a document even when the store holds one with the same content. */
  keepDuplicates?: boolean;
  /** Threads a long document's articles are paired on. */
  jobs?: number;
}

/**
 * Reads the documents of some input files and adds them to a corpus store, aligning only
 * those it does not hold yet: a document imported again costs its reading, not its alignment.
 */
export async function storeFiles(
  store: DocumentSink,
  files: readonly string[],
  { reader = 'auto', keepDuplicates = false, jobs = 1 }: StoreFilesOptions = {},
): Promise<{ stored: StoredDocumentReport[]; failures: BitextError[] }> {
  const { documents, failures } = await readDocuments(files, reader);
  const stored: StoredDocumentReport[] = [];
  for (const document of documents) {
    const existing = keepDuplicates ? undefined : await store.findSameDocument(document);
    if (existing !== undefined) {
      stored.push(await existingReport(store, existing, documentName(document)));
      continue;
    }
    const aligned = await pairDocument(document, await loadLexicon(), { jobs });
    stored.push(...(await storeDocuments(store, [aligned], keepDuplicates)));
  }
  return { stored, failures };
}
