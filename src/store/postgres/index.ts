import { basename } from 'node:path';
import pg from 'pg';
import { BitextError } from '../../errors.js';
import type { AlignedDocument, BilingualDocument } from '../../model/document.js';
import { documentName } from '../../model/names.js';
import type { Store } from '../corpus.js';
import { POSITION_GAP } from '../edits.js';
import { contentHash } from '../index.js';
import { pairOf, REVIEW_COLUMNS, type StoredDocument, type StoredRow } from '../rows.js';
import { cjkSpaced } from '../schema.js';
import {
  COUNT_LIMIT,
  DEFAULT_LIMIT,
  parseQuery,
  type QueryTerm,
  type SearchOptions,
  searchHit,
  searchWords,
} from '../search.js';
import type { SearchPage } from '../search-types.js';
import { migrate, SCHEMA } from './schema.js';

/** BIGINT ids and counts come back as numbers, not strings: a corpus stays far below 2^53 rows. */
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** A pair's columns as a StoredRow holds them (not the search vectors): the review's, with where the pair stands. */
const ROW_COLUMNS = ['document_id', 'position', ...REVIEW_COLUMNS].map((column) => `p.${column}`).join(', ');

/**
 * Pairs a search's total samples: counting every match reads each from the table, and 100,000
 * of them took most of a second at a million pairs (the planner's estimate was off eightfold for
 * Chinese). A store this small is counted whole.
 */
const SAMPLE_ROWS = 20_000;
/** Matches a sample needs for an estimate to stand for the total (within about a tenth); with fewer they are counted. */
const MIN_SAMPLED = 100;

/** What a store query runs on: the pool, or one client inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

/** A connection URL with its password hidden, to name the store in messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'postgres://…';
  }
}

/**
 * The corpus store on a PostgreSQL server: the same documents, pairs and searches as the SQLite
 * store, shared by every machine that has the URL. Pairs are searchable through pg_trgm indexes
 * in both languages, and a Han character index for one- and two-character Chinese queries.
 */
