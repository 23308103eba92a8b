import { CHINESE_STOPWORDS, chineseWords } from '../align/chinese.js';
import { ENGLISH_STOPWORDS, englishStem } from '../align/english.js';
import type { SearchOptions } from './search.js';
import type { SearchPage } from './search-types.js';

/**
 * Word translations learned at query time from the hits themselves: a word of the other side
 * that occurs in the hits far more often than its count in the corpus predicts is how the query
 * was translated (a name or a neologism no dictionary holds). The association is the Dice
 * coefficient of the query's pairs and the word's pairs, the word's counted through the store's
 * search index, only as far as could still pass: function words, found everywhere, never do.
 */

/** What learning asks of a store: how many pairs a query matches, counted up to a limit. */
export interface PairCounter {
  countPairs(query: string, options: SearchOptions, upTo: number): number | Promise<number>;
}

/** A learned translation's Dice coefficient with the query is at least this... */
const MIN_DICE = 0.4;
/** ...it occurs in at least this many of the hits... */
const MIN_HITS = 2;
/** ...and in at least this share of them. */
const MIN_SHARE = 0.3;
/** Candidates counted at most, those in the most hits first: each costs the store a count. */
const MAX_CANDIDATES = 8;

const ENGLISH_WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const HAN = /\p{Script=Han}/u;

/** A word of the hits that might translate the query: its key, the query that counts it, the hits it is in. */
interface Candidate {
  key: string;
  query: string;
  hits: number;
}

/** The English words of a text as learning keys them: by stem, with a surface form to count them by. */
export function englishKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [word] of text.matchAll(ENGLISH_WORD)) {
    const lower = word.toLowerCase().replace(/['’]s$/, '');
    if (!ENGLISH_STOPWORDS.has(lower)) keys.set(englishStem(lower), lower);
  }
  return keys;
}

/** The Chinese words of a text as learning keys them: jieba's words with a Han character, particles left out. */
export function chineseKeys(text: string): Map<string, string> {
  const words = chineseWords(text).filter((word) => HAN.test(word) && !CHINESE_STOPWORDS.has(word));
  return new Map(words.map((word) => [word, word]));
}

/** How a side's words are keyed, and whether a text holds a key. */
interface Side {
  keysOf: (text: string) => Map<string, string>;
  /** Whether a text, with the keys keysOf found in it, holds a key. */
  holds: (text: string, keys: ReadonlyMap<string, string>, key: string) => boolean;
}

const ENGLISH: Side = { keysOf: englishKeys, holds: (_text, keys, key) => keys.has(key) };
/** A Chinese word is held wherever it occurs: jieba may cut a new name off in one sentence (泽瓦) and glue it to a neighbour in another (和泽瓦). */
const CHINESE: Side = { keysOf: chineseKeys, holds: (text, _keys, key) => text.includes(key) };

/** Words of the hits' texts in how many hits each, leaving out those the query itself names. */
function candidates(texts: readonly string[], side: Side, isQuery: (key: string) => boolean): Candidate[] {
  const keyed = texts.map((text) => ({ text, keys: side.keysOf(text) }));
  const found = new Map<string, Candidate>();
  for (const { keys } of keyed) {
    for (const [key, query] of keys) {
      if (!found.has(key) && !isQuery(key)) found.set(key, { key, query, hits: 0 });
    }
  }
  for (const candidate of found.values())
    candidate.hits = keyed.filter(({ text, keys }) => side.holds(text, keys, candidate.key)).length;
  return [...found.values()].sort((a, b) => b.hits - a.hits);
}

/**
 * The pairs a word may be in and still reach MIN_DICE with the query: Dice is
 * 2·together / (queryPairs + wordPairs), `together` estimated from the hits' share.
 */
function mostPairs(candidate: Candidate, sampled: number, total: number): number {
  const together = (total * candidate.hits) / sampled;
  return Math.floor((2 * together) / MIN_DICE - total);
}

/** The keys of the candidates whose pairs in the store (with the search's filters) keep them associated with the query. */
async function associated(
  found: readonly Candidate[],
  page: SearchPage,
  store: PairCounter,
  options: SearchOptions,
): Promise<Set<string>> {
  const sampled = page.hits.length;
  const likely = found.filter(({ hits }) => hits >= MIN_HITS && hits / sampled >= MIN_SHARE);
  const counted = await Promise.all(
    likely.slice(0, MAX_CANDIDATES).map(async (candidate) => {
      const upTo = mostPairs(candidate, sampled, Math.max(page.total, sampled));
      if (upTo < candidate.hits) return null;
      return (await store.countPairs(candidate.query, options, upTo)) <= upTo ? candidate.key : null;
    }),
  );
  return new Set(counted.filter((key) => key !== null));
}

/** What a query's terms are, as learning compares the hits' words with them. */
export interface QuerySides {
  /** The stems of the query's English content words. */
  englishStems: ReadonlySet<string>;
  /** The query's Chinese strings, particles left out. */
  chinese: readonly string[];
}

/** Word translations learned from a page of hits (counted with its search's filters): English stems for the Chinese of the query, Chinese words for its English. */
export async function learnTranslations(
  page: SearchPage,
  query: QuerySides,
  store: PairCounter,
  options: SearchOptions,
): Promise<{ en: Set<string>; zh: Set<string> }> {
  const inQuery = (word: string) => query.chinese.some((text) => text.includes(word) || word.includes(text));
  const en =
    query.chinese.length > 0
      ? await associated(
          candidates(
            page.hits.map((hit) => hit.pair.en),
            ENGLISH,
            (stem) => query.englishStems.has(stem),
          ),
          page,
          store,
          { ...options, stem: true },
        )
      : new Set<string>();
  const zh =
    query.englishStems.size > 0
      ? await associated(
          candidates(
            page.hits.map((hit) => hit.pair.zh),
            CHINESE,
            inQuery,
          ),
          page,
          store,
          options,
        )
      : new Set<string>();
  return { en, zh };
}
