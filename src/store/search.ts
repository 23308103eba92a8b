import type Database from 'better-sqlite3';
import { englishStem } from '../align/english.js';
import type { Pair, PairRole } from '../model/document.js';
import { pairOf, type StoredRow } from './rows.js';
import { cjkSpaced } from './schema.js';

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

/** Where a match lies in a text: [start, end) in UTF-16 code units, as JavaScript strings index. */
export type Span = [number, number];

export interface SearchHit {
  documentId: number;
  documentName: string;
  /** The pair's row id in the store, as edits address it. */
  rowId: number;
  pair: Pair;
  status: 'auto' | 'confirmed';
  /** Every occurrence of every query term, by side. */
  matches: { en: Span[]; zh: Span[] };
}

export interface SearchPage {
  /** All pairs the query matches, over every page. */
  total: number;
  offset: number;
  hits: SearchHit[];
}

const DEFAULT_LIMIT = 50;
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

/** The full-text conditions a query's terms make: each index's MATCH expression, all terms of it required. */
function matchConditions(terms: readonly QueryTerm[], stem: boolean): { sql: string; value: string }[] {
  const english = terms.flatMap((term) => (term.lang === 'en' ? [phrase(term.words.join(' '))] : []));
  const chinese = terms.flatMap((term) => (term.lang === 'zh' ? [phrase(cjkSpaced(term.text).trim())] : []));
  const wordIndex = stem ? 'pairs_stems' : 'pairs_words';
  return [
    ...(english.length ? [{ index: wordIndex, value: english.join(' AND ') }] : []),
    ...(chinese.length ? [{ index: 'pairs_chars', value: chinese.join(' AND ') }] : []),
  ].map(({ index, value }) => ({
    sql: `p.id IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ?)`,
    value,
  }));
}

function filterConditions(options: SearchOptions): { sql: string; value: string | number }[] {
  const filters = [
    ['p.document_id', options.documentId],
    ['p.role', options.role],
    ['p.status', options.status],
  ] as const;
  return filters.flatMap(([column, value]) => (value === undefined ? [] : [{ sql: `${column} = ?`, value }]));
}

/** Runs a query against the store's pairs: one page of hits, in document order, and the total. */
export function searchPairs(db: Database.Database, query: string, options: SearchOptions = {}): SearchPage {
  const offset = options.offset ?? 0;
  const terms = parseQuery(query);
  if (terms.length === 0) return { total: 0, offset, hits: [] };
  const conditions = [...matchConditions(terms, options.stem ?? false), ...filterConditions(options)];
  const where = conditions.map((condition) => condition.sql).join(' AND ');
  const values = conditions.map((condition) => condition.value);
  const { total } = db.prepare(`SELECT COUNT(*) AS total FROM pairs p WHERE ${where}`).get(...values) as {
    total: number;
  };
  const rows = db
    .prepare(
      `SELECT p.*, d.name AS document_name FROM pairs p JOIN documents d ON d.id = p.document_id
       WHERE ${where} ORDER BY p.document_id, p.position LIMIT ? OFFSET ?`,
    )
    .all(...values, options.limit ?? DEFAULT_LIMIT, offset) as (StoredRow & { document_name: string })[];
  const hits = rows.map((row) => ({
    documentId: row.document_id,
    documentName: row.document_name,
    rowId: row.id,
    pair: pairOf(row),
    status: row.status,
    matches: findMatches(row, terms, options.stem ?? false),
  }));
  return { total, offset, hits };
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
