import type { Pair } from '../model/document.js';

/** What a search returns, apart from the code that finds it. */

/** Where a match lies in a text: [start, end) in UTF-16 code units, as JavaScript strings index. */
export type Span = [number, number];

export interface SearchHit {
  documentId: number;
  documentName: string;
  /** The pair's row id in the store, as edits address it. */
  rowId: number;
  pair: Pair;
  status: 'auto' | 'confirmed';
  version: number;
  /** Every occurrence of every query term, by side. */
  matches: { en: Span[]; zh: Span[] };
}

export interface SearchPage {
  /** All pairs the query matches, over every page, counted up to a limit. */
  total: number;
  /** Whether more pairs match than `total` counts. */
  more: boolean;
  /** Whether `total` is an estimate: the PostgreSQL store samples a large store for a common query. */
  estimated?: true;
  offset: number;
  hits: SearchHit[];
}

/** A hit with the words of each side that translate the query. */
export interface SpottedHit extends SearchHit {
  spotted: { en: Span[]; zh: Span[] };
}

export interface SpottedPage extends Omit<SearchPage, 'hits'> {
  hits: SpottedHit[];
}
