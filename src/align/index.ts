import { BitextError } from '../errors.js';
import type { Lang } from '../model/document.js';
import { alignSides, buildSides, groupSides, sceneOf } from './aligner.js';
import type { Bead } from './beads.js';
import { TYPICAL_LENGTH_RATIO } from './constants.js';
import { LengthModel } from './length.js';
import { type Lexicon, loadLexicon } from './lexicon.js';
import { calibrate, learnedScorer, type ScorerWeights, weightVector } from './scorer.js';
import scorerWeights from './scorer-weights.json' with { type: 'json' };

export type { Bead } from './beads.js';
export { loadLexicon } from './lexicon.js';

export interface AlignOptions {
  sourceLang: Lang;
  targetLang: Lang;
  /**
   * Score of a sentence left without counterpart, against the raw bead scores of the learned scorer. The
   * default suits sentences, which translations seldom leave out; whole paragraphs of a
   * magazine are left out more often, and want a milder one.
   */
  omissionScore?: number;
  /** A lexicon already loaded, to share between calls; loaded on first use otherwise. */
  lexicon?: Lexicon;
}

const shipped = scorerWeights as ScorerWeights;
const shippedVector = weightVector(shipped);

/** A bead's probability of being right: calibrated for linked beads, the omissions' share right otherwise. */
function probabilityOf(bead: Bead): number {
  const linked = bead.source.length > 0 && bead.target.length > 0;
  return linked ? calibrate(shipped.calibration, bead.score) : shipped.omissionProbability;
}

/**
 * Aligns two lists of sentences, one Chinese and one English, in either order. Returns
 * beads in order that cover every sentence of both sides exactly once; a bead with an
 * empty side marks a sentence with no counterpart.
 *
 * @example
 * const beads = await align(['我二十一岁。'], ['I was twenty-one.'], { sourceLang: 'zh', targetLang: 'en' });
 * // [{ source: [0], target: [0], score: 0.8 }]
 */
export async function align(
  source: readonly string[],
  target: readonly string[],
  options: AlignOptions,
): Promise<Bead[]> {
  if (options.sourceLang === options.targetLang) {
    throw new BitextError(
      `source and target are both ${options.sourceLang}: bitext aligns Chinese with English`,
    );
  }
  const lexicon = options.lexicon ?? (await loadLexicon());
  const chineseIsSource = options.sourceLang === 'zh';
  const [chinese, english] = chineseIsSource ? [source, target] : [target, source];
  const sides = buildSides(chinese, english, lexicon);
  const { beads } = alignSides(sides, shippedVector, options.omissionScore ?? shipped.omission);
  for (const bead of beads) bead.score = probabilityOf(bead);
  return chineseIsSource
    ? beads
    : beads.map((bead) => ({ source: bead.target, target: bead.source, score: bead.score }));
}

export interface ParagraphAlignOptions {
  /** Score of a paragraph left without counterpart (magazines leave out or cut off whole paragraphs). */
  paragraphOmissionScore?: number;
  lexicon?: Lexicon;
}

/** Runs of consecutive indices, one a group, from group sizes. */
function indexRuns(sizes: readonly number[]): number[][] {
  let next = 0;
  return sizes.map((size) => Array.from({ length: size }, () => next++));
}

/**
 * Aligns paragraphs of Chinese with paragraphs of English, then the sentences inside each
 * group of paragraphs that translate each other, reading the sentences once for both.
 * Paragraphs are given as lists of sentences; beads hold sentence indices counted over
 * all paragraphs of a side, Chinese as source. A paragraph without counterpart gives one
 * bead of all its sentences and an empty side, scored 0.
 */
export async function alignParagraphs(
  chinese: readonly (readonly string[])[],
  english: readonly (readonly string[])[],
  options: ParagraphAlignOptions = {},
): Promise<Bead[]> {
  const lexicon = options.lexicon ?? (await loadLexicon());
  const sentences = buildSides(chinese.flat(), english.flat(), lexicon);
  const chineseParagraphs = indexRuns(chinese.map((paragraph) => paragraph.length));
  const englishParagraphs = indexRuns(english.map((paragraph) => paragraph.length));
  const paragraphs = groupSides(sentences, chineseParagraphs, englishParagraphs);
  const omission = options.paragraphOmissionScore ?? shipped.omission;
  const beads: Bead[] = [];
  for (const paragraphBead of alignSides(paragraphs, shippedVector, omission).beads) {
    const zh = paragraphBead.source.flatMap((p) => chineseParagraphs[p] as number[]);
    const en = paragraphBead.target.flatMap((p) => englishParagraphs[p] as number[]);
    if (zh.length === 0 || en.length === 0) {
      if (zh.length + en.length > 0) beads.push({ source: zh, target: en, score: 0 });
      continue;
    }
    const stretch = groupSides(
      sentences,
      zh.map((k) => [k]),
      en.map((k) => [k]),
    );
    for (const bead of alignSides(stretch, shippedVector, shipped.omission).beads) {
      beads.push({
        source: bead.source.map((i) => zh[i] as number),
        target: bead.target.map((j) => en[j] as number),
        score: probabilityOf(bead),
      });
    }
  }
  return beads;
}

/**
 * How likely two single texts translate each other, in [0, 1], scored as the aligner
 * scores a 1-1 bead (with a typical length ratio, as one pair says nothing of the input's).
 *
 * @example
 * await scoreTranslation('February 26, 2024', '2024年2月26日'); // high
 */
export async function scoreTranslation(english: string, chinese: string, lexicon?: Lexicon): Promise<number> {
  const sides = buildSides([chinese], [english], lexicon ?? (await loadLexicon()));
  const scene = sceneOf({ ...sides, lengths: new LengthModel(TYPICAL_LENGTH_RATIO) });
  const raw = learnedScorer(scene, shippedVector)(0, 1, 0, 1);
  return calibrate(shipped.calibration, raw);
}
