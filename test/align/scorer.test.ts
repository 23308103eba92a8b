import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSides, buildSides, sceneOf } from '../../src/align/aligner.js';
import { align, loadLexicon } from '../../src/align/index.js';
import {
  beadFeatures,
  calibrate,
  FEATURE_COUNT,
  FEATURE_NAMES,
  type FeatureName,
  fitCalibration,
  learnedScorer,
  maxScore,
  type ScorerWeights,
  sentenceEnds,
  usesQuotes,
  weightVector,
} from '../../src/align/scorer.js';
import shipped from '../../src/align/scorer-weights.json' with { type: 'json' };
import { fitWeights, type GoldText, handWeights } from '../../src/align/training.js';
import { formatBead } from '../../src/eval/index.js';

const lexicon = await loadLexicon();

/** The named features of the bead of Chinese [i, i+a) and English [j, j+b). */
function featuresOf(chinese: string[], english: string[], i: number, a: number, j: number, b: number) {
  const out = new Float64Array(FEATURE_COUNT);
  beadFeatures(sceneOf(buildSides(chinese, english, lexicon)), i, a, j, b, out);
  return (name: FeatureName) => out[FEATURE_NAMES.indexOf(name)];
}

describe('how a sentence ends', () => {
  it('sees questions, exclamations and ellipses through closing quotation marks', () => {
    expect(sentenceEnds('“你回家了吗？”')).toMatchObject({
      question: true,
      closingQuote: true,
      openingQuote: true,
    });
    expect(sentenceEnds('"Did you go home?"')).toMatchObject({ question: true, closingQuote: true });
    expect(sentenceEnds('他走了……')).toMatchObject({ ellipsis: true, question: false });
    expect(sentenceEnds('And then...')).toMatchObject({ ellipsis: true });
    expect(sentenceEnds('快走！')).toMatchObject({ exclamation: true, closingQuote: false });
    expect(sentenceEnds("'Go away,' she said.")).toMatchObject({ closingQuote: false, openingQuote: true });
  });

  it('counts a text as quoting only when some of its sentences close a quotation', () => {
    expect(usesQuotes(['他说：“走吧。”', '我们走了。'].map(sentenceEnds))).toBe(true);
    expect(usesQuotes(['他说：走吧。', '我们走了。'].map(sentenceEnds))).toBe(false);
  });
});

describe('bead features', () => {
  it('marks a question answered by a statement, and not a question translated as one', () => {
    const chinese = ['你回家了吗？', '我回家了。'];
    const english = ['Did you go home?', 'I went home.'];
    expect(featuresOf(chinese, english, 0, 1, 0, 1)('questionMismatch')).toBe(0);
    expect(featuresOf(chinese, english, 0, 1, 1, 1)('questionMismatch')).toBe(1);
  });

  it('marks a quotation closing on one side only, but only when both texts use quotation marks', () => {
    const quoted = featuresOf(['“走吧。”', '他走了。'], ['"Let us go."', 'He left.'], 0, 1, 0, 2);
    expect(quoted('closingQuoteMismatch')).toBe(1);
    const unquotedChinese = featuresOf(['走吧。', '他走了。'], ['"Let us go."', 'He left.'], 0, 1, 0, 1);
    expect(unquotedChinese('closingQuoteMismatch')).toBe(0);
  });

  it('gives the coverage of each side and the shape of the bead', () => {
    const get = featuresOf(
      ['医生上山了。', '猫睡了。'],
      ['The doctor went up the mountain.', 'The cat slept.'],
      0,
      2,
      0,
      2,
    );
    expect(get('shape2-2')).toBe(1);
    expect(get('shape1-1')).toBe(0);
    expect(get('sourceCoverage')).toBeGreaterThan(0.5);
    expect(get('targetCoverage')).toBeGreaterThan(0.5);
    expect(get('agreement')).toBeCloseTo((get('sourceCoverage') ?? 0) * (get('targetCoverage') ?? 0));
  });
});

describe('calibration', () => {
  const points = fc.array(
    fc.record({ raw: fc.double({ min: -2, max: 2, noNaN: true }), right: fc.boolean() }),
    {
      minLength: 1,
      maxLength: 60,
    },
  );

  it('is a monotone map into [0, 1]', () => {
    fc.assert(
      fc.property(
        points,
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (data, x, y) => {
          const calibration = fitCalibration(data);
          const [low, high] = x <= y ? [x, y] : [y, x];
          const pLow = calibrate(calibration, low);
          const pHigh = calibrate(calibration, high);
          expect(pLow).toBeGreaterThanOrEqual(0);
          expect(pHigh).toBeLessThanOrEqual(1);
          expect(pLow).toBeLessThanOrEqual(pHigh + 1e-12);
        },
      ),
    );
  });

  it('stays within [0, 1] between knots a hair apart (a case fast-check found)', () => {
    const calibration = fitCalibration([
      { raw: 0, right: false },
      { raw: -3.189329049476307e-104, right: true },
      { raw: 5e-324, right: true },
      { raw: 0, right: false },
    ]);
    expect(calibrate(calibration, 0)).toBeLessThanOrEqual(1);
    expect(calibrate(calibration, 0)).toBeGreaterThanOrEqual(1 / 3);
  });

  it('gives the share right where scores separate right from wrong', () => {
    const calibration = fitCalibration([
      { raw: 0.1, right: false },
      { raw: 0.2, right: false },
      { raw: 0.3, right: true },
      { raw: 0.4, right: false },
      { raw: 0.8, right: true },
      { raw: 0.9, right: true },
    ]);
    expect(calibrate(calibration, 0)).toBe(0);
    expect(calibrate(calibration, 0.35)).toBeCloseTo(0.5);
    expect(calibrate(calibration, 1)).toBe(1);
  });
});

