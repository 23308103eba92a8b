import { type Bead, beadShapes, makeBead } from './beads.js';
import { BEAD_COST, MAX_BEAD_SENTENCES, MAX_BEAD_SIDE, NULL_BEAD_SCORE } from './constants.js';

/** Allowed target positions for each source position: row i may hold j in [low[i], high[i]]. */
export interface Band {
  low: Int32Array;
  high: Int32Array;
}

/**
 * The quality in [0, 1] of a bead of source [i, i+a) and target [j, j+b), both sides
 * non-empty; -Infinity rules it out. The search relies on the upper bound of 1 (see
 * `maxQuality`) to skip beads that cannot win. `needed` is the quality the bead must
 * reach to win its position: a scorer may return any lower value (such as -Infinity)
 * for a bead it can tell falls short, without working out its exact quality.
 */
export type BeadScorer = (i: number, a: number, j: number, b: number, needed?: number) => number;

export interface SearchOptions {
  /** Score of a sentence left without counterpart (default NULL_BEAD_SCORE). */
  omissionScore?: number;
  /** Told when no later bead can start before source sentence `i`, so caches may shrink. */
  passedSource?: (i: number) => void;
  /** The highest quality the scorer gives (default 1): a bead that could not win even so is not scored. */
  maxQuality?: number;
  /** The most sentences a side of a bead may hold (default MAX_BEAD_SIDE; 1 allows 1-1 beads and omissions only). */
  maxSide?: number;
}

/** Rows of best totals the search keeps: a bead reaches back at most MAX_BEAD_SIDE rows. */
const KEPT_ROWS = MAX_BEAD_SIDE + 1;

/**
 * The shapes in the order they are tried: 1-1 and the omissions first, as they are cheap
 * and usually win, so that the bound rules out most larger beads before they are scored.
 * Ties still go to the shape earlier in `beadShapes`, as if all were tried in that order.
 */
function searchOrder(shapes: readonly [number, number][]): number[] {
  const first = (shape: [number, number]) => shape[0] + shape[1] <= 2;
  const order = shapes.map((_, s) => s);
  return [
    ...order.filter((s) => first(shapes[s] as [number, number])),
    ...order.filter((s) => !first(shapes[s] as [number, number])),
  ];
}

/**
 * Finds the sequence of beads with the highest total (quality less a cost per bead, or the
 * score of a sentence without counterpart) by dynamic programming over the positions
 * (i source and j target sentences consumed) that the band allows. Time grows with the
 * band's area, which the anchors keep linear in the length; memory holds one byte per
 * position (the choice, for the trace back) and the totals of the last few rows only.
 * A bead is scored only if its quality could lift its total above the best found so far
 * for its position, which leaves the result exactly that of scoring every bead.
 */
export function searchBeads(
  sourceCount: number,
  targetCount: number,
  band: Band,
  scoreBead: BeadScorer,
  options: SearchOptions = {},
): Bead[] {
  const omissionScore = options.omissionScore ?? NULL_BEAD_SCORE;
  const maxQuality = options.maxQuality ?? 1;
  const passedSource = options.passedSource ?? (() => {});
  const maxSide = Math.min(options.maxSide ?? MAX_BEAD_SIDE, MAX_BEAD_SIDE);
  const shapes = beadShapes(maxSide, Math.min(MAX_BEAD_SENTENCES, 2 * maxSide));
  const order = searchOrder(shapes);
  const shapeSource = Int32Array.from(order, (s) => shapes[s]?.[0] ?? 0);
  const shapeTarget = Int32Array.from(order, (s) => shapes[s]?.[1] ?? 0);
  const rowStart = new Float64Array(sourceCount + 2);
  let widest = 0;
  for (let i = 0; i <= sourceCount; i++) {
    const width = Math.max(0, (band.high[i] ?? -1) - (band.low[i] ?? 0) + 1);
    widest = Math.max(widest, width);
    rowStart[i + 1] = (rowStart[i] ?? 0) + width;
  }
  const choice = new Uint8Array(rowStart[sourceCount + 1] ?? 0);
  const rows = Array.from({ length: KEPT_ROWS }, () => new Float64Array(widest));
  const at = (i: number, j: number): number => {
    const low = band.low[i] as number;
    if (j < low || j > (band.high[i] as number)) return Number.NEGATIVE_INFINITY;
    return (rows[i % KEPT_ROWS] as Float64Array)[j - low] as number;
  };
  for (let i = 0; i <= sourceCount; i++) {
    passedSource(i - MAX_BEAD_SIDE);
    const low = band.low[i] ?? 0;
    const high = band.high[i] ?? -1;
    const row = rows[i % KEPT_ROWS] as Float64Array;
    const start = rowStart[i] as number;
    for (let j = low; j <= high; j++) {
      let best = i === 0 && j === 0 ? 0 : Number.NEGATIVE_INFINITY;
      let chosen = 0;
      for (let k = 0; k < order.length && !(i === 0 && j === 0); k++) {
        const a = shapeSource[k] as number;
        const b = shapeTarget[k] as number;
        if (a > i || b > j) continue;
        const previous = at(i - a, j - b);
        if (previous === Number.NEGATIVE_INFINITY) continue;
        const s = order[k] as number;
        let total: number;
        if (a === 0 || b === 0) total = previous + omissionScore;
        else {
          // The same sum as a scored bead's total, so that rounding cannot put the bound below it.
          const bound = previous + (maxQuality - BEAD_COST);
          if (bound < best || (bound === best && s > chosen)) continue;
          total = previous + (scoreBead(i - a, a, j - b, b, best - previous + BEAD_COST) - BEAD_COST);
        }
        if (total > best || (total === best && s < chosen && best !== Number.NEGATIVE_INFINITY)) {
          best = total;
          chosen = s;
        }
      }
      row[j - low] = best;
      choice[start + j - low] = chosen;
    }
  }
  const path = traceBack(
    sourceCount,
    targetCount,
    band,
    (i, j) => choice[(rowStart[i] as number) + j - (band.low[i] as number)] ?? 0,
    shapes,
  );
  return scorePath(path, scoreBead, passedSource);
}

/** The shapes of the best path, from its end back to (0, 0), as [a, b] pairs in path order. */
function traceBack(
  sourceCount: number,
  targetCount: number,
  band: Band,
  choiceAt: (i: number, j: number) => number,
  shapes: [number, number][],
): [number, number][] {
  const path: [number, number][] = [];
  let i = sourceCount;
  let j = targetCount;
  while (i > 0 || j > 0) {
    const inBand = j >= (band.low[i] ?? 0) && j <= (band.high[i] ?? -1);
    const shape = shapes[inBand ? choiceAt(i, j) : 0] ?? [1, 0];
    path.push(shape);
    i -= shape[0];
    j -= shape[1];
  }
  return path.reverse();
}

/** The beads of a path with their scores, scored left to right so that the scorer's caches stay small. */
function scorePath(
  path: readonly [number, number][],
  scoreBead: BeadScorer,
  passedSource: (i: number) => void,
): Bead[] {
  let i = 0;
  let j = 0;
  return path.map(([a, b]) => {
    passedSource(i - MAX_BEAD_SIDE);
    const bead = makeBead(i, a, j, b, a === 0 || b === 0 ? 0 : scoreBead(i, a, j, b));
    i += a;
    j += b;
    return bead;
  });
}
