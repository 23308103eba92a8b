import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.js';
import type { StoredRow } from '../src/store/edits.js';
import { CorpusStore } from '../src/store/index.js';
import { browserTestsSkip, CHROMIUM, CHROMIUM_FLAGS, WEB_ROOT } from './chromium.js';

const TOKEN = 'a-long-token-for-the-browser-test-7';
const HARBOUR = readFileSync('examples/harbour-review.md').toString('base64');

/** A studio on its own store, with the harbour review stored as document 1 (as 港口评论). */
async function startStudio(
  token?: string,
): Promise<{ app: FastifyInstance; store: CorpusStore; base: string; refused: string[] }> {
  const store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-attack-')), 'corpus.db'));
  const app = buildServer(store, { webRoot: WEB_ROOT, ...(token ? { token } : {}) });
  const refused: string[] = [];
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 400) refused.push(`${request.method} ${request.url} ${reply.statusCode}`);
  });
  const upload = await app.inject({
    method: 'POST',
    url: '/api/documents',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: { files: [{ name: '港口评论.md', data: HARBOUR }] },
  });
  expect(upload.statusCode, upload.body).toBe(201);
  return { app, store, refused, base: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

/** The pages another site serves to a reviewer's browser, each attacking the studio at `target`. */
function attackerPages(target: string, pair: () => StoredRow): Record<string, string> {
  const submit = (action: string, fields: string, enctype: string) =>
    `<form method="post" action="${target}${action}" enctype="${enctype}">${fields}</form>` +
    '<script>document.forms[0].submit()</script>';
  const sentence = `${target}/api/documents/1/sentences/a0.en.p1.s0`;
  return {
    '/form-undo': submit('/api/documents/1/undo', '<input name=\'{"a":"\' value=\'"}\'>', 'text/plain'),
    '/form-confirm': submit(
      `/api/pairs/${pair().id}/confirm`,
      `<input name='{"version":${pair().version},"x":"' value='"}'>`,
      'text/plain',
    ),
    '/fetch-attacks': `<script>
      window.done = Promise.allSettled([
        fetch('${target}/api/documents/1/undo', { method: 'POST', mode: 'no-cors', credentials: 'include' }),
        fetch('${target}/api/documents/1/undo', { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' }),
        fetch('${target}/api/documents/1/undo', { method: 'POST', credentials: 'include',
          headers: { 'content-type': 'application/json' }, body: '{}' }),
        fetch('${sentence}', { method: 'PUT', credentials: 'include',
          headers: { 'content-type': 'application/json' }, body: '{"text":"pwned"}' }),
        fetch('${target}/api/documents', { credentials: 'include' }).then((r) => r.text()),
      ]).then((results) => results.map((result) => result.status));
    </script>`,
    '/frame': `<iframe src="${target}/#/documents/1" width="800" height="600"></iframe>`,
  };
}

/** A second origin for the attacker's pages, on another port of this machine. */
async function startAttacker(pages: () => Record<string, string>): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const page = pages()[request.url ?? ''];
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html' });
    response.end(page ?? 'not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

describe.skipIf(browserTestsSkip)('the studio against another site, in headless Chromium', () => {
  let browser: Browser;
  let studio: Awaited<ReturnType<typeof startStudio>>;
  let attacker: Awaited<ReturnType<typeof startAttacker>>;
  let page: Page;
  const violations: string[] = [];

  const rows = () => studio.store.rows(1);
  const firstBody = () => rows().find((row) => row.role === 'body') as StoredRow;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    studio = await startStudio();
    attacker = await startAttacker(() => attackerPages(studio.base, firstBody));
    page = await browser.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    attacker?.server.close();
    await studio?.app.close();
    studio?.store.close();
  });

  /** Merges the first body pair from the studio's own page, the edit an attacker would undo. */
  const mergeInStudio = async () => {
    await page.goto(`${studio.base}/#/documents/1`);
    await page.waitForSelector('.pair.body');
    await page.locator('.pair.body').nth(0).click();
    await page.keyboard.press('m');
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('Merged with the next pair.');
  };

  // 127.0.0.1 on another port is another origin of the same site; localhost is another site.
  for (const host of ['127.0.0.1', 'localhost']) {
    it(`refuses cross-origin undo and edits from ${host} on another port: forms and fetch`, async () => {
      await mergeInStudio();
      const before = rows();
      studio.refused.length = 0;
      const attackerBase = `http://${host}:${attacker.port}`;
      for (const path of ['/form-undo', '/form-confirm']) {
        await page.goto(`${attackerBase}${path}`);
        await page.waitForLoadState('load');
        await page.waitForTimeout(300);
      }
      await page.goto(`${attackerBase}/fetch-attacks`);
      await page.evaluate(() => (window as unknown as { done: Promise<unknown> }).done);
      expect(rows()).toEqual(before);
      expect(studio.store.getDocument(1).pairs.map((pair) => pair.en)).not.toContain('pwned');
      // The simple requests reached the studio and it refused them; the others the browser stopped.
      expect(studio.refused).toContain('POST /api/documents/1/undo 403');
      expect(studio.refused).toContain(`POST /api/pairs/${firstBody().id}/confirm 403`);
    });
  }

  it('cannot be framed by another site', async () => {
    await page.goto(`http://localhost:${attacker.port}/frame`);
    await page.waitForTimeout(1000);
    const studioFrames = page.frames().filter((frame) => frame !== page.mainFrame());
    expect(studioFrames).toHaveLength(1);
    expect(await studioFrames[0]?.locator('#root').count()).toBe(0);
    expect(violations.join('\n')).toContain("frame-ancestors 'none'");
  });

  it('runs under its own Content-Security-Policy and shows an unknown document as not found', async () => {
    violations.length = 0;
    await page.goto(`${studio.base}/#/documents/1`);
    await page.waitForSelector('.pair');
    await page.goto(`${studio.base}/#/documents/999`);
    await expect
      .poll(() => page.locator('[role=status]').textContent())
      .toMatch(/^Not found: no document with id 999/);
    expect(await page.locator('.pair').count()).toBe(0);
    await page.keyboard.press('u');
    expect(violations).toEqual([]);
  });

  it('downloads an export of a document named in Chinese under its name', async () => {
    await page.goto(`${studio.base}/#/documents/1`);
    await page.waitForSelector('.pair');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a.export', { hasText: 'TMX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('港口评论.tmx');
  });
});

