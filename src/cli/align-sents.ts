import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { align, type Bead, loadLexicon } from '../align/index.js';
import type { Lexicon } from '../align/lexicon.js';
import { BitextError, UsageError } from '../errors.js';
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
  if (!options.force && existsSync(path))
    throw new BitextError('already exists (use --force to replace it)', path);
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
  failures: BitextError[];
}

/** `bitext align-sents DIR -o OUTDIR`: every ID.<src> with its ID.<tgt>, the dictionary loaded once. */
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
  const lexicon = await loadLexicon();
  const result: BatchResult = { written: [], failures: [] };
  for (const id of ids) {
    const targetPath = join(folder, `${id}.${options.tgtLang}`);
    const outputPath = join(outputFolder, `${id}.${options.format === 'align' ? 'align' : options.format}`);
    try {
      refuseExisting(outputPath, options);
      if (!existsSync(targetPath))
        throw new BitextError(
          `has no counterpart ${id}.${options.tgtLang}`,
          join(folder, `${id}.${options.srcLang}`),
        );
      const text = await alignFiles(join(folder, `${id}.${options.srcLang}`), targetPath, options, lexicon);
      writeFileAtomic(outputPath, text, { force: options.force ?? false });
      result.written.push(outputPath);
    } catch (error) {
      if (!(error instanceof BitextError)) throw error;
      result.failures.push(error);
    }
  }
  return result;
}
