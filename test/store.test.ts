import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/align/index.js';
import type { AlignedDocument } from '../src/model/document.js';
import { pairDocument } from '../src/pipeline/pairs.js';
import { readDocuments } from '../src/read.js';
import { CorpusStore } from '../src/store/index.js';
import { SCHEMA_VERSION } from '../src/store/schema.js';

let aligned: AlignedDocument;

beforeAll(async () => {
  const [document] = readDocuments(['test/fixtures/magazine/harbour-review.md']).documents;
  if (!document) throw new Error('fixture not read');
  aligned = await pairDocument(document, await loadLexicon());
});

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'bitext-store-')), 'corpus.db');

describe('the corpus store', () => {
  it('migrates a new file to the current schema, in WAL mode', () => {
    const path = freshPath();
    new CorpusStore(path).close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('gives back a stored document as it was put in, across reopening', () => {
    const path = freshPath();
    const store = new CorpusStore(path);
    const id = store.addDocument(aligned);
    store.close();
    const reopened = new CorpusStore(path);
    expect(reopened.getDocument(id)).toEqual(aligned);
    expect(reopened.listDocuments()).toEqual([
      expect.objectContaining({ id, name: 'harbour-review', pairs: aligned.pairs.length, confirmed: 0 }),
    ]);
    reopened.close();
  });

  it('finds pairs by a two-character Chinese word, a longer phrase, or an English word, with their counterparts', () => {
    const store = new CorpusStore(freshPath());
    store.addDocument(aligned);
    const harbour = store.search('港口');
    expect(harbour.length).toBeGreaterThan(0);
    expect(harbour.every(({ pair }) => pair.zh.includes('港口'))).toBe(true);
    expect(store.search('湿地公园')[0]?.pair.en).toContain('Wetland Park');
    expect(store.search('wetland').map(({ pair }) => pair.zh)).toContainEqual(
      expect.stringContaining('湿地公园'),
    );
    expect(store.search('  ')).toEqual([]);
    store.close();
  });

  it('refuses a file that is not a database, in one line', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bitext-store-')), 'not.db');
    writeFileSync(path, 'this is not sqlite, just text that is long enough to look like a header');
    expect(() => new CorpusStore(path)).toThrow(/not\.db|database/);
  });
});
