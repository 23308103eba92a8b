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
const ready = existsSync(CHROMIUM) && existsSync(WEB_ROOT);

describe.skipIf(!ready && !process.env.CI)('the review tools in headless Chromium', () => {
  const store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-review-ui-')), 'corpus.db'));
  const app = buildServer(store, { webRoot: WEB_ROOT });
  let browser: Browser;
  let page: Page;
  let documentId = 0;

  beforeAll(async () => {
    if (!ready)
      throw new Error(`the studio's browser tests need ${CHROMIUM} and a built web/dist (npm run build)`);
    const [read] = (await readDocuments(['test/fixtures/magazine/harbour-review.md'])).documents;
    if (!read) throw new Error('fixture not read');
    documentId = store.addDocument(await pairDocument(read, await loadLexicon()));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/#/documents/${documentId}`);
    await page.waitForSelector('.pair');
  });

  afterAll(async () => {
    await browser?.close();
    await app.close();
    store.close();
  });

  const rows = () => store.rows(documentId);
  const progress = () => page.locator('.progress').textContent();
  const status = () => page.locator('p[role=status]').textContent();
  const selectedKey = () => page.locator('.pair[aria-selected=true]').getAttribute('data-pair');
  const press = async (key: string) => {
    await page.locator('body').press(key);
  };

  it('shows the position and progress, and moves within a filter with next and previous', async () => {
    expect(await progress()).toBe(`Pair 1 of ${rows().length} · 0 confirmed (0%)`);
    await page.selectOption('.review-tools select', 'role:body');
    await page.click('.review-tools button[title="key: n"]');
    const firstBody = rows().findIndex((row) => row.role === 'body');
    await expect.poll(selectedKey).toBe(rows()[firstBody]?.pair_key);
    expect(await progress()).toMatch(new RegExp(`^Pair ${firstBody + 1} of `));
    await press('n');
    await expect.poll(selectedKey).toBe(rows()[firstBody + 1]?.pair_key);
    await press('p');
    await expect.poll(selectedKey).toBe(rows()[firstBody]?.pair_key);
  });

  it('confirms with a button and moves on to the next pair in the filter; un-confirms with x', async () => {
    const at = rows().findIndex((row) => row.role === 'body');
    await page.click('.review-tools button:has-text("Confirm")');
    await expect.poll(status).toBe('Confirmed.');
    await expect.poll(selectedKey).toBe(rows()[at + 1]?.pair_key);
    expect(rows()[at]?.status).toBe('confirmed');
    expect(await progress()).toMatch(/· 1 confirmed/);
    await press('k');
    await press('x');
    await expect.poll(status).toBe('No longer confirmed.');
    expect(rows()[at]?.status).toBe('auto');
  });

  it('lists every key in a ? dialog that Escape closes', async () => {
    await press('?');
    const dialog = page.locator('[role=dialog]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('dt').allTextContents()).toContain('a');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('opens a context menu of every action on a pair', async () => {
    const target = page.locator('.pair').nth(3);
    await target.click({ button: 'right' });
    const menu = page.locator('[role=menu]');
    expect(await menu.locator('button').allTextContents()).toEqual(
      await page.locator('.review-tools button').allTextContents(),
    );
    await menu.locator('button[title="key: n"]').click();
    await expect.poll(() => menu.count()).toBe(0);
  });

  it('draws the alignment map, colours confirmed pairs and jumps to a pair on click', async () => {
    const steps = page.locator('.alignment-map line.step');
    expect(await steps.count()).toBe(rows().length);
    await steps.nth(10).click({ force: true });
    await expect.poll(selectedKey).toBe(rows()[10]?.pair_key);
    await press('c');
    await expect.poll(() => page.locator('.alignment-map line.step.confirmed').count()).toBe(1);
  });

  it('aligns again around the confirmed pairs with one button, undone with one key', async () => {
    const before = rows().map((row) => [row.en, row.zh]);
    await page.click('.review-tools button:has-text("Align again")');
    await expect.poll(status).toMatch(/^Aligned again around the confirmed pairs/);
    await press('u');
    await expect.poll(status).toBe('Undone.');
    expect(rows().map((row) => [row.en, row.zh])).toEqual(before);
  });

  const jumpTo = async (index: number) => {
    await page.locator('.alignment-map line.step').nth(index).click({ force: true });
    await expect.poll(selectedKey).toBe(rows()[index]?.pair_key);
  };

  it('corrects sentences in a dialog that takes the focus, names fields in words and closes on Escape', async () => {
    const index = rows().findIndex((row) => JSON.parse(row.en_ids).length >= 1);
    await jumpTo(index);
    await press('e');
    const dialog = page.locator('[role=dialog]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('label span').first().textContent()).toMatch(/^English sentence 1 of \d+$/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('splits a pair at the boundaries chosen by click, with Enter', async () => {
    const index = rows().findIndex((row) => JSON.parse(row.en_ids).length >= 2);
    const target = rows()[index];
    if (!target) throw new Error('no pair of two English sentences');
    await jumpTo(index);
    await press('b');
    const dialog = page.locator('[role=dialog]');
    await expect.poll(() => dialog.locator('li .sentence').count()).toBeGreaterThan(2);
    await dialog.locator('button[aria-label="split English after sentence 2"]').click();
    await dialog.locator('button[aria-label="split Chinese after sentence 0"]').click();
    await page.keyboard.press('Enter');
    await expect.poll(status).toBe('Split after 2 English and 0 Chinese sentences.');
    const parts = rows().slice(index, index + 2);
    expect(parts.map((row) => JSON.parse(row.en_ids).length)).toEqual([
      2,
      JSON.parse(target.en_ids).length - 2,
    ]);
    expect(JSON.parse(parts[0]?.zh_ids ?? '[]')).toEqual([]);
    await press('u');
    await expect.poll(status).toBe('Undone.');
  });

  it('confirms every pair up to the current one', async () => {
    await jumpTo(5);
    await page.click('.review-tools button[title="key: C"]');
    await expect
      .poll(() =>
        rows()
          .slice(0, 6)
          .every((row) => row.status === 'confirmed'),
      )
      .toBe(true);
    expect(rows()[6]?.status).toBe('auto');
  });

  it('shows the sentence boundaries inside the selected pair, and a click on one opens the split there', async () => {
    const index = rows().findIndex((row) => JSON.parse(row.en_ids).length >= 2);
    await jumpTo(index);
    const selected = page.locator('.pair[aria-selected=true]');
    const marks = selected.locator('.text[lang=en] .boundary-mark');
    await expect.poll(() => marks.count()).toBe(JSON.parse(rows()[index]?.en_ids ?? '[]').length - 1);
    expect(await selected.locator('.text[lang=en]').textContent()).toBe(rows()[index]?.en);
    await marks.first().click();
    const dialog = page.locator('.split-chooser');
    await expect
      .poll(() =>
        dialog.locator('button[aria-label="split English after sentence 1"]').getAttribute('aria-pressed'),
      )
      .toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('corrects a header pair side by side, and undoes it', async () => {
    const index = rows().findIndex((row) => row.role === 'title');
    const title = rows()[index];
    if (!title) throw new Error('the fixture has a title pair');
    await jumpTo(index);
    await press('e');
    const dialog = page.locator('[role=dialog]');
    await expect
      .poll(() => dialog.locator('label span').allTextContents())
      .toEqual(['English text', 'Chinese text']);
    await dialog.locator('textarea[lang=en]').fill('The Harbour Review');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(status).toBe('Corrected 1 side.');
    expect(rows()[index]).toMatchObject({ en: 'The Harbour Review', zh: title.zh });
    await expect
      .poll(() => page.locator('.pair[aria-selected=true] .text[lang=en]').textContent())
      .toBe('The Harbour Review');
    await press('u');
    await expect.poll(status).toBe('Undone.');
    expect(rows()[index]?.en).toBe(title.en);
  });

  it('lists the reader’s warnings and shows the pair nearest each', async () => {
    const [warning] = store.documentWarnings(documentId);
    if (!warning?.nearSentence) throw new Error('the fixture should carry a warning placed in its text');
    const list = page.locator('details.warnings');
    await list.locator('summary').click();
    await expect.poll(() => list.locator('li').first().textContent()).toContain(warning.message);
    await jumpTo(0);
    await list.locator('li button', { hasText: 'Show' }).first().click();
    const near = warning.nearSentence;
    const holder = rows().find((row) =>
      [row.en_ids, row.zh_ids].some((ids) => JSON.parse(ids).includes(near)),
    );
    await expect.poll(selectedKey).toBe(holder?.pair_key);
  });
});
