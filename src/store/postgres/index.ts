import { basename } from 'node:path';
import pg from 'pg';
import { BitextError } from '../../errors.js';
import { documentName } from '../../export/shared.js';
import type { AlignedDocument, BilingualDocument, Pair } from '../../model/document.js';
import type { SearchFilter } from '../index.js';
import { pairOf, type StoredDocument, type StoredRow } from '../rows.js';
import { migrate, SCHEMA, ZH_CHARACTERS } from './schema.js';

/** BIGINT ids and counts come back as numbers, not strings: a corpus stays far below 2^53 rows. */
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

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

/** Whether a `--db` value names a PostgreSQL server rather than a SQLite file. */
export const isPostgresUrl = (db: string): boolean => /^postgres(?:ql)?:\/\//i.test(db);

/**
 * The corpus store on a PostgreSQL server: the same documents, pairs and searches as the SQLite
 * store, shared by every machine that has the URL. Pairs are searchable through pg_trgm indexes
 * in both languages, and a Han character index for one- and two-character Chinese queries.
 */
export class PostgresStore {
  readonly path: string;

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
  ) {
    this.path = redactedUrl(url);
  }

  /** Connects and brings the database up to the current schema. */
  static async open(url: string, options: { connections?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.connections ?? 4, types });
    // A server restart cuts idle connections; the pool drops them and the next query reconnects.
    pool.on('error', () => {});
    const store = new PostgresStore(pool, url);
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

  /** The id of the document stored from inputs with this content hash, if any. */
  async documentWithContent(contentHash: string, db: Queryable = this.pool): Promise<number | null> {
    const { rows } = await db.query<{ id: number }>(
      `SELECT id FROM ${SCHEMA}.documents WHERE content_hash = $1`,
      [contentHash],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Stores an aligned document; returns its id. With a content hash, a document already stored
   * from the same inputs is kept and its id returned.
   */
  async addDocument(
    document: AlignedDocument,
    options: { contentHash?: string; db?: pg.PoolClient } = {},
  ): Promise<number> {
    const store = (client: pg.PoolClient) =>
      this.insertDocument(client, document, options.contentHash ?? null);
    return options.db ? store(options.db) : this.transaction(store);
  }

  private async insertDocument(
    client: pg.PoolClient,
    document: AlignedDocument,
    contentHash: string | null,
  ): Promise<number> {
    const { pairs, ...model } = document;
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO ${SCHEMA}.documents (name, imported_at, model, content_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (content_hash) DO NOTHING RETURNING id`,
      [documentName(document), new Date().toISOString(), JSON.stringify(model), contentHash],
    );
    const id = rows[0]?.id;
    if (id === undefined) return (await this.documentWithContent(contentHash ?? '', client)) as number;
    await client.query(
      `INSERT INTO ${SCHEMA}.pairs (document_id, position, pair_key, article, role, en, zh, en_ids, zh_ids, score, flags)
       SELECT $1, position - 1, pair_key, article, role, en, zh, en_ids, zh_ids, score, flags
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::text[])
         WITH ORDINALITY AS p(pair_key, article, role, en, zh, en_ids, zh_ids, score, flags, position)`,
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
      ],
    );
    return id;
  }

  /** The stored rows of a document's pairs in order, with their ids and versions. */
  async rows(documentId: number): Promise<StoredRow[]> {
    const { rows } = await this.pool.query<StoredRow>(
      `SELECT * FROM ${SCHEMA}.pairs WHERE document_id = $1 ORDER BY position`,
      [documentId],
    );
    return rows;
  }

  async listDocuments(): Promise<StoredDocument[]> {
    const { rows } = await this.pool.query<StoredDocument>(
      `SELECT d.id, d.name, d.imported_at AS "importedAt", COUNT(p.id)::int AS pairs,
              COUNT(p.id) FILTER (WHERE p.status = 'confirmed')::int AS confirmed,
              COUNT(p.id) FILTER (WHERE p.flags <> '[]' AND p.status = 'auto')::int AS doubtful,
              (jsonb_array_length(d.model::jsonb -> 'warnings')
                + (SELECT COALESCE(SUM(jsonb_array_length(article -> 'warnings')), 0)
                   FROM jsonb_array_elements(d.model::jsonb -> 'articles') AS article))::int AS warnings
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
   * Pairs whose English or Chinese text contains the query (as the SQLite store finds them:
   * from three characters on ignoring case, shorter queries exactly), in any document or the
   * ones the filter names.
   */
  async search(
    query: string,
    filter: SearchFilter = {},
  ): Promise<{ documentId: number; pair: Pair; status: string }[]> {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    const values: (string | number)[] = [];
    const parameter = (value: string | number) => {
      values.push(value);
      return `$${values.length}`;
    };
    const conditions = [matchCondition(trimmed, parameter)];
    for (const [column, value] of [
      ['p.document_id', filter.documentId],
      ['p.role', filter.role],
      ['p.status', filter.status],
    ] as const) {
      if (value !== undefined) conditions.push(`${column} = ${parameter(value)}`);
    }
    const { rows } = await this.pool.query<StoredRow>(
      `SELECT p.* FROM ${SCHEMA}.pairs p WHERE ${conditions.join(' AND ')}
       ORDER BY p.document_id, p.position LIMIT ${parameter(filter.limit ?? 50)}`,
      values,
    );
    return rows.map((row) => ({ documentId: row.document_id, pair: pairOf(row), status: row.status }));
  }
}

const isShortChinese = (query: string) => Array.from(query).length < 3 && /^[\p{Script=Han}]+$/u.test(query);

/** The condition a query's pairs meet: trigram indexes from three characters, the Han character index for one or two, else a scan. */
function matchCondition(query: string, parameter: (value: string) => string): string {
  if (Array.from(query).length >= 3) {
    const pattern = parameter(`%${query.replace(/[\\%_]/g, '\\$&')}%`);
    return `(p.en ILIKE ${pattern} OR p.zh ILIKE ${pattern})`;
  }
  if (isShortChinese(query))
    return `${ZH_CHARACTERS} @@ phraseto_tsquery('simple', ${parameter(Array.from(query).join(' '))})`;
  const text = parameter(query);
  return `(strpos(p.en, ${text}) > 0 OR strpos(p.zh, ${text}) > 0)`;
}
