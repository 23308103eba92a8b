import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DuplicateChoice } from '../src/server/api-types.js';
import { buildServer } from '../src/server/app.js';
import { CorpusStore } from '../src/store/index.js';

const folder = mkdtempSync(join(tmpdir(), 'bitext-library-'));
const store = new CorpusStore(join(folder, 'corpus.db'));
const app = buildServer(store);
const EXAMPLE = readFileSync('examples/harbour-review.md').toString('base64');

afterAll(async () => {
  await app.close();
  store.close();
  rmSync(folder, { recursive: true, force: true });
});

const upload = (duplicates?: DuplicateChoice, name = 'harbour-review.md', data = EXAMPLE) =>
  app.inject({
    method: 'POST',
    url: '/api/documents',
    payload: { files: [{ name, data }], ...(duplicates ? { duplicates } : {}) },
  });
const names = () => store.listDocuments().map((document) => document.name);
const json = { 'content-type': 'application/json' };

describe('the library: a document uploaded again, renamed, deleted', () => {
  let first = 0;

  it('asks before storing a document the library holds, then keeps both or replaces them as told', async () => {
    first = (await upload()).json().ids[0];
    const asked = await upload();
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toEqual({
      ids: [],
      duplicates: [{ name: 'harbour-review', existing: [{ id: first, name: 'harbour-review' }] }],
      failures: [],
    });
    expect(names()).toEqual(['harbour-review']);
    const kept = (await upload('keep')).json().ids[0];
    expect(names()).toEqual(['harbour-review', 'harbour-review']);
    const changed = Buffer.from(
      Buffer.from(EXAMPLE, 'base64').toString('utf8').replace('Harbour', 'Haven'),
    ).toString('base64');
    const sameName = (await upload('ask', 'harbour-review.md', changed)).json();
    expect(sameName.duplicates[0].existing.map((existing: { id: number }) => existing.id)).toEqual([
      first,
      kept,
    ]);
    const replacing = (await upload('replace', 'harbour-review.md', changed)).json().ids[0];
    expect(store.listDocuments().map((document) => document.id)).toEqual([replacing]);
    first = replacing;
  });

  it('renames a document, refusing empty names, slashes and control characters', async () => {
    const rename = (name: string, id = first) =>
      app.inject({ method: 'PUT', url: `/api/documents/${id}/name`, headers: json, payload: { name } });
    const renamed = await rename('  港口评论 2024 ');
    expect(renamed.json()).toEqual({ id: first, name: '港口评论 2024' });
    expect(names()).toEqual(['港口评论 2024']);
    // Half of a UTF-16 pair would be stored as replacement characters: another name than the one sent.
    for (const bad of ['', '   ', 'a/b', 'bell\u0007', 'half \ud800 pair'])
      expect((await rename(bad)).statusCode).toBe(400);
    expect((await rename('x', 99999)).statusCode).toBe(404);
    expect(names()).toEqual(['港口评论 2024']);
  });

  it('refuses a delete from another site, and deletes a document with its pairs, sentences and search entries', async () => {
    const remove = (headers: Record<string, string> = json) =>
      app.inject({ method: 'DELETE', url: `/api/documents/${first}`, headers, payload: '{}' });
    expect((await remove({ ...json, origin: 'http://evil.example' })).statusCode).toBe(403);
    expect(names()).toHaveLength(1);
    const hits = () =>
      app.inject(`/api/search?q=${encodeURIComponent('harbour')}`).then((r) => r.json().total);
    expect(await hits()).toBeGreaterThan(0);
    expect((await remove()).json()).toEqual({ deleted: first });
    expect(names()).toEqual([]);
    expect(await hits()).toBe(0);
    expect((await app.inject(`/api/documents/${first}`)).statusCode).toBe(404);
    expect((await remove()).statusCode).toBe(404);
  });
});
