/**
 * `npm run bench:search`: search over a corpus store of 1,000,000 generated pairs, median
 * time of a two-character Chinese query and a one-word English query (target ≤ 200 ms).
 * The pairs are made from the bundled example's sentences, shuffled into new combinations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusStore } from '../src/store/index.js';
import { generatedDocuments, SEARCH_QUERIES } from './generated-pairs.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 1_000_000);
const PER_DOCUMENT = 10_000;
const QUERIES = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const dir = mkdtempSync(join(tmpdir(), 'bitext-search-'));
try {
  const store = new CorpusStore(join(dir, 'corpus.db'));
  const started = performance.now();
  for await (const document of generatedDocuments(PAIRS, PER_DOCUMENT)) store.addDocument(document);
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
  for (const query of SEARCH_QUERIES) console.log(`| ${query} | ${time(query).toFixed(1)} |`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
