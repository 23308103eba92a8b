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
  -- Pairs: ids never reused (AUTOINCREMENT), integer positions with gaps, keys and places unique
  -- in a document. Keys a split doubled get their row id appended; the history before this
  -- migration stays as a record but cannot be undone (its rows held the old positions).
  CREATE TABLE pairs_v4 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
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
  INSERT INTO pairs_v4
    SELECT id, document_id,
      (ROW_NUMBER() OVER (PARTITION BY document_id ORDER BY position, id) - 1) * 1024,
      CASE WHEN ROW_NUMBER() OVER (PARTITION BY document_id, pair_key ORDER BY position, id) = 1
        THEN pair_key ELSE pair_key || '.' || id END,
      article, role, en, zh, en_ids, zh_ids, score, flags, status, version
    FROM pairs;
  DROP TABLE pairs;
  ALTER TABLE pairs_v4 RENAME TO pairs;
  CREATE UNIQUE INDEX pairs_by_document ON pairs(document_id, position);
  CREATE UNIQUE INDEX pairs_by_key ON pairs(document_id, pair_key);
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

  CREATE TABLE edits_v4 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    kind TEXT NOT NULL,
    removed TEXT NOT NULL,
    added TEXT NOT NULL,
    sentences TEXT NOT NULL DEFAULT '[]',
    undone INTEGER NOT NULL DEFAULT 0,
    -- 0 for the history kept from before this schema: a record only.
    undoable INTEGER NOT NULL DEFAULT 1
  );
  INSERT INTO edits_v4 SELECT id, document_id, at, who, kind, removed, added, sentences, 0, 0
    FROM edits WHERE undone = 0;
  DROP TABLE edits;
  ALTER TABLE edits_v4 RENAME TO edits;
  CREATE INDEX edits_by_document ON edits(document_id, id);

  -- No id a past row held is handed out again, including rows the old history removed.
  DELETE FROM sqlite_sequence WHERE name IN ('pairs', 'pairs_v4');
  INSERT INTO sqlite_sequence (name, seq)
    SELECT 'pairs', COALESCE(MAX(id), 0) FROM (
      SELECT id FROM pairs
      UNION ALL SELECT json_extract(row.value, '$.id') FROM edits, json_each(edits.removed) AS row
      UNION ALL SELECT json_extract(row.value, '$.id') FROM edits, json_each(edits.added) AS row
    );

  -- Each sentence's text and the JSON path of its paragraph in the document model, so that
  -- an edit reads the sentences it needs and a correction rewrites one paragraph.
  CREATE TABLE sentences (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id TEXT NOT NULL,
    paragraph_path TEXT NOT NULL,
    text TEXT NOT NULL,
    -- The PDF page the sentence's paragraph starts on, if any.
    page INTEGER,
    PRIMARY KEY (document_id, sentence_id)
  ) WITHOUT ROWID;
  INSERT INTO sentences (document_id, sentence_id, paragraph_path, text, page)
    SELECT d.id, json_extract(s.value, '$.id'),
      '$.articles[' || a.key || '].paragraphs.' || lang.value || '[' || p.key || ']',
      json_extract(s.value, '$.text'), json_extract(p.value, '$.sources[0].page')
    FROM documents d,
      json_each(d.model, '$.articles') AS a,
      json_each('["en","zh"]') AS lang,
      json_each(a.value, '$.paragraphs.' || lang.value) AS p,
      json_each(p.value, '$.sentences') AS s;

  -- A hash of the document's content, so that importing the same document again is noticed.
  ALTER TABLE documents ADD COLUMN content_hash TEXT;
  CREATE INDEX documents_by_hash ON documents(content_hash);
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
  `
  -- The process (by pid) that is storing or removing a document in steps: until it is done the
  -- document is hidden from everyone else. NULL for a document in view.
  ALTER TABLE documents ADD COLUMN held_by INTEGER;
  CREATE INDEX documents_by_holder ON documents(held_by) WHERE held_by IS NOT NULL;

  -- The document's and its articles' warnings, counted once: the library lists them without
  -- parsing each model (megabytes for a long document) on every listing.
  ALTER TABLE documents ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
  UPDATE documents SET warnings = (SELECT COUNT(*) FROM json_each(model, '$.warnings'))
    + (SELECT COUNT(*) FROM json_each(model, '$.articles') AS article, json_each(article.value, '$.warnings'));
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
    }).immediate();
  });
}