describe.skipIf(browserTestsSkip)('signing in to a studio started with a token, in headless Chromium', () => {
  let browser: Browser;
  let studio: Awaited<ReturnType<typeof startStudio>>;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    studio = await startStudio(TOKEN);
    page = await browser.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await studio?.app.close();
    studio?.store.close();
  });

  it('asks for the token once, keeps the session in an HttpOnly cookie, and works fully', async () => {
    await page.goto(`${studio.base}/#/`);
    await page.waitForSelector('h1:text("Sign in")');
    await page.fill('input[type=password]', 'not the token');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toBe('that is not the token');
    await page.fill('input[type=password]', TOKEN);
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('table.library tbody tr').count()).toBe(1);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.reload();
    await expect.poll(() => page.locator('table.library tbody tr').count()).toBe(1);
    await page.setInputFiles('input[type=file]', 'examples/harbour-review.md');
    await expect
      .poll(() => page.locator('[role=status]').textContent(), { timeout: 60_000 })
      .toMatch(/^Imported harbour-review\.md as document 2\./);

    await page.goto(`${studio.base}/#/documents/2`);
    await page.waitForSelector('.pair.body');
    await page.locator('.pair.body').nth(0).click();
    await page.keyboard.press('m');
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('Merged with the next pair.');
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('Undone.');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a.export', { hasText: 'XLIFF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('harbour-review.xlf');

    await page.click('button.sign-out');
    await page.waitForSelector('h1:text("Sign in")');
    expect(violations).toEqual([]);
  });
});
