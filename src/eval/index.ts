import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Bead } from '../align/beads.js';
import { BitextError } from '../errors.js';

/** A bead as `.align` files hold it: sentence indices, 0-based, source then target. */
export type AlignmentBead = Pick<Bead, 'source' | 'target'>;

const BEAD_LINE = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$/;

function indices(list: string): number[] {
  return list.trim() === '' ? [] : list.split(',').map((index) => Number.parseInt(index.trim(), 10));
}

/** The sentences of one side seen so far, and where the last bead on that side started. */
interface SideSeen {
  sentences: Set<number>;
  lastStart: number;
}

/**
 * Why a bead cannot follow the ones before it on one side, or null when it can. Beads are
 * disjoint (no sentence counted twice) and list their sentences in ascending order; monotone
 * ones also start after the one before them. A bead may skip a sentence that a later one
 * holds, as gold beads around an untranslated sentence do ([71,73] then [72]).
 */
function outOfOrder(side: readonly number[], seen: SideSeen, name: string, order: BeadOrder): string | null {
  const [first] = side;
  if (order === 'monotone' && first !== undefined && !(first > seen.lastStart))
    return `${name} sentence ${first} is not after sentence ${seen.lastStart}`;
  const twice = side.find((index) => seen.sentences.has(index));
  if (twice !== undefined) return `${name} sentence ${twice} is in an earlier bead`;
  const descending = side.findIndex((index, k) => k > 0 && !(index > (side[k - 1] as number)));
  if (descending > 0)
    return `${name} sentences ${side[descending - 1]} and ${side[descending]} are out of order`;
  return null;
}

function remember(side: readonly number[], seen: SideSeen): void {
  for (const index of side) seen.sentences.add(index);
  seen.lastStart = side[0] ?? seen.lastStart;
}

/**
 * How beads follow each other: an aligner's are monotone, each after the one before it;
 * a person's gold may cross where a translator moved a sentence ([174]:[269] then [175]:[268]);
 * some published aligners' outputs overlap (Bleualign gives a sentence to two beads), read as
 * they are for comparison, a bead given twice counted once.
 */
export type BeadOrder = 'monotone' | 'crossing' | 'overlapping';

/**
 * Reads `.align` text: one bead a line, `[i,j]:[k]`, disjoint and in the given order.
 * Throws BitextError naming the line it cannot read.
 */
export function parseAlignments(
  text: string,
  file = 'alignment',
  order: BeadOrder = 'monotone',
): AlignmentBead[] {
  const beads: AlignmentBead[] = [];
  const seen = {
    source: { sentences: new Set<number>(), lastStart: -1 },
    target: { sentences: new Set<number>(), lastStart: -1 },
  };
  text.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return;
    const match = BEAD_LINE.exec(line);
    if (!match)
      throw new BitextError(`line ${n + 1} is not a bead like [0,1]:[2]: ${line.slice(0, 60)}`, file);
    const bead = { source: indices(match[1] ?? ''), target: indices(match[2] ?? '') };
    if (bead.source.length + bead.target.length === 0)
      throw new BitextError(`line ${n + 1} ([]:[]) is a bead of no sentence`, file);
    if (order === 'overlapping') {
      beads.push(bead);
      return;
    }
    const problem =
      outOfOrder(bead.source, seen.source, 'source', order) ??
      outOfOrder(bead.target, seen.target, 'target', order);
    if (problem)
      throw new BitextError(
        `line ${n + 1} (${line.trim()}): ${problem}: beads must be disjoint and in order`,
        file,
      );
    remember(bead.source, seen.source);
    remember(bead.target, seen.target);
    beads.push(bead);
  });
  return order === 'overlapping' ? distinct(beads) : beads;
}

function distinct(beads: readonly AlignmentBead[]): AlignmentBead[] {
  return [...new Map(beads.map((bead) => [formatBead(bead), bead])).values()];
}

export function formatBead(bead: AlignmentBead): string {
  return `[${bead.source.join(',')}]:[${bead.target.join(',')}]`;
}

