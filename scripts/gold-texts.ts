/** The literary gold of ../shared/bench (mac-a and mac-dev), read for fitting and judging the bead scorer. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSides } from '../src/align/aligner.js';
import type { Lexicon } from '../src/align/lexicon.js';
import { calibrate } from '../src/align/scorer.js';
import { calibratedOutOfFold, type GoldText, type JudgedBead } from '../src/align/training.js';
import { countMatches, parseAlignments, scoresOf } from '../src/eval/index.js';

export const GOLD_SETS = ['mac-a', 'mac-dev'] as const;

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');
}

/** Text id → novel (the English title), from a set's meta_data.tsv. */
function novels(setDir: string): Map<string, string> {
  const [, ...rows] = lines(join(setDir, 'meta_data.tsv'));
  return new Map(rows.map((row) => row.split('\t')).map((cells) => [cells[0] ?? '', cells[2] ?? '']));
}

export interface BenchText extends GoldText {
  set: string;
  id: string;
}

/** Every chapter of the gold sets, in file order, grouped by novel. */
export function loadGoldTexts(benchDir: string, lexicon: Lexicon): BenchText[] {
  return GOLD_SETS.flatMap((set) => {
    const setDir = join(benchDir, set);
    return [...novels(setDir)].map(([id, novel]) => ({
      set,
      id,
      group: novel,
      sides: buildSides(
        lines(join(setDir, 'split', `${id}.zh`)),
        lines(join(setDir, 'split', `${id}.en`)),
        lexicon,
      ),
      gold: parseAlignments(readFileSync(join(setDir, 'gold', `${id}.align`), 'utf8'), id, 'crossing'),
    }));
  });
}

/** Strict bead precision, recall and F1 of judged beads against their texts' gold. */
export function strictScores(texts: readonly BenchText[], judged: readonly JudgedBead[][]) {
  const counts = texts.reduce(
    (total, text, k) => {
      const beads = judged[k] ?? [];
      const correct = beads.filter((bead) => bead.right).length;
      return {
        correct: total.correct + correct,
        auto: total.auto + beads.length,
        gold: total.gold + text.gold.length,
      };
    },
    { correct: 0, auto: 0, gold: 0 },
  );
  return scoresOf(counts);
}

export const BINS = 10;

/** Ten bins of probability: mean probability vs share right, and the expected calibration error. */
export function reliability(points: readonly { probability: number; right: boolean }[]) {
  const bins = Array.from({ length: BINS }, (_, k) => {
    const inBin = points.filter((point) => Math.min(BINS - 1, Math.floor(point.probability * BINS)) === k);
    const mean = inBin.reduce((sum, point) => sum + point.probability, 0) / (inBin.length || 1);
    const right = inBin.filter((point) => point.right).length / (inBin.length || 1);
    return { from: k / BINS, count: inBin.length, mean, right };
  });
  const ece = bins.reduce(
    (sum, bin) => sum + (bin.count / (points.length || 1)) * Math.abs(bin.mean - bin.right),
    0,
  );
  return { bins, ece };
}

/** Precision and recall of the pairs kept at each --min-score (recall against every right bead). */
export function minScoreCurve(points: readonly { probability: number; right: boolean }[]) {
  const allRight = points.filter((point) => point.right).length;
  return [0, 0.2, 0.5, 0.7, 0.8, 0.9, 0.95].map((threshold) => {
    const kept = points.filter((point) => point.probability >= threshold);
    const right = kept.filter((point) => point.right).length;
    return {
      threshold,
      kept: kept.length,
      precision: right / (kept.length || 1),
      recall: right / (allRight || 1),
    };
  });
}

/** Out-of-fold probabilities of every linked bead: weights and calibration both fitted without the bead's novel. */
export function outOfFoldProbabilities(judged: readonly JudgedBead[]) {
  return calibratedOutOfFold(judged, calibrate);
}

export { countMatches };
