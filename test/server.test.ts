import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../scripts/fixture-docx.js';
import { buildPdf, cjkFontsInstalled } from '../scripts/fixture-pdf.js';
import type { BilingualDocument } from '../src/model/document.js';
import { readDocuments } from '../src/read.js';
import { buildServer } from '../src/server/app.js';
import { CorpusStore } from '../src/store/index.js';

const store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-server-')), 'corpus.db'));
const app = buildServer(store);
let documentId = 0;

beforeAll(async () => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/documents',
    payload: {
      files: [
        {
          name: '../../etc/harbour-review.md',
          data: readFileSync('examples/harbour-review.md').toString('base64'),
        },
      ],
    },
  });
  expect(response.statusCode).toBe(201);
  documentId = response.json().ids[0];
});

afterAll(async () => {
  await app.close();
  store.close();
});

describe('the studio API', () => {
  it('lists uploaded documents with counts, never trusting the client path', async () => {
    const [document] = (await app.inject('/api/documents')).json();
    expect(document).toMatchObject({ id: documentId, name: 'harbour-review', confirmed: 0 });
    expect(document.pairs).toBeGreaterThan(20);
  });

  it('lists a document’s warnings with the sentence nearest each, and 404 for an unknown document', async () => {
    const warnings = (await app.inject(`/api/documents/${documentId}/warnings`)).json();
    expect(warnings).toEqual(store.documentWarnings(documentId));
    expect(warnings[0]).toMatchObject({ code: 'truncated', nearSentence: expect.stringMatching(/^a\d+\./) });
    expect((await app.inject('/api/documents/99999/warnings')).statusCode).toBe(404);
  });

  it('answers bad requests with 4xx and a clear message', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/pairs/1/merge', payload: {} })).statusCode).toBe(
      400,
    );
    expect(
      (await app.inject({ method: 'POST', url: '/api/pairs/abc/merge', payload: { version: 1 } })).statusCode,
    ).toBe(400);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/pairs/99999/merge',
      payload: { version: 1, next: { id: 99998, version: 1 } },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatch(/^no pair with id 99999/);
    const oneSided = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { files: [{ name: 'x.txt', data: Buffer.from('only English here.').toString('base64') }] },
    });
    expect(oneSided.statusCode).toBe(400);
    expect(oneSided.json().error).toMatch(/^x\.txt: has only English text and no counterpart file/);
  });

  it('answers numbers too large for the store with 400, not an internal error', async () => {
    for (const url of [
      `/api/documents/${documentId}?limit=1e308`,
      `/api/documents/${documentId}?limit=99999999999999999999`,
      '/api/search?q=harbour&offset=9223372036854775808',
      '/api/documents/99999999999999999999999',
    ]) {
      const answer = await app.inject(url);
      expect(answer.statusCode, url).toBe(400);
      expect(answer.json().error, url).toMatch(/must be <= 9007199254740991/);
    }
  });

  it('takes a long file name in any script, keeping its start and its extension', async () => {
    const name = `${'港口评论'.repeat(44)}.en.txt`;
    const uploads = ['en', 'zh'].map((lang) => ({
      name: name.replace('.en.', `.${lang}.`),
      data: Buffer.from(lang === 'en' ? 'The harbour grows.\n' : '港口在发展。\n').toString('base64'),
    }));
    const response = await app.inject({ method: 'POST', url: '/api/documents', payload: { files: uploads } });
    expect(response.statusCode, response.body).toBe(201);
    const stored = (await app.inject('/api/documents'))
      .json()
      .find((document: { id: number }) => document.id === response.json().ids[0]);
    expect(stored.name).toMatch(/^港口评论港口评论.*港口评论$/);
    expect(Buffer.byteLength(stored.name)).toBeLessThan(200);
  });

  it('stores a Word file pair and a PDF uploaded as files', async () => {
    const [plain] = (await readDocuments(['examples/harbour-review.md'])).documents as [BilingualDocument];
    const words = await buildDocx(plain, 'pair');
    const upload = (files: { name: string; data: Buffer }[]) =>
      app.inject({
        method: 'POST',
        url: '/api/documents',
        payload: {
          files: files.map((file) => ({ name: file.name, data: file.data.toString('base64') })),
          // The Word files and the PDF hold one document: kept both, to check each reader.
          duplicates: 'keep',
        },
      });
    const pair = await upload([
      { name: 'review.en.docx', data: words.en as Buffer },
      { name: 'review.zh.docx', data: words.zh as Buffer },
    ]);
    expect(pair.statusCode, pair.body).toBe(201);
    expect(pair.json().failures).toEqual([]);
    if (cjkFontsInstalled()) {
      const pdf = await upload([
        { name: 'review.pdf', data: (await buildPdf(plain, 'alternating-pages')).both as Buffer },
      ]);
      expect(pdf.statusCode, pdf.body).toBe(201);
    }
    const names = (await app.inject('/api/documents'))
      .json()
      .map((document: { name: string }) => document.name);
    expect(names.filter((name: string) => name === 'review')).toHaveLength(cjkFontsInstalled() ? 2 : 1);
  });

  it('searches 港口: a page of hits with the total, each naming its document, matches and spotted words', async () => {
    const page = (await app.inject('/api/search?q=%E6%B8%AF%E5%8F%A3&limit=2&offset=1')).json();
    expect(page.total).toBeGreaterThan(2);
    expect(page.offset).toBe(1);
    expect(page.hits).toHaveLength(2);
    const [hit] = page.hits;
    expect(hit.documentName).toBe('harbour-review');
    expect(hit.pair).toMatchObject({
      id: expect.any(Number),
      key: expect.any(String),
      status: 'auto',
      version: 1,
    });
    expect(hit.pair.zhIds).toEqual(expect.any(Array));
    expect(hit.pair.zh.slice(...hit.matches.zh[0])).toBe('港口');
    const spotted = page.hits.flatMap((each: { pair: { en: string }; spotted: { en: [number, number][] } }) =>
      each.spotted.en.map((span) => each.pair.en.slice(...span).toLowerCase()),
    );
    expect(spotted).toContain('ports');
  });

  it('exports a document as TMX that parses', async () => {
    const response = await app.inject(`/api/documents/${documentId}/export?to=tmx`);
    expect(response.headers['content-disposition']).toBe('attachment; filename=harbour-review.tmx');
    expect(XMLValidator.validate(response.body)).toBe(true);
  });

  it('requires the token when one is set', async () => {
    const guarded = buildServer(store, { token: 's3cret' });
    expect((await guarded.inject('/api/documents')).statusCode).toBe(401);
    expect(
      (await guarded.inject({ url: '/api/documents', headers: { authorization: 'Bearer s3cret' } }))
        .statusCode,
    ).toBe(200);
    await guarded.close();
  });
});

describe('exporting the whole corpus', () => {
  it('writes every document into one TMX and one XLIFF with a file per document', async () => {
    const documents = (await app.inject('/api/documents')).json();
    const tmx = await app.inject('/api/export?to=tmx');
    expect(tmx.headers['content-disposition']).toBe('attachment; filename=corpus.tmx');
    expect(XMLValidator.validate(tmx.body)).toBe(true);
    const xliff = await app.inject('/api/export?to=xliff');
    expect(xliff.body.match(/<file /g)).toHaveLength(documents.length);
    expect((await app.inject('/api/export?to=docx')).statusCode).toBe(400);
  });

  it('filters search by role', async () => {
    const { hits } = (await app.inject('/api/search?q=%E6%B8%AF%E5%8F%A3&role=toc')).json();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit: { pair: { role: string } }) => hit.pair.role === 'toc')).toBe(true);
  });
});