describe('aligned beads', () => {
  const chinese = ['你回家了吗？', '我回家了。', '医生上山了。', '猫睡了。'];
  const english = ['Did you go home?', 'I went home.', 'The doctor went up the mountain.', 'The cat slept.'];

  it('have scores in [0, 1] and cover every sentence once and in order, whatever is dropped', () => {
    fc.assert(
      fc.asyncProperty(fc.subarray([0, 1, 2, 3]), fc.subarray([0, 1, 2, 3]), async (keepZh, keepEn) => {
        const beads = await align(
          keepZh.map((k) => chinese[k] as string),
          keepEn.map((k) => english[k] as string),
          { sourceLang: 'zh', targetLang: 'en', lexicon },
        );
        expect(beads.flatMap((bead) => bead.source)).toEqual(keepZh.map((_, k) => k));
        expect(beads.flatMap((bead) => bead.target)).toEqual(keepEn.map((_, k) => k));
        for (const bead of beads) {
          expect(bead.score).toBeGreaterThanOrEqual(0);
          expect(bead.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('fitting the scorer', () => {
  const chinese = ['医生上山了。', '猫睡了。', '我回家了。', '她在看书。'];
  const english = [
    'The doctor went up the mountain.',
    'The mountain was high and the doctor was tired.',
    'The cat slept.',
    'I went home.',
    'She is reading a book.',
  ];
  /** Gold leaves the second English sentence untranslated, though it shares words with the first. */
  const gold = [
    { source: [0], target: [0] },
    { source: [], target: [1] },
    { source: [1], target: [2] },
    { source: [2], target: [3] },
    { source: [3], target: [4] },
  ];
  const sides = buildSides(chinese, english, lexicon);
  const texts: GoldText[] = [{ group: 'made-up', sides, gold }];

  it('learns that an untranslated sentence stands alone, where the hand weights joined it to its neighbour', () => {
    const weightsOf = (vector: Float64Array) => ({
      features: vector.subarray(0, FEATURE_COUNT),
      omission: vector[FEATURE_COUNT] as number,
    });
    const shapes = (vector: Float64Array) => {
      const { features, omission } = weightsOf(vector);
      return alignSides(sides, features, omission).beads.map(formatBead);
    };
    const hand = handWeights();
    expect(shapes(hand)).toContain('[0]:[0,1]');
    const fitted = fitWeights(texts, { epochs: 20, learningRate: 0.05 });
    expect(fitted[FEATURE_COUNT]).toBeGreaterThan(hand[FEATURE_COUNT] ?? 0);
    expect(fitted[FEATURE_NAMES.indexOf('shape1-2')]).toBeLessThan(0);
    expect(shapes(fitted)).toEqual(gold.map(formatBead));
  });
});

describe('the score bound the search prunes with', () => {
  it('is never exceeded by a bead of the shipped weights', () => {
    const sides = buildSides(
      ['你回家了吗？', '我回家了。', '医生上山了。'],
      ['Did you go home?', 'I went home.', 'The doctor went up.'],
      lexicon,
    );
    const weights = weightVector(shipped as ScorerWeights);
    const score = learnedScorer(sceneOf(sides), weights);
    for (const [a, b] of [
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
      [3, 3],
      [1, 3],
    ] as const)
      expect(score(0, a, 0, b)).toBeLessThanOrEqual(maxScore(weights));
  });
  it('gives the exact score whenever it reaches `needed`, and less than `needed` otherwise', () => {
    const sides = buildSides(
      ['你回家了吗？', '我回家了。', '医生上山了。', '天黑了。'],
      ['Did you go home?', 'I went home.', 'The doctor went up the hill.', 'It grew dark.'],
      lexicon,
    );
    const weights = weightVector(shipped as ScorerWeights);
    const exact = learnedScorer(sceneOf(sides), weights);
    const bounded = learnedScorer(sceneOf(sides), weights);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: -1, max: 1.5, noNaN: true }),
        (i, a, j, b, needed) => {
          fc.pre(i + a <= 4 && j + b <= 4);
          const score = exact(i, a, j, b);
          const answer = bounded(i, a, j, b, needed);
          if (score >= needed) expect(answer).toBe(score);
          else expect(answer).toBeLessThan(needed);
        },
      ),
    );
  });
});
