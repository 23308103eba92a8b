import { MAX_BEAD_SIDE } from './constants.js';
import type { SentenceEvidence } from './features.js';

/** Shares of a bead's source and target token weight that the other side covers, in [0, 1]. */
export interface BeadCoverage {
  source: number;
  target: number;
}

/** Which tokens of a source sentence and of a target sentence the other covers. */
interface PairCoverage {
  source: Uint32Array;
  target: Uint32Array;
}

const SIDE = MAX_BEAD_SIDE + 1;
const NOTHING_COVERED = new Uint32Array(0);

/**
 * Stamps by key id, shared by every similarity of a thread: a document aligns thousands of
 * short stretches over one long key table, and zeroing an array of every key for each
 * cost more than aligning the stretch. A key is marked when it holds the current stamp.
 */
const keyMarks = { stamps: new Int32Array(0), heads: new Int32Array(0), current: 0 };

/** A fresh stamp, with the stamps array (and the heads of a marked key's token list) able to hold `keyCount` keys. */
function nextKeyStamp(keyCount: number): number {
  if (keyMarks.stamps.length < keyCount) {
    keyMarks.stamps = new Int32Array(Math.max(keyCount, keyMarks.stamps.length * 2));
    keyMarks.heads = new Int32Array(keyMarks.stamps.length);
  }
  if (keyMarks.current === 0x7fffffff) {
    keyMarks.stamps.fill(0);
    keyMarks.current = 0;
  }
  return ++keyMarks.current;
}

/**
 * Lexical agreement between groups of sentences: the weighted share of each side's
 * tokens that the other side covers, multiplied. Built from cached coverages of single
 * sentence pairs, and, for the search, from the coverages of every bead that ends at
 * one position, computed together.
 */
export class Similarity {
  private readonly rows: (Map<number, PairCoverage> | undefined)[] = [];
  private readonly sourceMarks: Int32Array;
  private readonly targetMarks: Int32Array;
  /** Scratch space for the tokens of one sentence that another covers. */
  private readonly coveredTokens: Uint32Array;
  private markStamp = 0;
  /** For the target sentence of a pair: which of its tokens the source covers. */
  private readonly targetCovered: Uint8Array;
  /** The target's key occurrences, listed by key: token of occurrence n, and the next occurrence of its key. */
  private readonly keyToken: Int32Array;
  private readonly nextOfKey: Int32Array;
  private readonly sourceWeightPrefix: Float64Array;
  private readonly targetWeightPrefix: Float64Array;
  /** For the prepared position: covered weight of source sentence iEnd-1-k by the last b target sentences, at [k * SIDE + b]. */
  private readonly cellSource = new Float64Array(SIDE * SIDE);
  /** ...and of target sentence jEnd-1-k by the last a source sentences, at [k * SIDE + a]. */
  private readonly cellTarget = new Float64Array(SIDE * SIDE);
  private cellEnd: [number, number] = [-1, -1];
  /** Rows of `cellSource` and of `cellTarget` worked out for the prepared position: beads ask for as many as they hold. */
  private sourceRowsFilled = 0;
  private targetRowsFilled = 0;

  constructor(
    readonly source: readonly SentenceEvidence[],
    readonly target: readonly SentenceEvidence[],
    private readonly keyCount: number,
    /** The most sentences a side of a bead asked about may hold. */
    readonly maxSide = MAX_BEAD_SIDE,
  ) {
    const longest = (side: readonly SentenceEvidence[]) =>
      side.reduce((max, s) => Math.max(max, s.weights.length), 0);
    this.sourceMarks = new Int32Array(longest(source));
    this.targetMarks = new Int32Array(longest(target));
    this.coveredTokens = new Uint32Array(Math.max(this.sourceMarks.length, this.targetMarks.length));
    this.targetCovered = new Uint8Array(this.targetMarks.length);
    const mostKeys = target.reduce((max, s) => Math.max(max, keyCountOf(s)), 0);
    this.keyToken = new Int32Array(mostKeys);
    this.nextOfKey = new Int32Array(mostKeys);
    this.sourceWeightPrefix = weightPrefix(source);
    this.targetWeightPrefix = weightPrefix(target);
  }

