import { PAIR_ROLES } from '../../src/model/document';
import { isDoubtful as isDoubtfulPair } from '../../src/pairs/doubtful';
import type { ReviewPair } from './api';

/** The library's rule, on a review row. */
export const isDoubtful = (row: ReviewPair) =>
  isDoubtfulPair({ flags: row.flags, ...(row.status === 'confirmed' ? { status: row.status } : {}) });

/** The filters next/previous move within: what a reviewer looks for, then each role. */
export const FILTERS: Readonly<Record<string, { label: string; test: (row: ReviewPair) => boolean }>> = {
  doubtful: { label: 'doubtful (flagged, not confirmed)', test: isDoubtful },
  unconfirmed: { label: 'not confirmed', test: (row) => row.status === 'auto' },
  flagged: { label: 'any flag', test: (row) => row.flags.length > 0 },
  'one-sided': { label: 'one-sided', test: (row) => row.flags.includes('one-sided') },
  all: { label: 'every pair', test: () => true },
  ...Object.fromEntries(
    PAIR_ROLES.map((role) => [
      `role:${role}`,
      { label: `role: ${role}`, test: (row: ReviewPair) => row.role === role },
    ]),
  ),
};

/** The index of the nearest row after (step 1) or before (step -1) `from` that passes a test. */
export function nearest(
  rows: readonly ReviewPair[],
  from: number,
  step: 1 | -1,
  test: (row: ReviewPair) => boolean,
): number | undefined {
  for (let k = from + step; k >= 0 && k < rows.length; k += step) if (test(rows[k] as ReviewPair)) return k;
  return undefined;
}
