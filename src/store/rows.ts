import type { Pair } from '../model/document.js';

/** A pair as the store holds it: its row id, place, review status and version besides the pair. */
export interface StoredRow {
  id: number;
  document_id: number;
  position: number;
  pair_key: string;
  article: number | null;
  role: Pair['role'];
  en: string;
  zh: string;
  /** JSON arrays of sentence ids, and of flags. */
  en_ids: string;
  zh_ids: string;
  score: number;
  flags: string;
  status: 'auto' | 'confirmed';
  /** Raised by every edit, so that an edit against an older version is refused. */
  version: number;
}

/** A stored document as the library lists it. */
export interface StoredDocument {
  id: number;
  name: string;
  importedAt: string;
  pairs: number;
  confirmed: number;
  doubtful: number;
  /** Warnings the reader raised: truncated articles, text it could not place. */
  warnings: number;
}

/** The columns of a row the review needs. */
export const REVIEW_COLUMNS = [
  'id',
  'pair_key',
  'article',
  'role',
  'en',
  'zh',
  'en_ids',
  'zh_ids',
  'score',
  'flags',
  'status',
  'version',
] as const;

/** A row as the review shows it. */
export type ReviewRow = Pick<StoredRow, (typeof REVIEW_COLUMNS)[number]>;

/** The pair a stored row holds. */
export function pairOf(row: ReviewRow): Pair {
  return {
    id: row.pair_key,
    article: row.article,
    role: row.role,
    en: row.en,
    zh: row.zh,
    enIds: JSON.parse(row.en_ids) as string[],
    zhIds: JSON.parse(row.zh_ids) as string[],
    score: row.score,
    flags: JSON.parse(row.flags) as Pair['flags'],
    ...(row.status === 'confirmed' ? { status: 'confirmed' as const } : {}),
  };
}

/** A row as an editor saw it: an edit names every row it changes, with the version it read. */
export interface Seen {
  id: number;
  version: number;
}

/** The edit `undo` and `redo` would apply next in a document, by id; null when there is none. */
export interface EditHistory {
  undo: number | null;
  redo: number | null;
}

/**
 * What an edit (or its undo) changed: the rows it took away, which stood next to each other,
 * and the rows now in their place, in order. A view patches itself with these alone.
 */
export interface EditOutcome {
  removed: number[];
  rows: StoredRow[];
  history: EditHistory;
}
