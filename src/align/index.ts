import type { Lang } from '../model/document.js';
import { bandFromAnchors, candidateAnchors, heaviestChain } from './anchors.js';
import type { Bead } from './beads.js';
import { LENGTH_WEIGHT } from './constants.js';
import { buildEvidence, chineseTokens, englishTokens, KeyTable, type SentenceEvidence } from './features.js';
import { LengthModel } from './length.js';
import { type Lexicon, loadLexicon } from './lexicon.js';
import { searchBeads } from './search.js';
import { Similarity } from './similarity.js';

export type { Bead } from './beads.js';
export { loadLexicon } from './lexicon.js';

export interface AlignOptions {
  sourceLang: Lang;
  targetLang: Lang;
  /** A lexicon already loaded, to share between calls; loaded on first use otherwise. */
  lexicon?: Lexicon;
}

interface Sides {
  chinese: SentenceEvidence[];
  english: SentenceEvidence[];
  keys: KeyTable;
}

function evidenceOf(chinese: readonly string[], english: readonly string[], lexicon: Lexicon): Sides {
  const keys = new KeyTable();
  const english_ = buildEvidence(english, englishTokens, keys);
  const chinese_ = buildEvidence(chinese, (text) => chineseTokens(text, lexicon), keys);
  return { chinese: chinese_, english: english_, keys };
}

/** Aligns Chinese sentences (source of the search) with English ones. */
function alignChineseEnglish(sides: Sides): Bead[] {
  const { chinese, english } = sides;
  const similarity = new Similarity(chinese, english, sides.keys.size);
  const anchors = heaviestChain(candidateAnchors(similarity, sides.keys.size), english.length);
  const band = bandFromAnchors(anchors, chinese.length, english.length);
  const lengths = LengthModel.fromTotals(
    chinese.map((s) => s.length),
    english.map((s) => s.length),
  );
  const lengthOf = (side: readonly SentenceEvidence[], from: number, count: number) => {
    let total = 0;
    for (let k = from; k < from + count; k++) total += side[k]?.length ?? 0;
    return total;
  };
  return searchBeads(chinese.length, english.length, band, (i, a, j, b) => {
    const agreement = similarity.agreement(i, i + a, j, j + b);
    const fit = lengths.fit(lengthOf(chinese, i, a), lengthOf(english, j, b));
    return (1 - LENGTH_WEIGHT) * agreement + LENGTH_WEIGHT * fit;
  });
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
    throw new Error(`source and target are both ${options.sourceLang}: bitext aligns Chinese with English`);
  }
  const lexicon = options.lexicon ?? (await loadLexicon());
  const chineseIsSource = options.sourceLang === 'zh';
  const [chinese, english] = chineseIsSource ? [source, target] : [target, source];
  const beads = alignChineseEnglish(evidenceOf(chinese, english, lexicon));
  return chineseIsSource
    ? beads
    : beads.map((bead) => ({ source: bead.target, target: bead.source, score: bead.score }));
}
