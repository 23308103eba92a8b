import type Database from 'better-sqlite3';

/**
 * Versioned schema migrations, applied in order; the database's `user_version` records
 * how many have run. A migration is never edited once released: a change is a new one.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    -- The document model without its pairs, as JSON: structure, sentences, warnings.
    model TEXT NOT NULL
  );
  CREATE TABLE pairs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position REAL NOT NULL,
    pair_key TEXT NOT NULL,
    article INTEGER,
    role TEXT NOT NULL,
    en TEXT NOT NULL,
    zh TEXT NOT NULL,
    en_ids TEXT NOT NULL,
    zh_ids TEXT NOT NULL,
    score REAL NOT NULL,
    flags TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'auto' CHECK (status IN ('auto', 'confirmed')),
    version INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX pairs_by_document ON pairs(document_id, position);
  CREATE TABLE edits (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    kind TEXT NOT NULL,
    -- The pairs the edit removed and the pairs it added, as JSON rows, so it can be undone.
    removed TEXT NOT NULL,
    added TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
  );
  CREATE VIRTUAL TABLE pairs_text USING fts5(en, zh, content='pairs', content_rowid='id', tokenize='trigram');
  CREATE TRIGGER pairs_text_insert AFTER INSERT ON pairs BEGIN
    INSERT INTO pairs_text(rowid, en, zh) VALUES (new.id, new.en, new.zh);
  END;
  CREATE TRIGGER pairs_text_delete AFTER DELETE ON pairs BEGIN
    INSERT INTO pairs_text(pairs_text, rowid, en, zh) VALUES ('delete', old.id, old.en, old.zh);
  END;
  CREATE TRIGGER pairs_text_update AFTER UPDATE OF en, zh ON pairs BEGIN
    INSERT INTO pairs_text(pairs_text, rowid, en, zh) VALUES ('delete', old.id, old.en, old.zh);
    INSERT INTO pairs_text(rowid, en, zh) VALUES (new.id, new.en, new.zh);
  END;
  `,
  `
  -- Sentence texts an edit changed, as JSON [{ id, before, after }], so that undo restores them.
  ALTER TABLE edits ADD COLUMN sentences TEXT NOT NULL DEFAULT '[]';
  `,
  `
  -- Chinese text one character a token (cjk_spaced), so that a one- or two-character query is
  -- a phrase match: the trigram index needs three characters.
  CREATE VIRTUAL TABLE pairs_chars USING fts5(zh, content='', tokenize='unicode61');
  INSERT INTO pairs_chars(rowid, zh) SELECT id, cjk_spaced(zh) FROM pairs;
  CREATE TRIGGER pairs_chars_insert AFTER INSERT ON pairs BEGIN
    INSERT INTO pairs_chars(rowid, zh) VALUES (new.id, cjk_spaced(new.zh));
  END;
  CREATE TRIGGER pairs_chars_delete AFTER DELETE ON pairs BEGIN
    INSERT INTO pairs_chars(pairs_chars, rowid, zh) VALUES ('delete', old.id, cjk_spaced(old.zh));
  END;
  CREATE TRIGGER pairs_chars_update AFTER UPDATE OF zh ON pairs BEGIN
    INSERT INTO pairs_chars(pairs_chars, rowid, zh) VALUES ('delete', old.id, cjk_spaced(old.zh));
    INSERT INTO pairs_chars(rowid, zh) VALUES (new.id, cjk_spaced(new.zh));
  END;
  `,
  `
  -- English by whole words, case-blind and without diacritics (pairs_words), and by Porter
  -- stem (pairs_stems), so that search finds "of" but not "often", and "right" in "rights".
  CREATE VIRTUAL TABLE pairs_words USING fts5(en, content='', tokenize='unicode61 remove_diacritics 2');
  CREATE VIRTUAL TABLE pairs_stems USING fts5(en, content='', tokenize='porter unicode61 remove_diacritics 2');
  INSERT INTO pairs_words(rowid, en) SELECT id, en FROM pairs;
  INSERT INTO pairs_stems(rowid, en) SELECT id, en FROM pairs;
  CREATE TRIGGER pairs_words_insert AFTER INSERT ON pairs BEGIN
    INSERT INTO pairs_words(rowid, en) VALUES (new.id, new.en);
    INSERT INTO pairs_stems(rowid, en) VALUES (new.id, new.en);
  END;
  CREATE TRIGGER pairs_words_delete AFTER DELETE ON pairs BEGIN
    INSERT INTO pairs_words(pairs_words, rowid, en) VALUES ('delete', old.id, old.en);
    INSERT INTO pairs_stems(pairs_stems, rowid, en) VALUES ('delete', old.id, old.en);
  END;
  CREATE TRIGGER pairs_words_update AFTER UPDATE OF en ON pairs BEGIN
    INSERT INTO pairs_words(pairs_words, rowid, en) VALUES ('delete', old.id, old.en);
    INSERT INTO pairs_stems(pairs_stems, rowid, en) VALUES ('delete', old.id, old.en);
    INSERT INTO pairs_words(rowid, en) VALUES (new.id, new.en);
    INSERT INTO pairs_stems(rowid, en) VALUES (new.id, new.en);
  END;
  `,
];

/** Han characters and CJK punctuation, each made a token of its own. */
export function cjkSpaced(text: string): string {
  return text.replace(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu, ' $& ');
}

/** SQL functions the schema's triggers call: every connection registers them before use. */
export function registerFunctions(db: Database.Database): void {
  db.function('cjk_spaced', { deterministic: true }, (text: unknown) => cjkSpaced(String(text ?? '')));
}

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings a database up to the current schema; each migration in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the database has schema version ${current}, newer than this bitext knows (${SCHEMA_VERSION})`,
    );
  }
  MIGRATIONS.slice(current).forEach((sql, k) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + k + 1}`);
    })();
  });
}
