import { chineseWords } from '../align/chinese.js';
import { ENGLISH_STOPWORDS, englishStem } from '../align/english.js';
import { type Lexicon, loadLexicon } from '../align/lexicon.js';
import { parseQuery } from './search.js';
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
function spotChinese(text: string, stems: ReadonlySet<string>, lexicon: Lexicon): Span[] {
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

/**
 * Translation spotting: in each hit, the words of the other side that the dictionary links
 * to the query (湿地 → "wetland"; "cooperation" → 合作), so a concordance shows how the
 * query was translated.
 */
export async function spotTranslations(page: SearchPage, query: string): Promise<SpottedPage> {
  const lexicon = await loadLexicon();
  const terms = parseQuery(query);
  const fromChinese = stemsOfChinese(
    terms.flatMap((term) => (term.lang === 'zh' ? [term.text] : [])),
    lexicon,
  );
  const fromEnglish = stemsOfEnglish(terms.flatMap((term) => (term.lang === 'en' ? [term.words] : [])));
  return {
    ...page,
    hits: page.hits.map((hit) => ({
      ...hit,
      spotted: {
        en: spotEnglish(hit.pair.en, fromChinese),
        zh: spotChinese(hit.pair.zh, fromEnglish, lexicon),
      },
    })),
  };
}
