import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { align, type Bead, loadLexicon } from '../align/index.js';
import type { Lexicon } from '../align/lexicon.js';
import { BitextError, OutputExistsError, UsageError } from '../errors.js';
import { formatBead } from '../eval/index.js';
import { readTextFile } from '../ingest/decode.js';
import { writeFileAtomic } from '../io/atomic.js';
import { makeFolders } from '../io/folders.js';
import type { Lang } from '../model/document.js';
import { joinSentences } from '../text/join.js';
import { languageOf } from '../text/language.js';

export type SentenceFormat = 'align' | 'tsv' | 'jsonl';

export interface AlignSentsOptions {
  srcLang: Lang;
  tgtLang: Lang;
  format: SentenceFormat;
  output?: string;
  force?: boolean;
  /** File pairs of a folder aligned at once, in worker threads (default 1). */
  jobs?: number;
}

/** The lines of a one-sentence-per-line file, checked to be in the language the user named. */
export function readSentenceFile(path: string, lang: Lang): string[] {
  const { text } = readTextFile(path);
  const found = languageOf(text);
  if (found !== lang) {
    const named = (l: Lang | null) =>
      l === 'zh' ? 'Chinese' : l === 'en' ? 'English' : 'in neither language';
    throw new BitextError(`should be ${named(lang)} but its text is ${named(found)}`, path);
  }
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** One side of a bead on one line of the output. */
function oneLineSide(sentences: readonly string[], lang: Lang): string {
  return joinSentences(sentences, lang).replace(/[\t\n]/g, ' ');
}

/** Beads in the chosen format, one line each. */
export function formatBeads(
  beads: readonly Bead[],
  source: readonly string[],
  target: readonly string[],
  options: AlignSentsOptions,
): string {
  const lines = beads.map((bead) => {
    const sourceText = oneLineSide(
      bead.source.map((i) => source[i] ?? ''),
      options.srcLang,
    );
    const targetText = oneLineSide(
      bead.target.map((j) => target[j] ?? ''),
      options.tgtLang,
    );
    if (options.format === 'tsv') return `${sourceText}\t${targetText}\t${bead.score.toFixed(3)}`;
    if (options.format === 'jsonl') {
      return JSON.stringify({
        source: bead.source,
        target: bead.target,
        score: Number(bead.score.toFixed(4)),
        sourceText,
        targetText,
      });
    }
    return formatBead(bead);
  });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function checkLanguages(options: AlignSentsOptions): void {
  if (options.srcLang === options.tgtLang) {
    throw new UsageError(
      `--src-lang and --tgt-lang are both ${options.srcLang}: bitext aligns Chinese with English`,
    );
  }
}

/** An output that exists is refused before any work, unless --force says to replace it. */
function refuseExisting(path: string, options: AlignSentsOptions): void {
  if (!options.force && existsSync(path)) throw new OutputExistsError(path);
}

async function alignFiles(
  sourcePath: string,
  targetPath: string,
  options: AlignSentsOptions,
  lexicon: Lexicon,
): Promise<string> {
  const source = readSentenceFile(sourcePath, options.srcLang);
  const target = readSentenceFile(targetPath, options.tgtLang);
  const beads = await align(source, target, {
    sourceLang: options.srcLang,
    targetLang: options.tgtLang,
    lexicon,
  });
  return formatBeads(beads, source, target, options);
}

/** `bitext align-sents SRC TGT`: one pair of files, to stdout or to a file. */
export async function alignSentencePair(
  sourcePath: string,
  targetPath: string,
  options: AlignSentsOptions,
): Promise<void> {
  checkLanguages(options);
  if (options.output) refuseExisting(options.output, options);
  const text = await alignFiles(sourcePath, targetPath, options, await loadLexicon());
  if (options.output) writeFileAtomic(options.output, text, { force: options.force ?? false });
  else process.stdout.write(text);
}

export interface BatchResult {
  written: string[];
  /** One line each, as the CLI prints them. */
  failures: string[];
}

/** One file pair of a folder: its ID, and the folder names that locate it. */
export interface FolderTask {
  id: string;
  folder: string;
  outputFolder: string;
  options: AlignSentsOptions;
}

/** Aligns one ID.<src> with its ID.<tgt> into the output folder; a bad input is a failure line, not an error. */
export async function alignFolderTask(task: FolderTask): Promise<BatchResult> {
  const { id, folder, outputFolder, options } = task;
  const targetPath = join(folder, `${id}.${options.tgtLang}`);
  const outputPath = join(outputFolder, `${id}.${options.format}`);
  try {
    refuseExisting(outputPath, options);
    if (!existsSync(targetPath))
      throw new BitextError(
        `has no counterpart ${id}.${options.tgtLang}`,
        join(folder, `${id}.${options.srcLang}`),
      );
    const text = await alignFiles(
      join(folder, `${id}.${options.srcLang}`),
      targetPath,
      options,
      await loadLexicon(),
    );
    writeFileAtomic(outputPath, text, { force: options.force ?? false });
    return { written: [outputPath], failures: [] };
  } catch (error) {
    if (!(error instanceof BitextError)) throw error;
    return { written: [], failures: [error.oneLine] };
  }
}

/**
 * `bitext align-sents DIR -o OUTDIR`: every ID.<src> with its ID.<tgt>, in `jobs` worker
 * threads (each loads the packed lexicon once), or in this thread when jobs is 1.
 */
export async function alignSentenceFolder(folder: string, options: AlignSentsOptions): Promise<BatchResult> {
  checkLanguages(options);
  if (!options.output) throw new BitextError('aligning a folder needs -o OUTDIR for the .align files');
  const outputFolder = options.output;
  if (existsSync(outputFolder) && !statSync(outputFolder).isDirectory())
    throw new BitextError('is not a folder', outputFolder);
  makeFolders(outputFolder);
  const ids = readdirSync(folder)
    .filter((name) => name.endsWith(`.${options.srcLang}`))
    .map((name) => basename(name, `.${options.srcLang}`))
    .sort();
  if (ids.length === 0) throw new BitextError(`holds no *.${options.srcLang} files`, folder);
  const tasks = ids.map((id) => ({ id, folder, outputFolder, options }));
  const jobs = Math.min(options.jobs ?? 1, tasks.length);
  const outcomes = jobs > 1 ? await inWorkers(tasks, jobs) : await inTurn(tasks);
  return {
    written: outcomes.flatMap((outcome) => outcome.written),
    failures: outcomes.flatMap((outcome) => outcome.failures),
  };
}

async function inTurn(tasks: readonly FolderTask[]): Promise<BatchResult[]> {
  const outcomes: BatchResult[] = [];
  for (const task of tasks) outcomes.push(await alignFolderTask(task));
  return outcomes;
}

async function inWorkers(tasks: readonly FolderTask[], jobs: number): Promise<BatchResult[]> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./align-sents-worker.js', import.meta.url).href,
    maxThreads: jobs,
    minThreads: jobs,
  });
  try {
    return await Promise.all(tasks.map((task) => pool.run(task) as Promise<BatchResult>));
  } finally {
    await pool.destroy();
  }
}
