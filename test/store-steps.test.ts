import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CorpusStore } from '../src/store/index.js';
import { longDocument } from './long-document.js';
import { pairsDocument } from './pairs-fixture.js';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'bitext-steps-')), 'corpus.db');
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Rows of each table, counted on a connection of its own (hidden documents included). */
function countRows(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  const counts = { documents: count('documents'), pairs: count('pairs'), sentences: count('sentences') };
  db.close();
  return counts;
}

/** Starts a process storing a long document in steps, and kills it once some of it is written. */
async function killWhileStoring(path: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/store-steps-worker.ts', path, '20000']);
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  while (countRows(path).pairs === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

describe('a document stored in steps', () => {
  it('is hidden until its last step, while other connections go on reading and editing', async () => {
    const path = freshPath();
    const store = new CorpusStore(path);
    const other = new CorpusStore(path);
    const small = other.addDocument(pairsDocument('small', [['Harbour.', '港口。']]));
    const long = longDocument('long', 3000);
    let done = false;
    const storing = store.addDocumentInSteps(long).finally(() => {
      done = true;
    });
    let editsMeanwhile = 0;
    while (!done) {
      expect(other.listDocuments().map((document) => document.name)).toEqual(['small']);
      expect(other.search('ship number').hits).toEqual([]);
      const [row] = other.rows(small);
      if (row) other.editor().confirm({ id: row.id, version: row.version }, 'reviewer');
      editsMeanwhile++;
      await tick();
    }
    const id = await storing;
    expect(editsMeanwhile).toBeGreaterThan(5);
    expect(other.getDocument(id)).toEqual(long);
    expect(other.search('ship number 2999').hits).toHaveLength(1);
    store.close();
    other.close();
  });

  it('takes the place of the documents it replaces in its last step, and deletes them', async () => {
    const path = freshPath();
    const store = new CorpusStore(path);
    const old = store.addDocument(longDocument('long', 500));
    const kept = store.addDocument(pairsDocument('kept', [['Harbour.', '港口。']]));
    const id = await store.addDocumentInSteps(longDocument('long', 600), [old]);
    expect(store.listDocuments().map((document) => [document.id, document.pairs])).toEqual([
      [kept, 1],
      [id, 600],
    ]);
    expect(countRows(path)).toMatchObject({ documents: 2, pairs: 601 });
    store.close();
  });

  it('deleted, leaves view at once and its rows in steps, while other connections go on editing', async () => {
    const path = freshPath();
    const store = new CorpusStore(path);
    const other = new CorpusStore(path);
    const long = store.addDocument(longDocument('long', 3000));
    const small = store.addDocument(pairsDocument('small', [['Harbour.', '港口。']]));
    let done = false;
    const deleting = store.deleteDocument(long).finally(() => {
      done = true;
    });
    let editsMeanwhile = 0;
    while (!done) {
      expect(other.listDocuments().map((document) => document.name)).toEqual(['small']);
      const [row] = other.rows(small);
      if (row) other.editor().confirm({ id: row.id, version: row.version }, 'reviewer');
      editsMeanwhile++;
      await tick();
    }
    await deleting;
    expect(editsMeanwhile).toBeGreaterThan(5);
    expect(countRows(path)).toEqual({ documents: 1, pairs: 1, sentences: 0 });
    store.close();
    other.close();
  });

  it('left half stored by a process that was killed, is deleted: by the studio at once, or by the next open', async () => {
    const path = freshPath();
    const store = new CorpusStore(path);
    store.addDocument(pairsDocument('kept', [['Harbour.', '港口。']]));
    const first = await killWhileStoring(path);
    expect(countRows(path).documents).toBe(2);
    expect(store.listDocuments()).toHaveLength(1);
    await store.dropHeldBy(first);
    expect(countRows(path)).toEqual({ documents: 1, pairs: 1, sentences: 0 });
    store.close();

    await killWhileStoring(path);
    expect(countRows(path).documents).toBe(2);
    new CorpusStore(path).close();
    expect(countRows(path)).toEqual({ documents: 1, pairs: 1, sentences: 0 });
  }, 60_000);
});
