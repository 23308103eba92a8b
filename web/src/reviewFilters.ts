import { PAIR_ROLES, type PairFlag } from '../../src/model/document';
import { isDoubtful as isDoubtfulPair } from '../../src/pairs/doubtful';
import type { PairRow } from './api';

const flagsOf = (row: PairRow) => JSON.parse(row.flags) as PairFlag[];

/** The library's rule, on a review row. */
export const isDoubtful = (row: PairRow) =>
  isDoubtfulPair({ flags: flagsOf(row), ...(row.status === 'confirmed' ? { status: row.status } : {}) });

/** The filters next/previous move within: what a reviewer looks for, then each role. */
export const FILTERS: Readonly<Record<string, { label: string; test: (row: PairRow) => boolean }>> = {
  doubtful: { label: 'doubtful (flagged, not confirmed)', test: isDoubtful },
  unconfirmed: { label: 'not confirmed', test: (row) => row.status === 'auto' },
  flagged: { label: 'any flag', test: (row) => row.flags !== '[]' },
  'one-sided': { label: 'one-sided', test: (row) => flagsOf(row).includes('one-sided') },
  all: { label: 'every pair', test: () => true },
  ...Object.fromEntries(
    PAIR_ROLES.map((role) => [
      `role:${role}`,
      { label: `role: ${role}`, test: (row: PairRow) => row.role === role },
    ]),
  ),
};

/** The index of the nearest row after (step 1) or before (step -1) `from` that passes a test. */
export function nearest(
  rows: readonly PairRow[],
  from: number,
  step: 1 | -1,
  test: (row: PairRow) => boolean,
): number | undefined {
  for (let k = from + step; k >= 0 && k < rows.length; k += step) if (test(rows[k] as PairRow)) return k;
  return undefined;
}
