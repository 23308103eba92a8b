import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandFromAnchors, heaviestChain } from '../../src/align/anchors.js';
import type { Bead } from '../../src/align/beads.js';
import { searchBeads } from '../../src/align/search.js';

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
      i === 0 && a === 1 && j === 0 && b === 2 ? 2 : i === 1 && j === 2 && a === 1 && b === 1 ? 1 : 0.1;
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
