/**
 * `npm run bench:search`: search over a corpus store of 1,000,000 generated pairs, median
 * time of a page of 50 hits with its total, for Chinese words, English words (whole, by
 * stem, common and rare), a phrase and two words (target ≤ 200 ms each).
 * The pairs are made from the bundled example's sentences, shuffled into new combinations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AlignedDocument, Pair } from '../src/model/document.js';
import { readDocuments } from '../src/read.js';
import { CorpusStore, type SearchOptions } from '../src/store/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const PAIRS = Number(process.env.BENCH_PAIRS ?? 1_000_000);
const PER_DOCUMENT = 10_000;
const QUERIES = 15;

async function sentences(): Promise<{ en: string[]; zh: string[] }> {
  const [document] = (await readDocuments([join(ROOT, 'examples/harbour-review.md')])).documents;
  if (!document) throw new Error('the example cannot be read');
  const all = (lang: 'en' | 'zh') =>
    document.articles.flatMap((a) => a.paragraphs[lang].flatMap((p) => p.sentences.map((s) => s.text)));
  return { en: all('en'), zh: all('zh') };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const dir = mkdtempSync(join(tmpdir(), 'bitext-search-'));
try {
  const store = new CorpusStore(join(dir, 'corpus.db'));
  const { en, zh } = await sentences();
  const [template] = (await readDocuments([join(ROOT, 'examples/harbour-review.md')])).documents;
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const started = performance.now();
  for (let made = 0; made < PAIRS; made += PER_DOCUMENT) {
    const pairs: Pair[] = Array.from({ length: PER_DOCUMENT }, (_, k) => ({
      id: `p${made + k}`,
      article: 0,
      role: 'body',
      en: `${en[next() % en.length]} ${en[next() % en.length]}`,
      zh: `${zh[next() % zh.length]}${zh[next() % zh.length]}`,
      enIds: [],
      zhIds: [],
      score: (next() % 100) / 100,
      flags: [],
    }));
    store.addDocument({ ...(template as AlignedDocument), pairs });
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const time = (query: string, options: SearchOptions) => {
    let total = 0;
    const ms = median(
      Array.from({ length: QUERIES }, () => {
        const t = performance.now();
        total = store.search(query, { ...options, limit: 50 }).total;
        return performance.now() - t;
      }),
    );
    return { ms, total };
  };
  console.log(`| store of ${PAIRS.toLocaleString('en')} pairs | built in ${buildSeconds.toFixed(0)} s |`);
  console.log('| query | hits | median ms (a page of 50 and the total) |');
  console.log('| --- | --- | --- |');
  const queries: [string, SearchOptions][] = [
    ['港口', {}],
    ['湿地', {}],
    ['集装箱', {}],
    ['harbour', {}],
    ['wetland', {}],
    ['of', {}],
    ['the', {}],
    ['"green harbour"', {}],
    ['harbour port', {}],
    ['bird', { stem: true }],
    ['港口 harbour', {}],
  ];
  for (const [query, options] of queries) {
    const { ms, total } = time(query, options);
    const label = options.stem ? `${query} (by stem)` : query;
    console.log(`| ${label} | ${total.toLocaleString('en')} | ${ms.toFixed(1)} |`);
  }
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
