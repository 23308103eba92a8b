/// <reference lib="dom" />
/**
 * `npm run bench:studio`: a real document of some 30,000 pairs (the test magazines set one
 * after another, read and aligned by the pipeline) imported into a store and reviewed in
 * headless Chromium (Debian's /usr/bin/chromium): import time by stage, the bytes and time
 * to open it, edits from the keyboard to the screen, scrolling and jumping through it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
// The built code, as `bitext import` runs it: its article threads start from dist/.
import { loadLexicon } from '../dist/align/index.js';
import { pairDocument } from '../dist/pairs/pairs.js';
import { storeFiles } from '../dist/pipeline/store.js';
import { median } from '../dist/quantile.js';
import { readDocuments } from '../dist/read.js';
import { buildServer } from '../dist/server/app.js';
import { CorpusStore } from '../dist/store/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const TARGET_PAIRS = 30_000;
const CHROMIUM = '/usr/bin/chromium';
const MAGAZINES = ['test/fixtures/magazine/coastal-notes.md', 'test/fixtures/magazine/harbour-review.md'];
/** Pairs one copy of the magazines gives, so that the long text is built at the right length. */
const PAIRS_PER_COPY = 68;
const EDITS = 15;

const seconds = (since: number) => (performance.now() - since) / 1000;

/** The magazines, one after another, as many times as it takes to make some 30,000 pairs. */
function writeLongText(dir: string): string {
  const copy = MAGAZINES.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n\n');
  const path = join(dir, 'long-review.md');
  writeFileSync(
    path,
    Array(Math.ceil(TARGET_PAIRS / PAIRS_PER_COPY))
      .fill(copy)
      .join('\n\n'),
  );
  return path;
}

interface ImportFigures {
  id: number;
  pairs: number;
  readS: number;
  alignS: number;
  storeS: number;
  reimportS: number;
  reopenMs: number;
}

async function importLongDocument(dir: string, database: string): Promise<ImportFigures> {
  const file = writeLongText(dir);
  const lexicon = await loadLexicon();
  let started = performance.now();
  const [document] = (await readDocuments([file])).documents;
  if (!document) throw new Error('the long text was not read');
  const readS = seconds(started);
  started = performance.now();
  const aligned = await pairDocument(document, lexicon, { jobs: availableParallelism() });
  const alignS = seconds(started);
  started = performance.now();
  const store = new CorpusStore(database);
  const id = store.addDocument(aligned);
  const storeS = seconds(started);
  started = performance.now();
  const again = await storeFiles(store, [file]);
  if (!again.stored[0]?.existing) throw new Error('the same document was not recognised');
  const reimportS = seconds(started);
  store.close();
  started = performance.now();
  new CorpusStore(database).close();
  const reopenMs = performance.now() - started;
  return { id, pairs: aligned.pairs.length, readS, alignS, storeS, reimportS, reopenMs };
}

/**
 * Milliseconds from a key to the screen showing its edit (the current row redrawn), for `EDITS`
 * presses, with a key that moves to another pair before or after each. A press the studio
 * refuses (a merge at the end of an article) changes only the status line, and is not counted.
 */
