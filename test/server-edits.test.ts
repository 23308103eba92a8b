import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/align/index.js';
import { pairDocument } from '../src/pairs/pairs.js';
import { readDocuments } from '../src/read.js';
import { buildServer } from '../src/server/app.js';
import { CorpusStore } from '../src/store/index.js';
import { type EditOutcome, type ReviewRow, reviewRowOf } from '../src/store/rows.js';

const store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-edits-api-')), 'corpus.db'));
const app = buildServer(store);
let documentId = 0;
let otherId = 0;

beforeAll(async () => {
  const [document] = (await readDocuments(['test/fixtures/magazine/harbour-review.md'])).documents;
  const [other] = (await readDocuments(['test/fixtures/magazine/coastal-notes.md'])).documents;
  if (!document || !other) throw new Error('fixtures not read');
  const lexicon = await loadLexicon();
  documentId = store.addDocument(await pairDocument(document, lexicon));
  otherId = store.addDocument(await pairDocument(other, lexicon));
});

afterAll(async () => {
  await app.close();
  store.close();
});

interface Opened {
  rows: ReviewRow[];
  history: { undo: number | null; redo: number | null };
}

async function open(id = documentId): Promise<Opened> {
  const body = (await app.inject(`/api/documents/${id}`)).json();
  return { rows: body.rows.map(reviewRowOf), history: body.history };
}

const seen = (row: ReviewRow) => ({ id: row.id, version: row.version });

async function post(
  url: string,
  payload: object,
): Promise<{ status: number; body: EditOutcome & { error?: string; done?: boolean } }> {
  const response = await app.inject({ method: 'POST', url, payload });
  return { status: response.statusCode, body: response.json() };
}

async function firstBody(id = documentId): Promise<[ReviewRow, ReviewRow]> {
  const { rows } = await open(id);
  const at = rows.findIndex((row) => row.role === 'body');
  return [rows[at] as ReviewRow, rows[at + 1] as ReviewRow];
}

