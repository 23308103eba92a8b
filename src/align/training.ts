import { alignPass, alignSides, type Sides } from './aligner.js';
import type { Bead } from './beads.js';
import { MAX_BEAD_SENTENCES, MAX_BEAD_SIDE, NULL_BEAD_SCORE } from './constants.js';
import {
  type BeadScene,
  beadFeatures,
  type Calibration,
  FEATURE_COUNT,
  FEATURE_NAMES,
  type FeatureName,
  fitCalibration,
  type ScorerWeights,
} from './scorer.js';
import type { Band } from './search.js';

/**
 * Fits the bead scorer on gold alignments: an averaged structured perceptron over the
 * search's own decisions (where the search's best alignment differs from gold, the
 * weights move towards gold's features and away from the search's), then, out of fold,
 * the map from raw score to the probability that a bead is right.
 */

/** A text pair with its gold beads (Chinese source, English target). */
export interface GoldText {
  /** Texts in one group (a novel) are left out together when fitting out of fold. */
  group: string;
  sides: Sides;
  gold: readonly Pick<Bead, 'source' | 'target'>[];
}

/** The weights the scorer had when it was set by hand: where fitting starts. */
export const HAND_WEIGHTS: Readonly<Partial<Record<FeatureName, number>>> = {
  agreement: 0.85,
  lengthFit: 0.15,
};

/** Weights being fitted: one a feature, then the score of a sentence left out. */
export type WeightVector = Float64Array;
const OMISSION = FEATURE_COUNT;

export function handWeights(): WeightVector {
  const weights = new Float64Array(FEATURE_COUNT + 1);
  FEATURE_NAMES.forEach((name, k) => {
    weights[k] = HAND_WEIGHTS[name] ?? 0;
  });
  weights[OMISSION] = NULL_BEAD_SCORE;
  return weights;
}

export interface FitOptions {
  epochs: number;
  learningRate: number;
}

export const FIT_OPTIONS: FitOptions = { epochs: 10, learningRate: 0.0005 };

/** The scene and band of a text's last pass under the hand weights: the search the perceptron learns to steer. */
interface PreparedText {
  scene: BeadScene;
  band: Band;
  gold: readonly Pick<Bead, 'source' | 'target'>[];
}

function prepare(text: GoldText): PreparedText {
  const hand = handWeights();
  const { scene, band } = alignSides(text.sides, hand.subarray(0, FEATURE_COUNT), hand[OMISSION] as number);
  return { scene, band, gold: text.gold };
}

/** Whether the search can build a bead of this shape. */
function searchable(a: number, b: number): boolean {
  return a <= MAX_BEAD_SIDE && b <= MAX_BEAD_SIDE && a + b <= MAX_BEAD_SENTENCES;
}

/** Adds `sign` times the features of the beads to `total`. */
function addFeatures(
  scene: BeadScene,
  beads: readonly Pick<Bead, 'source' | 'target'>[],
  sign: number,
  total: Float64Array,
): void {
  const features = new Float64Array(FEATURE_COUNT);
  for (const bead of beads) {
    const a = bead.source.length;
    const b = bead.target.length;
    if (a === 0 || b === 0) {
      total[OMISSION] = (total[OMISSION] ?? 0) + sign * (a + b);
      continue;
    }
    if (!searchable(a, b)) continue;
    if (!beadFeatures(scene, bead.source[0] as number, a, bead.target[0] as number, b, features)) continue;
    for (let k = 0; k < FEATURE_COUNT; k++) total[k] = (total[k] ?? 0) + sign * (features[k] ?? 0);
  }
}

function key(bead: Pick<Bead, 'source' | 'target'>): string {
  return `${bead.source.join(',')}:${bead.target.join(',')}`;
}

