import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/align/index.js';
import type { Lexicon } from '../src/align/lexicon.js';
import { pairDocument } from '../src/pairs/pairs.js';
import { readDocuments } from '../src/read.js';
import { buildServer } from '../src/server/app.js';
import { CorpusStore } from '../src/store/index.js';
import { realignDocument, unconfirmedStretches } from '../src/store/realign.js';
import type { StoredRow } from '../src/store/rows.js';

let lexicon: Lexicon;
let store: CorpusStore;
let documentId: number;

beforeAll(async () => {
  lexicon = await loadLexicon();
  const [read] = (await readDocuments(['test/fixtures/magazine/harbour-review.md'])).documents;
  if (!read) throw new Error('fixture not read');
  store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-realign-')), 'corpus.db'));
  documentId = store.addDocument(await pairDocument(read, lexicon));
});

const bodyOfFirstArticle = () =>
  store.rows(documentId).filter((row) => row.role === 'body' && row.article === 0);
const texts = (rows: readonly StoredRow[]) => rows.map((row) => [row.en, row.zh]);
const oneToOne = (row: StoredRow) =>
  JSON.parse(row.en_ids).length === 1 && JSON.parse(row.zh_ids).length === 1;
const byKey = (key: string) => {
  const row = store.rows(documentId).find((candidate) => candidate.pair_key === key);
  if (!row) throw new Error(`no pair ${key}`);
  return row;
};

/** Moves a pair's first English sentence to the previous pair, or its last to the next. */
async function moveSentence(row: StoredRow, direction: 'previous' | 'next', who: string) {
  const rows = store.rows(documentId);
  const at = rows.findIndex((candidate) => candidate.id === row.id);
  const neighbour = rows[direction === 'next' ? at + 1 : at - 1] as StoredRow;
  await store.editor().moveSentence(row, 'en', direction, neighbour, who);
}

describe('re-alignment from corrections', () => {
  it('realigns the pairs after a confirmed correction, as one edit that one undo reverts', async () => {
    const original = bodyOfFirstArticle();
    const start = original.findIndex(
      (_row, k) => k >= 1 && k + 5 <= original.length && original.slice(k, k + 5).every(oneToOne),
    );
    expect(start).toBeGreaterThanOrEqual(1);
    const run = original.slice(start, start + 5).map((row) => row.pair_key);
    const editor = store.editor();
    // A drift as an aligner makes it: from the first pair on, each English sentence one pair too early.
    for (const key of run.slice(1)) await moveSentence(byKey(key), 'previous', 'aligner');
    const drifted = bodyOfFirstArticle();
    expect(texts(drifted)).not.toEqual(texts(original));

    // The reviewer fixes the first pair of the drift and confirms it.
    await moveSentence(byKey(run[0] as string), 'next', 'reviewer');
    await editor.confirm(byKey(run[0] as string), 'reviewer');
    const beforeRealign = bodyOfFirstArticle();
    expect(texts(beforeRealign)).not.toEqual(texts(original));

    const result = await realignDocument(store, documentId, lexicon, 'reviewer');
    expect(result.stretches).toBe(2);
    expect(texts(bodyOfFirstArticle())).toEqual(texts(original));
    expect(bodyOfFirstArticle().find((row) => row.status === 'confirmed')?.pair_key).toBe(run[0]);

    expect(editor.undo(documentId).done).toBe(true);
    expect(texts(bodyOfFirstArticle())).toEqual(texts(beforeRealign));
  });

  it('is one request in the studio API', async () => {
    const app = buildServer(store);
    const response = await app.inject({
      method: 'POST',
      url: `/api/documents/${documentId}/realign`,
      payload: {},
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      stretches: 2,
      realigned: expect.any(Number),
      pairs: expect.any(Number),
    });
    expect(response.json().outcome.pairs.length).toBeGreaterThan(0);
    expect(store.editor().undo(documentId).done).toBe(true);
    await app.close();
  });

  it('leaves articles without a confirmed pair alone, and finds stretches between anchors', () => {
    const rows = store.rows(documentId);
    const stretches = unconfirmedStretches(rows);
    expect(
      stretches.every((stretch) => stretch.every((row) => row.article === 0 && row.status === 'auto')),
    ).toBe(true);
    const anchor = rows.findIndex((row) => row.status === 'confirmed');
    expect(stretches.map((stretch) => stretch.length).reduce((a, b) => a + b, 0)).toBe(
      bodyOfFirstArticle().length - 1,
    );
    expect(stretches[0]?.at(-1)?.position).toBeLessThan(rows[anchor]?.position ?? 0);
  });
});

describe('bitext realign', () => {
  const bitext = (...args: string[]) => spawnSync('node', ['bin/bitext.js', ...args], { encoding: 'utf8' });

  it('realigns a stored document around its confirmed pairs, and says what changed', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'bitext-realign-')), 'corpus.db');
    expect(bitext('import', 'test/fixtures/magazine/harbour-review.md', '--db', db).status).toBe(0);
    const none = bitext('realign', '--db', db, '--document', 'harbour-review');
    expect(none.stderr).toBe(
      'bitext: harbour-review has no confirmed pair to realign around: nothing changed\n',
    );
    const cli = new CorpusStore(db);
    const body = cli.rows(1).filter((row) => row.role === 'body');
    const anchor = body[2] as StoredRow;
    await cli.editor().confirm(anchor, 'tester');
    cli.close();
    const run = bitext('realign', '--db', db, '--document', 'harbour-review');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^bitext: harbour-review: 2 stretches aligned again, \d+ pairs became \d+ \(one edit/,
    );
    const missing = bitext('realign', '--db', db, '--document', 'nothing');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/corpus\.db: holds no document named nothing\n$/);
  });
});
