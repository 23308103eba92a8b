import type { Article, BilingualText, Lang, TocEntry } from '../model/document.js';

/** Share of a table-of-contents entry's words that an article's headers must carry to be its match. */
const MIN_TOC_MATCH = 0.45;

const ENGLISH_STOPWORDS = new Set([
  'the',
  'of',
  'and',
  'a',
  'an',
  'on',
  'at',
  'in',
  'to',
  'for',
  'by',
  'with',
]);

function englishWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => !ENGLISH_STOPWORDS.has(word)));
}

function chineseBigrams(text: string): Set<string> {
  const chars = Array.from(text.replace(/[^\p{L}\p{N}]/gu, ''));
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) bigrams.add(`${chars[i]}${chars[i + 1]}`);
  return bigrams;
}

/** Share of the entry's units found in the header text. */
function containment(entry: Set<string>, header: Set<string>): number | null {
  if (entry.size === 0) return null;
  let found = 0;
  for (const unit of entry) if (header.has(unit)) found++;
  return found / entry.size;
}

function headerText(article: Article, side: keyof BilingualText): string {
  return [article.title, article.subtitle, article.byline].map((field) => field?.[side] ?? '').join(' ');
}

/** How well an entry names an article: the mean containment over the languages both have. */
export function tocMatchScore(entry: BilingualText, article: Article): number {
  const scores = [
    entry.en === null ? null : containment(englishWords(entry.en), englishWords(headerText(article, 'en'))),
    entry.zh === null
      ? null
      : containment(chineseBigrams(entry.zh), chineseBigrams(headerText(article, 'zh'))),
  ].filter((score): score is number => score !== null);
  return scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
}

const LEADER_AND_PAGE = /\s*(?:[.·…]\s*){2,}\d{1,4}$/u;
const TRAILING_NUMBER = /\s+\d{1,4}$/u;
/** Most of a language's entries must end with a number for it to be a column of page numbers. */
const PAGE_COLUMN_SHARE = 2 / 3;

/**
 * Contents entries without their page numbers: a number after leader dots always goes; a
 * number after a space only when most entries of that language end with one, so that a
 * title ending in a year (`Summer Davos 2024`) keeps it.
 */
const CONTENTS_HEADING: Record<Lang, RegExp> = {
  en: /^(?:table of )?contents$|^in this issue$/i,
  zh: /^(?:本期)?目[录錄次]$/u,
};

/** The contents page's own heading ("Contents | 目录"), which names no article. */
export function isContentsHeading(entry: BilingualText): boolean {
  const sides = (['en', 'zh'] as const).filter((lang) => entry[lang] !== null);
  return (
    sides.length > 0 && sides.every((lang) => CONTENTS_HEADING[lang].test((entry[lang] as string).trim()))
  );
}

export function withoutPageNumbers(entries: readonly BilingualText[]): BilingualText[] {
  const numbered = (lang: Lang) => {
    const texts = entries.map((entry) => entry[lang]).filter((text): text is string => text !== null);
    return (
      texts.length > 1 &&
      texts.filter((text) => TRAILING_NUMBER.test(text)).length >= texts.length * PAGE_COLUMN_SHARE
    );
  };
  const strip = (text: string | null, column: boolean) => {
    if (text === null) return null;
    const bare = text.replace(LEADER_AND_PAGE, '');
    return column ? bare.replace(TRAILING_NUMBER, '') : bare;
  };
  const columns = { en: numbered('en'), zh: numbered('zh') };
  return entries.map((entry) => ({ en: strip(entry.en, columns.en), zh: strip(entry.zh, columns.zh) }));
}

/**
 * Matches each table-of-contents entry to the article that carries it, best matches
 * first, each article at most once; an entry with no good match is marked absent.
 */
export function matchToc(entries: readonly BilingualText[], articles: readonly Article[]): TocEntry[] {
  const candidates: { entry: number; article: number; score: number }[] = [];
  entries.forEach((entry, e) => {
    articles.forEach((article, a) => {
      const score = tocMatchScore(entry, article);
      if (score >= MIN_TOC_MATCH) candidates.push({ entry: e, article: a, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.entry - y.entry);
  const matched = new Map<number, number>();
  const usedArticles = new Set<number>();
  for (const { entry, article } of candidates) {
    if (matched.has(entry) || usedArticles.has(article)) continue;
    matched.set(entry, article);
    usedArticles.add(article);
  }
  return entries.map((entry, e) => ({ en: entry.en, zh: entry.zh, article: matched.get(e) ?? null }));
}
