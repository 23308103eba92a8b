import type pg from 'pg';

/** The schema bitext's tables live in, beside pg-boss's own. */
export const SCHEMA = 'bitext';

/**
 * The Chinese text with each Han character a word of its own, as the character index holds it
 * (stored as zh_characters_vector). Part of released migrations: never change it.
 */
export const ZH_CHARACTERS = `to_tsvector('simple', regexp_replace(zh, '([\\u3400-\\u9fff\\uf900-\\ufaff])', ' \\1 ', 'g'))`;

/**
 * Versioned schema migrations, applied in order; `bitext.migrations` records how many have run.
 * A migration is never edited once released: a change is a new one. The tables mirror the
 * SQLite store's (src/store/schema.ts), with PostgreSQL's own search indexes.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE TABLE ${SCHEMA}.documents (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    -- The document model without its pairs, as JSON text (jsonb would reorder its keys).
    model TEXT NOT NULL,
    -- What makes two imports the same document (src/store/index.ts contentHash), as in SQLite.
    content_hash TEXT NOT NULL,
    -- sha256 of the input files' bytes, for documents that came through the job queue: each lands once.
    input_hash TEXT UNIQUE
  );
  CREATE INDEX documents_by_hash ON ${SCHEMA}.documents(content_hash);
  CREATE TABLE ${SCHEMA}.pairs (
    id BIGSERIAL PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES ${SCHEMA}.documents(id) ON DELETE CASCADE,
    position DOUBLE PRECISION NOT NULL,
    pair_key TEXT NOT NULL,
    article INTEGER,
    role TEXT NOT NULL,
    en TEXT NOT NULL,
    zh TEXT NOT NULL,
    -- The English as the search matches it (see words.ts): folded words, and their stems.
    en_words TEXT NOT NULL,
    en_stems TEXT NOT NULL,
    en_ids TEXT NOT NULL,
    zh_ids TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    flags TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'auto' CHECK (status IN ('auto', 'confirmed')),
    version INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX pairs_by_document ON ${SCHEMA}.pairs(document_id, position);
  -- English by whole words or stems, a phrase as words in a row.
  CREATE INDEX pairs_words ON ${SCHEMA}.pairs USING gin (to_tsvector('simple', en_words));
  CREATE INDEX pairs_stems ON ${SCHEMA}.pairs USING gin (to_tsvector('simple', en_stems));
  -- Chinese by substring: trigrams from three characters on (LIKE '%…%').
  CREATE INDEX pairs_zh_trigrams ON ${SCHEMA}.pairs USING gin (zh gin_trgm_ops);
  -- One or two Chinese characters: each Han character a word, so that the query is a phrase.
  CREATE INDEX pairs_zh_characters ON ${SCHEMA}.pairs
    USING gin (${ZH_CHARACTERS});
  `,
  // The search vectors stored, not computed from the text again for every row an index names:
  // recomputing them made a common word's count take seconds at a million pairs. ANALYZE gives
  // the planner their word frequencies, to choose between the word index and the id order.
  `
  ALTER TABLE ${SCHEMA}.pairs
    ADD COLUMN en_words_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', en_words)) STORED,
    ADD COLUMN en_stems_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', en_stems)) STORED,
    ADD COLUMN zh_characters_vector tsvector GENERATED ALWAYS AS (${ZH_CHARACTERS}) STORED;
  DROP INDEX ${SCHEMA}.pairs_words;
  DROP INDEX ${SCHEMA}.pairs_stems;
  DROP INDEX ${SCHEMA}.pairs_zh_characters;
  CREATE INDEX pairs_words ON ${SCHEMA}.pairs USING gin (en_words_vector);
  CREATE INDEX pairs_stems ON ${SCHEMA}.pairs USING gin (en_stems_vector);
  CREATE INDEX pairs_zh_characters ON ${SCHEMA}.pairs USING gin (zh_characters_vector);
  ANALYZE ${SCHEMA}.pairs;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings a database up to the current schema, in one transaction under an advisory lock,
 * so that workers starting together migrate it once.
 */
export async function migrate(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('${SCHEMA}.migrations'))`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.migrations (version INTEGER NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(
      `SELECT COALESCE(MAX(version), 0) AS version FROM ${SCHEMA}.migrations`,
    );
    const current = rows[0]?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `the database has schema version ${current}, newer than this bitext knows (${SCHEMA_VERSION})`,
      );
    }
    for (const [k, sql] of MIGRATIONS.slice(current).entries()) {
      await client.query(sql);
      await client.query(`INSERT INTO ${SCHEMA}.migrations (version) VALUES ($1)`, [current + k + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
