/**
 * `npm run bench`: alignment quality, speed and memory on the public benchmarks in
 * ../shared/bench (skipped when absent), run through the CLI as a user runs it.
 * Every number in one table comes from this one run; times are medians.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildPdf, cjkFontsInstalled } from '../scripts/fixture-pdf.js';
import {
  GOLD_SETS,
  loadGoldTexts,
  minScoreCurve,
  outOfFoldProbabilities,
  reliability,
  strictScores,
} from '../scripts/gold-texts.js';
import { loadLexicon } from '../src/align/lexicon.js';
import { judgeOutOfFold } from '../src/align/training.js';
import { evaluateFolders, readVerses, type Verses } from '../src/eval/index.js';
import type { BilingualDocument } from '../src/model/document.js';
import { readDocuments } from '../src/read.js';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH = resolve(ROOT, '..', 'shared', 'bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const HUNALIGN = join(BENCH, 'bin/hunalign');
const work = mkdtempSync(join(tmpdir(), 'bitext-bench-'));

interface Measured {
  seconds: number;
  peakMb: number;
}

/** Runs the CLI once; wall time and the child's peak resident memory. */
function runCli(args: string[]): Measured {
  const usageFile = join(work, 'usage.json');
  const started = performance.now();
  const run = spawnSync(
    'node',
    ['--import', join(ROOT, 'bench/report-usage.mjs'), join(ROOT, 'bin/bitext.js'), ...args],
    {
      env: { ...process.env, BITEXT_USAGE_FILE: usageFile },
      encoding: 'utf8',
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`bitext ${args.join(' ')} failed: ${run.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number };
  return { seconds, peakMb: usage.maxRssKb / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function measure(args: string[]): Measured {
  return medianOf(Array.from({ length: RUNS }, () => runCli(args)));
}

interface DataSet {
  name: string;
  splitDir: string;
  gold: string;
  peers: string;
  srcLang: 'zh' | 'en';
  tgtLang: 'zh' | 'en';
  verses?: Verses;
}

const rows: string[][] = [];

function benchDataSet(set: DataSet): void {
  const out = join(work, set.name);
  const timing = measure([
    'align-sents',
    set.splitDir,
    '--src-lang',
    set.srcLang,
    '--tgt-lang',
    set.tgtLang,
    '-o',
    out,
    '--force',
  ]);
  const ours = evaluateFolders(set.gold, out, set.verses).total;
  const peers = (existsSync(set.peers) ? readdirSync(set.peers) : [])
    .sort()
    .map(
      (peer) =>
        `${peer} ${evaluateFolders(set.gold, join(set.peers, peer), set.verses, 'overlapping').total.f1.toFixed(3)}`,
    );
  rows.push([
    set.name,
    ours.precision.toFixed(3),
    ours.recall.toFixed(3),
    ours.f1.toFixed(3),
    peers.join(', '),
    timing.seconds.toFixed(2),
    timing.peakMb.toFixed(0),
  ]);
}

/** The Bible set cut to its first share of English verses, with the Chinese sentences of the same verses. */
function cutBible(share: number, verses: Verses): string {
  const dir = join(work, `bible-${share}`);
  mkdirSync(dir, { recursive: true });
  const en = readFileSync(join(BENCH, 'bible-dev/split/001.en'), 'utf8').replace(/\n$/, '').split('\n');
  const zh = readFileSync(join(BENCH, 'bible-dev/split/001.zh'), 'utf8').replace(/\n$/, '').split('\n');
  const enCount = Math.round(en.length * share);
  const lastVerse = verses.source[enCount - 1];
  const lastZh = verses.target.slice(0, zh.length).lastIndexOf(lastVerse ?? '');
  writeFileSync(join(dir, '001.en'), `${en.slice(0, enCount).join('\n')}\n`);
  writeFileSync(join(dir, '001.zh'), `${zh.slice(0, lastZh + 1).join('\n')}\n`);
  return dir;
}

function benchScaling(verses: Verses): void {
  const times: number[] = [];
  for (const share of [0.25, 0.5, 1]) {
    const dir = cutBible(share, verses);
    const timing = measure([
      'align-sents',
      dir,
      '--src-lang',
      'en',
      '--tgt-lang',
      'zh',
      '-o',
      join(dir, 'out'),
      '--force',
    ]);
    times.push(timing.seconds);
    rows.push([`bible ×${share}`, '', '', '', '', timing.seconds.toFixed(2), timing.peakMb.toFixed(0)]);
  }
  const ratio = (times[2] ?? 0) / (times[0] ?? 1);
  rows.push(['whole/quarter time', '', '', '', '', ratio.toFixed(2), '']);
}

/** Magazine files made by repeating the bundled example's articles; `files` of them, about 60 KB each. */
function makeMagazines(files: number): { dir: string; bytes: number } {
  const dir = join(work, `magazines-${files}`);
  mkdirSync(dir, { recursive: true });
  const example = readFileSync(join(ROOT, 'examples/harbour-review.md'), 'utf8');
  const body = example.slice(example.indexOf('# '));
  const text = `${example}\n\n${Array.from({ length: 12 }, () => body).join('\n\n')}`;
  for (let k = 0; k < files; k++) writeFileSync(join(dir, `issue-${k}.md`), text);
  return { dir, bytes: Buffer.byteLength(text) * files };
}

function benchThroughput(): void {
  for (const files of [8, 32]) {
    const { dir, bytes } = makeMagazines(files);
    const timing = measure(['align', dir, '--to', 'jsonl', '-o', join(dir, 'out'), '--force', '--jobs', '2']);
    const mbPerMinute = bytes / 1e6 / (timing.seconds / 60);
    rows.push([
      `magazines ×${files} (${(bytes / 1e6).toFixed(2)} MB)`,
      '',
      '',
      '',
      `${mbPerMinute.toFixed(1)} MB/min (jsonl, 2 jobs)`,
      timing.seconds.toFixed(2),
      timing.peakMb.toFixed(0),
    ]);
  }
}

/** The bundled example's articles typeset again and again in two columns (English left, Chinese right), to `pages` pages or a few more. */
async function makeLongPdf(pages: number): Promise<{ path: string; pages: number; characters: number }> {
  const [example] = (await readDocuments([join(ROOT, 'examples/harbour-review.md')])).documents as [
    BilingualDocument,
  ];
  const pagesOf = async (pdf: Buffer) => (await getDocument({ data: new Uint8Array(pdf) }).promise).numPages;
  const repeated = (copies: number): BilingualDocument => ({
    ...example,
    toc: [],
    articles: Array.from({ length: copies }, () => example.articles).flat(),
  });
  const perCopy = await pagesOf((await buildPdf(repeated(1), 'two-columns')).both as Buffer);
  const document = repeated(Math.ceil(pages / perCopy));
  const pdf = (await buildPdf(document, 'two-columns')).both as Buffer;
  const path = join(work, `long-${pages}.pdf`);
  writeFileSync(path, pdf);
  const characters = document.articles
    .flatMap((article) => [...article.paragraphs.en, ...article.paragraphs.zh])
    .reduce((sum, paragraph) => sum + paragraph.text.length, 0);
  return { path, pages: await pagesOf(pdf), characters };
}

async function benchPdf(): Promise<void> {
  if (!cjkFontsInstalled()) {
    console.log('bench: fonts-noto-cjk is not installed; the PDF benchmark was skipped.');
    return;
  }
  const { path, pages, characters } = await makeLongPdf(200);
  const label = `PDF, ${pages} A5 pages, ${Math.round(characters / pages)} chars/page`;
  for (const [command, ...args] of [
    ['inspect'],
    ['align', '--to', 'jsonl', '-o', join(work, 'pdf-out'), '--force'],
  ]) {
    const timing = measure([command as string, path, ...args]);
    rows.push([`${label}: ${command}`, '', '', '', '', timing.seconds.toFixed(2), timing.peakMb.toFixed(0)]);
  }
}

/** Runs Hunalign without a dictionary on two files (`-utf`, Chinese words space-separated); wall time and peak memory. */
function runHunalign(source: string, target: string): Measured {
  const usageFile = join(work, 'hunalign-usage.txt');
  const empty = join(work, 'empty.dic');
  writeFileSync(empty, '');
  const started = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', '-o', usageFile, HUNALIGN, '-utf', empty, source, target],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`hunalign failed: ${run.stderr}`);
  return { seconds, peakMb: Number(readFileSync(usageFile, 'utf8').trim().split('\n').at(-1)) / 1024 };
}

function medianOf(runs: Measured[]): Measured {
  return { seconds: median(runs.map((r) => r.seconds)), peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

/** The Bible's verses repeated `copies` times, as a folder for bitext and a space-separated Chinese file for Hunalign. */
function repeatedBible(copies: number, jieba: Jieba): { dir: string; en: string; zhWords: string } {
  const dir = join(work, `bible-x${copies}`);
  mkdirSync(dir, { recursive: true });
  const read = (lang: string) =>
    readFileSync(join(BENCH, `bible-dev/split/001.${lang}`), 'utf8').replace(/\n$/, '');
  const repeat = (text: string) => `${Array.from({ length: copies }, () => text).join('\n')}\n`;
  const zh = read('zh');
  writeFileSync(join(dir, '001.en'), repeat(read('en')));
  writeFileSync(join(dir, '001.zh'), repeat(zh));
  const zhWords = join(work, `bible-x${copies}.zh.words`);
  const words = zh.split('\n').map((line) =>
    jieba
      .cut(line, true)
      .filter((word) => word.trim() !== '')
      .join(' '),
  );
  writeFileSync(zhWords, repeat(words.join('\n')));
  return { dir, en: join(dir, '001.en'), zhWords };
}

function speedRow(label: string, ours: Measured, theirs?: Measured): void {
  const ratio = theirs
    ? `Hunalign ${theirs.seconds.toFixed(2)} s, ${theirs.peakMb.toFixed(0)} MB; time ×${(ours.seconds / theirs.seconds).toFixed(2)}`
    : '';
  rows.push([label, '', '', '', ratio, ours.seconds.toFixed(2), ours.peakMb.toFixed(0)]);
}

function alignSentsArgs(dir: string): string[] {
  return ['align-sents', dir, '--src-lang', 'en', '--tgt-lang', 'zh', '-o', join(dir, 'out'), '--force'];
}

/** Books of 5k, 30k and 100k verses beside Hunalign (up to 30k: it needs gigabytes beyond), and how time grows. */
function benchBooks(): void {
  const jieba = Jieba.withDict(dict);
  const times = new Map<number, number>();
  for (const copies of [1, 5, 6, 20]) {
    const book = repeatedBible(copies, jieba);
    const ours = measure(alignSentsArgs(book.dir));
    times.set(copies, ours.seconds);
    const theirs =
      copies <= 6
        ? medianOf(Array.from({ length: RUNS }, () => runHunalign(book.en, book.zhWords)))
        : undefined;
    speedRow(`bible ×${copies} (${copies * 5000} verses)`, ours, theirs);
  }
  rows.push(['100k / 25k time', '', '', '', '', ((times.get(20) ?? 0) / (times.get(5) ?? 1)).toFixed(2), '']);
}

/** From process start: one sentence pair with align-sents, and a one-page document with align. */
function benchColdStart(): void {
  const zh = join(work, 'one.zh');
  const en = join(work, 'one.en');
  writeFileSync(zh, '我二十一岁那年，正在云南插队。\n');
  writeFileSync(en, 'In the year I turned twenty-one, I was working in Yunnan.\n');
  speedRow(
    'one sentence pair (align-sents)',
    measure(['align-sents', zh, en, '--src-lang', 'zh', '--tgt-lang', 'en']),
  );
  const page = join(ROOT, 'examples/harbour-review.md');
  speedRow(
    'one-page document (align)',
    measure(['align', page, '--to', 'jsonl', '-o', join(work, 'page.jsonl'), '--force']),
  );
}

/** One magazine text file of about 30 MB: the magazines-a files over and over. */
function benchBigMagazine(): void {
  const sources = readdirSync(join(BENCH, 'magazines-a'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(join(BENCH, 'magazines-a', name), 'utf8'));
  const parts: string[] = [];
  let bytes = 0;
  for (let k = 0; bytes < 30e6; k++) {
    const part = sources[k % sources.length] ?? '';
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  const path = join(work, 'magazine-30mb.md');
  writeFileSync(path, parts.join('\n\n'));
  speedRow(
    `one magazine file (${(bytes / 1e6).toFixed(0)} MB)`,
    measure(['align', path, '--to', 'jsonl', '-o', join(work, 'magazine-30mb.jsonl'), '--force']),
  );
}

/** `bitext align` on the magazine files made from the mac-a chapters, scored by score_pairs.py. */
function benchMagazinePairs(): void {
  const dir = join(BENCH, 'magazines-a');
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()) {
    const out = join(work, file.replace(/\.md$/, '.jsonl'));
    const timing = measure(['align', join(dir, file), '--to', 'jsonl', '-o', out, '--force']);
    const gold = join(dir, file.replace(/\.md$/, '.gold.json'));
    const scored = spawnSync('python3', [join(BENCH, 'score_pairs.py'), gold, '0'], {
      input: readFileSync(out),
      encoding: 'utf8',
    });
    const [, p, r, f1] = /P ([\d.]+) R ([\d.]+) F1 ([\d.]+)/.exec(scored.stdout) ?? [];
    rows.push([
      `magazines-a ${file}`,
      p ?? '?',
      r ?? '?',
      f1 ?? '?',
      'pairs (score_pairs.py)',
      timing.seconds.toFixed(2),
      timing.peakMb.toFixed(0),
    ]);
  }
}

/**
 * The bead scorer judged on novels it was not fitted on: for each novel of mac-a and
 * mac-dev, weights and calibration fitted on the other novels only.
 */
async function benchLeaveOneNovelOut(): Promise<void> {
  const texts = loadGoldTexts(BENCH, await loadLexicon());
  const judged = judgeOutOfFold(texts);
  const byText = new Map(
    [...judged].flatMap(([novel, beads]) =>
      texts.filter((text) => text.group === novel).map((text, k) => [text, beads[k] ?? []] as const),
    ),
  );
  console.log('\nLeave-one-novel-out strict bead F1 (weights fitted without the novel scored):');
  for (const set of GOLD_SETS) {
    const own = texts.filter((text) => text.set === set);
    const scores = strictScores(
      own,
      own.map((text) => byText.get(text) ?? []),
    );
    console.log(
      `  ${set}: P ${scores.precision.toFixed(3)} R ${scores.recall.toFixed(3)} F1 ${scores.f1.toFixed(3)}`,
    );
  }
  for (const [novel, beads] of judged) {
    const own = texts.filter((text) => text.group === novel);
    console.log(
      `  ${novel} (${own.map((text) => `${text.set}/${text.id}`).join(', ')}): F1 ${strictScores(own, beads).f1.toFixed(3)}`,
    );
  }
  const points = outOfFoldProbabilities([...judged.values()].flat(2));
  const { bins, ece } = reliability(points);
  console.log(
    `\nReliability of linked beads' scores, out of fold (${points.length} beads): ECE ${ece.toFixed(3)}`,
  );
  console.log('  score bin | beads | mean score | share right');
  for (const bin of bins)
    console.log(
      `  ${bin.from.toFixed(1)}–${(bin.from + 0.1).toFixed(1)}   | ${String(bin.count).padStart(5)} | ${bin.mean.toFixed(3)}      | ${bin.right.toFixed(3)}`,
    );
  console.log('\n  --min-score | kept | precision | recall');
  for (const row of minScoreCurve(points))
    console.log(
      `  ${row.threshold.toFixed(2)}        | ${String(row.kept).padStart(4)} | ${row.precision.toFixed(3)}     | ${row.recall.toFixed(3)}`,
    );
}

function printTable(): void {
  const header = ['data set', 'P', 'R', 'F1', 'peers F1 (scored by bitext eval)', 'median s', 'peak MB'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run `npm run build` first');
  if (process.env.BENCH_ONLY === 'speed' && existsSync(BENCH)) {
    benchColdStart();
    benchBooks();
    benchBigMagazine();
    printTable();
    return;
  }
  benchThroughput();
  await benchPdf();
  if (!existsSync(BENCH)) {
    printTable();
    console.log(`bench: ${BENCH} is absent; the alignment benchmarks were skipped.`);
    return;
  }
  const bibleVerses = {
    source: readVerses(join(BENCH, 'bible-dev/en.verse')),
    target: readVerses(join(BENCH, 'bible-dev/zh.verse')),
  };
  benchDataSet({
    name: 'mac-a (scorer fitted on it)',
    splitDir: join(BENCH, 'mac-a/split'),
    gold: join(BENCH, 'mac-a/gold'),
    peers: join(BENCH, 'mac-a/peers'),
    srcLang: 'zh',
    tgtLang: 'en',
  });
  benchDataSet({
    name: 'mac-dev (scorer fitted on it)',
    splitDir: join(BENCH, 'mac-dev/split'),
    gold: join(BENCH, 'mac-dev/gold'),
    peers: join(BENCH, 'mac-dev/peers'),
    srcLang: 'zh',
    tgtLang: 'en',
  });
  benchDataSet({
    name: 'bible-dev',
    splitDir: join(BENCH, 'bible-dev/split'),
    gold: join(BENCH, 'bible-dev/gold'),
    peers: join(BENCH, 'bible-dev/peers'),
    srcLang: 'en',
    tgtLang: 'zh',
    verses: bibleVerses,
  });
  benchScaling(bibleVerses);
  benchColdStart();
  benchBooks();
  benchBigMagazine();
  benchMagazinePairs();
  printTable();
  console.log(`(${RUNS} runs each, medians; peak MB is the largest resident set of the CLI process)`);
  await benchLeaveOneNovelOut();
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
