import type { SentenceEvidence } from './features.js';

/** Which tokens of a source sentence and of a target sentence the other covers. */
interface PairCoverage {
  source: Uint32Array;
  target: Uint32Array;
}

/**
 * Lexical agreement between groups of sentences, computed from cached agreements of
 * single sentence pairs: the weighted share of each side's tokens that the other side
 * covers, combined as an F-measure.
 */
export class Similarity {
  private readonly pairs = new Map<number, PairCoverage>();
  private readonly keyStamp: Int32Array;
  private stamp = 0;
  private readonly sourceMarks: Int32Array;
  private readonly targetMarks: Int32Array;
  private markStamp = 0;

  constructor(
    readonly source: readonly SentenceEvidence[],
    readonly target: readonly SentenceEvidence[],
    keyCount: number,
  ) {
    this.keyStamp = new Int32Array(keyCount);
    const longest = (side: readonly SentenceEvidence[]) =>
      side.reduce((max, s) => Math.max(max, s.weights.length), 0);
    this.sourceMarks = new Int32Array(longest(source));
    this.targetMarks = new Int32Array(longest(target));
  }

  private covered(tokens: SentenceEvidence, other: SentenceEvidence): Uint32Array {
    this.stamp++;
    for (const key of other.keys) this.keyStamp[key] = this.stamp;
    const covered: number[] = [];
    tokens.tokenKeys.forEach((keys, t) => {
      for (const key of keys) {
        if (this.keyStamp[key] === this.stamp) {
          covered.push(t);
          break;
        }
      }
    });
    return Uint32Array.from(covered);
  }

  private pair(i: number, j: number): PairCoverage {
    const id = i * (this.target.length + 1) + j;
    let pair = this.pairs.get(id);
    if (!pair) {
      const s = this.source[i] as SentenceEvidence;
      const t = this.target[j] as SentenceEvidence;
      pair = { source: this.covered(s, t), target: this.covered(t, s) };
      this.pairs.set(id, pair);
    }
    return pair;
  }

  /** Forgets cached pairs of source sentences before `i`, which a left-to-right search no longer needs. */
  forgetBefore(i: number): void {
    const limit = i * (this.target.length + 1);
    for (const id of this.pairs.keys()) if (id < limit) this.pairs.delete(id);
  }

  /** Weighted share of tokens covered on each side, for source sentences [i0, i1) and target [j0, j1). */
  coverage(i0: number, i1: number, j0: number, j1: number): { source: number; target: number } {
    let sourceCovered = 0;
    let sourceTotal = 0;
    for (let i = i0; i < i1; i++) {
      const evidence = this.source[i] as SentenceEvidence;
      sourceTotal += evidence.totalWeight;
      this.markStamp++;
      for (let j = j0; j < j1; j++) {
        for (const t of this.pair(i, j).source) {
          if (this.sourceMarks[t] === this.markStamp) continue;
          this.sourceMarks[t] = this.markStamp;
          sourceCovered += evidence.weights[t] ?? 0;
        }
      }
    }
    let targetCovered = 0;
    let targetTotal = 0;
    for (let j = j0; j < j1; j++) {
      const evidence = this.target[j] as SentenceEvidence;
      targetTotal += evidence.totalWeight;
      this.markStamp++;
      for (let i = i0; i < i1; i++) {
        for (const t of this.pair(i, j).target) {
          if (this.targetMarks[t] === this.markStamp) continue;
          this.targetMarks[t] = this.markStamp;
          targetCovered += evidence.weights[t] ?? 0;
        }
      }
    }
    return {
      source: sourceTotal > 0 ? sourceCovered / sourceTotal : 0,
      target: targetTotal > 0 ? targetCovered / targetTotal : 0,
    };
  }

  /** The F-measure of the two coverages: high only when each side accounts for the other. */
  agreement(i0: number, i1: number, j0: number, j1: number): number {
    const { source, target } = this.coverage(i0, i1, j0, j1);
    return source + target > 0 ? (2 * source * target) / (source + target) : 0;
  }
}
