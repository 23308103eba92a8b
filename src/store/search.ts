import type Database from 'better-sqlite3';
import { englishStem } from '../align/english.js';
import type { PairRole } from '../model/document.js';
import { pairOf, type StoredRow } from './rows.js';
import { cjkSpaced } from './schema.js';
import type { SearchHit, SearchPage, Span } from './search-types.js';

/**
 * Search over stored pairs. English is matched by whole words, case-blind (optionally by
 * stem, so that `right` finds "rights"); Chinese by substring; a quoted phrase as its words
 * in a row; several terms must all occur.
 */

/** One term of a query: English words in a row (one word, or a phrase), or a Chinese string. */
export type QueryTerm = { lang: 'en'; words: string[] } | { lang: 'zh'; text: string };

export interface SearchOptions {
  /** Match English words by their stem: `right` finds "rights", `rights` finds "right". */
  stem?: boolean;
  documentId?: number;
  role?: PairRole;
  status?: 'auto' | 'confirmed';
  /** Hits skipped before the page: for paging. */
  offset?: number;
  limit?: number;
}

/** Hits a page holds unless asked otherwise. */
export const DEFAULT_LIMIT = 50;
/** Hits counted at most: past this a page says "more than", as counting every match of `the` in a million pairs would take seconds. */
export const COUNT_LIMIT = 100_000;
const HAN = /\p{Script=Han}/u;
/** Word characters as the word indexes' tokenizer (unicode61) sees them. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Splits a query into terms: `"quoted phrases"`, then every other run of non-spaces. */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const match of query.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const piece = (match[1] ?? match[2] ?? '').trim();
    if (HAN.test(piece)) terms.push({ lang: 'zh', text: piece.replace(/\s+/g, '') });
    else {
      const words = Array.from(piece.matchAll(WORD), (word) => fold(word[0]));
      if (words.length > 0) terms.push({ lang: 'en', words });
    }
  }
  return terms;
}

/** A word as the index compares it: lower case, without diacritics. */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** FTS5 phrase syntax: the words quoted, quotes doubled. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A full-text index and the MATCH expression that asks it for every term it holds. */
interface IndexMatch {
  index: 'pairs_words' | 'pairs_stems' | 'pairs_chars';
  value: string;
}

/** The indexes a query's terms need: English words in the word (or stem) index, Chinese in the character index. */
function indexMatches(terms: readonly QueryTerm[], stem: boolean): [IndexMatch, ...IndexMatch[]] | [] {
  const english = terms.flatMap((term) => (term.lang === 'en' ? [phrase(term.words.join(' '))] : []));
  const chinese = terms.flatMap((term) => (term.lang === 'zh' ? [phrase(cjkSpaced(term.text).trim())] : []));
  const matches: IndexMatch[] = [
    ...(english.length
      ? [{ index: stem ? ('pairs_stems' as const) : ('pairs_words' as const), value: english.join(' AND ') }]
      : []),
    ...(chinese.length ? [{ index: 'pairs_chars' as const, value: chinese.join(' AND ') }] : []),
  ];
  return matches as [IndexMatch, ...IndexMatch[]] | [];
}

function filterConditions(options: SearchOptions): { sql: string; value: string | number }[] {
  const filters = [
    ['p.document_id', options.documentId],
    ['p.role', options.role],
    ['p.status', options.status],
  ] as const;
  return filters.flatMap(([column, value]) => (value === undefined ? [] : [{ sql: `${column} = ?`, value }]));
}

/**
 * Where a query's pairs come from and the condition on them, with its values: one index joined
 * to the pairs, read in row order; or, when the query needs two indexes, the rows both give
 * (their intersection: gathering the second index's rows to probe took a quarter of a second
 * at a million pairs).
 */
interface MatchClause {
  from: string;
  where: string;
  values: (string | number)[];
  order: string;
  /** What the total counts when nothing else narrows the matching rows: the index rows alone. */
  counted: string | null;
}

function matchClause(terms: readonly QueryTerm[], options: SearchOptions): MatchClause | null {
  const matches = indexMatches(terms, options.stem ?? false);
  const [driver, ...probes] = matches;
  if (!driver) return null;
  const filters = filterConditions(options);
  const filterSql = filters.map((filter) => ` AND ${filter.sql}`).join('');
  const filterValues = filters.map((filter) => filter.value);
  const matchValues = matches.map((match) => match.value);
  if (probes.length === 0) {
    return {
      from: `${driver.index} JOIN pairs p ON p.id = ${driver.index}.rowid`,
      where: `${driver.index} MATCH ?${filterSql}`,
      values: [...matchValues, ...filterValues],
      order: `${driver.index}.rowid`,
      counted: filters.length === 0 ? `SELECT 1 FROM ${driver.index} WHERE ${driver.index} MATCH ?` : null,
    };
  }
  // In row order, SQLite merges the indexes' rows, so that a page stops reading once it is full.
  const both = `${matches.map(({ index }) => `SELECT rowid FROM ${index} WHERE ${index} MATCH ?`).join(' INTERSECT ')} ORDER BY 1`;
  return {
    from: `(${both}) m JOIN pairs p ON p.id = m.rowid`,
    where: `1${filterSql}`,
    values: [...matchValues, ...filterValues],
    order: 'm.rowid',
    counted: filters.length === 0 ? both : null,
  };
}

