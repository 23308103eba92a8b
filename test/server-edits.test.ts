import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/align/index.js';
import { pairDocument } from '../src/pairs/pairs.js';
import { readDocuments } from '../src/read.js';
import type { EditResult, ReviewPair, StepResult } from '../src/server/api-types.js';
import { buildServer } from '../src/server/app.js';
import { CorpusStore } from '../src/store/index.js';

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
  pairs: ReviewPair[];
  history: { undo: number | null; redo: number | null };
}

async function open(id = documentId): Promise<Opened> {
  const body = (await app.inject(`/api/documents/${id}`)).json();
  return { pairs: body.pairs, history: body.history };
}

const seen = (pair: ReviewPair) => ({ id: pair.id, version: pair.version });

async function post(
  url: string,
  payload: object,
): Promise<{ status: number; body: EditResult & Partial<StepResult> & { error?: string } }> {
  const response = await app.inject({ method: 'POST', url, payload });
  return { status: response.statusCode, body: response.json() };
}

async function firstBody(id = documentId): Promise<[ReviewPair, ReviewPair]> {
  const { pairs } = await open(id);
  const at = pairs.findIndex((pair) => pair.role === 'body');
  return [pairs[at] as ReviewPair, pairs[at + 1] as ReviewPair];
}

describe('the edit endpoints', () => {
  it('open a document as typed pairs with the undo history, and answer 404 for an unknown one', async () => {
    const response = await app.inject(`/api/documents/${documentId}`);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['history', 'name', 'pages', 'pairs', 'total']);
    const contents = body.pairs[0] as ReviewPair;
    expect(Object.keys(contents).sort()).toEqual(
      [
        'article',
        'en',
        'enIds',
        'flags',
        'id',
        'key',
        'role',
        'score',
        'status',
        'version',
        'zh',
        'zhIds',
      ].sort(),
    );
    expect(contents).toMatchObject({ key: 'toc.0', role: 'toc', status: 'auto', version: 1 });
    const [body0] = await firstBody();
    expect(body0.enIds.length).toBeGreaterThan(0);
    expect(body0.enIds.every((id) => typeof id === 'string')).toBe(true);
    expect(Array.isArray(body0.flags)).toBe(true);
    const head = (await app.inject(`/api/documents/${documentId}?limit=5`)).json();
    expect(head.pairs).toEqual(body.pairs.slice(0, 5));
    expect(head.total).toBe(body.pairs.length);
    expect((await app.inject('/api/documents/999')).statusCode).toBe(404);
    expect((await app.inject(`/api/documents/${documentId}/model`)).json().articles.length).toBeGreaterThan(
      0,
    );
    const [first] = await firstBody();
    const sentences = (await app.inject(`/api/pairs/${first.id}/sentences`)).json().sentences;
    expect(sentences.map((sentence: { id: string }) => sentence.id)).toEqual([
      ...first.enIds,
      ...first.zhIds,
    ]);
  });

  it('return the rows a merge removed and made, and undo returns them back', async () => {
    const before = await open();
    const [first, second] = await firstBody();
    const merged = await post(`/api/pairs/${first.id}/merge`, { version: first.version, next: seen(second) });
    expect(merged.status).toBe(200);
    expect(merged.body.removed).toEqual([first.id, second.id]);
    expect(merged.body.pairs).toHaveLength(1);
    expect(merged.body.pairs[0]?.enIds).toEqual([...first.enIds, ...second.enIds]);
    expect(merged.body.history.undo).not.toBeNull();
    const undone = await post(`/api/documents/${documentId}/undo`, { edit: merged.body.history.undo ?? 0 });
    expect(undone.body.done).toBe(true);
    expect(undone.body.removed).toEqual([merged.body.pairs[0]?.id]);
    expect(undone.body.pairs.map((pair) => pair.id)).toEqual([first.id, second.id]);
    const after = await open();
    expect(after.pairs.map((pair) => [pair.id, pair.en, pair.zh])).toEqual(
      before.pairs.map((pair) => [pair.id, pair.en, pair.zh]),
    );
    // Versions only grow: the view from before the merge is stale now.
    expect(after.pairs.find((pair) => pair.id === first.id)?.version).toBeGreaterThan(first.version);
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
    expect(query.json().pairs).toHaveLength(3);
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
    const latest = confirmed.body.pairs[0] as ReviewPair;
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
    const sentence = first.enIds[0];
    const put = (pair: { id: number; version: number }, text: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/documents/${documentId}/sentences/${sentence}`,
        payload: { text, pair },
      });
    const corrected = await put(seen(first), 'Welcome, all!');
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().pairs[0].en.startsWith('Welcome, all!')).toBe(true);
    expect((await put(seen(first), 'Second tab wins?')).statusCode).toBe(409);
    expect((await put(corrected.json().pairs[0], 'Welcome, everyone!')).statusCode).toBe(200);
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
    const sentence = first.enIds[0];
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
    const sentence = first.enIds[0];
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

const isJsonText = (text: string) => {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Where a value carries a store column: a key spelled with `_`, or an array or object sent as JSON text. */
function storeShapes(value: unknown, path: string): string[] {
  if (typeof value === 'string') return isJsonText(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, k) => storeShapes(item, `${path}[${k}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(key.includes('_') ? [`${path}.${key}`] : []),
    ...storeShapes(item, `${path}.${key}`),
  ]);
}

describe('the studio API', () => {
  it('sends typed objects, never store rows: no key with `_`, no JSON text, from every endpoint that reads or edits', async () => {
    const answers: Record<string, unknown> = {};
    const call = async (name: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const response = await app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${name}: ${response.body}`).toBe(200);
      answers[name] = response.json();
      return response.json();
    };
    await call('documents', 'GET', '/api/documents');
    const opened = await call('document', 'GET', `/api/documents/${documentId}`);
    await call('model', 'GET', `/api/documents/${documentId}/model`);
    await call('warnings', 'GET', `/api/documents/${documentId}/warnings`);
    await call('search', 'GET', '/api/search?q=harbour');
    await call('chinese search', 'GET', `/api/search?q=${encodeURIComponent('港口')}&stem=true`);
    const [first, second] = await firstBody();
    await call('sentences', 'GET', `/api/pairs/${first.id}/sentences`);
    const confirmed = await call('confirm', 'POST', `/api/pairs/${first.id}/confirm`, seen(first));
    const [pair] = (
      await call('unconfirm', 'POST', `/api/pairs/${first.id}/unconfirm`, seen(confirmed.pairs[0]))
    ).pairs;
    const [merged] = (
      await call('merge', 'POST', `/api/pairs/${pair.id}/merge`, { ...seen(pair), next: seen(second) })
    ).pairs;
    const [left, right] = (
      await call('split', 'POST', `/api/pairs/${merged.id}/split`, { version: merged.version, en: 1, zh: 1 })
    ).pairs;
    const moved = await call('move', 'POST', `/api/pairs/${right.id}/move`, {
      version: right.version,
      lang: 'en',
      direction: 'previous',
      neighbour: seen(left),
    });
    const holder = moved.pairs[0] as ReviewPair;
    await call('sentence', 'PUT', `/api/documents/${documentId}/sentences/${holder.enIds[0]}`, {
      text: 'Welcome, readers.',
      pair: seen(holder),
    });
    const header = (opened.pairs as ReviewPair[]).find((each) => each.enIds.length + each.zhIds.length === 0);
    if (!header) throw new Error('the fixture has no pair without sentences');
    await call('text', 'PUT', `/api/pairs/${header.id}/text`, {
      ...seen(header),
      lang: 'en',
      text: 'A title',
    });
    const { history } = await open();
    const undone = await call('undo', 'POST', `/api/documents/${documentId}/undo`, { edit: history.undo });
    await call('redo', 'POST', `/api/documents/${documentId}/redo`, { edit: undone.history.redo });
    const anchor = (await firstBody())[0];
    await call('confirm again', 'POST', `/api/pairs/${anchor.id}/confirm`, seen(anchor));
    await call('realign', 'POST', `/api/documents/${documentId}/realign`, {});
    expect(storeShapes(answers, '$')).toEqual([]);
    expect(storeShapes({ rows: [{ pair_key: 'a0.body.1', en_ids: '["a0.en.p0.s0"]' }] }, '$')).toEqual([
      '$.rows[0].pair_key',
      '$.rows[0].en_ids',
      '$.rows[0].en_ids',
    ]);
  });
});
