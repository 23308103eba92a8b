/**
 * `npm run bench:scale`: a corpus build on PostgreSQL through the job queue, on this machine.
 * 200 magazine documents (../shared/bench/magazines-a, else the bundled example) go through 1, 2
 * and 4 `bitext worker` processes: documents a minute for each; the queue's own cost a job (send,
 * fetch, complete in a transaction, timed on empty jobs); from those, the machine-hours a
 * 1,000,000-document build takes; and search at 1,000,000 pairs on PostgreSQL (target ≤ 200 ms).
 * BENCH_SCALE_DOCUMENTS sets the number of documents (0: search only), BENCH_PAIRS the pairs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createDatabase,
  type PostgresCluster,
  postgresBin,
  removeCluster,
  startCluster,
} from '../scripts/pg-cluster.js';
import { median } from '../src/quantile.js';
import { inTransaction, openQueue, QUEUE } from '../src/queue/boss.js';
import { PostgresStore } from '../src/store/postgres/index.js';
import { generatedDocuments, SEARCH_QUERIES } from './generated-pairs.js';

const ROOT = resolve(import.meta.dirname, '..');
const MAGAZINES = resolve(ROOT, '..', 'shared', 'bench', 'magazines-a');
const DOCUMENTS = Number(process.env.BENCH_SCALE_DOCUMENTS ?? 200);
const WORKER_COUNTS = [1, 2, 4];
const QUEUE_JOBS = 200;
const SEARCH_PAIRS = Number(process.env.BENCH_PAIRS ?? 1_000_000);
const PER_DOCUMENT = 10_000;
const QUERIES = 15;
const BUILD = 1_000_000;

const work = mkdtempSync(join(tmpdir(), 'bitext-scale-'));

/** `count` distinct magazine files: the sample magazines in turn, each copy with its own trailing blank lines (so its own content hash). */
function makeDocuments(count: number): { dir: string; megabytes: number } {
  const sources = existsSync(MAGAZINES)
    ? readdirSync(MAGAZINES)
        .filter((name) => name.endsWith('.md'))
        .map((name) => readFileSync(join(MAGAZINES, name), 'utf8'))
    : [readFileSync(join(ROOT, 'examples/harbour-review.md'), 'utf8')];
  const dir = join(work, 'documents');
  let bytes = 0;
  spawnSync('mkdir', ['-p', dir]);
  for (let k = 0; k < count; k++) {
    const text = `${sources[k % sources.length]}${'\n'.repeat(k + 1)}`;
    writeFileSync(join(dir, `issue-${k}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, megabytes: bytes / 1e6 };
}

function bitext(url: string, args: string[]): Promise<number | null> {
  const child = spawn('node', [join(ROOT, 'bin/bitext.js'), ...args], {
    env: { ...process.env, BITEXT_DB_URL: url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((done) => child.on('close', done));
}

/** Documents a minute through `workers` worker processes, from the first start to the last exit. */
async function throughput(url: string, dir: string, workers: number): Promise<number> {
  await bitext(url, ['enqueue', dir]);
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, () => bitext(url, ['worker', '--exit-when-idle'])));
  return DOCUMENTS / ((performance.now() - started) / 60_000);
}

/** Milliseconds a job costs the queue itself: sent, fetched, and completed in a store transaction. */
async function queueCost(url: string): Promise<number> {
  const boss = await openQueue(url);
  const store = await PostgresStore.open(url);
  const started = performance.now();
  for (let k = 0; k < QUEUE_JOBS; k++) await boss.send(QUEUE, { k });
  for (let k = 0; k < QUEUE_JOBS; k++) {
    const [job] = await boss.fetch(QUEUE);
    if (!job) throw new Error('the queue lost a job');
    await store.transaction((client) => boss.complete(QUEUE, job.id, {}, { db: inTransaction(client) }));
  }
  const perJob = (performance.now() - started) / QUEUE_JOBS;
  await boss.stop({ graceful: false });
  await store.close();
  return perJob;
}

async function searchTimes(url: string): Promise<{ buildSeconds: number; medians: [string, number][] }> {
  const store = await PostgresStore.open(url);
  const started = performance.now();
  for await (const document of generatedDocuments(SEARCH_PAIRS, PER_DOCUMENT))
    await store.addDocument(document);
  const buildSeconds = (performance.now() - started) / 1000;
  const medians: [string, number][] = [];
  for (const query of SEARCH_QUERIES) {
    const times: number[] = [];
    for (let k = 0; k < QUERIES; k++) {
      const t = performance.now();
      await store.search(query, { limit: 50 });
      times.push(performance.now() - t);
    }
    medians.push([query, median(times) ?? 0]);
  }
  await store.close();
  return { buildSeconds, medians };
}

/** Documents a minute through 1, 2 and 4 workers, the queue's cost a job, and the projection for a million documents. */
async function benchWorkers(cluster: PostgresCluster): Promise<void> {
  const { dir, megabytes } = makeDocuments(DOCUMENTS);
  console.log(`| ${DOCUMENTS} documents (${megabytes.toFixed(1)} MB) | documents a minute |`);
  console.log('| --- | --- |');
  let best = 0;
  for (const workers of WORKER_COUNTS) {
    const perMinute = await throughput(await createDatabase(cluster), dir, workers);
    best = Math.max(best, perMinute);
    console.log(`| ${workers} worker${workers > 1 ? 's' : ''} | ${perMinute.toFixed(1)} |`);
  }
  const cost = await queueCost(await createDatabase(cluster));
  const machineHours = BUILD / best / 60;
  console.log(`\nqueue cost: ${cost.toFixed(1)} ms a job (send, fetch, complete; target ≤ 50 ms)`);
  console.log(
    `1,000,000 documents like these: ${machineHours.toFixed(0)} machine-hours at the best rate here` +
      ` (${best.toFixed(1)} a minute): ${(machineHours / 10).toFixed(1)} h on 10 such machines, ${(machineHours / 100).toFixed(1)} h on 100`,
  );
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run `npm run build` first');
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql)');
  const cluster = await startCluster(bin);
  try {
    if (DOCUMENTS > 0) await benchWorkers(cluster);
    const { buildSeconds, medians } = await searchTimes(await createDatabase(cluster));
    console.log(
      `\n| PostgreSQL store of ${SEARCH_PAIRS.toLocaleString('en')} pairs | built in ${buildSeconds.toFixed(0)} s |`,
    );
    console.log('| query | median ms (limit 50, with the total) |');
    console.log('| --- | --- |');
    for (const [query, ms] of medians) console.log(`| ${query} | ${ms.toFixed(1)} |`);
  } finally {
    removeCluster(cluster);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