/** One perceptron step on one text: the difference between gold's features and those of the search's own beads, where they differ. */
function step(text: PreparedText, weights: WeightVector): Float64Array {
  const beads = alignPass(
    text.scene,
    text.band,
    weights.subarray(0, FEATURE_COUNT),
    weights[OMISSION] as number,
  );
  const goldKeys = new Set(text.gold.map(key));
  const foundKeys = new Set(beads.map(key));
  const update = new Float64Array(FEATURE_COUNT + 1);
  addFeatures(
    text.scene,
    text.gold.filter((bead) => !foundKeys.has(key(bead))),
    1,
    update,
  );
  addFeatures(
    text.scene,
    beads.filter((bead) => !goldKeys.has(key(bead))),
    -1,
    update,
  );
  return update;
}

/** Fits the weights on gold texts, deterministically (texts in the order given, averaged over every step). */
export function fitWeights(texts: readonly GoldText[], options: FitOptions = FIT_OPTIONS): WeightVector {
  const prepared = texts.map(prepare);
  const weights = handWeights();
  const sum = new Float64Array(weights.length);
  let steps = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const text of prepared) {
      const update = step(text, weights);
      for (let k = 0; k < weights.length; k++) {
        weights[k] = (weights[k] ?? 0) + options.learningRate * (update[k] ?? 0);
        sum[k] = (sum[k] ?? 0) + (weights[k] ?? 0);
      }
      steps++;
    }
  }
  return sum.map((total) => total / Math.max(1, steps));
}

/** A bead the aligner found, its raw score, and whether gold has it. */
export interface JudgedBead {
  group: string;
  linked: boolean;
  raw: number;
  right: boolean;
}

/** Aligns a text with given weights, as the aligner does, and judges each bead against gold. */
export function judge(text: GoldText, weights: WeightVector): JudgedBead[] {
  const { beads } = alignSides(text.sides, weights.subarray(0, FEATURE_COUNT), weights[OMISSION] as number);
  const goldKeys = new Set(text.gold.map(key));
  return beads.map((bead) => ({
    group: text.group,
    linked: bead.source.length > 0 && bead.target.length > 0,
    raw: bead.score,
    right: goldKeys.has(key(bead)),
  }));
}

/** For each group, its texts' beads aligned with weights fitted on the other groups only. */
export function judgeOutOfFold(
  texts: readonly GoldText[],
  options: FitOptions = FIT_OPTIONS,
): Map<string, JudgedBead[][]> {
  const judged = new Map<string, JudgedBead[][]>();
  for (const group of [...new Set(texts.map((text) => text.group))]) {
    const weights = fitWeights(
      texts.filter((text) => text.group !== group),
      options,
    );
    judged.set(
      group,
      texts.filter((text) => text.group === group).map((text) => judge(text, weights)),
    );
  }
  return judged;
}

/** Each linked bead's probability, from a calibration fitted on the other groups' beads only. */
export function calibratedOutOfFold(
  beads: readonly JudgedBead[],
  calibrateWith: (calibration: Calibration, raw: number) => number,
): { probability: number; right: boolean }[] {
  const linked = beads.filter((bead) => bead.linked);
  return [...new Set(linked.map((bead) => bead.group))].flatMap((group) => {
    const calibration = fitCalibration(linked.filter((bead) => bead.group !== group));
    return linked
      .filter((bead) => bead.group === group)
      .map((bead) => ({ probability: calibrateWith(calibration, bead.raw), right: bead.right }));
  });
}

function rounded(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** The data file: weights fitted on every text, calibration on every text's out-of-fold beads. */
export function scorerWeightsOf(weights: WeightVector, outOfFold: readonly JudgedBead[]): ScorerWeights {
  const calibration = fitCalibration(outOfFold.filter((bead) => bead.linked));
  const omissions = outOfFold.filter((bead) => !bead.linked);
  return {
    features: Object.fromEntries(FEATURE_NAMES.map((name, k) => [name, rounded(weights[k] ?? 0)])) as Record<
      FeatureName,
      number
    >,
    omission: rounded(weights[OMISSION] ?? 0),
    calibration: { raw: calibration.raw.map(rounded), probability: calibration.probability.map(rounded) },
    omissionProbability: rounded(
      omissions.length > 0 ? omissions.filter((bead) => bead.right).length / omissions.length : 0.5,
    ),
  };
}