async function editToScreen(
  page: Page,
  key: string,
  move: { before?: string; after?: string },
): Promise<number[]> {
  const times: number[] = [];
  for (let tries = 0; times.length < EDITS && tries < EDITS * 3; tries++) {
    if (move.before) await page.keyboard.press(move.before);
    const shown = await page.evaluate(() => ({
      row: document.querySelector('.pair.current')?.outerHTML,
      status: document.querySelector('[role=status]')?.textContent,
    }));
    const started = performance.now();
    await page.keyboard.press(key);
    const changed = await page
      .waitForFunction(
        (old) => {
          if (document.querySelector('.pair.current')?.outerHTML !== old.row) return 'row';
          return document.querySelector('[role=status]')?.textContent !== old.status && 'status';
        },
        shown,
        { polling: 'raf', timeout: 10_000 },
      )
      .catch(() => undefined);
    if ((await changed?.jsonValue()) === 'row') times.push(performance.now() - started);
    if (move.after) await page.keyboard.press(move.after);
  }
  return times;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM) || !existsSync(join(ROOT, 'web/dist'))) {
    console.log('bench:studio needs /usr/bin/chromium and a built web app (npm run build); skipped.');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bitext-studio-bench-'));
  const database = join(dir, 'corpus.db');
  const imported = await importLongDocument(dir, database);
  console.log(`imported: ${JSON.stringify(imported)}`);
  const store = new CorpusStore(database);
  const app = buildServer(store, { webRoot: join(ROOT, 'web/dist') });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const documentLoads: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith(`/api/documents/${imported.id}`)) documentLoads.push(request.url());
    });
    // The page notes when it first draws a row, however busy it is afterwards.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.pair')) return;
        (window as unknown as { firstRowsAt: number }).firstRowsAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const started = performance.now();
    await page.goto(`${base}/#/documents/${imported.id}`);
    await page.waitForSelector('.pair');
    const openMs = performance.now() - started;
    // As the page counts it: from the start of navigation to the first row in the page.
    const pageOpenMs = await page.evaluate(() => (window as unknown as { firstRowsAt: number }).firstRowsAt);
    const rowsInPage = await page.locator('.pair').count();
    await page.waitForFunction(
      (id) => performance.getEntriesByName(`${location.origin}/api/documents/${id}`).length > 0,
      imported.id,
    );
    // No named function inside: tsx names them with a helper the page does not have.
    const [firstBytes, allBytes] = await page.evaluate((id) => {
      const base = `${location.origin}/api/documents/${id}`;
      return [`${base}?limit=200`, base].map(
        (url) => (performance.getEntriesByName(url)[0] as PerformanceResourceTiming).encodedBodySize,
      ) as [number, number];
    }, imported.id);
    const confirm = await editToScreen(page, 'c', { before: 'j' });
    const merge = await editToScreen(page, 'm', { before: 'j' });
    // Each undo takes back the merge made on the pair before the last one undone.
    const undo = await editToScreen(page, 'u', { after: 'k' });
    const frames = await page.evaluate(async () => {
      const scroller = document.querySelector('.pairs') as HTMLElement;
      const times: number[] = [];
      for (let step = 1; step <= 200; step++) {
        const before = performance.now();
        scroller.scrollTop = (scroller.scrollHeight * step) / 200;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        times.push(performance.now() - before);
      }
      return times;
    });
    const keyStarted = performance.now();
    for (let k = 0; k < 50; k++) await page.keyboard.press('p');
    const keyMs = (performance.now() - keyStarted) / 50;
    const row = (label: string, value: string) => console.log(`| ${label} | ${value} |`);
    console.log(`| ${imported.pairs.toLocaleString('en')}-pair document (pipeline-made) | value |`);
    console.log('| --- | --- |');
    row(
      'import: read / align / store',
      `${imported.readS.toFixed(1)} / ${imported.alignS.toFixed(1)} / ${imported.storeS.toFixed(1)} s`,
    );
    row('import again (recognised by content hash)', `${imported.reimportS.toFixed(1)} s`);
    row('reopen the store (integrity check, migrations)', `${imported.reopenMs.toFixed(0)} ms`);
    row(
      'document as sent to open the review: first rows / all rows',
      `${(firstBytes / 1e3).toFixed(0)} kB / ${(allBytes / 1e6).toFixed(1)} MB`,
    );
    row(
      'open to first rows (as the page counts / as playwright sees it)',
      `${pageOpenMs.toFixed(0)} / ${openMs.toFixed(0)} ms`,
    );
    row('rows in the page', String(rowsInPage));
    row(
      `c (confirm) to screen, median / max of ${EDITS}`,
      `${(median(confirm) ?? 0).toFixed(0)} / ${Math.max(...confirm).toFixed(0)} ms`,
    );
    row(
      `m (merge) to screen, median / max of ${EDITS}`,
      `${(median(merge) ?? 0).toFixed(0)} / ${Math.max(...merge).toFixed(0)} ms`,
    );
    row(
      `u (undo) to screen, median / max of ${EDITS}`,
      `${(median(undo) ?? 0).toFixed(0)} / ${Math.max(...undo).toFixed(0)} ms`,
    );
    row('document downloads during all those edits', String(documentLoads.length - 1));
    row(
      'scroll step (200 jumps top to bottom), median / max',
      `${(median(frames) ?? 0).toFixed(1)} / ${Math.max(...frames).toFixed(1)} ms`,
    );
    row('previous doubtful pair from the keyboard, mean', `${keyMs.toFixed(1)} ms`);
  } finally {
    await browser.close();
    await app.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
