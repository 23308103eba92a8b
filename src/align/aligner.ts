import { median } from '../quantile.js';
import { detectChineseScript } from '../text/script.js';
import { bandFromAnchors, candidateAnchors, heaviestChain } from './anchors.js';
import type { Bead } from './beads.js';
import {
  BAND_MARGIN,
  FIRST_PASS_MAX_SIDE,
  MAX_BEAD_SIDE,
  PATH_BAND_MARGIN,
  SELF_TRAINING_ROUNDS,
  TRUSTED_MAX_SIDE,
} from './constants.js';
import {
  buildEvidence,
  chineseTokens,
  englishTokens,
  KeyTable,
  mergeEvidence,
  type SentenceEvidence,
  withLearnedKeys,
} from './features.js';
import { LengthModel } from './length.js';
import type { Lexicon } from './lexicon.js';
import { learnTranslations } from './model1.js';
import {
  type BeadScene,
  learnedScorer,
  maxScore,
  type SentenceEnds,
  sentenceEnds,
  usesQuotes,
} from './scorer.js';
import { type Band, searchBeads } from './search.js';
import { Similarity } from './similarity.js';

/** Evidence for both sides, over one key table, with how each sentence ends. */
export interface Sides {
  chinese: SentenceEvidence[];
  english: SentenceEvidence[];
  keys: KeyTable;
  chineseEnds: SentenceEnds[];
  englishEnds: SentenceEnds[];
  lengths: LengthModel;
}

/** Traditional Chinese is looked up as Simplified. */
export function buildSides(
  chineseTexts: readonly string[],
  englishTexts: readonly string[],
  lexicon: Lexicon,
): Sides {
  const keys = new KeyTable();
  const english = buildEvidence(englishTexts, englishTokens, keys);
  const traditional = detectChineseScript(chineseTexts.join('\n')) === 'traditional';
  const chinese = buildEvidence(chineseTexts, (text) => chineseTokens(text, lexicon, traditional), keys);
  const lengths = LengthModel.fromTotals(
    chinese.map((s) => s.length),
    english.map((s) => s.length),
  );
  return {
    chinese,
    english,
    keys,
    chineseEnds: chineseTexts.map(sentenceEnds),
    englishEnds: englishTexts.map(sentenceEnds),
    lengths,
  };
}

/** How a group of sentences ends, and starts: as its last sentence ends and its first starts. */
function groupEnds(ends: readonly SentenceEnds[]): SentenceEnds {
  const last = ends.at(-1) ?? sentenceEnds('');
  return { ...last, openingQuote: ends[0]?.openingQuote ?? false };
}

/**
 * Sides whose units are groups of the sentences of other sides (paragraphs, or a stretch
 * of sentences): groups are lists of sentence indices, and the evidence is not built again.
 */
export function groupSides(
  sides: Sides,
  chineseGroups: readonly (readonly number[])[],
  englishGroups: readonly (readonly number[])[],
): Sides {
  const merge = (evidence: readonly SentenceEvidence[], group: readonly number[]) =>
    group.length === 1
      ? (evidence[group[0] as number] as SentenceEvidence)
      : mergeEvidence(group.map((k) => evidence[k] as SentenceEvidence));
  const chinese = chineseGroups.map((group) => merge(sides.chinese, group));
  const english = englishGroups.map((group) => merge(sides.english, group));
  return {
    chinese,
    english,
    keys: sides.keys,
    chineseEnds: chineseGroups.map((group) =>
      groupEnds(group.map((k) => sides.chineseEnds[k] as SentenceEnds)),
    ),
    englishEnds: englishGroups.map((group) =>
      groupEnds(group.map((k) => sides.englishEnds[k] as SentenceEnds)),
    ),
    lengths: LengthModel.fromTotals(
      chinese.map((sentence) => sentence.length),
      english.map((sentence) => sentence.length),
    ),
  };
}

/** The scene a pass scores beads in: the sides, with the Chinese evidence of this pass. */
export function sceneOf(
  sides: Sides,
  chinese: readonly SentenceEvidence[] = sides.chinese,
  maxSide = MAX_BEAD_SIDE,
): BeadScene {
  return {
    chinese,
    english: sides.english,
    chineseEnds: sides.chineseEnds,
    englishEnds: sides.englishEnds,
    quotesOnBothSides: usesQuotes(sides.chineseEnds) && usesQuotes(sides.englishEnds),
    similarity: new Similarity(chinese, sides.english, sides.keys.size, maxSide),
    lengths: sides.lengths,
  };
}

/**
 * The band a pass searches: close around the path of an earlier pass, or else around
 * anchors found afresh.
 */
export function bandOf(scene: BeadScene, earlier?: readonly Bead[]): Band {
  const path = earlier
    ? earlier.map((bead) => ({
        source: bead.source[0] ?? -1,
        target: bead.target[0] ?? -1,
        similarity: bead.score,
      }))
    : heaviestChain(candidateAnchors(scene.similarity), scene.english.length);
  return bandFromAnchors(
    path.filter((point) => point.source >= 0 && point.target >= 0),
    scene.chinese.length,
    scene.english.length,
    earlier ? PATH_BAND_MARGIN : BAND_MARGIN,
  );
}

/** One pass of the search; bead scores are the scorer's raw sums. */
export function alignPass(
  scene: BeadScene,
  band: Band,
  weights: Float64Array,
  omissionScore: number,
): Bead[] {
  return searchBeads(scene.chinese.length, scene.english.length, band, learnedScorer(scene, weights), {
    omissionScore,
    passedSource: (i) => scene.similarity.forgetBefore(i),
    maxQuality: maxScore(weights),
    maxSide: scene.similarity.maxSide,
  });
}

/** Beads of a pass trusted enough to learn from: both sides, few sentences, a score above the median. */
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

/** The Chinese evidence with the word translations learnt from the trusted beads of a pass. */
function selfTrained(
  sides: Sides,
  chinese: readonly SentenceEvidence[],
  beads: readonly Bead[],
): SentenceEvidence[] {
  const learned = learnTranslations(
    trustedBeads(beads).map((bead) => ({
      source: wordsOf(chinese, bead.source),
      target: wordsOf(sides.english, bead.target),
    })),
  );
  return withLearnedKeys(chinese, learned);
}

/** The last pass's scene and band, with its beads: what the scorer is trained on. */
export interface FinalPass {
  scene: BeadScene;
  band: Band;
  beads: Bead[];
}

/**
 * Aligns Chinese sentences with English ones: first with the dictionary alone, over the
 * anchors' band and with beads of at most FIRST_PASS_MAX_SIDE sentences a side; then,
 * each round of self-training, also with the word translations learnt from the trusted
 * beads of the round before, with beads of every size, close around that round's path.
 */
export function alignSides(sides: Sides, weights: Float64Array, omissionScore: number): FinalPass {
  let scene = sceneOf(sides, sides.chinese, FIRST_PASS_MAX_SIDE);
  let band = bandOf(scene);
  let beads = alignPass(scene, band, weights, omissionScore);
  for (let round = 0; round < SELF_TRAINING_ROUNDS; round++) {
    scene = sceneOf(sides, selfTrained(sides, scene.chinese, beads));
    band = bandOf(scene, beads);
    beads = alignPass(scene, band, weights, omissionScore);
  }
  return { scene, band, beads };
}