export class PostgresStore implements Store {
  readonly path: string;

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
    private readonly sampleRows: number,
  ) {
    this.path = redactedUrl(url);
  }

  /** Connects and brings the database up to the current schema. */
  static async open(
    url: string,
    options: { connections?: number; sampleRows?: number } = {},
  ): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.connections ?? 4, types });
    // A server restart cuts idle connections; the pool drops them and the next query reconnects.
    pool.on('error', () => {});
    const store = new PostgresStore(pool, url, options.sampleRows ?? SAMPLE_ROWS);
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw new BitextError(`cannot be opened as a corpus store: ${(error as Error).message}`, store.path, {
        cause: error,
      });
    }
    return store;
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection cut while checked out (a server restart) reports here too: the query fails as well, and is met there.
    const ignore = () => {};
    client.on('error', ignore);
    let failure: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      failure = error as Error;
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.off('error', ignore);
      // A failed connection is closed rather than given back to the pool.
      client.release(failure);
    }
  }

  /** The id of the document stored from input files with this hash (see queue/jobs.ts), if any. */
  async documentWithInput(inputHash: string, db: Queryable = this.pool): Promise<number | null> {
    const { rows } = await db.query<{ id: number }>(
      `SELECT id FROM ${SCHEMA}.documents WHERE input_hash = $1`,
      [inputHash],
    );
    return rows[0]?.id ?? null;
  }

  /** The id of a stored document with the same content (see contentHash), if any. */
  async findSameDocument(document: BilingualDocument): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ id: number }>(
      `SELECT id FROM ${SCHEMA}.documents WHERE content_hash = $1 ORDER BY id LIMIT 1`,
      [contentHash(document)],
    );
    return rows[0]?.id;
  }

  /**
   * Stores an aligned document; returns its id. With the hash of its input files, a document
   * already stored from the same files is kept and its id returned.
   */
  async addDocument(
    document: AlignedDocument,
    options: { inputHash?: string; db?: pg.PoolClient } = {},
  ): Promise<number> {
    const store = (client: pg.PoolClient) => this.insertDocument(client, document, options.inputHash ?? null);
    return options.db ? store(options.db) : this.transaction(store);
  }

  private async insertDocument(
    client: pg.PoolClient,
    document: AlignedDocument,
    inputHash: string | null,
  ): Promise<number> {
    const { pairs, ...model } = document;
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO ${SCHEMA}.documents (name, imported_at, model, content_hash, input_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (input_hash) DO NOTHING RETURNING id`,
      [
        documentName(document),
        new Date().toISOString(),
        JSON.stringify(model),
        contentHash(document),
        inputHash,
      ],
    );
    const id = rows[0]?.id;
    if (id === undefined) return (await this.documentWithInput(inputHash ?? '', client)) as number;
    await client.query(
      `INSERT INTO ${SCHEMA}.pairs
         (document_id, position, pair_key, article, role, en, zh, en_ids, zh_ids, score, flags, en_words, en_stems)
       SELECT $1, (position - 1) * ${POSITION_GAP}, pair_key, article, role, en, zh, en_ids, zh_ids, score, flags, en_words, en_stems
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[],
                   $10::text[], $11::text[], $12::text[])
         WITH ORDINALITY AS p(pair_key, article, role, en, zh, en_ids, zh_ids, score, flags, en_words, en_stems, position)`,
      [
        id,
        pairs.map((pair) => pair.id),
        pairs.map((pair) => pair.article),
        pairs.map((pair) => pair.role),
        pairs.map((pair) => pair.en),
        pairs.map((pair) => pair.zh),
        pairs.map((pair) => JSON.stringify(pair.enIds)),
        pairs.map((pair) => JSON.stringify(pair.zhIds)),
        pairs.map((pair) => pair.score),
        pairs.map((pair) => JSON.stringify(pair.flags)),
        pairs.map((pair) => searchWords(pair.en, false).join(' ')),
        pairs.map((pair) => searchWords(pair.en, true).join(' ')),
      ],
    );
    return id;
  }

  /** The stored rows of a document's pairs in order, with their ids and versions. */
  async rows(documentId: number): Promise<StoredRow[]> {
    const { rows } = await this.pool.query<StoredRow>(
      `SELECT ${ROW_COLUMNS} FROM ${SCHEMA}.pairs p WHERE document_id = $1 ORDER BY position`,
      [documentId],
    );
    return rows;
  }

  async listDocuments(): Promise<StoredDocument[]> {
    const { rows } = await this.pool.query<StoredDocument>(
      `SELECT d.id, d.name, d.imported_at AS "importedAt", COUNT(p.id)::int AS pairs,
              COUNT(p.id) FILTER (WHERE p.status = 'confirmed')::int AS confirmed,
              COUNT(p.id) FILTER (WHERE p.flags <> '[]' AND p.status = 'auto')::int AS doubtful,
              (jsonb_array_length((d.model::jsonb) -> 'warnings')
                + (SELECT COALESCE(SUM(jsonb_array_length(article.value -> 'warnings')), 0)
                   FROM jsonb_array_elements((d.model::jsonb) -> 'articles') AS article(value)))::int AS warnings
       FROM ${SCHEMA}.documents d LEFT JOIN ${SCHEMA}.pairs p ON p.document_id = d.id
       GROUP BY d.id ORDER BY d.id`,
    );
    return rows;
  }

  /** The name a document was stored under. */
  async documentName(id: number): Promise<string> {
    const { rows } = await this.pool.query<{ name: string }>(
      `SELECT name FROM ${SCHEMA}.documents WHERE id = $1`,
      [id],
    );
    if (!rows[0]) throw new BitextError(`no document with id ${id}`, this.path);
    return rows[0].name;
  }

  /** A stored document with its pairs in order, as the pipeline made it (and edits changed it). */
  async getDocument(id: number): Promise<AlignedDocument> {
    const { rows } = await this.pool.query<{ model: string }>(
      `SELECT model FROM ${SCHEMA}.documents WHERE id = $1`,
      [id],
    );
    if (!rows[0]) throw new BitextError(`no document with id ${id}`, this.path);
    const model = JSON.parse(rows[0].model) as BilingualDocument;
    return { ...model, pairs: (await this.rows(id)).map(pairOf) };
  }

  /** Documents by name or id, or all of them. */
  async documentIds(names?: readonly string[]): Promise<number[]> {
    const all = await this.listDocuments();
    if (!names || names.length === 0) return all.map((document) => document.id);
    return names.map((name) => {
      const found = all.find((document) => document.name === basename(name) || String(document.id) === name);
      if (!found) throw new BitextError(`holds no document named ${name}`, this.path);
      return found.id;
    });
  }

  /**
   * One page of the pairs a query matches, with the total, as the SQLite store finds them (see
   * store/search.ts); in a large store a common query's total is estimated from a sample.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchPage> {
    const offset = options.offset ?? 0;
    const terms = parseQuery(query);
    const clause = matchClause(terms, options);
    if (!clause) return { total: 0, more: false, offset, hits: [] };
    const [total, { rows }] = await Promise.all([
      this.total(clause),
      this.pool.query<StoredRow & { document_name: string }>(
        `SELECT ${ROW_COLUMNS}, d.name AS document_name FROM ${SCHEMA}.pairs p JOIN ${SCHEMA}.documents d ON d.id = p.document_id
         WHERE ${clause.where} ORDER BY p.id
         LIMIT ${clause.parameter(options.limit ?? DEFAULT_LIMIT)} OFFSET ${clause.parameter(offset)}`,
        clause.values,
      ),
    ]);
    return { ...total, offset, hits: rows.map((row) => searchHit(row, terms, options.stem ?? false)) };
  }

  /** The pairs a clause matches, up to COUNT_LIMIT, and whether the total is an estimate (see matchCount). */
  private async total(clause: MatchClause): Promise<Pick<SearchPage, 'total' | 'more' | 'estimated'>> {
    const { count, estimated } = await this.matchCount(clause, COUNT_LIMIT);
    return {
      total: Math.min(count, COUNT_LIMIT),
      more: count > COUNT_LIMIT,
      ...(estimated ? { estimated: true as const } : {}),
    };
  }

  /**
   * The pairs a clause matches, up to `upTo` (one more means more), from a sample of the table's
   * blocks of about `sampleRows` pairs: all of a smaller store's, so counted exactly; in a larger
   * one estimated from the sample when it holds MIN_SAMPLED matches or more, else counted.
   */
  private async matchCount(
    clause: MatchClause,
    upTo: number,
  ): Promise<{ count: number; estimated: boolean }> {
    const { matches, percent } = await this.sample(clause);
    if (percent >= 100) return { count: Math.min(matches, upTo + 1), estimated: false };
    if (matches < MIN_SAMPLED) return { count: await this.countClause(clause, upTo), estimated: false };
    return { count: Math.min(Math.round((matches * 100) / percent), upTo + 1), estimated: true };
  }

  /** The matches in a sample of the table's blocks (the same sample each time), and the share of blocks sampled. */
  private async sample(clause: MatchClause): Promise<{ matches: number; percent: number }> {
    const { rows: plan } = await this.pool.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${SCHEMA}.pairs`,
    );
    const pairs = plan[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
    const percent = Math.min(100, (100 * this.sampleRows) / Math.max(pairs, 1));
    const values = clause.values.slice(0, clause.bound);
    const { rows } = await this.pool.query<{ matches: number }>(
      `SELECT COUNT(*)::int AS matches FROM ${SCHEMA}.pairs p
       TABLESAMPLE SYSTEM ($${values.length + 1}) REPEATABLE (0) WHERE ${clause.where}`,
      [...values, percent],
    );
    return { matches: rows[0]?.matches ?? 0, percent };
  }

  /** The pairs a query matches (with the options' filters), up to `upTo`; `upTo + 1` when more. Estimated in a large store, as totals are. */
  async countPairs(query: string, options: SearchOptions, upTo: number): Promise<number> {
    const clause = matchClause(parseQuery(query), options);
    return clause ? (await this.matchCount(clause, Math.max(0, Math.floor(upTo)))).count : 0;
  }

  private async countClause(clause: MatchClause, upTo: number): Promise<number> {
    const { rows } = await this.pool.query<{ total: number }>(
      `SELECT COUNT(*)::int AS total FROM (SELECT 1 FROM ${SCHEMA}.pairs p WHERE ${clause.where} LIMIT ${upTo + 1}) AS matched`,
      clause.values.slice(0, clause.bound),
    );
    return rows[0]?.total ?? 0;
  }
}

