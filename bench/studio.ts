/// <reference lib="dom" />
/**
 * `npm run bench:studio`: a 30,000-pair document in the review view of headless Chromium
 * (Debian's /usr/bin/chromium): time to open, rows kept in the page, and frame times while
 * scrolling from top to bottom and jumping through doubtful pairs from the keyboard.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { AlignedDocument, Pair } from '../src/model/document.js';
import { readDocuments } from '../src/read.js';
import { buildServer } from '../src/server/app.js';
import { CorpusStore } from '../src/store/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const PAIRS = 30_000;
const CHROMIUM = '/usr/bin/chromium';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM) || !existsSync(join(ROOT, 'web/dist'))) {
    console.log('bench:studio needs /usr/bin/chromium and a built web app (npm run build); skipped.');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bitext-studio-bench-'));
  const store = new CorpusStore(join(dir, 'corpus.db'));
  const [template] = (await readDocuments([join(ROOT, 'examples/harbour-review.md')])).documents;
  const pairs: Pair[] = Array.from({ length: PAIRS }, (_, k) => ({
    id: `p${k}`,
    article: 0,
    role: 'body',
    en: `Sentence ${k} of a long document, in English, long enough to wrap now and then on a narrow screen.`,
    zh: `长文档的第${k}句，中文，长度足以在窄屏上偶尔换行。`,
    enIds: [],
    zhIds: [],
    score: (k % 97) / 97,
    flags: k % 13 === 0 ? ['low-confidence'] : [],
  }));
  const id = store.addDocument({ ...(template as AlignedDocument), pairs });
  const app = buildServer(store, { webRoot: join(ROOT, 'web/dist') });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const started = performance.now();
    await page.goto(`${base}/#/documents/${id}`);
    await page.waitForSelector('.pair');
    const openMs = performance.now() - started;
    const rowsInPage = await page.locator('.pair').count();
    const frames = await page.evaluate(async () => {
      const scroller = document.querySelector('.pairs') as HTMLElement;
      const times: number[] = [];
      const steps = 200;
      for (let step = 1; step <= steps; step++) {
        const before = performance.now();
        scroller.scrollTop = (scroller.scrollHeight * step) / steps;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        times.push(performance.now() - before);
      }
      return times;
    });
    const keyStarted = performance.now();
    for (let k = 0; k < 50; k++) await page.keyboard.press('p');
    const keyMs = (performance.now() - keyStarted) / 50;
    console.log(`| ${PAIRS.toLocaleString('en')}-pair document | value |`);
    console.log('| --- | --- |');
    console.log(`| open to first rows | ${openMs.toFixed(0)} ms |`);
    console.log(`| rows in the page | ${rowsInPage} |`);
    console.log(
      `| scroll step (200 jumps top to bottom), median / max | ${median(frames).toFixed(1)} / ${Math.max(...frames).toFixed(1)} ms |`,
    );
    console.log(`| previous doubtful pair from the keyboard, mean | ${keyMs.toFixed(1)} ms |`);
  } finally {
    await browser.close();
    await app.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
