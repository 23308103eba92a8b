import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { BitextError, NotFoundError } from '../errors.js';
import { type AlignedDocument, type BilingualDocument, LANGS } from '../model/document.js';
import { documentName } from '../model/names.js';
import { listWarnings, type PlacedWarning } from '../model/warnings.js';
import { DOUBTFUL_SQL } from '../pairs/doubtful.js';
import { PairEditor, POSITION_GAP } from './edits.js';
import { pairOf, REVIEW_COLUMNS, type ReviewRow, type StoredDocument, type StoredRow } from './rows.js';
import { countPairs, type SearchOptions, searchPairs } from './search.js';
import type { SearchPage } from './search-types.js';

export { NotFoundError, StaleEditError } from './errors.js';
export type {
  EditHistory,
  EditOutcome,
  ReviewRow,
  Seen,
  StoredDocument,
  StoredRow,
} from './rows.js';
export type { SearchOptions } from './search.js';
export type { SearchHit, SearchPage, Span, SpottedHit, SpottedPage } from './search-types.js';

import { migrate, registerFunctions } from './schema.js';

/** A name a person can give a document: printable, whole characters, no path separators, at most 200 characters. */
const DOCUMENT_NAME = /^[^\p{Cc}\p{Cs}/\\]{1,200}$/u;

/** What makes two imports the same document: its text and structure, not where the file lay. */
export function contentHash(document: BilingualDocument): string {
  const { toc, articles, warnings } = document;
  return createHash('sha256').update(JSON.stringify({ toc, articles, warnings })).digest('hex');
}

/** Each sentence of a document with the JSON path of its paragraph in the model, and its PDF page. */
function sentenceRows(document: BilingualDocument) {
  return document.articles.flatMap((article, a) =>
    LANGS.flatMap((lang) =>
      article.paragraphs[lang].flatMap((paragraph, p) =>
        paragraph.sentences.map((sentence) => ({
          id: sentence.id,
          path: `$.articles[${a}].paragraphs.${lang}[${p}]`,
          text: sentence.text,
          page: paragraph.sources[0]?.page ?? null,
        })),
      ),
    ),
  );
}

/** How long a connection waits for another process's write to finish before it gives up. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The corpus store: one SQLite file (WAL) holding documents, their pairs and every edit.
 * Pairs are searchable in both languages through FTS5 indexes (see search.ts).
 */
export class CorpusStore {
  private readonly db: Database.Database;

  constructor(readonly path: string) {
    this.db = openChecked(path);
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
    this.documentName(documentId);
    return this.db
      .prepare('SELECT * FROM pairs WHERE document_id = ? ORDER BY position')
      .all(documentId) as StoredRow[];
  }

  /** A document's rows as the review shows them: the first `limit`, or all. */
  reviewRows(documentId: number, limit = -1): ReviewRow[] {
    this.documentName(documentId);
    return this.db
      .prepare(
        `SELECT ${REVIEW_COLUMNS.join(', ')} FROM pairs WHERE document_id = ? ORDER BY position LIMIT ?`,
      )
      .all(documentId, limit) as ReviewRow[];
  }