describe('the edit endpoints', () => {
  it('open a document as compact rows with the undo history, and answer 404 for an unknown one', async () => {
    const response = await app.inject(`/api/documents/${documentId}`);
    const body = response.json();
    expect(body.columns).toEqual([
      'id',
      'pair_key',
      'article',
      'role',
      'en',
      'zh',
      'en_ids',
      'zh_ids',
      'score',
      'flags',
      'status',
      'version',
    ]);
    expect(Array.isArray(body.rows[0])).toBe(true);
    expect(body.document).toBeUndefined();
    const head = (await app.inject(`/api/documents/${documentId}?limit=5`)).json();
    expect(head.rows).toEqual(body.rows.slice(0, 5));
    expect(head.total).toBe(body.rows.length);
    expect((await app.inject('/api/documents/999')).statusCode).toBe(404);
    expect((await app.inject(`/api/documents/${documentId}/model`)).json().articles.length).toBeGreaterThan(
      0,
    );
    const [first] = await firstBody();
    const sentences = (await app.inject(`/api/pairs/${first.id}/sentences`)).json().sentences;
    expect(sentences.map((sentence: { id: string }) => sentence.id)).toEqual([
      ...JSON.parse(first.en_ids),
      ...JSON.parse(first.zh_ids),
    ]);
  });

  it('return the rows a merge removed and made, and undo returns them back', async () => {
    const before = await open();
    const [first, second] = await firstBody();
    const merged = await post(`/api/pairs/${first.id}/merge`, { version: first.version, next: seen(second) });
    expect(merged.status).toBe(200);
    expect(merged.body.removed).toEqual([first.id, second.id]);
    expect(merged.body.rows).toHaveLength(1);
    expect(merged.body.history.undo).not.toBeNull();
    const undone = await post(`/api/documents/${documentId}/undo`, { edit: merged.body.history.undo ?? 0 });
    expect(undone.body.done).toBe(true);
    expect(undone.body.removed).toEqual([merged.body.rows[0]?.id]);
    expect(undone.body.rows.map((row) => row.id)).toEqual([first.id, second.id]);
    const after = await open();
    expect(after.rows.map((row) => [row.id, row.en, row.zh])).toEqual(
      before.rows.map((row) => [row.id, row.en, row.zh]),
    );
    // Versions only grow: the view from before the merge is stale now.
    expect(after.rows.find((row) => row.id === first.id)?.version).toBeGreaterThan(first.version);
    const redone = await post(`/api/documents/${documentId}/redo`, { edit: after.history.redo ?? 0 });
    expect(redone.body.done).toBe(true);
    await post(`/api/documents/${documentId}/undo`, { edit: redone.body.history.undo ?? 0 });
  });

  it('take a body’s values as sent: a version of true, "1" or [1] is a 400, never read as version 1', async () => {
    const [first] = await firstBody();
    for (const version of [true, String(first.version), [first.version], null]) {
      const loose = await post(`/api/pairs/${first.id}/confirm`, { version });
      expect(loose.status, JSON.stringify(version)).toBe(400);
    }
    const query = await app.inject(`/api/documents/${documentId}?limit=3`);
    expect(query.json().rows).toHaveLength(3);
  });

  it('refuse a merge with a next pair the view did not see (409), and an undo of an edit it did not see', async () => {
    const [first, second] = await firstBody();
    const stale = await post(`/api/pairs/${first.id}/merge`, {
      version: first.version,
      next: { id: second.id, version: second.version + 5 },
    });
    expect(stale.status).toBe(409);
    const { history } = await open();
    const wrong = await post(`/api/documents/${documentId}/undo`, { edit: (history.undo ?? 0) + 1000 });
    expect(wrong.status).toBe(409);
    expect((await app.inject({ method: 'POST', url: `/api/documents/${documentId}/undo` })).statusCode).toBe(
      403,
    );
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/documents/${documentId}/undo`,
          headers: { 'content-type': 'text/plain' },
          payload: 'x',
        })
      ).statusCode,
    ).toBeGreaterThanOrEqual(400);
  });

  it('let confirm then merge go through on the version confirm returned', async () => {
    const [first, second] = await firstBody();
    const confirmed = await post(`/api/pairs/${first.id}/confirm`, { version: first.version });
    const latest = confirmed.body.rows[0] as ReviewRow;
    expect(latest.status).toBe('confirmed');
    const again = await post(`/api/pairs/${first.id}/confirm`, { version: first.version });
    expect(again.status).toBe(409);
    const merged = await post(`/api/pairs/${first.id}/merge`, {
      version: latest.version,
      next: seen(second),
    });
    expect(merged.status).toBe(200);
    for (let k = 0; k < 2; k++) {
      const { history } = await open();
      await post(`/api/documents/${documentId}/undo`, { edit: history.undo ?? 0 });
    }
  });

  it('correct a sentence only on the version of the pair that holds it', async () => {
    const [first] = await firstBody();
    const sentence = JSON.parse(first.en_ids)[0];
    const put = (pair: { id: number; version: number }, text: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/documents/${documentId}/sentences/${sentence}`,
        payload: { text, pair },
      });
    const corrected = await put(seen(first), 'Welcome, all!');
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().rows[0].en.startsWith('Welcome, all!')).toBe(true);
    expect((await put(seen(first), 'Second tab wins?')).statusCode).toBe(409);
    expect((await put(corrected.json().rows[0], 'Welcome, everyone!')).statusCode).toBe(200);
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `/api/documents/${documentId}/sentences/${sentence}`,
          payload: { text: 'x' },
        })
      ).statusCode,
    ).toBe(400);
    for (let k = 0; k < 2; k++) {
      const { history } = await open();
      await post(`/api/documents/${documentId}/undo`, { edit: history.undo ?? 0 });
    }
  });

  it('refuse a correction holding a broken character (a lone surrogate), which could not be stored as it is nor undone', async () => {
    const [first] = await firstBody();
    const sentence = JSON.parse(first.en_ids)[0];
    const before = await open();
    const response = await app.inject({
      method: 'PUT',
      url: `/api/documents/${documentId}/sentences/${sentence}`,
      headers: { 'content-type': 'application/json' },
      payload: `{"text":"Welcome \\ud800 all","pair":${JSON.stringify(seen(first))}}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/broken character/);
    expect(await open()).toEqual(before);
  });

  it('export a correction holding characters XML forbids (U+0007, U+FFFE, U+FFFF) as well-formed XML', async () => {
    const [first] = await firstBody();
    const sentence = JSON.parse(first.en_ids)[0];
    const corrected = await app.inject({
      method: 'PUT',
      url: `/api/documents/${documentId}/sentences/${sentence}`,
      payload: { text: 'Bell\u0007 and non\uffffcharacters\ufffe.', pair: seen(first) },
    });
    expect(corrected.statusCode).toBe(200);
    const notXmlChar = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
    for (const format of ['tmx', 'xliff']) {
      const exported = (await app.inject(`/api/documents/${documentId}/export?to=${format}`)).body;
      expect(exported, format).toContain('Bell and noncharacters.');
      expect(notXmlChar.exec(exported), format).toBeNull();
    }
    const { history } = await open();
    await post(`/api/documents/${documentId}/undo`, { edit: history.undo ?? 0 });
  });

  it('keep undo to its own document', async () => {
    const [first, second] = await firstBody(otherId);
    const merged = await post(`/api/pairs/${first.id}/merge`, { version: first.version, next: seen(second) });
    expect(merged.status).toBe(200);
    expect((await open(documentId)).history.undo).toBeNull();
    const undone = await post(`/api/documents/${otherId}/undo`, { edit: merged.body.history.undo ?? 0 });
    expect(undone.body.done).toBe(true);
    expect((await post('/api/documents/999/undo', { edit: 1 })).status).toBe(404);
  });
});
