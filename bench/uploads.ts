/**
 * `npm run bench:uploads`: how the studio answers while it reads and aligns an upload in
 * its own process. A GET is sent every 20 ms during (1) an upload of the real sample (or
 * the example when ../shared is absent) and (2) a Word decompression bomb under the default
 * limits; prints how long each upload took, what it answered, and the GETs' latencies.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../dist/server/app.js';
import { CorpusStore } from '../dist/store/index.js';
import { buildDocxBomb } from '../scripts/fixture-docx-bomb.js';
import { quantile } from '../src/quantile.js';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = resolve(ROOT, '../shared/samples/000_db9f52b9d5f122fa.txt');
const BOMB_MB = 340;

interface Run {
  label: string;
  status: number;
  seconds: number;
  answer: string;
  latencies: number[];
}

async function uploadWhilePolling(base: string, label: string, name: string, data: Buffer): Promise<Run> {
  const latencies: number[] = [];
  let uploading = true;
  const poll = (async () => {
    while (uploading) {
      const sent = performance.now();
      await (await fetch(`${base}/api/documents`)).arrayBuffer();
      latencies.push(performance.now() - sent);
      await new Promise((done) => setTimeout(done, 20));
    }
  })();
  const started = performance.now();
  const response = await fetch(`${base}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ files: [{ name, data: data.toString('base64') }] }),
  });
  const answer = (await response.text()).slice(0, 120);
  const seconds = (performance.now() - started) / 1000;
  uploading = false;
  await poll;
  return { label, status: response.status, seconds, answer, latencies };
}

function report(run: Run): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `${run.label}: ${run.status} in ${run.seconds.toFixed(1)} s (${run.answer}); ` +
      `${run.latencies.length} GETs meanwhile, median ${ms(quantile(run.latencies, 0.5) ?? 0)}, ` +
      `p95 ${ms(quantile(run.latencies, 0.95) ?? 0)}, max ${ms(Math.max(...run.latencies))}`,
  );
}

async function main(): Promise<void> {
  const store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-upload-bench-')), 'corpus.db'));
  const app = buildServer(store);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const [name, file] = existsSync(SAMPLE)
      ? ['sample.txt', SAMPLE]
      : ['harbour-review.md', join(ROOT, 'examples/harbour-review.md')];
    report(await uploadWhilePolling(base, `upload of ${name}`, name, readFileSync(file)));
    const bomb = buildDocxBomb(BOMB_MB);
    const label = `Word bomb (${(bomb.length / 1e6).toFixed(1)} MB inflating to ${BOMB_MB} MB)`;
    report(await uploadWhilePolling(base, label, 'bomb.docx', bomb));
  } finally {
    await app.close();
    store.close();
  }
}

await main();
