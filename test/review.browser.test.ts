import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/align/index.js';
import { pairDocument } from '../src/pipeline/pairs.js';
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
    const { page, loads } = await openReview();
    const body = page.locator('.pair.body');
    const [first, second] = await body.locator('.text[lang="en"]').allTextContents();
    await body.nth(0).click();
    await page.keyboard.press('c');
    await page.keyboard.press('m');
    await expect.poll(() => status(page)).toBe('Merged with the next pair.');
    expect(await body.nth(0).locator('.text[lang="en"]').textContent()).toBe(`${first} ${second}`.trim());
    await page.keyboard.press('u');
    await expect.poll(() => status(page)).toBe('Undone.');
    await expect.poll(() => body.nth(0).getAttribute('class')).toContain('confirmed');
    await page.keyboard.press('u');
    await expect.poll(() => body.nth(0).getAttribute('class')).not.toContain('confirmed');
    expect(loads()).toBe(1);
    await page.close();
  });

  it('refuses an edit made in a tab that has not seen another tab’s edit, then shows the current rows', async () => {
    const one = await openReview();
    const two = await openReview();
    await one.page.locator('.pair.body').nth(0).click();
    await one.page.keyboard.press('m');
    await expect.poll(() => status(one.page)).toBe('Merged with the next pair.');
    await two.page.locator('.pair.body').nth(0).click();
    await two.page.keyboard.press('c');
    await expect.poll(() => status(two.page)).toMatch(/reload and try again|was merged, split or undone/);
    const merged = await one.page.locator('.pair.body .text[lang="en"]').first().textContent();
    await expect
      .poll(() => two.page.locator('.pair.body .text[lang="en"]').first().textContent())
      .toBe(merged);
    await one.page.keyboard.press('u');
    await expect.poll(() => status(one.page)).toBe('Undone.');
    await one.page.close();
    await two.page.close();
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