  /** How many pairs a document has. */
  pairCount(documentId: number): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM pairs WHERE document_id = ?').get(documentId) as {
        n: number;
      }
    ).n;
  }

  /** The PDF page of each sentence read from a PDF, by sentence id. */
  sentencePages(documentId: number): Record<string, number> {
    const rows = this.db
      .prepare('SELECT sentence_id, page FROM sentences WHERE document_id = ? AND page IS NOT NULL')
      .raw()
      .all(documentId) as [string, number][];
    return Object.fromEntries(rows);
  }

  /** The texts of a pair's sentences, in order, English first; the pair's document id. */
  pairSentences(pairId: number): { documentId: number; sentences: { id: string; text: string }[] } {
    const row = this.db.prepare('SELECT * FROM pairs WHERE id = ?').get(pairId) as StoredRow | undefined;
    if (!row) throw new NotFoundError(`no pair with id ${pairId}`);
    const select = this.db.prepare('SELECT text FROM sentences WHERE document_id = ? AND sentence_id = ?');
    const ids = [...(JSON.parse(row.en_ids) as string[]), ...(JSON.parse(row.zh_ids) as string[])];
    return {
      documentId: row.document_id,
      sentences: ids.map((id) => ({
        id,
        text: (select.get(row.document_id, id) as { text: string } | undefined)?.text ?? '',
      })),
    };
  }

  /** The document already stored with the same content, if any. */
  findSameDocument(document: BilingualDocument): number | undefined {
    const row = this.db
      .prepare('SELECT id FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1')
      .get(contentHash(document)) as { id: number } | undefined;
    return row?.id;
  }

  /** Stores an aligned document, in one transaction; returns its id. */
  addDocument(document: AlignedDocument): number {
    const { pairs, ...model } = document;
    const insertDocument = this.db.prepare(
      'INSERT INTO documents (name, imported_at, model, content_hash) VALUES (?, ?, ?, ?)',
    );
    const insertPair = this.db.prepare(
      `INSERT INTO pairs (document_id, position, pair_key, article, role, en, zh, en_ids, zh_ids, score, flags, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertSentence = this.db.prepare(
      'INSERT INTO sentences (document_id, sentence_id, paragraph_path, text, page) VALUES (?, ?, ?, ?, ?)',
    );
    return this.db
      .transaction(() => {
        const id = Number(
          insertDocument.run(
            documentName(document),
            new Date().toISOString(),
            JSON.stringify(model),
            contentHash(document),
          ).lastInsertRowid,
        );
        for (const sentence of sentenceRows(document))
          insertSentence.run(id, sentence.id, sentence.path, sentence.text, sentence.page);
        pairs.forEach((pair, position) => {
          insertPair.run(
            id,
            position * POSITION_GAP,
            pair.id,
            pair.article,
            pair.role,
            pair.en,
            pair.zh,
            JSON.stringify(pair.enIds),
            JSON.stringify(pair.zhIds),
            pair.score,
            JSON.stringify(pair.flags),
            pair.status ?? 'auto',
          );
        });
        return id;
      })
      .immediate();
  }

  listDocuments(): StoredDocument[] {
    return this.db
      .prepare(
        `SELECT d.id, d.name, d.imported_at AS importedAt, COUNT(p.id) AS pairs,
                COALESCE(SUM(p.status = 'confirmed'), 0) AS confirmed,
                COALESCE(SUM(${DOUBTFUL_SQL}), 0) AS doubtful,
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
    if (!row) throw new NotFoundError(`no document with id ${id}`, this.path);
    return row.name;
  }

  /** Gives a stored document another name, as the library lists it and exports name its files. */
  renameDocument(id: number, name: string): void {
    const wanted = name.trim();
    if (!DOCUMENT_NAME.test(wanted))
      throw new BitextError(`a document name is 1 to 200 characters, with no control characters or slashes`);
    this.documentName(id);
    this.db.prepare('UPDATE documents SET name = ? WHERE id = ?').run(wanted, id);
  }

  /** Deletes a stored document with its pairs, sentences and edit history. */
  deleteDocument(id: number): void {
    this.documentName(id);
    this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
  }

  /** Stores a document in place of others, in one transaction: none is lost if storing fails. */
  replaceDocuments(replaced: readonly number[], document: AlignedDocument): number {
    return this.db.transaction(() => {
      for (const id of replaced) this.deleteDocument(id);
      return this.addDocument(document);
    })();
  }

  /** Stored documents that the given one would duplicate: the same content, or the same name. */
  duplicatesOf(document: BilingualDocument): { id: number; name: string }[] {
    return this.db
      .prepare('SELECT id, name FROM documents WHERE content_hash = ? OR name = ? ORDER BY id')
      .all(contentHash(document), documentName(document)) as { id: number; name: string }[];
  }

  /** A stored document's structure, sentences and warnings, without its pairs. */
  private getDocumentModel(id: number): BilingualDocument {
    const row = this.db.prepare('SELECT model FROM documents WHERE id = ?').get(id) as
      | { model: string }
      | undefined;
    if (!row) throw new NotFoundError(`no document with id ${id}`, this.path);
    return JSON.parse(row.model) as BilingualDocument;
  }

  /** A stored document with its pairs in order, as the pipeline made it (and edits changed it). */
  getDocument(id: number): AlignedDocument {
    const model = this.getDocumentModel(id);
    const pairs = (
      this.db.prepare('SELECT * FROM pairs WHERE document_id = ? ORDER BY position').all(id) as StoredRow[]
    ).map(pairOf);
    return { ...model, pairs };
  }

  /** A stored document's warnings in reading order, each with the sentence nearest its place. */
  documentWarnings(id: number): PlacedWarning[] {
    return listWarnings(this.getDocumentModel(id));
  }

  /** Documents by id, or all of them. */
  documentIds(names?: readonly string[]): number[] {
    const all = this.listDocuments();
    if (!names || names.length === 0) return all.map((document) => document.id);
    return names.map((name) => {
      const found = all.find((document) => document.name === basename(name) || String(document.id) === name);
      if (!found) throw new NotFoundError(`holds no document named ${name}`, this.path);
      return found.id;
    });
  }

  /** One page of the pairs a query matches, with the total: see searchPairs. */
  search(query: string, options: SearchOptions = {}): SearchPage {
    return searchPairs(this.db, query, options);
  }

  /** The pairs a query matches (with the options' filters), counted up to `upTo`; `upTo + 1` when more. */
  countPairs(query: string, options: SearchOptions, upTo: number): number {
    return countPairs(this.db, query, options, upTo);
  }
}

/** Files up to this size get a full `quick_check` on open (some 1 s for 40 MB); larger ones a read of their schema. */
const QUICK_CHECK_LIMIT_BYTES = 64 * 1024 * 1024;

/** Tables, but no schema version of bitext's: migrating would write into another program's database. */
function madeByAnotherProgram(db: Database.Database): boolean {
  const tables = db
    .prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")
    .pluck()
    .get() as number;
  return tables > 0 && db.pragma('user_version', { simple: true }) === 0;
}

/**
 * Opens a database file after checking it is one and is whole, so that nothing is ever
 * written into a damaged file: a bad one is a one-line error naming it.
 */
function openChecked(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    const size = existsSync(path) ? statSync(path).size : 0;
    if (size <= QUICK_CHECK_LIMIT_BYTES) {
      const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
      if (problems[0] !== 'ok') throw new Error(problems.slice(0, 3).join('; '));
    } else {
      db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    }
    if (madeByAnotherProgram(db)) throw new Error('it holds tables that another program made');
    return db;
  } catch (error) {
    db?.close();
    throw new BitextError(
      `is not a bitext database, or is damaged: ${(error as Error).message}; nothing was written to it`,
      path,
      { cause: error },
    );
  }
}
