import { CHINESE_STOPWORDS, chineseWords } from '../align/chinese.js';
import { ENGLISH_STOPWORDS, englishStem } from '../align/english.js';
import { type Lexicon, loadLexicon } from '../align/lexicon.js';
import { learnTranslations, type PairCounter } from './learned.js';
import { parseQuery, type SearchOptions } from './search.js';
import type { SearchPage, Span, SpottedPage } from './search-types.js';

const ENGLISH_WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}]+)*/gu;

/** The English stems the query's Chinese terms translate to. */
function stemsOfChinese(terms: readonly string[], lexicon: Lexicon): Set<string> {
  const headwords = terms.flatMap((term) => (lexicon.has(term) ? [term] : chineseWords(term)));
  return new Set(headwords.flatMap((word) => lexicon.stemsOf(word)));
}

/** The English content stems of the query's English terms. */
function stemsOfEnglish(terms: readonly string[][]): Set<string> {
  return new Set(terms.flat().flatMap((word) => (ENGLISH_STOPWORDS.has(word) ? [] : [englishStem(word)])));
}

/** English words of a text whose stem is one of these. */
function spotEnglish(text: string, stems: ReadonlySet<string>): Span[] {
  if (stems.size === 0) return [];
  return Array.from(text.matchAll(ENGLISH_WORD)).flatMap((match): Span[] => {
    const word = match[0].toLowerCase();
    if (ENGLISH_STOPWORDS.has(word) || !stems.has(englishStem(word))) return [];
    return [[match.index, match.index + match[0].length]];
  });
}

/** Chinese words of a text (as jieba cuts it) whose dictionary glosses hold one of these stems. */
function spotChineseByDictionary(text: string, stems: ReadonlySet<string>, lexicon: Lexicon): Span[] {
  if (stems.size === 0) return [];
  const spans: Span[] = [];
  let from = 0;
  for (const word of chineseWords(text)) {
    const at = text.indexOf(word, from);
    if (at < 0) continue;
    from = at + word.length;
    if (lexicon.stemsOf(word).some((stem) => stems.has(stem))) spans.push([at, from]);
  }
  return spans;
}

/** Every occurrence of learned Chinese words, wherever jieba would cut them (see learned.ts). */
function spotChineseLearned(text: string, learned: ReadonlySet<string>): Span[] {
  return [...learned].flatMap((word) => {
    const spans: Span[] = [];
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length))
      spans.push([at, at + word.length]);
    return spans;
  });
}

/** Spans in text order, each left out where it overlaps one before it. */
function disjoint(spans: Span[]): Span[] {
  let end = 0;
  return spans
    .sort((a, b) => a[0] - b[0] || b[1] - a[1])
    .filter(([start, stop]) => {
      if (start < end) return false;
      end = stop;
      return true;
    });
}

/**
 * Translation spotting: in each hit, the words of the other side that the dictionary links
 * to the query (湿地 → "wetland"; "cooperation" → 合作), or that the hits show to translate it
 * (see learned.ts), so that a concordance shows how the query was translated. The store counts
 * the words learning weighs, with the search's filters.
 */
export async function spotTranslations(
  page: SearchPage,
  query: string,
  store: PairCounter,
  options: SearchOptions = {},
): Promise<SpottedPage> {
  const lexicon = await loadLexicon();
  const terms = parseQuery(query);
  const chinese = terms.flatMap((term) => (term.lang === 'zh' ? [term.text] : []));
  const fromChinese = stemsOfChinese(chinese, lexicon);
  const fromEnglish = stemsOfEnglish(terms.flatMap((term) => (term.lang === 'en' ? [term.words] : [])));
  const learned = await learnTranslations(
    page,
    { englishStems: fromEnglish, chinese: chinese.filter((text) => !CHINESE_STOPWORDS.has(text)) },
    store,
    options,
  );
  const english = new Set([...fromChinese, ...learned.en]);
  return {
    ...page,
    hits: page.hits.map((hit) => ({
      ...hit,
      spotted: {
        en: spotEnglish(hit.pair.en, english),
        zh: disjoint([
          ...spotChineseLearned(hit.pair.zh, learned.zh),
          ...spotChineseByDictionary(hit.pair.zh, fromEnglish, lexicon),
        ]),
      },
    })),
  };
}