/** The WHERE clause a query puts on the pairs, its values, and how to bind more of them. */
interface MatchClause {
  where: string;
  values: (string | number)[];
  /** How many values the clause itself binds (those after it are the page's). */
  bound: number;
  parameter: (value: string | number) => string;
}

function matchClause(terms: readonly QueryTerm[], options: SearchOptions): MatchClause | null {
  if (terms.length === 0) return null;
  const values: (string | number)[] = [];
  const parameter = (value: string | number) => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions = terms.map((term) => termCondition(term, options.stem ?? false, parameter));
  for (const [column, value] of [
    ['p.document_id', options.documentId],
    ['p.role', options.role],
    ['p.status', options.status],
  ] as const) {
    if (value !== undefined) conditions.push(`${column} = ${parameter(value)}`);
  }
  return { where: conditions.join(' AND '), values, bound: values.length, parameter };
}

/** Trigrams find a substring from three characters on; shorter Chinese goes through the character index. */
const TRIGRAM = 3;

/**
 * The condition one query term puts on a pair: English words in a row in the word (or stem)
 * index; Chinese as a substring, through trigrams, or the character index when shorter.
 */
function termCondition(term: QueryTerm, stem: boolean, parameter: (value: string) => string): string {
  if (term.lang === 'en') {
    const column = stem ? 'en_stems_vector' : 'en_words_vector';
    const words = searchWords(term.words.join(' '), stem).join(' ');
    return `p.${column} @@ phraseto_tsquery('simple', ${parameter(words)})`;
  }
  if (Array.from(term.text).length >= TRIGRAM)
    return `p.zh LIKE ${parameter(`%${term.text.replace(/[\\%_]/g, '\\$&')}%`)}`;
  // strpos, not LIKE, so that the planner does not also scan trigrams for a string too short to have one.
  return `p.zh_characters_vector @@ phraseto_tsquery('simple', ${parameter(cjkSpaced(term.text).trim())}) AND strpos(p.zh, ${parameter(term.text)}) > 0`;
}