/** The pairs a clause matches, counted up to `upTo` (one more means more than that). */
function countClause(db: Database.Database, clause: MatchClause, upTo: number): number {
  const counted = clause.counted ?? `SELECT 1 FROM ${clause.from} WHERE ${clause.where}`;
  const { total } = db
    .prepare(`SELECT COUNT(*) AS total FROM (${counted} LIMIT ${upTo + 1})`)
    .get(...clause.values) as { total: number };
  return total;
}

/** The pairs a query matches (with the options' filters), counted up to `upTo`; `upTo + 1` when more. */
export function countPairs(
  db: Database.Database,
  query: string,
  options: SearchOptions,
  upTo: number,
): number {
  const clause = matchClause(parseQuery(query), options);
  return clause ? countClause(db, clause, Math.max(0, Math.floor(upTo))) : 0;
}

/**
 * Runs a query against the store's pairs: one page of hits, in row order (the order pairs were
 * stored), and the total, counted up to COUNT_LIMIT, in the indexes alone when nothing else
 * narrows it.
 */
export function searchPairs(db: Database.Database, query: string, options: SearchOptions = {}): SearchPage {
  const offset = options.offset ?? 0;
  const terms = parseQuery(query);
  const clause = matchClause(terms, options);
  if (!clause) return { total: 0, more: false, offset, hits: [] };
  const total = countClause(db, clause, COUNT_LIMIT);
  const rows = db
    .prepare(
      `SELECT p.*, d.name AS document_name FROM ${clause.from} JOIN documents d ON d.id = p.document_id
       WHERE d.held_by IS NULL AND ${clause.where} ORDER BY ${clause.order} LIMIT ? OFFSET ?`,
    )
    .all(...clause.values, options.limit ?? DEFAULT_LIMIT, offset) as (StoredRow & {
    document_name: string;
  })[];
  const hits = rows.map((row) => searchHit(row, terms, options.stem ?? false));
  return { total: Math.min(total, COUNT_LIMIT), more: total > COUNT_LIMIT, offset, hits };
}

/** A stored row the query matched, with its document's name, as a hit with every match spanned. */
export function searchHit(
  row: StoredRow & { document_name: string },
  terms: readonly QueryTerm[],
  stem: boolean,
): SearchHit {
  return {
    documentId: row.document_id,
    documentName: row.document_name,
    rowId: row.id,
    pair: pairOf(row),
    status: row.status,
    version: row.version,
    matches: findMatches(row, terms, stem),
  };
}

/** Every occurrence of the query's terms in a pair's two sides. */
export function findMatches(
  texts: { en: string; zh: string },
  terms: readonly QueryTerm[],
  stem: boolean,
): { en: Span[]; zh: Span[] } {
  const words = Array.from(texts.en.matchAll(WORD), (match) => ({
    key: wordKey(match[0], stem),
    start: match.index,
    end: match.index + match[0].length,
  }));
  const en = terms.flatMap((term) => (term.lang === 'en' ? phraseSpans(words, term.words, stem) : []));
  const zh = terms.flatMap((term) => (term.lang === 'zh' ? substringSpans(texts.zh, term.text) : []));
  return { en: sortSpans(en), zh: sortSpans(zh) };
}

/** A text's words as the search compares them (folded, or stemmed): what a word index holds. */
export function searchWords(text: string, stem: boolean): string[] {
  return Array.from(text.matchAll(WORD), (match) => wordKey(match[0], stem));
}

function wordKey(word: string, stem: boolean): string {
  const folded = fold(word);
  return stem ? englishStem(folded) : folded;
}

function phraseSpans(
  words: readonly { key: string; start: number; end: number }[],
  phraseWords: readonly string[],
  stem: boolean,
): Span[] {
  const keys = phraseWords.map((word) => wordKey(word, stem));
  const spans: Span[] = [];
  for (let i = 0; i + keys.length <= words.length; i++) {
    if (!keys.every((key, k) => words[i + k]?.key === key)) continue;
    spans.push([words[i]?.start ?? 0, words[i + keys.length - 1]?.end ?? 0]);
  }
  return spans;
}

function substringSpans(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length))
    spans.push([at, at + needle.length]);
  return spans;
}

function sortSpans(spans: Span[]): Span[] {
  return spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