  /**
   * Which tokens of a source sentence and of a target sentence the other covers, in one
   * pass: the target's keys are marked, each with the list of its tokens holding it; then
   * each source token that holds a marked key is covered, and so are those tokens.
   */
  private coverBoth(s: SentenceEvidence, t: SentenceEvidence): PairCoverage {
    const stamp = nextKeyStamp(this.keyCount);
    const { stamps, heads } = keyMarks;
    let occurrences = 0;
    for (let u = 0; u < t.keyStart.length; u++) {
      for (let k = t.keyStart[u] as number; k < (t.keyEnd[u] as number); k++) {
        const key = t.tokenKeys[k] as number;
        if (stamps[key] !== stamp) {
          stamps[key] = stamp;
          heads[key] = -1;
        }
        this.keyToken[occurrences] = u;
        this.nextOfKey[occurrences] = heads[key] as number;
        heads[key] = occurrences++;
      }
    }
    this.targetCovered.fill(0, 0, t.keyStart.length);
    let sourceCount = 0;
    for (let v = 0; v < s.keyStart.length; v++) {
      let covered = false;
      for (let k = s.keyStart[v] as number; k < (s.keyEnd[v] as number); k++) {
        const key = s.tokenKeys[k] as number;
        if (stamps[key] !== stamp) continue;
        covered = true;
        for (let o = heads[key] as number; o >= 0; o = this.nextOfKey[o] as number) {
          this.targetCovered[this.keyToken[o] as number] = 1;
        }
        heads[key] = -1;
      }
      if (covered) this.coveredTokens[sourceCount++] = v;
    }
    const source = sourceCount === 0 ? NOTHING_COVERED : this.coveredTokens.slice(0, sourceCount);
    let targetCount = 0;
    for (let u = 0; u < t.keyStart.length; u++)
      if (this.targetCovered[u]) this.coveredTokens[targetCount++] = u;
    const target = targetCount === 0 ? NOTHING_COVERED : this.coveredTokens.slice(0, targetCount);
    return { source, target };
  }

  private pair(i: number, j: number): PairCoverage {
    let row = this.rows[i];
    if (!row) {
      row = new Map();
      this.rows[i] = row;
    }
    let pair = row.get(j);
    if (!pair) {
      pair = this.coverBoth(this.source[i] as SentenceEvidence, this.target[j] as SentenceEvidence);
      row.set(j, pair);
    }
    return pair;
  }

  /** Forgets the cached pairs of source sentences before `i`, which a left-to-right search no longer needs. */
  forgetBefore(i: number): void {
    for (let row = Math.max(0, i - SIDE * 2); row < i; row++) this.rows[row] = undefined;
  }

  /** Covered weight of one sentence's tokens, marked as the union over several partners. */
  private unionWeight(evidence: SentenceEvidence, marks: Int32Array, covered: Uint32Array): number {
    let weight = 0;
    for (const t of covered) {
      if (marks[t] === this.markStamp) continue;
      marks[t] = this.markStamp;
      weight += evidence.weights[t] ?? 0;
    }
    return weight;
  }

  /** Agreement of one source sentence with one target sentence (not cached: anchors ask once). */
  pairAgreement(i: number, j: number): number {
    const source = this.source[i] as SentenceEvidence;
    const target = this.target[j] as SentenceEvidence;
    const covered = this.coverBoth(source, target);
    const sourceShare = coveredSum(source, covered.source) / (source.totalWeight || 1);
    const targetShare = coveredSum(target, covered.target) / (target.totalWeight || 1);
    return sourceShare * targetShare;
  }

