import type { AlignedDocument, BilingualDocument } from '../model/document.js';
import type { CorpusStore } from './index.js';
import type { StoredDocument, StoredRow } from './rows.js';
import type { SearchOptions } from './search.js';
import type { SearchPage } from './search-types.js';

/**
 * What every corpus store does, on SQLite (the embedded default) or PostgreSQL (shared by
 * many machines): documents in, documents out, search. Asynchronous, because PostgreSQL is;
 * the SQLite store answers at once. test/pg-store.test.ts holds both to the same tests.
 */
export interface Store {
  /** The file or server the store is in, as messages name it (a URL without its password). */
  readonly path: string;
  /** Stores an aligned document; returns its id. */
  addDocument(document: AlignedDocument): Promise<number>;
  /** The id of a stored document with the same content (see contentHash), if any. */
  findSameDocument(document: BilingualDocument): Promise<number | undefined>;
  /** The stored rows of a document's pairs in order. */
  rows(documentId: number): Promise<StoredRow[]>;
  listDocuments(): Promise<StoredDocument[]>;
  documentName(id: number): Promise<string>;
  /** A stored document with its pairs in order, as the pipeline made it (and edits changed it). */
  getDocument(id: number): Promise<AlignedDocument>;
  /** Documents by name or id, or all of them. */
  documentIds(names?: readonly string[]): Promise<number[]>;
  /** One page of the pairs a query matches, with the total (see search.ts). */
  search(query: string, options?: SearchOptions): Promise<SearchPage>;
  /** The pairs a query matches (with the options' filters), counted up to `upTo`; `upTo + 1` when more. */
  countPairs(query: string, options: SearchOptions, upTo: number): Promise<number>;
  close(): Promise<void>;
}

/** The SQLite store behind the shared interface: its synchronous calls, answered as promises. */
export class SqliteStore implements Store {
  constructor(readonly store: CorpusStore) {}

  get path(): string {
    return this.store.path;
  }

  async addDocument(document: AlignedDocument): Promise<number> {
    return this.store.addDocument(document);
  }

  async findSameDocument(document: BilingualDocument): Promise<number | undefined> {
    return this.store.findSameDocument(document);
  }

  async rows(documentId: number): Promise<StoredRow[]> {
    return this.store.rows(documentId);
  }

  async listDocuments(): Promise<StoredDocument[]> {
    return this.store.listDocuments();
  }

  async documentName(id: number): Promise<string> {
    return this.store.documentName(id);
  }

  async getDocument(id: number): Promise<AlignedDocument> {
    return this.store.getDocument(id);
  }

  async documentIds(names?: readonly string[]): Promise<number[]> {
    return this.store.documentIds(names);
  }

  async search(query: string, options?: SearchOptions): Promise<SearchPage> {
    return this.store.search(query, options);
  }

  async countPairs(query: string, options: SearchOptions, upTo: number): Promise<number> {
    return this.store.countPairs(query, options, upTo);
  }

  async close(): Promise<void> {
    this.store.close();
  }
}
