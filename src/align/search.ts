import { type Bead, beadShapes, makeBead } from './beads.js';
import { BEAD_COST, MAX_BEAD_SENTENCES, MAX_BEAD_SIDE, NULL_BEAD_SCORE } from './constants.js';

/** Allowed target positions for each source position: row i may hold j in [low[i], high[i]]. */
export interface Band {
  low: Int32Array;
  high: Int32Array;
}

/** The quality in [0, 1] of a bead of source [i, i+a) and target [j, j+b), both sides non-empty; -Infinity rules it out. */
export type BeadScorer = (i: number, a: number, j: number, b: number) => number;

export interface SearchOptions {
  /** Score of a sentence left without counterpart (default NULL_BEAD_SCORE). */
  omissionScore?: number;
  /** Told when no later bead can start before source sentence `i`, so caches may shrink. */
  passedSource?: (i: number) => void;
}

/**
 * Finds the sequence of beads with the highest total (quality less a cost per bead, or the
 * score of a sentence without counterpart) by dynamic programming over
 * the positions (i source and j target sentences consumed) that the band allows. Time and
 * memory grow with the band's area, which the anchors keep linear in the length.
 */
export function searchBeads(
  sourceCount: number,
  targetCount: number,
  band: Band,
  scoreBead: BeadScorer,
  options: SearchOptions = {},
): Bead[] {
  const omissionScore = options.omissionScore ?? NULL_BEAD_SCORE;
  const passedSource = options.passedSource ?? (() => {});
  const shapes = beadShapes(MAX_BEAD_SIDE, MAX_BEAD_SENTENCES);
  const best: Float64Array[] = [];
  const choice: Uint8Array[] = [];
  const at = (i: number, j: number): number => {
    const low = band.low[i] ?? 0;
    const row = best[i];
    if (!row || j < low || j > (band.high[i] ?? -1)) return Number.NEGATIVE_INFINITY;
    return row[j - low] ?? Number.NEGATIVE_INFINITY;
  };
  for (let i = 0; i <= sourceCount; i++) {
    passedSource(i - MAX_BEAD_SIDE);
    const low = band.low[i] ?? 0;
    const width = (band.high[i] ?? 0) - low + 1;
    const rowBest = new Float64Array(width).fill(Number.NEGATIVE_INFINITY);
    const rowChoice = new Uint8Array(width);
    best.push(rowBest);
    choice.push(rowChoice);
    for (let j = low; j < low + width; j++) {
      if (i === 0 && j === 0) {
        rowBest[0] = 0;
        continue;
      }
      shapes.forEach(([a, b], s) => {
        if (a > i || b > j) return;
        const previous = at(i - a, j - b);
        if (previous === Number.NEGATIVE_INFINITY) return;
        const total =
          previous + (a === 0 || b === 0 ? omissionScore : scoreBead(i - a, a, j - b, b) - BEAD_COST);
        if (total > (rowBest[j - low] ?? Number.NEGATIVE_INFINITY)) {
          rowBest[j - low] = total;
          rowChoice[j - low] = s;
        }
      });
    }
  }
  return traceBack(sourceCount, targetCount, band, choice, shapes, scoreBead);
}

function traceBack(
  sourceCount: number,
  targetCount: number,
  band: Band,
  choice: Uint8Array[],
  shapes: [number, number][],
  scoreBead: BeadScorer,
): Bead[] {
  const beads: Bead[] = [];
  let i = sourceCount;
  let j = targetCount;
  while (i > 0 || j > 0) {
    const [a, b] = shapes[choice[i]?.[j - (band.low[i] ?? 0)] ?? 0] ?? [1, 0];
    i -= a;
    j -= b;
    beads.push(makeBead(i, a, j, b, a === 0 || b === 0 ? 0 : scoreBead(i, a, j, b)));
  }
  return beads.reverse();
}
