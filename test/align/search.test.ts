import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandFromAnchors, heaviestChain } from '../../src/align/anchors.js';
import { type Bead, beadShapes } from '../../src/align/beads.js';
import { BEAD_COST, MAX_BEAD_SENTENCES, MAX_BEAD_SIDE, NULL_BEAD_SCORE } from '../../src/align/constants.js';
import { type BeadScorer, searchBeads } from '../../src/align/search.js';

/** Every sentence of both sides in exactly one bead, in order. */
function expectCoverInOrder(beads: readonly Bead[], sourceCount: number, targetCount: number): void {
  expect(beads.flatMap((bead) => bead.source)).toEqual(Array.from({ length: sourceCount }, (_, i) => i));
  expect(beads.flatMap((bead) => bead.target)).toEqual(Array.from({ length: targetCount }, (_, j) => j));
  for (const bead of beads) expect(bead.source.length + bead.target.length).toBeGreaterThan(0);
}

describe('the banded search', () => {
  it('covers every sentence exactly once and in order, whatever the scores and the band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(
          fc.record({
            source: fc.nat(24),
            target: fc.nat(24),
            similarity: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 10 },
        ),
        (sourceCount, targetCount, seed, candidates) => {
          const anchors = heaviestChain(
            candidates.filter((c) => c.source < sourceCount && c.target < targetCount),
            targetCount,
          );
          const band = bandFromAnchors(anchors, sourceCount, targetCount, 1);
          const score = (i: number, a: number, j: number, b: number) =>
            Math.sin(seed + i * 7 + a * 3 + j * 5 + b) * 0.5;
          expectCoverInOrder(searchBeads(sourceCount, targetCount, band, score), sourceCount, targetCount);
        },
      ),
    );
  });

  it('finds a 1-2 bead when it scores best', () => {
    const band = bandFromAnchors([], 2, 3);
    const score = (i: number, a: number, j: number, b: number) =>
      i === 0 && a === 1 && j === 0 && b === 2 ? 1 : i === 1 && j === 2 && a === 1 && b === 1 ? 1 : 0.1;
    expect(searchBeads(2, 3, band, score).map((bead) => [bead.source, bead.target])).toEqual([
      [[0], [0, 1]],
      [[1], [2]],
    ]);
  });

  it('keeps anchors increasing in both sides', () => {
    const chain = heaviestChain(
      [
        { source: 0, target: 0, similarity: 0.5 },
        { source: 1, target: 5, similarity: 0.9 },
        { source: 2, target: 1, similarity: 0.5 },
        { source: 3, target: 2, similarity: 0.5 },
      ],
      6,
    );
    expect(chain.map((anchor) => [anchor.source, anchor.target])).toEqual([
      [0, 0],
      [2, 1],
      [3, 2],
    ]);
  });
});

/** Total of a bead sequence as the search counts it. */
function totalOf(beads: readonly Bead[], score: BeadScorer): number {
  return beads.reduce((sum, bead) => {
    const [i = 0, a, j = 0, b] = [bead.source[0], bead.source.length, bead.target[0], bead.target.length];
    return sum + (a === 0 || b === 0 ? NULL_BEAD_SCORE : score(i, a, j, b) - BEAD_COST);
  }, 0);
}

/** The best total over every sequence of beads, by trying them all. */
function exhaustiveBest(sourceCount: number, targetCount: number, score: BeadScorer): number {
  const shapes = beadShapes(MAX_BEAD_SIDE, MAX_BEAD_SENTENCES);
  const from = (i: number, j: number): number => {
    if (i === sourceCount && j === targetCount) return 0;
    let best = Number.NEGATIVE_INFINITY;
    for (const [a, b] of shapes) {
      if (i + a > sourceCount || j + b > targetCount) continue;
      const gain = a === 0 || b === 0 ? NULL_BEAD_SCORE : score(i, a, j, b) - BEAD_COST;
      best = Math.max(best, gain + from(i + a, j + b));
    }
    return best;
  };
  return from(0, 0);
}

