import { MAX_BEAD_SENTENCES, MIN_LENGTH_FIT } from './constants.js';
import type { SentenceEvidence } from './features.js';
import type { LengthModel } from './length.js';
import type { BeadScorer } from './search.js';
import type { Similarity } from './similarity.js';

/**
 * A bead's score learned from gold: a weighted sum of the bead's features (how much of
 * each side the other covers, how well the lengths fit, its shape, whether its two sides
 * end alike), and a map from that sum to the probability that the bead is right.
 */

/** How a sentence ends, which a translation usually keeps: a question, a closing quotation mark, an ellipsis, an exclamation. */
export interface SentenceEnds {
  question: boolean;
  closingQuote: boolean;
  openingQuote: boolean;
  ellipsis: boolean;
  exclamation: boolean;
}

const CLOSERS = '["”’\'」』）)]*\\s*$';
const QUESTION_END = new RegExp(`[?？]${CLOSERS}`);
const EXCLAMATION_END = new RegExp(`[!！]${CLOSERS}`);
const ELLIPSIS_END = new RegExp(`(?:…|\\.\\.\\.|。。。)${CLOSERS}`);
/** A closing double quotation mark or corner bracket, or a single quote right after a sentence's end. */
const CLOSING_QUOTE_END = /(?:["”」』]|[.!?,…]['’])\s*$/;
const OPENING_QUOTE_START = /^\s*["“「『‘']/;

export function sentenceEnds(text: string): SentenceEnds {
  return {
    question: QUESTION_END.test(text),
    closingQuote: CLOSING_QUOTE_END.test(text),
    openingQuote: OPENING_QUOTE_START.test(text),
    ellipsis: ELLIPSIS_END.test(text),
    exclamation: EXCLAMATION_END.test(text),
  };
}

/** Share of a text's sentences that must end with a quotation mark for the text to count as using quotation marks. */
const QUOTING_SHARE = 0.02;

/** Whether a text sets its dialogue in quotation marks (some Chinese texts use none, and must not be penalised for it). */
export function usesQuotes(ends: readonly SentenceEnds[]): boolean {
  return ends.filter((end) => end.closingQuote).length >= Math.max(1, ends.length * QUOTING_SHARE);
}

/** Everything a bead's features are read from: both sides' evidence and ends, their coverage and the length model. */
export interface BeadScene {
  chinese: readonly SentenceEvidence[];
  english: readonly SentenceEvidence[];
  chineseEnds: readonly SentenceEnds[];
  englishEnds: readonly SentenceEnds[];
  /** Both texts use quotation marks, so a quotation closing on one side only says something. */
  quotesOnBothSides: boolean;
  similarity: Similarity;
  lengths: LengthModel;
}

/** The features of a bead with both sides, in this order; weights are stored by name. */
export const FEATURE_NAMES = [
  'agreement',
  'sourceCoverage',
  'targetCoverage',
  'lengthFit',
  'lengthOff',
  'agreementBySize',
  'shape1-1',
  'shape1-2',
  'shape1-3+',
  'shape2-1',
  'shape2-2',
  'shape2-3+',
  'shape3+-1',
  'shape3+-2',
  'shape3+-3+',
  'questionMismatch',
  'exclamationMismatch',
  'ellipsisMismatch',
  'closingQuoteMismatch',
  'openingQuoteMismatch',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export const FEATURE_COUNT = FEATURE_NAMES.length;
const AGREEMENT = FEATURE_NAMES.indexOf('agreement');
const AGREEMENT_BY_SIZE = FEATURE_NAMES.indexOf('agreementBySize');
const LENGTH_FIT = FEATURE_NAMES.indexOf('lengthFit');
const SHAPE_OFFSET = FEATURE_NAMES.indexOf('shape1-1');
const QUESTION = FEATURE_NAMES.indexOf('questionMismatch');

function totalLength(side: readonly SentenceEvidence[], from: number, count: number): number {
  let total = 0;
  for (let k = from; k < from + count; k++) total += side[k]?.length ?? 0;
  return total;
}

/** 1 when exactly one of two sentences has the mark. */
function differs(one: boolean | undefined, other: boolean | undefined): number {
  return Boolean(one) !== Boolean(other) ? 1 : 0;
}

/**
 * Writes into `out` the features of a bead that need no lexical coverage (its lengths,
 * shape and how its sides end), the coverage features left at 0; returns false when
 * the lengths rule the bead out.
 */
function cheapFeatures(
  scene: BeadScene,
  i: number,
  a: number,
  j: number,
  b: number,
  out: Float64Array,
): boolean {
  const chineseLength = totalLength(scene.chinese, i, a);
  const englishLength = totalLength(scene.english, j, b);
  const fit = scene.lengths.fit(chineseLength, englishLength);
  // Beads beyond 1-1 whose lengths cannot be translations are not worth scoring.
  if (a + b > 2 && fit < MIN_LENGTH_FIT) return false;
  out.fill(0);
  out[LENGTH_FIT] = fit;
  out[LENGTH_FIT + 1] = Math.abs(scene.lengths.logRatio(chineseLength, englishLength));
  out[SHAPE_OFFSET + (Math.min(a, 3) - 1) * 3 + (Math.min(b, 3) - 1)] = 1;
  const chineseLast = scene.chineseEnds[i + a - 1];
  const englishLast = scene.englishEnds[j + b - 1];
  out[QUESTION] = differs(chineseLast?.question, englishLast?.question);
  out[QUESTION + 1] = differs(chineseLast?.exclamation, englishLast?.exclamation);
  out[QUESTION + 2] = differs(chineseLast?.ellipsis, englishLast?.ellipsis);
  if (scene.quotesOnBothSides) {
    out[QUESTION + 3] = differs(chineseLast?.closingQuote, englishLast?.closingQuote);
    out[QUESTION + 4] = differs(scene.chineseEnds[i]?.openingQuote, scene.englishEnds[j]?.openingQuote);
  }
  return true;
}

/** Writes into `out` the features read from how much of each side of the bead the other covers. */
function coverageFeatures(
  scene: BeadScene,
  i: number,
  a: number,
  j: number,
  b: number,
  out: Float64Array,
): void {
  const coverage = scene.similarity.beadCoverage(i + a, a, j + b, b);
  const agreement = coverage.source * coverage.target;
  out[AGREEMENT] = agreement;
  out[AGREEMENT + 1] = coverage.source;
  out[AGREEMENT + 2] = coverage.target;
  out[AGREEMENT_BY_SIZE] = agreement * (a + b - 2);
}

/**
 * Writes into `out` the features of the bead of Chinese sentences [i, i+a) and English
 * sentences [j, j+b); returns false when the lengths rule the bead out.
 */
export function beadFeatures(
  scene: BeadScene,
  i: number,
  a: number,
  j: number,
  b: number,
  out: Float64Array,
): boolean {
  if (!cheapFeatures(scene, i, a, j, b, out)) return false;
  coverageFeatures(scene, i, a, j, b, out);
  return true;
}

/** A monotone map from raw score to probability: points (raw, probability) with both ascending, joined by straight lines. */
export interface Calibration {
  raw: number[];
  probability: number[];
}

/** The scorer's data file: a weight per feature, the score of a sentence left out, and the calibration. */
export interface ScorerWeights {
  features: Record<FeatureName, number>;
  omission: number;
  calibration: Calibration;
  /** Share of the sentences the aligner leaves without counterpart that gold leaves so too. */
  omissionProbability: number;
}

export function weightVector(weights: ScorerWeights): Float64Array {
  return Float64Array.from(FEATURE_NAMES, (name) => weights.features[name] ?? 0);
}

export function dot(weights: Float64Array, features: Float64Array): number {
  let total = 0;
  for (let k = 0; k < weights.length; k++) total += (weights[k] ?? 0) * (features[k] ?? 0);
  return total;
}

/** The largest value each feature takes: shares, fits and marks stay in [0, 1]; the length misfit has no bound. */
function featureBound(name: FeatureName): number {
  if (name === 'lengthOff') return Number.POSITIVE_INFINITY;
  if (name === 'agreementBySize') return MAX_BEAD_SENTENCES - 2;
  return 1;
}

/** The highest score the weights can give a bead, which the search uses to skip beads that cannot win. */
export function maxScore(weights: Float64Array): number {
  return FEATURE_NAMES.reduce((total, name, k) => {
    const weight = weights[k] ?? 0;
    return weight > 0 ? total + weight * featureBound(name) : total;
  }, 0);
}

/**
 * The most the coverage features can add to a bead of `sentences` sentences: their sum
 * is bilinear in the two coverages, so its maximum over [0, 1]² lies at a corner.
 */
function coverageCeiling(weights: Float64Array, sentences: number): number {
  const source = weights[AGREEMENT + 1] ?? 0;
  const target = weights[AGREEMENT + 2] ?? 0;
  const both = (weights[AGREEMENT] ?? 0) + (weights[AGREEMENT_BY_SIZE] ?? 0) * (sentences - 2);
  return Math.max(0, source, target, both + source + target);
}

/** Slack for rounding when a bound decides that a bead cannot reach the quality it needs. */
const BOUND_SLACK = 1e-9;

/**
 * The search's bead scorer: the weighted sum of a bead's features. When the features
 * read without coverage, with the best coverage could add, stay below `needed`, the
 * coverage (the costly part) is not computed and the bead is ruled out.
 */
export function learnedScorer(scene: BeadScene, weights: Float64Array): BeadScorer {
  const features = new Float64Array(FEATURE_COUNT);
  const ceilings = Float64Array.from({ length: MAX_BEAD_SENTENCES + 1 }, (_, size) =>
    coverageCeiling(weights, size),
  );
  return (i, a, j, b, needed = Number.NEGATIVE_INFINITY) => {
    if (!cheapFeatures(scene, i, a, j, b, features)) return Number.NEGATIVE_INFINITY;
    const ceiling = dot(weights, features) + (ceilings[a + b] as number);
    if (ceiling < needed - BOUND_SLACK) return Number.NEGATIVE_INFINITY;
    coverageFeatures(scene, i, a, j, b, features);
    return dot(weights, features);
  };
}

/** The probability a calibration gives a raw score: linear between its points, flat beyond them. */
export function calibrate(calibration: Calibration, raw: number): number {
  const { raw: xs, probability: ys } = calibration;
  const last = xs.length - 1;
  if (last < 0) return 0.5;
  if (raw <= (xs[0] as number)) return ys[0] as number;
  if (raw >= (xs[last] as number)) return ys[last] as number;
  let high = 1;
  while ((xs[high] as number) < raw) high++;
  const x0 = xs[high - 1] as number;
  const x1 = xs[high] as number;
  const y0 = ys[high - 1] as number;
  const y1 = ys[high] as number;
  if (!(x1 > x0)) return y1;
  // Kept between the two knots' values, which rounding can overstep on tiny intervals.
  return Math.min(y1, Math.max(y0, y0 + ((y1 - y0) * (raw - x0)) / (x1 - x0)));
}

/**
 * Isotonic regression (pool adjacent violators): the non-decreasing step function of
 * raw score closest to the labels, as the calibration through each step's mean.
 */
export function fitCalibration(points: readonly { raw: number; right: boolean }[]): Calibration {
  const sorted = [...points].sort((p, q) => p.raw - q.raw);
  const blocks: { raw: number; right: number; count: number }[] = [];
  for (const point of sorted) {
    blocks.push({ raw: point.raw, right: point.right ? 1 : 0, count: 1 });
    while (blocks.length > 1) {
      const top = blocks[blocks.length - 1] as (typeof blocks)[number];
      const below = blocks[blocks.length - 2] as (typeof blocks)[number];
      if (below.right / below.count < top.right / top.count) break;
      blocks.pop();
      below.raw += top.raw;
      below.right += top.right;
      below.count += top.count;
    }
  }
  return {
    raw: blocks.map((block) => block.raw / block.count),
    probability: blocks.map((block) => block.right / block.count),
  };
}
