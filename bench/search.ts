/**
 * `npm run bench:search`: search over a corpus store of 1,000,000 generated pairs, median
 * time of a page of 50 hits with its total, for Chinese words, English words (whole, by
 * stem, common and rare), a phrase, two words, and words of both languages together (target
 * ≤ 200 ms each).
 * The pairs are made from the bundled example's sentences, shuffled into new combinations.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusStore, type SearchOptions } from '../src/store/index.js';
import { generatedDocuments } from './generated-pairs.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 1_000_000);
const PER_DOCUMENT = 10_000;
const QUERIES = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** BENCH_DB names a store to keep and reuse (built when missing); otherwise a temporary one. */
const kept = process.env.BENCH_DB;
const dir = mkdtempSync(join(tmpdir(), 'bitext-search-'));
const path = kept ?? join(dir, 'corpus.db');
const build = !existsSync(path);
try {
  const store = new CorpusStore(path);
  const started = performance.now();
  if (build)
    for await (const document of generatedDocuments(PAIRS, PER_DOCUMENT)) store.addDocument(document);
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
  const built = build ? `built in ${buildSeconds.toFixed(0)} s` : `reused ${path}`;
  console.log(`| store of ${PAIRS.toLocaleString('en')} pairs | ${built} |`);
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
    ['the 的', {}],
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
