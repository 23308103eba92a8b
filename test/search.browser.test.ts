import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.js';
import { CorpusStore } from '../src/store/index.js';
import { pairsDocument } from './pairs-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = resolve('web/dist');
const ready = existsSync(CHROMIUM) && existsSync(WEB_ROOT);

describe.skipIf(!ready && !process.env.CI)('the studio search page in headless Chromium', () => {
  const store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-search-ui-')), 'corpus.db'));
  store.addDocument(
    pairsDocument('charter', [
      ['Of all rights, the right to life comes first.', '在所有权利中，生命权居首。'],
      ['Cooperation between the two ports grew.', '两个港口之间的合作不断加深。'],
    ]),
  );
  store.addDocument(
    pairsDocument(
      'minutes',
      Array.from({ length: 60 }, (_, k): [string, string] => [
        `Item ${k + 1}: we cooperate on the right of way, and the right of way again.`,
        `第${k + 1}项：我们在通行权问题上合作。`,
      ]),
    ),
  );
  const app = buildServer(store, { webRoot: WEB_ROOT });
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!ready)
      throw new Error(`the studio's browser tests need ${CHROMIUM} and a built web/dist (npm run build)`);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.goto(`${base}/#/search`);
  });

  afterAll(async () => {
    await browser?.close();
    await app.close();
    store.close();
  });

  const search = async (query: string) => {
    await page.fill('input[aria-label="Search both languages"]', query);
    await page.click('button[type=submit]');
    await page.waitForSelector('.paging [role=status], p[role=status]');
  };
  const status = () => page.locator('[role=status]').first().textContent();

  it('marks every whole-word occurrence, names the document and pages through a total', async () => {
    await search('right');
    await expect.poll(status).toBe('Pairs 1–50 of 61');
    const first = page.locator('table.hits tr').first();
    expect(await first.locator('td.document').textContent()).toBe('charter');
    expect(await first.locator('td[lang=en] mark.match').allTextContents()).toEqual(['right']);
    const second = page.locator('table.hits tr').nth(1);
    expect(await second.locator('td[lang=en] mark.match').allTextContents()).toEqual(['right', 'right']);
    await page.click('button:has-text("Next")');
    await expect.poll(status).toBe('Pairs 51–61 of 61');
    expect(await page.locator('table.hits tr').count()).toBe(11);
  });

  it('finds word forms by stem when asked', async () => {
    await page.check('label:has-text("word forms") input');
    await search('right');
    const first = page.locator('table.hits tr').first();
    expect(await first.locator('td[lang=en] mark.match').allTextContents()).toEqual(['rights', 'right']);
    await page.uncheck('label:has-text("word forms") input');
  });

  it('finds Chinese by substring and marks the English that translates it', async () => {
    await search('合作');
    await expect.poll(status).toBe('Pairs 1–50 of 61');
    const first = page.locator('table.hits tr').first();
    expect(await first.locator('td[lang=zh] mark').allTextContents()).toEqual(['合作']);
    expect(await first.locator('td[lang=en] mark.spotted').allTextContents()).toEqual(['Cooperation']);
  });

  it('says so when nothing matches a quoted phrase', async () => {
    await search('"right life"');
    await expect.poll(() => page.locator('p[role=status]').textContent()).toBe('No pairs match.');
  });
});