/** The search without its bound: every shape scored at every position, in `beadShapes` order. */
function fullSearch(sourceCount: number, targetCount: number, score: BeadScorer): [number, number][] {
  const shapes = beadShapes(MAX_BEAD_SIDE, MAX_BEAD_SENTENCES);
  const best = Array.from({ length: sourceCount + 1 }, () =>
    new Array<number>(targetCount + 1).fill(Number.NEGATIVE_INFINITY),
  );
  const choice = Array.from({ length: sourceCount + 1 }, () => new Array<number>(targetCount + 1).fill(0));
  for (let i = 0; i <= sourceCount; i++) {
    for (let j = 0; j <= targetCount; j++) {
      if (i === 0 && j === 0) {
        (best[0] as number[])[0] = 0;
        continue;
      }
      shapes.forEach(([a, b], s) => {
        if (a > i || b > j) return;
        const gain = a === 0 || b === 0 ? NULL_BEAD_SCORE : score(i - a, a, j - b, b) - BEAD_COST;
        const total = (best[i - a]?.[j - b] ?? Number.NEGATIVE_INFINITY) + gain;
        if (total > (best[i]?.[j] ?? Number.NEGATIVE_INFINITY)) {
          (best[i] as number[])[j] = total;
          (choice[i] as number[])[j] = s;
        }
      });
    }
  }
  const path: [number, number][] = [];
  for (let i = sourceCount, j = targetCount; i > 0 || j > 0; ) {
    const [a, b] = shapes[choice[i]?.[j] ?? 0] ?? [1, 0];
    path.push([a, b]);
    i -= a;
    j -= b;
  }
  return path.reverse();
}

describe('the bounded search', () => {
  const table = (sourceCount: number, targetCount: number) =>
    fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1), fc.constant(0.5)), {
      minLength: (sourceCount + 1) * (targetCount + 1) * 36,
      maxLength: (sourceCount + 1) * (targetCount + 1) * 36,
    });
  const scorerOf =
    (values: readonly number[], targetCount: number): BeadScorer =>
    (i, a, j, b) =>
      values[((i * (targetCount + 1) + j) * 6 + a) * 6 + b] ?? 0;
  const sizes = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));

  it('finds the beads the full search finds, and the best total there is, on random score tables', () => {
    fc.assert(
      fc.property(
        sizes.chain(([sourceCount, targetCount]) =>
          fc.tuple(fc.constant(sourceCount), fc.constant(targetCount), table(sourceCount, targetCount)),
        ),
        ([sourceCount, targetCount, values]) => {
          const score = scorerOf(values, targetCount);
          const beads = searchBeads(
            sourceCount,
            targetCount,
            bandFromAnchors([], sourceCount, targetCount),
            score,
          );
          expect(beads.map((bead) => [bead.source.length, bead.target.length])).toEqual(
            fullSearch(sourceCount, targetCount, score),
          );
          expect(totalOf(beads, score)).toBeCloseTo(exhaustiveBest(sourceCount, targetCount, score), 9);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('finds the same beads when the scorer rules out, without scoring them, beads below what they need', () => {
    fc.assert(
      fc.property(
        sizes.chain(([sourceCount, targetCount]) =>
          fc.tuple(fc.constant(sourceCount), fc.constant(targetCount), table(sourceCount, targetCount)),
        ),
        ([sourceCount, targetCount, values]) => {
          const exact = scorerOf(values, targetCount);
          const lazy: BeadScorer = (i, a, j, b, needed = Number.NEGATIVE_INFINITY) => {
            const quality = exact(i, a, j, b);
            return quality < needed ? Number.NEGATIVE_INFINITY : quality;
          };
          const band = bandFromAnchors([], sourceCount, targetCount);
          const shapesOf = (beads: readonly Bead[]) =>
            beads.map((bead) => [bead.source.length, bead.target.length]);
          expect(shapesOf(searchBeads(sourceCount, targetCount, band, lazy))).toEqual(
            shapesOf(searchBeads(sourceCount, targetCount, band, exact)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tries beads of at most `maxSide` sentences a side when asked', () => {
    const band = bandFromAnchors([], 4, 2);
    const twoToOne = (_i: number, a: number, _j: number, b: number) => (a === 2 && b === 1 ? 1 : 0);
    const beads = searchBeads(4, 2, band, twoToOne, { maxSide: 1 });
    expect(beads.every((bead) => bead.source.length <= 1 && bead.target.length <= 1)).toBe(true);
    expect(searchBeads(4, 2, band, twoToOne).map((bead) => bead.source.length)).toEqual([2, 2]);
  });
});
