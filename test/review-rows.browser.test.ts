import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/align/index.js';
import { pairDocument } from '../src/pairs/pairs.js';
import { readDocuments } from '../src/read.js';
import { buildServer } from '../src/server/app.js';
import { CorpusStore } from '../src/store/index.js';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = resolve('web/dist');
/** On a developer's laptop without Chromium or a built app this is skipped; with CI set it must run. */
const runnable = Boolean(process.env.CI) || (existsSync(CHROMIUM) && existsSync(WEB_ROOT));

describe.runIf(runnable)('the review view as rows change', () => {
  const store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-review-')), 'corpus.db'));
  const app = buildServer(store, { webRoot: WEB_ROOT });
  let base = '';
  let browser: Browser;
  let documentId = 0;

  beforeAll(async () => {
    const [document] = (await readDocuments(['test/fixtures/magazine/harbour-review.md'])).documents;
    if (!document) throw new Error('fixture not read');
    documentId = store.addDocument(await pairDocument(document, await loadLexicon()));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await app.close();
    store.close();
  });

  const status = (page: Page) => page.locator('[role=status]').textContent();

  async function openReview(): Promise<{ page: Page; loads: () => number }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let loads = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/documents/${documentId}`) loads++;
    });
    await page.goto(`${base}/#/documents/${documentId}`);
    await page.waitForSelector('.pair.body');
    return { page, loads: () => loads };
  }

  it('confirms then merges at once from the keyboard, patching rows without downloading the document again', async () => {
    const before = store.rows(documentId);
    const { page, loads } = await openReview();
    await page.locator('.pair.body').nth(0).click();
    await page.keyboard.press('c');
    await page.keyboard.press('m');
    await expect.poll(() => status(page)).toBe('Merged with the next pair.');
    const after = store.rows(documentId);
    expect(after).toHaveLength(before.length - 1);
    expect(after.filter((row) => row.status === 'confirmed')).toHaveLength(1);
    expect(loads()).toBe(1);
    await page.keyboard.press('u');
    await page.keyboard.press('u');
    await expect
      .poll(() => store.rows(documentId).map((row) => [row.id, row.status]))
      .toEqual(before.map((row) => [row.id, row.status]));
    await page.close();
  });

  it('refuses an edit on a pair another tab changed, then shows the pair as it now is', async () => {
    const { page } = await openReview();
    const first = page.locator('.pair.body').nth(0);
    const key = await first.getAttribute('data-pair');
    const row = store.rows(documentId).find((other) => other.pair_key === key);
    if (!row) throw new Error('no such row');
    await store.editor().confirm({ id: row.id, version: row.version }, 'another tab');
    await first.click();
    await page.keyboard.press('m');
    await expect.poll(() => status(page)).toMatch(/reload and try again/);
    await expect
      .poll(() => page.locator(`.pair[data-pair="${key}"]`).getAttribute('class'))
      .toContain('confirmed');
    expect(store.rows(documentId).find((other) => other.pair_key === key)?.en).toBe(row.en);
    store.editor().undo(documentId);
    await page.close();
  });

  it('shows an unknown document as not found, and its keys edit nothing', async () => {
    const { page } = await openReview();
    const before = store.rows(documentId);
    await page.goto(`${base}/#/documents/999`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Document 999 not found');
    expect(await page.locator('.pair').count()).toBe(0);
    for (const key of ['c', 'm', 's', 'u', ']']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    expect(store.rows(documentId)).toEqual(before);
    await page.close();
  });
});
