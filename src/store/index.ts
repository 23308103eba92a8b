import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { BitextError, NotFoundError } from '../errors.js';
import { type AlignedDocument, type BilingualDocument, LANGS, type Pair } from '../model/document.js';
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

import { isRunning } from '../io/processes.js';
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

/** How long one step of a document stored in steps writes, holding the store's write lock. */
const STEP_MS = 5;
/** Rows deleted in one step of a document deleted in steps: some milliseconds of work. */
const DELETED_PER_STEP = 100;

/** The tables holding a document's rows, each with the column that tells its rows apart within a document. */
const ROWS_OF_A_DOCUMENT = [
  ['pairs', 'id'],
  ['sentences', 'sentence_id'],
  ['edits', 'id'],
] as const;

/**
 * A pause between steps, three times a step: SQLite's lock is not handed over in turn, and a
 * waiting connection retries after sleeps of 1, 2, 5, 10, 15, 20, 25 ms and so on; with the
 * lock free three quarters of the time a retry seldom misses twice (with it free half the
 * time, the studio's edits were measured waiting up to 250 ms during an upload).
 */
const STEP_PAUSE_MS = 15;

function pauseBetweenSteps(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, STEP_PAUSE_MS));
}

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
      this.dropAbandoned();
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
    this.documentName(row.document_id);
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
      .prepare('SELECT id FROM documents WHERE content_hash = ? AND held_by IS NULL ORDER BY id LIMIT 1')
      .get(contentHash(document)) as { id: number } | undefined;
    return row?.id;
  }

  /** Stores an aligned document, in one transaction; returns its id. */
  addDocument(document: AlignedDocument): number {
    return this.db
      .transaction(() => {
        const id = this.insertDocument(document, null);
        const [writeSentence, writePair] = [this.sentenceWriter(id), this.pairWriter(id)];
        for (const sentence of sentenceRows(document)) writeSentence(sentence);
        document.pairs.forEach(writePair);
        return id;
      })
      .immediate();
  }

  /**
   * Stores an aligned document in short transactions, so that another connection's write
   * (an edit in the studio) waits for one step at most, not for the whole document. The
   * document stays hidden until a last short step shows it in place of `replaced`, which
   * are then deleted in steps; a process that dies halfway leaves only hidden rows, which
   * `dropHeldBy` (or the next open) deletes. Returns the new document's id.
   */
  async addDocumentInSteps(document: AlignedDocument, replaced: readonly number[] = []): Promise<number> {
    const id = this.inStep(() => this.insertDocument(document, process.pid));
    // The hidden steps need not reach the disk one by one (a crash loses only hidden rows),
    // so they hold the lock without waiting for the disk; the last step waits for all of them.
    const synchronous = this.db.pragma('synchronous', { simple: true });
    this.db.pragma('synchronous = NORMAL');
    try {
      await this.writeInSteps(sentenceRows(document), this.sentenceWriter(id));
      await this.writeInSteps(document.pairs, this.pairWriter(id));
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
    }
    await pauseBetweenSteps();
    this.inStep(() => {
      const hide = this.db.prepare('UPDATE documents SET held_by = ? WHERE id = ? AND held_by IS NULL');
      for (const old of replaced) hide.run(process.pid, old);
      this.db.prepare('UPDATE documents SET held_by = NULL WHERE id = ?').run(id);
    });
    await this.dropHeldBy(process.pid);
    return id;
  }

  /** Deletes, in short steps, the documents a process hid to store or remove them: it ended without finishing. */
  async dropHeldBy(pid: number): Promise<void> {
    const held = this.db.prepare('SELECT id FROM documents WHERE held_by = ?').pluck().all(pid) as number[];
    for (const id of held) {
      for (const [table, key] of ROWS_OF_A_DOCUMENT) {
        const remove = this.db.prepare(
          `DELETE FROM ${table} WHERE document_id = ? AND ${key} IN
             (SELECT ${key} FROM ${table} WHERE document_id = ? LIMIT ${DELETED_PER_STEP})`,
        );
        while (this.inStep(() => remove.run(id, id).changes) > 0) await pauseBetweenSteps();
      }
      this.inStep(() => this.db.prepare('DELETE FROM documents WHERE id = ?').run(id));
    }
  }

  /** Deletes the hidden documents of processes that no longer run (a crash while storing). */
  private dropAbandoned(): void {
    const holders = this.db
      .prepare('SELECT DISTINCT held_by FROM documents WHERE held_by IS NOT NULL')
      .pluck()
      .all() as number[];
    const abandoned = this.db.prepare('DELETE FROM documents WHERE held_by = ?');
    for (const pid of holders.filter((holder) => !isRunning(holder))) abandoned.run(pid);
  }

  private inStep<T>(step: () => T): T {
    return this.db.transaction(step).immediate();
  }

  /** Writes rows in transactions of some STEP_MS each, with a pause before each. */
  private async writeInSteps<T>(rows: readonly T[], write: (row: T, index: number) => void): Promise<void> {
    let next = 0;
    while (next < rows.length) {
      await pauseBetweenSteps();
      this.inStep(() => {
        const until = performance.now() + STEP_MS;
        do write(rows[next] as T, next++);
        while (next < rows.length && performance.now() < until);
      });
    }
  }

  private insertDocument(document: AlignedDocument, heldBy: number | null): number {
    const { pairs: _, ...model } = document;
    return Number(
      this.db
        .prepare(
          `INSERT INTO documents (name, imported_at, model, content_hash, held_by, warnings)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          documentName(document),
          new Date().toISOString(),
          JSON.stringify(model),
          contentHash(document),
          heldBy,
          document.warnings.length +
            document.articles.reduce((sum, article) => sum + article.warnings.length, 0),
        ).lastInsertRowid,
    );
  }

  private sentenceWriter(id: number): (sentence: ReturnType<typeof sentenceRows>[number]) => void {
    const insert = this.db.prepare(
      'INSERT INTO sentences (document_id, sentence_id, paragraph_path, text, page) VALUES (?, ?, ?, ?, ?)',
    );
    return (sentence) => insert.run(id, sentence.id, sentence.path, sentence.text, sentence.page);
  }

  /** Writes a pair at its index in the document's order. */
  private pairWriter(id: number): (pair: Pair, index: number) => void {
    const insert = this.db.prepare(
      `INSERT INTO pairs (document_id, position, pair_key, article, role, en, zh, en_ids, zh_ids, score, flags, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return (pair, index) =>
      insert.run(
        id,
        index * POSITION_GAP,
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
  }

  listDocuments(): StoredDocument[] {
    return this.db
      .prepare(
        `SELECT d.id, d.name, d.imported_at AS importedAt, COUNT(p.id) AS pairs,
                COALESCE(SUM(p.status = 'confirmed'), 0) AS confirmed,
                COALESCE(SUM(${DOUBTFUL_SQL}), 0) AS doubtful, d.warnings
         FROM documents d LEFT JOIN pairs p ON p.document_id = d.id
         WHERE d.held_by IS NULL
         GROUP BY d.id ORDER BY d.id`,
      )
      .all() as StoredDocument[];
  }

  /** The name a document was stored under. */
  documentName(id: number): string {
    const row = this.db.prepare('SELECT name FROM documents WHERE id = ? AND held_by IS NULL').get(id) as
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

  /**
   * Deletes a stored document with its pairs, sentences and edit history: out of view at once,
   * then row by row in short steps, so that a long document never holds up other work.
   */
  async deleteDocument(id: number): Promise<void> {
    this.documentName(id);
    this.db.prepare('UPDATE documents SET held_by = ? WHERE id = ?').run(process.pid, id);
    await this.dropHeldBy(process.pid);
  }

  /** Stored documents that the given one would duplicate: the same content, or the same name. */
  duplicatesOf(document: BilingualDocument): { id: number; name: string }[] {
    return this.db
      .prepare(
        'SELECT id, name FROM documents WHERE (content_hash = ? OR name = ?) AND held_by IS NULL ORDER BY id',
      )
      .all(contentHash(document), documentName(document)) as { id: number; name: string }[];
  }

  /** A stored document's structure, sentences and warnings, without its pairs. */
  private getDocumentModel(id: number): BilingualDocument {
    const row = this.db.prepare('SELECT model FROM documents WHERE id = ? AND held_by IS NULL').get(id) as
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
