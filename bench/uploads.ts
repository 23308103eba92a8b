/**
 * `npm run bench:uploads`: how the studio answers while it reads, aligns and stores an upload
 * in its own process. During (1) an upload of the real sample (or the example when ../shared
 * is absent), (2) an upload of a long document (the test magazines repeated to some 10,000
 * pairs), (3) a 45 MB binary file that the readers refuse, and (4) a Word decompression bomb
 * under the default limits, a GET is sent every
 * 20 ms and an edit (confirm, then unconfirm, a pair of another document) every 50 ms; prints
 * how long each upload took, what it answered, and the GETs' and edits' latencies, after the
 * same latencies with no upload (on a shared machine, other programs' load shows there too).
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
const MAGAZINES = ['test/fixtures/magazine/coastal-notes.md', 'test/fixtures/magazine/harbour-review.md'];
/** Copies of the magazines in the long upload: each gives some 68 pairs. */
const MAGAZINE_COPIES = 150;
const BOMB_MB = 340;
const json = { 'content-type': 'application/json' };

interface Run {
  label: string;
  status: number;
  seconds: number;
  answer: string;
  gets: number[];
  edits: number[];
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Sends requests one after another, `gap` ms apart, until `going()` is false; their latencies in ms. */
async function timeWhile(going: () => boolean, gap: number, send: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  while (going()) {
    const sent = performance.now();
    await send();
    latencies.push(performance.now() - sent);
    await pause(gap);
  }
  return latencies;
}

/** Confirms a pair, then unconfirms it, and so on, each on the version the last answer gave. */
function editor(base: string, pair: { id: number; version: number }): () => Promise<void> {
  let confirmed = false;
  return async () => {
    const action = confirmed ? 'unconfirm' : 'confirm';
    const response = await fetch(`${base}/api/pairs/${pair.id}/${action}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ version: pair.version }),
    });
    if (!response.ok) throw new Error(`edit refused: ${response.status} ${await response.text()}`);
    const outcome = (await response.json()) as { pairs: { id: number; version: number }[] };
    const row = outcome.pairs[0];
    if (!row) throw new Error('the edit gave back no row');
    Object.assign(pair, { id: row.id, version: row.version });
    confirmed = !confirmed;
  };
}

function getter(base: string): () => Promise<void> {
  return async () => {
    await (await fetch(`${base}/api/documents`)).arrayBuffer();
  };
}

/** The same GETs and edits with no upload, for `seconds`: what the machine gives when the studio is idle. */
async function idle(base: string, pair: { id: number; version: number }, seconds: number): Promise<Run> {
  const until = performance.now() + seconds * 1000;
  const going = () => performance.now() < until;
  const [gets, edits] = await Promise.all([
    timeWhile(going, 20, getter(base)),
    timeWhile(going, 50, editor(base, pair)),
  ]);
  return { label: 'no upload', status: 0, seconds, answer: 'the baseline', gets, edits };
}

async function uploadWhileWorking(
  base: string,
  pair: { id: number; version: number },
  label: string,
  name: string,
  data: Buffer,
): Promise<Run> {
  // Made before the timing starts: the client shares the studio's process, and its work would count.
  const body = Buffer.from(JSON.stringify({ files: [{ name, data: data.toString('base64') }] }));
  let uploading = true;
  const going = () => uploading;
  const gets = timeWhile(going, 20, getter(base));
  const edits = timeWhile(going, 50, editor(base, pair));
  const started = performance.now();
  const response = await fetch(`${base}/api/documents`, {
    method: 'POST',
    headers: json,
    body,
  });
  const answer = (await response.text()).slice(0, 120);
  const seconds = (performance.now() - started) / 1000;
  uploading = false;
  return { label, status: response.status, seconds, answer, gets: await gets, edits: await edits };
}

function spread(latencies: number[]): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return (
    `median ${ms(quantile(latencies, 0.5) ?? 0)}, p95 ${ms(quantile(latencies, 0.95) ?? 0)}, ` +
    `p99 ${ms(quantile(latencies, 0.99) ?? 0)}, max ${ms(Math.max(...latencies))}`
  );
}

function report(run: Run): void {
  console.log(`${run.label}: ${run.status} in ${run.seconds.toFixed(1)} s (${run.answer})`);
  console.log(`  ${run.gets.length} GETs meanwhile: ${spread(run.gets)}`);
  console.log(`  ${run.edits.length} edits meanwhile: ${spread(run.edits)}`);
}

function longMagazine(): Buffer {
  const copy = MAGAZINES.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n\n');
  return Buffer.from(Array(MAGAZINE_COPIES).fill(copy).join('\n\n'));
}

async function main(): Promise<void> {
  const store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-upload-bench-')), 'corpus.db'));
  const app = buildServer(store);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const example = readFileSync(join(ROOT, 'examples/harbour-review.md'));
    const edited = await fetch(`${base}/api/documents`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ files: [{ name: 'edited.md', data: example.toString('base64') }] }),
    });
    const [documentId] = ((await edited.json()) as { ids: number[] }).ids;
    const [row] = store.rows(documentId as number);
    if (!row) throw new Error('the example gave no pair');
    const pair = { id: row.id, version: row.version };

    report(await idle(base, pair, 5));
    const [name, file] = existsSync(SAMPLE)
      ? ['sample.txt', SAMPLE]
      : ['example.md', 'examples/harbour-review.md'];
    report(
      await uploadWhileWorking(base, pair, `upload of ${name}`, name, readFileSync(resolve(ROOT, file))),
    );
    const long = longMagazine();
    const longLabel = `upload of a long document (${(long.length / 1e6).toFixed(1)} MB)`;
    report(await uploadWhileWorking(base, pair, longLabel, 'long-review.md', long));
    // The studio itself takes in the upload's JSON (read, parsed, sent to the upload process).
    const blob = Buffer.alloc(45_000_000);
    report(await uploadWhileWorking(base, pair, 'a 45 MB binary file (refused)', 'blob.bin', blob));
    const bomb = buildDocxBomb(BOMB_MB);
    const label = `Word bomb (${(bomb.length / 1e6).toFixed(1)} MB inflating to ${BOMB_MB} MB)`;
    report(await uploadWhileWorking(base, pair, label, 'bomb.docx', bomb));
    const stored = store.listDocuments().find((document) => document.name === 'long-review');
    console.log(`the long document: ${stored?.pairs ?? 0} pairs`);
  } finally {
    await app.close();
    store.close();
  }
}

await main();