  /**
   * Makes ready the coverages of the beads that end with source sentence iEnd-1 and target
   * sentence jEnd-1 and hold up to `a` source and `b` target sentences.
   */
  private prepareCell(iEnd: number, jEnd: number, a: number, b: number): void {
    if (this.cellEnd[0] !== iEnd || this.cellEnd[1] !== jEnd) {
      this.cellEnd = [iEnd, jEnd];
      this.sourceRowsFilled = 0;
      this.targetRowsFilled = 0;
    }
    for (; this.sourceRowsFilled < a; this.sourceRowsFilled++) {
      this.fillRow(
        this.sourceRowsFilled,
        iEnd,
        jEnd,
        this.source,
        this.sourceMarks,
        this.cellSource,
        (i, j) => this.pair(i, j).source,
      );
    }
    for (; this.targetRowsFilled < b; this.targetRowsFilled++) {
      this.fillRow(
        this.targetRowsFilled,
        jEnd,
        iEnd,
        this.target,
        this.targetMarks,
        this.cellTarget,
        (j, i) => this.pair(i, j).target,
      );
    }
  }

  /**
   * For the k-th sentence before `ownEnd` on one side, the weight the last 1…maxSide
   * sentences before `otherEnd` on the other side cover, as a running union.
   */
  private fillRow(
    k: number,
    ownEnd: number,
    otherEnd: number,
    own: readonly SentenceEvidence[],
    marks: Int32Array,
    cell: Float64Array,
    coveredBy: (ownIndex: number, otherIndex: number) => Uint32Array,
  ): void {
    const index = ownEnd - 1 - k;
    if (index < 0) return;
    const evidence = own[index] as SentenceEvidence;
    this.markStamp++;
    let weight = 0;
    for (let n = 1; n <= this.maxSide && otherEnd - n >= 0; n++) {
      weight += this.unionWeight(evidence, marks, coveredBy(index, otherEnd - n));
      cell[k * SIDE + n] = weight;
    }
  }

  /**
   * Shares of the bead of source sentences [iEnd-a, iEnd) and target sentences
   * [jEnd-b, jEnd) that the other side covers, by token weight.
   */
  beadCoverage(iEnd: number, a: number, jEnd: number, b: number): BeadCoverage {
    let sourceCovered = 0;
    let targetCovered = 0;
    if (a === 1 && b === 1) {
      // A 1-1 bead needs only its own pair: the search often scores nothing larger at a position.
      const pair = this.pair(iEnd - 1, jEnd - 1);
      sourceCovered = coveredSum(this.source[iEnd - 1] as SentenceEvidence, pair.source);
      targetCovered = coveredSum(this.target[jEnd - 1] as SentenceEvidence, pair.target);
    } else {
      if (a > this.maxSide || b > this.maxSide)
        throw new RangeError(`a bead beyond ${this.maxSide} sentences a side`);
      this.prepareCell(iEnd, jEnd, a, b);
      for (let k = 0; k < a; k++) sourceCovered += this.cellSource[k * SIDE + b] ?? 0;
      for (let k = 0; k < b; k++) targetCovered += this.cellTarget[k * SIDE + a] ?? 0;
    }
    const sourceTotal = (this.sourceWeightPrefix[iEnd] ?? 0) - (this.sourceWeightPrefix[iEnd - a] ?? 0);
    const targetTotal = (this.targetWeightPrefix[jEnd] ?? 0) - (this.targetWeightPrefix[jEnd - b] ?? 0);
    return {
      source: sourceTotal > 0 ? sourceCovered / sourceTotal : 0,
      target: targetTotal > 0 ? targetCovered / targetTotal : 0,
    };
  }

  /** Agreement of a bead: the product of the shares of each side that the other covers. */
  beadAgreement(iEnd: number, a: number, jEnd: number, b: number): number {
    const coverage = this.beadCoverage(iEnd, a, jEnd, b);
    return coverage.source * coverage.target;
  }
}

function keyCountOf(sentence: SentenceEvidence): number {
  let count = 0;
  for (let t = 0; t < sentence.keyStart.length; t++)
    count += (sentence.keyEnd[t] as number) - (sentence.keyStart[t] as number);
  return count;
}

function coveredSum(evidence: SentenceEvidence, covered: Uint32Array): number {
  let weight = 0;
  for (const t of covered) weight += evidence.weights[t] ?? 0;
  return weight;
}

function weightPrefix(side: readonly SentenceEvidence[]): Float64Array {
  const prefix = new Float64Array(side.length + 1);
  side.forEach((sentence, k) => {
    prefix[k + 1] = (prefix[k] ?? 0) + sentence.totalWeight;
  });
  return prefix;
}