export interface Counts {
  correct: number;
  auto: number;
  gold: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** Strict bead counts: a bead is correct only if the gold has the identical bead (null beads included). */
export function countMatches(gold: readonly AlignmentBead[], auto: readonly AlignmentBead[]): Counts {
  const goldKeys = new Set(gold.map(formatBead));
  const correct = auto.filter((bead) => goldKeys.has(formatBead(bead))).length;
  return { correct, auto: auto.length, gold: gold.length };
}

export function scoresOf(counts: Counts): Scores {
  const precision = counts.auto > 0 ? counts.correct / counts.auto : 0;
  const recall = counts.gold > 0 ? counts.correct / counts.gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...counts, precision, recall, f1 };
}

function verseOfBead(
  bead: AlignmentBead,
  sourceVerses: readonly string[],
  targetVerses: readonly string[],
): string | null {
  const verses = new Set([
    ...bead.source.map((i) => sourceVerses[i]),
    ...bead.target.map((j) => targetVerses[j]),
  ]);
  return verses.size === 1 ? ([...verses][0] ?? null) : null;
}

/** Merges consecutive beads that all lie in one verse, as verse-level gold expects. */
export function mergeWithinVerses(
  beads: readonly AlignmentBead[],
  sourceVerses: readonly string[],
  targetVerses: readonly string[],
): AlignmentBead[] {
  const merged: { bead: AlignmentBead; verse: string | null }[] = [];
  for (const bead of beads) {
    const verse = verseOfBead(bead, sourceVerses, targetVerses);
    const last = merged.at(-1);
    if (last && verse !== null && last.verse === verse) {
      last.bead = {
        source: [...last.bead.source, ...bead.source],
        target: [...last.bead.target, ...bead.target],
      };
    } else {
      merged.push({ bead, verse });
    }
  }
  return merged.map((entry) => entry.bead);
}

export interface Verses {
  source: string[];
  target: string[];
}

export interface Evaluation {
  total: Scores;
  files: { id: string; scores: Scores }[];
}

/** A file's text; one that cannot be read (a folder, no permission) is named in one line. */
function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EISDIR'
        ? 'is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : `cannot be read (${code})`;
    throw new BitextError(reason, path, { cause: error });
  }
}

function readLines(path: string): string[] {
  return readText(path).split(/\r?\n/);
}

/** Reads a verse file: each line the verse of the sentence on the same line. */
export function readVerses(path: string): string[] {
  if (!existsSync(path)) throw new BitextError('no such file', path);
  return readLines(path);
}

/**
 * Scores every `ID.align` in the gold folder against the same name in the auto folder,
 * which must have one for each.
 */
export function evaluateFolders(
  goldDir: string,
  autoDir: string,
  verses?: Verses,
  autoOrder: BeadOrder = 'monotone',
): Evaluation {
  for (const dir of [goldDir, autoDir]) if (!existsSync(dir)) throw new BitextError('no such folder', dir);
  const ids = readdirSync(goldDir)
    .filter((name) => name.endsWith('.align'))
    .sort()
    .map((name) => basename(name, '.align'));
  if (ids.length === 0) throw new BitextError('holds no .align files', goldDir);
  const missing = ids.filter((id) => !existsSync(join(autoDir, `${id}.align`)));
  if (missing.length > 0)
    throw new BitextError(
      `has no alignment for ${missing.length} gold file${missing.length === 1 ? '' : 's'}: ${missing.map((id) => `${id}.align`).join(', ')}`,
      autoDir,
    );
  const files = ids.map((id) => {
    const goldPath = join(goldDir, `${id}.align`);
    const gold = parseAlignments(readText(goldPath), goldPath, 'crossing');
    const autoPath = join(autoDir, `${id}.align`);
    let auto = parseAlignments(readText(autoPath), autoPath, autoOrder);
    if (verses) auto = mergeWithinVerses(auto, verses.source, verses.target);
    return { id, scores: scoresOf(countMatches(gold, auto)) };
  });
  const sum = (key: keyof Counts) => files.reduce((total, file) => total + file.scores[key], 0);
  return { total: scoresOf({ correct: sum('correct'), auto: sum('auto'), gold: sum('gold') }), files };
}
