import { BitextError } from '../errors.js';
import type { Lang } from '../model/document.js';
import { median } from '../quantile.js';
import { detectChineseScript } from '../text/script.js';
import { bandFromAnchors, candidateAnchors, heaviestChain } from './anchors.js';
import type { Bead } from './beads.js';
import {
  LENGTH_WEIGHT,
  MIN_LENGTH_FIT,
  NULL_BEAD_SCORE,
  SELF_TRAINING_ROUNDS,
  TRUSTED_MAX_SIDE,
  TYPICAL_LENGTH_RATIO,
} from './constants.js';
import {
  buildEvidence,
  chineseTokens,
  englishTokens,
  KeyTable,
  type SentenceEvidence,
  withLearnedKeys,
} from './features.js';
import { LengthModel } from './length.js';
import { type Lexicon, loadLexicon } from './lexicon.js';
import { learnTranslations } from './model1.js';
import { searchBeads } from './search.js';
import { Similarity } from './similarity.js';

export type { Bead } from './beads.js';
export { loadLexicon } from './lexicon.js';

export interface AlignOptions {
  sourceLang: Lang;
  targetLang: Lang;
  /**
   * Score of a sentence left without counterpart, against bead qualities in [0, 1]. The
   * default suits sentences, which translations seldom leave out; whole paragraphs of a
   * magazine are left out more often, and want a milder one.
   */
  omissionScore?: number;
  /** A lexicon already loaded, to share between calls; loaded on first use otherwise. */
  lexicon?: Lexicon;
}

/**
 * One pass of the search over evidence already built: within the band around the path
 * of an earlier pass, or else around anchors found afresh.
 */
function alignPass(
  chinese: readonly SentenceEvidence[],
  english: readonly SentenceEvidence[],
  keys: KeyTable,
  lengths: LengthModel,
  omissionScore: number,
  earlier?: readonly Bead[],
): Bead[] {
  const similarity = new Similarity(chinese, english, keys.size);
  const path = earlier
    ? earlier.map((bead) => ({
        source: bead.source[0] ?? -1,
        target: bead.target[0] ?? -1,
        similarity: bead.score,
      }))
    : heaviestChain(candidateAnchors(similarity, keys.size), english.length);
  const band = bandFromAnchors(
    path.filter((point) => point.source >= 0 && point.target >= 0),
    chinese.length,
    english.length,
  );
  return searchBeads(
    chinese.length,
    english.length,
    band,
    (i, a, j, b) => {
      const fit = lengths.fit(totalLength(chinese, i, a), totalLength(english, j, b));
      // Beads beyond 1-1 whose lengths cannot be translations are not worth scoring.
      if (a + b > 2 && fit < MIN_LENGTH_FIT) return Number.NEGATIVE_INFINITY;
      return beadQuality(similarity.beadAgreement(i + a, a, j + b, b), fit);
    },
    { omissionScore, passedSource: (i) => similarity.forgetBefore(i) },
  );
}

/** A bead's quality in [0, 1]: lexical agreement blended with how well the lengths fit. */
function beadQuality(agreement: number, fit: number): number {
  return (1 - LENGTH_WEIGHT) * agreement + LENGTH_WEIGHT * fit;
}

interface Sides {
  chinese: SentenceEvidence[];
  english: SentenceEvidence[];
  keys: KeyTable;
}

/** Evidence for both sides, over one key table; Traditional Chinese is looked up as Simplified. */
function buildSides(
  chineseTexts: readonly string[],
  englishTexts: readonly string[],
  lexicon: Lexicon,
): Sides {
  const keys = new KeyTable();
  const english = buildEvidence(englishTexts, englishTokens, keys);
  const traditional = detectChineseScript(chineseTexts.join('\n')) === 'traditional';
  const chinese = buildEvidence(chineseTexts, (text) => chineseTokens(text, lexicon, traditional), keys);
  return { chinese, english, keys };
}

function totalLength(side: readonly SentenceEvidence[], from: number, count: number): number {
  let total = 0;
  for (let k = from; k < from + count; k++) total += side[k]?.length ?? 0;
  return total;
}

/** Beads of a first pass trusted enough to learn from: both sides, few sentences, a score above the median. */
function trustedBeads(beads: readonly Bead[]): Bead[] {
  const linked = beads.filter((bead) => bead.source.length > 0 && bead.target.length > 0);
  const middle = median(linked.map((bead) => bead.score)) ?? 0;
  return linked.filter(
    (bead) =>
      bead.score >= middle &&
      bead.source.length <= TRUSTED_MAX_SIDE &&
      bead.target.length <= TRUSTED_MAX_SIDE,
  );
}

function wordsOf(side: readonly SentenceEvidence[], indices: readonly number[]): number[] {
  return indices.flatMap((index) => [...(side[index]?.words ?? [])].filter((word) => word >= 0));
}

/**
 * Aligns Chinese sentences with English ones: first with the dictionary alone, then,
 * each round of self-training, also with the word translations learnt from the
 * trusted beads of the round before.
 */
function alignChineseEnglish(
  chineseTexts: readonly string[],
  englishTexts: readonly string[],
  lexicon: Lexicon,
  omissionScore: number,
): Bead[] {
  const { chinese, english, keys } = buildSides(chineseTexts, englishTexts, lexicon);
  const lengths = LengthModel.fromTotals(
    chinese.map((s) => s.length),
    english.map((s) => s.length),
  );
  let beads = alignPass(chinese, english, keys, lengths, omissionScore);
  for (let round = 0; round < SELF_TRAINING_ROUNDS; round++) {
    const trusted = trustedBeads(beads);
    const learned = learnTranslations(
      trusted.map((bead) => ({
        source: wordsOf(chinese, bead.source),
        target: wordsOf(english, bead.target),
      })),
    );
    beads = alignPass(withLearnedKeys(chinese, learned), english, keys, lengths, omissionScore, beads);
  }
  return beads;
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
  const beads = alignChineseEnglish(chinese, english, lexicon, options.omissionScore ?? NULL_BEAD_SCORE);
  return chineseIsSource
    ? beads
    : beads.map((bead) => ({ source: bead.target, target: bead.source, score: bead.score }));
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
  const agreement = new Similarity(sides.chinese, sides.english, sides.keys.size).pairAgreement(0, 0);
  const fit = new LengthModel(TYPICAL_LENGTH_RATIO).fit(
    sides.chinese[0]?.length ?? 0,
    sides.english[0]?.length ?? 0,
  );
  return beadQuality(agreement, fit);
}
