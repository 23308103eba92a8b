import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { BitextError } from '../errors.js';
import { documentName } from '../export/shared.js';
import type { AlignedDocument, BilingualDocument } from '../model/document.js';
import { PairEditor } from './edits.js';
import { pairOf, type StoredDocument, type StoredRow } from './rows.js';
import { type SearchOptions, searchPairs } from './search.js';
import type { SearchPage } from './search-types.js';

export type { StoredDocument } from './rows.js';
export type { SearchOptions } from './search.js';
export type { SearchHit, SearchPage, Span, SpottedHit, SpottedPage } from './search-types.js';

import { migrate, registerFunctions } from './schema.js';

/**
 * The corpus store: one SQLite file (WAL) holding documents, their pairs and every edit.
 * Pairs are searchable in both languages through FTS5 indexes (see search.ts).
 */
export class CorpusStore {
  private readonly db: Database.Database;

  constructor(readonly path: string) {
    try {
      this.db = new Database(path);
    } catch (error) {
      throw new BitextError(`cannot be opened as a database: ${(error as Error).message}`, path, {
        cause: error,
      });
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    registerFunctions(this.db);
    try {
      migrate(this.db);
    } catch (error) {
      this.db.close();
      throw new BitextError((error as Error).message, path, { cause: error });
    }
  }

  close(): void {
    this.db.close();
  }

  /** Edits of stored pairs, with undo and redo. */
  editor(): PairEditor {
    return new PairEditor(this.db);
  }

  /** The stored rows of a document's pairs in order, with their ids and versions, as an editor needs them. */
  rows(documentId: number): StoredRow[] {
    return this.db
      .prepare('SELECT * FROM pairs WHERE document_id = ? ORDER BY position')
      .all(documentId) as StoredRow[];
  }

  /** Stores an aligned document; returns its id. */
  addDocument(document: AlignedDocument): number {
    const { pairs, ...model } = document;
    const insertDocument = this.db.prepare(
      'INSERT INTO documents (name, imported_at, model) VALUES (?, ?, ?)',
    );
    const insertPair = this.db.prepare(
      `INSERT INTO pairs (document_id, position, pair_key, article, role, en, zh, en_ids, zh_ids, score, flags)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() => {
      const id = Number(
        insertDocument.run(documentName(document), new Date().toISOString(), JSON.stringify(model))
          .lastInsertRowid,
      );
      pairs.forEach((pair, position) => {
        insertPair.run(
          id,
          position,
          pair.id,
          pair.article,
          pair.role,
          pair.en,
          pair.zh,
          JSON.stringify(pair.enIds),
          JSON.stringify(pair.zhIds),
          pair.score,
          JSON.stringify(pair.flags),
        );
      });
      return id;
    })();
  }

  listDocuments(): StoredDocument[] {
    return this.db
      .prepare(
        `SELECT d.id, d.name, d.imported_at AS importedAt, COUNT(p.id) AS pairs,
                COALESCE(SUM(p.status = 'confirmed'), 0) AS confirmed,
                COALESCE(SUM(p.flags <> '[]' AND p.status = 'auto'), 0) AS doubtful,
                (SELECT COUNT(*) FROM json_each(d.model, '$.warnings'))
                  + (SELECT COUNT(*) FROM json_each(d.model, '$.articles') AS article, json_each(article.value, '$.warnings'))
                  AS warnings
         FROM documents d LEFT JOIN pairs p ON p.document_id = d.id
         GROUP BY d.id ORDER BY d.id`,
      )
      .all() as StoredDocument[];
  }

  /** The name a document was stored under. */
  documentName(id: number): string {
    const row = this.db.prepare('SELECT name FROM documents WHERE id = ?').get(id) as
      | { name: string }
      | undefined;
    if (!row) throw new BitextError(`no document with id ${id}`, this.path);
    return row.name;
  }

  /** A stored document with its pairs in order, as the pipeline made it (and edits changed it). */
  getDocument(id: number): AlignedDocument {
    const row = this.db.prepare('SELECT model FROM documents WHERE id = ?').get(id) as
      | { model: string }
      | undefined;
    if (!row) throw new BitextError(`no document with id ${id}`, this.path);
    const model = JSON.parse(row.model) as BilingualDocument;
    const pairs = (
      this.db.prepare('SELECT * FROM pairs WHERE document_id = ? ORDER BY position').all(id) as StoredRow[]
    ).map(pairOf);
    return { ...model, pairs };
  }

  /** Documents by id, or all of them. */
  documentIds(names?: readonly string[]): number[] {
    const all = this.listDocuments();
    if (!names || names.length === 0) return all.map((document) => document.id);
    return names.map((name) => {
      const found = all.find((document) => document.name === basename(name) || String(document.id) === name);
      if (!found) throw new BitextError(`holds no document named ${name}`, this.path);
      return found.id;
    });
  }

  /** One page of the pairs a query matches, with the total: see searchPairs. */
  search(query: string, options: SearchOptions = {}): SearchPage {
    return searchPairs(this.db, query, options);
  }
}
