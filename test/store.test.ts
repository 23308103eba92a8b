import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/align/index.js';
import type { AlignedDocument } from '../src/model/document.js';
import { pairDocument } from '../src/pairs/pairs.js';
import { readDocuments } from '../src/read.js';
import { CorpusStore, StaleEditError, type StoredRow } from '../src/store/index.js';
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
  const seen = (row: StoredRow | undefined) => ({ id: row?.id ?? 0, version: row?.version ?? 0 });

  it('merges two pairs, keeps the merge across reopening, and undoes and redoes it', async () => {
    const { store, id, path } = storeWithDocument();
    const [first, second] = bodyRows(store, id);
    if (!first || !second) throw new Error('fixture has body pairs');
    const before = store.getDocument(id).pairs;
    const { rows, removed } = await store.editor().mergeWithNext(seen(first), seen(second), 'tester');
    expect(removed).toEqual([first.id, second.id]);
    expect(rows[0]?.en).toBe(`${first.en} ${second.en}`);
    expect(rows[0]?.zh).toBe(first.zh + second.zh);
    store.close();
    const reopened = new CorpusStore(path);
    expect(reopened.getDocument(id).pairs).toHaveLength(before.length - 1);
    const history = reopened.editor().history(id);
    expect(reopened.editor().undo(id, history.undo ?? 0).done).toBe(true);
    expect(reopened.getDocument(id).pairs).toEqual(before);
    expect(reopened.editor().redo(id).done).toBe(true);
    expect(reopened.getDocument(id).pairs).toHaveLength(before.length - 1);
    expect(reopened.editor().redo(id).done).toBe(false);
    reopened.close();
  });

  it('splits a pair at sentence boundaries', async () => {
    const { store, id } = storeWithDocument();
    const [first, second] = bodyRows(store, id);
    if (!first) throw new Error('fixture has body pairs');
    const merged = (await store.editor().mergeWithNext(seen(first), seen(second), 'tester')).rows[0];
    const [left, right] = (await store.editor().split(seen(merged), 1, 1, 'tester')).rows;
    expect(left?.en_ids).toBe(first.en_ids);
    expect(right?.position).toBeGreaterThan(left?.position ?? 0);
    await expect(store.editor().split(seen(left), 0, 0, 'tester')).rejects.toThrow(/cannot be split/);
  });

  it('refuses a stale edit instead of applying it', async () => {
    const { store, id } = storeWithDocument();
    const [first] = bodyRows(store, id);
    if (!first) throw new Error('fixture has body pairs');
    await store.editor().confirm(seen(first), 'tab one');
    await expect(store.editor().confirm(seen(first), 'tab two')).rejects.toThrow(StaleEditError);
    expect(store.listDocuments()[0]?.confirmed).toBe(1);
  });
});

describe('moving and correcting sentences', () => {
  const seen = (row: StoredRow | undefined) => ({ id: row?.id ?? 0, version: row?.version ?? 0 });

  it('moves the last English sentence of a pair to the next pair, and undoes it', async () => {
    const store = new CorpusStore(freshPath());
    const id = store.addDocument(aligned);
    const before = store.getDocument(id).pairs;
    const body = store.rows(id).filter((row) => row.role === 'body');
    const [first, second] = body;
    if (!first || !second) throw new Error('fixture has body pairs');
    const moved = (await store.editor().moveSentence(seen(first), 'en', 'next', seen(second), 'tester')).rows;
    const received = moved.find((row) => row.pair_key === second.pair_key);
    expect(received?.en).toBe(`${first.en} ${second.en}`);
    const left = moved.find((row) => row.pair_key === first.pair_key);
    expect(left?.en).toBe('');
    expect(JSON.parse(left?.flags ?? '[]')).toContain('one-sided');
    store.editor().undo(id);
    expect(store.getDocument(id).pairs).toEqual(before);
  });

  it('corrects a sentence text, updates its pair and paragraph, and undo restores both', async () => {
    const store = new CorpusStore(freshPath());
    const id = store.addDocument(aligned);
    const before = store.getDocument(id);
    const holder = store.rows(id).find((row) => row.en_ids.includes('"a0.en.p1.s0"'));
    const [updated] = (
      await store.editor().editSentence(id, 'a0.en.p1.s0', 'Welcome to Donggang!', seen(holder), 'tester')
    ).rows;
    expect(updated?.en).toBe('Welcome to Donggang!');
    const paragraph = store.getDocument(id).articles[0]?.paragraphs.en[1];
    expect(paragraph?.text.startsWith('Welcome to Donggang!')).toBe(true);
    for (const sentence of paragraph?.sentences ?? [])
      expect(paragraph?.text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(
        sentence.text,
      );
    await expect(
      store.editor().editSentence(id, 'a0.en.p1.s0', '  ', seen(updated), 'tester'),
    ).rejects.toThrow(/cannot be made empty/);
    await expect(
      store.editor().editSentence(id, 'a0.en.p1.s0', 'Stale.', seen(holder), 'tester'),
    ).rejects.toThrow(StaleEditError);
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
