import { InvalidArgumentError } from 'commander';
import { PAIR_ROLES, type PairRole } from '../model/document.js';

/**
 * Parsers for option values, for commander's `argParser`: a bad value becomes a usage
 * error (exit 2) that names the option and the value, before the command runs.
 */

/** A whole number from 1 up (`--jobs`, `--limit`), at most `max` when there is one. */
export function parsePositiveInt(max?: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    const limit = max ?? Number.MAX_SAFE_INTEGER;
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(number) || number < 1 || number > limit)
      throw new InvalidArgumentError(`takes a whole number from 1${max ? ` to ${max}` : ' up'}`);
    return number;
  };
}

/** A whole number from 0 up (`--offset`). */
export function parseCount(value: string): number {
  const number = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(number))
    throw new InvalidArgumentError('takes a whole number from 0 up');
  return number;
}

/** A score from 0 to 1 (`--min-score`). */
export function parseScore(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1)
    throw new InvalidArgumentError('takes a number from 0 to 1');
  return number;
}

/** A TCP port (`--port`): 0 lets the system choose a free one. */
export function parsePort(value: string): number {
  const number = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || number > 65535)
    throw new InvalidArgumentError('takes a port from 0 to 65535');
  return number;
}

/** A comma-separated list of pair roles (`--roles title,body`). */
export function parseRoles(value: string): PairRole[] {
  const roles = value.split(',').map((role) => role.trim());
  const unknown = roles.filter((role) => !(PAIR_ROLES as readonly string[]).includes(role));
  if (unknown.length > 0 || roles.length === 0)
    throw new InvalidArgumentError(`unknown role ${unknown.join(', ')} (roles: ${PAIR_ROLES.join(', ')})`);
  return roles as PairRole[];
}

/** A file or folder name (`-o`, `--db`): an empty one would mean a temporary store, or the current folder. */
export function parsePath(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('takes a file or folder name, not an empty one');
  return value;
}
