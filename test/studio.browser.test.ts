import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../scripts/fixture-docx.js';
import { buildPdf, cjkFontsInstalled } from '../scripts/fixture-pdf.js';
import type { BilingualDocument } from '../src/model/document.js';
import { readDocuments } from '../src/read.js';
import { buildServer } from '../src/server/app.js';
import { CorpusStore } from '../src/store/index.js';
import { browserTestsSkip, CHROMIUM, CHROMIUM_FLAGS, WEB_ROOT } from './chromium.js';
import { temporaryFolder } from './cli-run.js';

/** Every folder a test makes is inside this one, removed after the file's tests. */
const TEMPORARY = temporaryFolder('studio');

describe.skipIf(browserTestsSkip)('bitext studio in headless Chromium', () => {
  const store = new CorpusStore(join(mkdtempSync(join(TEMPORARY, 'bitext-studio-')), 'corpus.db'));
  const app = buildServer(store, { webRoot: WEB_ROOT });
  let base = '';
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await app.close();
    store.close();
  });

  const bodyTexts = () => page.locator('.pair.body .text[lang="en"]').allTextContents();

  it('uploads a document from the library and shows it with its counts', async () => {
    await page.goto(`${base}/#/`);
    await page.setInputFiles('input[type=file]', 'examples/harbour-review.md');
    await expect
      .poll(() => page.locator('[role=status]').textContent(), { timeout: 30_000 })
      .toMatch(/Imported harbour-review\.md/);
    await expect.poll(() => page.locator('table.library tbody tr').count()).toBe(1);
  });

  it('merges two pairs from the keyboard, keeps the merge after a reload, and undoes it', async () => {
    await page.goto(`${base}/#/documents/1`);
    await page.waitForSelector('.pair');
    expect(await page.locator('h1').textContent()).toBe('harbour-review');
    const before = await bodyTexts();
    await page.locator('.pair.body').nth(0).click();
    await page.keyboard.press('m');
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('Merged with the next pair.');
    await page.reload();
    await page.waitForSelector('.pair');
    expect((await bodyTexts())[0]).toBe(`${before[0]} ${before[1]}`.trim());
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('Undone.');
    await page.reload();
    await page.waitForSelector('.pair');
    expect((await bodyTexts()).slice(0, 2)).toEqual(before.slice(0, 2));
  });

  it('corrects the text of a sentence from the review view', async () => {
    await page.goto(`${base}/#/documents/1`);
    await page.waitForSelector('.pair.body');
    await page.locator('.pair.body').nth(1).click();
    await page.keyboard.press('e');
    const field = page.locator('.sentence-editor textarea').first();
    await expect.poll(() => field.inputValue()).toBe('Welcome to Donggang.');
    await field.fill('Welcome, friends, to Donggang.');
    await page.click('.sentence-editor button[type=submit]');
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('Corrected 1 sentence.');
    await expect.poll(() => bodyTexts()).toContain('Welcome, friends, to Donggang.');
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('Undone.');
  });

  it('searches Chinese and shows the English counterparts', async () => {
    await page.goto(`${base}/#/search`);
    await page.fill('input[aria-label="Search both languages"]', '港口');
    await page.click('button[type=submit]');
    await page.waitForSelector('table.hits tr');
    const first = page.locator('table.hits tr').first();
    expect(await first.locator('td[lang=zh] mark.match').first().textContent()).toBe('港口');
    expect((await first.locator('td[lang=en]').textContent())?.length).toBeGreaterThan(10);
  });

  it('exports TMX that parses', async () => {
    await page.goto(`${base}/#/documents/1`);
    const href = await page.locator('a.export', { hasText: 'TMX' }).getAttribute('href');
    const tmx = await page.evaluate(async (url) => (await fetch(url as string)).text(), href);
    expect(XMLValidator.validate(tmx)).toBe(true);
    expect(tmx).toContain('<tmx version="1.4">');
  });

  it('never renders document text as markup', async () => {
    await page.goto(`${base}/#/`);
    const text =
      '# <img src=x onerror="window.pwned=1">Title\n\n## 标题<b>粗</b>\n\nHello <script>window.pwned=1</script>.\n\n你好<script>window.pwned=1</script>。\n';
    const payload = { files: [{ name: 'tricky.md', data: Buffer.from(text).toString('base64') }] };
    const id = await page.evaluate(async (body) => {
      const response = await fetch('/api/documents', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return ((await response.json()) as { ids: number[] }).ids[0];
    }, payload);
    await page.goto(`${base}/#/documents/${id}`);
    await page.waitForSelector('.pair');
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('.pair img, .pair script, .pair b').count()).toBe(0);
  });

  it('uploads a PDF, and an English and a Chinese Word file together', async () => {
    const [plain] = (await readDocuments(['examples/harbour-review.md'])).documents as [BilingualDocument];
    const dir = mkdtempSync(join(TEMPORARY, 'bitext-studio-uploads-'));
    const words = await buildDocx(plain, 'pair');
    const wordFiles = (['en', 'zh'] as const).map((lang) => {
      const path = join(dir, `review.${lang}.docx`);
      writeFileSync(path, words[lang] as Buffer);
      return path;
    });
    await page.goto(`${base}/#/`);
    await page.waitForSelector('table.library tbody tr');
    const rowsBefore = await page.locator('table.library tbody tr').count();
    await page.setInputFiles('input[type=file]', wordFiles);
    await expect
      .poll(() => page.locator('[role=status]').textContent(), { timeout: 30_000 })
      .toMatch(/^Imported review\.en\.docx and review\.zh\.docx as document \d+\.$/);
    if (!cjkFontsInstalled()) return;
    const pdf = join(dir, 'review.pdf');
    writeFileSync(pdf, (await buildPdf(plain, 'two-columns')).both as Buffer);
    await page.setInputFiles('input[type=file]', pdf);
    // The Word files made a document of the same name: the library asks first.
    await page.locator('.duplicate-prompt button', { hasText: 'Keep both' }).click({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('[role=status]').textContent(), { timeout: 30_000 })
      .toMatch(/^Imported review\.pdf as document \d+\.$/);
    await expect.poll(() => page.locator('table.library tbody tr').count()).toBe(rowsBefore + 2);
    const id = /document (\d+)/.exec((await page.locator('[role=status]').textContent()) ?? '')?.[1];
    await page.goto(`${base}/#/documents/${id}`);
    await page.waitForSelector('.pair.body');
    // A pair read from a PDF shows the page it stands on, for the reviewer to find it there.
    await expect
      .poll(() => page.locator('.pair.body .page').first().textContent())
      .toMatch(/^p\. \d+(\/\d+)?$/);
  }, 120_000);

  it('asks before storing a document again, then renames and deletes it from the library', async () => {
    await page.goto(`${base}/#/`);
    await page.waitForSelector('table.library tbody tr');
    const rows = page.locator('table.library tbody tr');
    const before = await rows.count();
    await page.setInputFiles('input[type=file]', 'examples/harbour-review.md');
    const prompt = page.locator('.duplicate-prompt');
    await expect
      .poll(() => prompt.textContent(), { timeout: 30_000 })
      .toMatch(/^“harbour-review” is in the library already \(as “harbour-review”, document 1\)\./);
    expect(await rows.count()).toBe(before);
    await prompt.locator('button', { hasText: 'Keep both' }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(before + 1);
    const added = rows.last();
    await added.locator('button', { hasText: 'Rename' }).click();
    await added.locator('input').fill('港口评论 <b>copy');
    await added.locator('input').press('Enter');
    await expect.poll(() => added.locator('a').textContent()).toBe('港口评论 <b>copy');
    expect(store.listDocuments().at(-1)?.name).toBe('港口评论 <b>copy');
    await added.locator('button', { hasText: 'Delete' }).click();
    await expect.poll(() => added.locator('[role=alert]').textContent()).toContain('for good?');
    await added.locator('button', { hasText: 'Yes, delete' }).click();
    await expect.poll(() => rows.count()).toBe(before);
    expect(store.listDocuments().some((document) => document.name.startsWith('港口评论'))).toBe(false);
  });
});
