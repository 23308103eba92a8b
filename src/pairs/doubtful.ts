import type { Pair } from '../model/document.js';

/**
 * A pair is doubtful while no person has confirmed it and it carries a flag: a reviewer should
 * look at it. The one rule behind the studio's doubtful counts and keys and the HTML export.
 */
export function isDoubtful(pair: Pick<Pair, 'flags' | 'status'>): boolean {
  return pair.status !== 'confirmed' && pair.flags.length > 0;
}

/** The same rule over the store's columns (`flags` as JSON text, `status`), for counting in SQL. */
export const DOUBTFUL_SQL = `(flags <> '[]' AND status = 'auto')`;
