/**
 * `npm run bench:search`: search over a corpus store of 1,000,000 generated pairs, median
 * time of a two-character Chinese query and a one-word English query (target ≤ 200 ms).
 * The pairs are made from the bundled example's sentences, shuffled into new combinations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AlignedDocument, Pair } from '../src/model/document.js';
import { readDocuments } from '../src/read.js';
import { CorpusStore } from '../src/store/index.js';

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
  const time = (query: string) =>
    median(
      Array.from({ length: QUERIES }, () => {
        const t = performance.now();
        store.search(query, { limit: 50 });
        return performance.now() - t;
      }),
    );
  console.log(`| store of ${PAIRS.toLocaleString('en')} pairs | built in ${buildSeconds.toFixed(0)} s |`);
  console.log('| query | median ms (limit 50) |');
  console.log('| --- | --- |');
  for (const query of ['港口', '湿地', 'harbour', 'wetland', '集装箱'])
    console.log(`| ${query} | ${time(query).toFixed(1)} |`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
