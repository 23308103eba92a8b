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
  const [document] = (await readDocuments(['test/fixtures/magazine/harbour-review.md'])).documents;
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
      expect.objectContaining({
        id,
        name: 'harbour-review',
        pairs: aligned.pairs.length,
        confirmed: 0,
        warnings: 1,
      }),
    ]);
    reopened.close();
  });

  it('finds pairs by a two-character Chinese word, a longer phrase, or an English word, with their counterparts', () => {
    const store = new CorpusStore(freshPath());
    store.addDocument(aligned);
    const harbour = store.search('港口').hits;
    expect(harbour.length).toBeGreaterThan(0);
    expect(harbour.every(({ pair }) => pair.zh.includes('港口'))).toBe(true);
    expect(store.search('湿地公园').hits[0]?.pair.en).toContain('Wetland Park');
    expect(store.search('wetland').hits.map(({ pair }) => pair.zh)).toContainEqual(
      expect.stringContaining('湿地公园'),
    );
    expect(store.search('  ').hits).toEqual([]);
    store.close();
  });

  it('refuses a file that is not a database, in one line', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bitext-store-')), 'not.db');
    writeFileSync(path, 'this is not sqlite, just text that is long enough to look like a header');
    expect(() => new CorpusStore(path)).toThrow(/not\.db|database/);
  });
});

describe('editing stored pairs', () => {
  function storeWithDocument(): { store: CorpusStore; id: number; path: string } {
    const path = freshPath();
    const store = new CorpusStore(path);
    return { store, id: store.addDocument(aligned), path };
  }

  const bodyRows = (store: CorpusStore, id: number) => store.rows(id).filter((row) => row.role === 'body');

  it('merges two pairs, keeps the merge across reopening, and undoes and redoes it', () => {
    const { store, id, path } = storeWithDocument();
    const [first, second] = bodyRows(store, id);
    if (!first || !second) throw new Error('fixture has body pairs');
    const before = store.getDocument(id).pairs;
    const merged = store.editor().mergeWithNext(first.id, first.version, 'tester');
    expect(merged.en).toBe(`${first.en} ${second.en}`);
    expect(merged.zh).toBe(first.zh + second.zh);
    store.close();
    const reopened = new CorpusStore(path);
    expect(reopened.getDocument(id).pairs).toHaveLength(before.length - 1);
    expect(reopened.editor().undo(id)).toBe(true);
    expect(reopened.getDocument(id).pairs).toEqual(before);
    expect(reopened.editor().redo(id)).toBe(true);
    expect(reopened.getDocument(id).pairs).toHaveLength(before.length - 1);
    expect(reopened.editor().redo(id)).toBe(false);
    reopened.close();
  });

  it('splits a pair at sentence boundaries', () => {
    const { store, id } = storeWithDocument();
    const [first] = bodyRows(store, id);
    if (!first) throw new Error('fixture has body pairs');
    const merged = store.editor().mergeWithNext(first.id, first.version, 'tester');
    const [left, right] = store.editor().split(merged.id, merged.version, 1, 1, 'tester');
    expect(left?.en_ids).toBe(first.en_ids);
    expect(right?.position).toBeGreaterThan(left?.position ?? 0);
    expect(() => store.editor().split(left?.id ?? 0, left?.version ?? 0, 0, 0, 'tester')).toThrow(
      /cannot be split/,
    );
  });

  it('refuses a stale edit instead of applying it', () => {
    const { store, id } = storeWithDocument();
    const [first] = bodyRows(store, id);
    if (!first) throw new Error('fixture has body pairs');
    store.editor().confirm(first.id, first.version, 'tab one');
    expect(() => store.editor().confirm(first.id, first.version, 'tab two')).toThrow(
      /changed since it was read/,
    );
    expect(store.listDocuments()[0]?.confirmed).toBe(1);
  });
});

describe('moving and correcting sentences', () => {
  it('moves the last English sentence of a pair to the next pair, and undoes it', () => {
    const store = new CorpusStore(freshPath());
    const id = store.addDocument(aligned);
    const before = store.getDocument(id).pairs;
    const body = store.rows(id).filter((row) => row.role === 'body');
    const [first, second] = body;
    if (!first || !second) throw new Error('fixture has body pairs');
    const moved = store.editor().moveSentence(first.id, first.version, 'en', 'next', 'tester');
    const received = moved.find((row) => row.pair_key === second.pair_key);
    expect(received?.en).toBe(`${first.en} ${second.en}`);
    const left = moved.find((row) => row.pair_key === first.pair_key);
    expect(left?.en).toBe('');
    expect(JSON.parse(left?.flags ?? '[]')).toContain('one-sided');
    store.editor().undo(id);
    expect(store.getDocument(id).pairs).toEqual(before);
  });

  it('corrects a sentence text, updates its pair, and undo restores both', () => {
    const store = new CorpusStore(freshPath());
    const id = store.addDocument(aligned);
    const before = store.getDocument(id);
    const [updated] = store.editor().editSentence(id, 'a0.en.p1.s0', 'Welcome to Donggang!', 'tester');
    expect(updated?.en).toBe('Welcome to Donggang!');
    expect(JSON.stringify(store.getDocument(id).articles)).toContain('Welcome to Donggang!');
    expect(() => store.editor().editSentence(id, 'a0.en.p1.s0', '  ', 'tester')).toThrow(
      /cannot be made empty/,
    );
    store.editor().undo(id);
    expect(store.getDocument(id)).toEqual(before);
  });

  it('filters search by role and status', () => {
    const store = new CorpusStore(freshPath());
    store.addDocument(aligned);
    expect(store.search('港口', { role: 'toc' }).hits.every(({ pair }) => pair.role === 'toc')).toBe(true);
    expect(store.search('港口', { status: 'confirmed' }).hits).toEqual([]);
  });
});
