import { describe, expect, it } from 'vitest';
import { countMatches, formatBead, mergeWithinVerses, parseAlignments, scoresOf } from '../src/eval/index.js';

describe('strict bead scores', () => {
  it('agree with a hand-computed example', () => {
    const gold = parseAlignments('[0]:[0]\n[1,2]:[1]\n[3]:[]\n[4]:[2,3]\n');
    const auto = parseAlignments('[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n[4]:[2,3]\n');
    // Correct: [0]:[0], [3]:[], [4]:[2,3] → 3 of 5 proposed, 3 of 4 gold.
    const scores = scoresOf(countMatches(gold, auto));
    expect(scores.precision).toBeCloseTo(3 / 5);
    expect(scores.recall).toBeCloseTo(3 / 4);
    expect(scores.f1).toBeCloseTo((2 * 0.6 * 0.75) / 1.35);
  });

  it('reads beads with spaces and empty sides, and names a bad line', () => {
    expect(parseAlignments('[1, 2]:[]\n')).toEqual([{ source: [1, 2], target: [] }]);
    expect(() => parseAlignments('[1]:[2]\nnonsense\n', 'x.align')).toThrow(/line 2/);
    expect(() => parseAlignments('[0]:[0]\n[]:[]\n', 'x.align')).toThrow(
      'line 2 ([]:[]) is a bead of no sentence',
    );
  });

  it('takes a gold bead that skips an untranslated sentence held by the next, and refuses a bead in disorder', () => {
    expect(parseAlignments('[0]:[0]\n[1,3]:[1]\n[2]:[]\n[4]:[2]\n')).toHaveLength(4);
    expect(() => parseAlignments('[0]:[0]\n[2,1]:[1]\n')).toThrow(
      /line 2 \(\[2,1\]:\[1\]\): source sentences 2 and 1 are out of order/,
    );
    expect(() => parseAlignments('[0,2]:[0]\n[1,2]:[1]\n')).toThrow(
      /source sentence 2 is in an earlier bead/,
    );
    expect(() => parseAlignments('[0]:[1]\n[1]:[0]\n')).toThrow(/target sentence 0 is not after sentence 1/);
    expect(parseAlignments('[0]:[1]\n[1]:[0,2]\n', 'gold', 'crossing')).toHaveLength(2);
    expect(() => parseAlignments('[0]:[1]\n[1]:[1]\n', 'gold', 'crossing')).toThrow(/in an earlier bead/);
  });

  it('reads a published output whose beads overlap as it is, a bead given twice counted once', () => {
    const beads = parseAlignments('[0]:[0]\n[0]:[0]\n[1]:[0,1]\n[2]:[1]\n', 'bleualign', 'overlapping');
    expect(beads.map(formatBead)).toEqual(['[0]:[0]', '[1]:[0,1]', '[2]:[1]']);
    const gold = parseAlignments('[0]:[0]\n[1]:[1]\n[2]:[2]\n');
    expect(scoresOf(countMatches(gold, beads)).recall).toBeCloseTo(1 / 3);
  });

  it('merges consecutive beads that lie in one verse', () => {
    const beads = parseAlignments('[0]:[0]\n[1]:[1]\n[2]:[2,3]\n[3]:[4]\n');
    const merged = mergeWithinVerses(beads, ['v1', 'v2', 'v2', 'v3'], ['v1', 'v2', 'v2', 'v2', 'v3']);
    expect(merged).toEqual([
      { source: [0], target: [0] },
      { source: [1, 2], target: [1, 2, 3] },
      { source: [3], target: [4] },
    ]);
  });
});
