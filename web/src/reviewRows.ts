import type { EditResult, ReviewPair } from './api';

/**
 * The rows after an edit, patched from what the server says changed: the removed rows (which
 * stood together) give way to the new ones. Undefined when this view does not hold the
 * removed rows as one run, so that it must reload.
 */
export function patchRows(rows: readonly ReviewPair[], outcome: EditResult): ReviewPair[] | undefined {
  if (outcome.removed.length === 0) return outcome.pairs.length === 0 ? [...rows] : undefined;
  const at = rows.findIndex((row) => row.id === outcome.removed[0]);
  const run = rows.slice(at, at + outcome.removed.length);
  if (at < 0 || run.some((row, k) => row.id !== outcome.removed[k])) return undefined;
  return [...rows.slice(0, at), ...outcome.pairs, ...rows.slice(at + outcome.removed.length)];
}

/** The row next to a row in the view, in a direction; the server checks it is the one it holds. */
export function rowBeside(
  rows: readonly ReviewPair[],
  row: ReviewPair,
  direction: 'previous' | 'next',
): ReviewPair | undefined {
  const at = rows.findIndex((other) => other.id === row.id);
  return at < 0 ? undefined : rows[at + (direction === 'next' ? 1 : -1)];
}
