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

/** The pair a stored row holds. */
export function pairOf(row: StoredRow): Pair {
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
  };
}
