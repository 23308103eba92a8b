import { BitextError } from '../errors.js';

/** A numeric option's value, checked to lie in [low, high]; undefined when the option is absent. */
export function parseNumber(
  name: string,
  value: string | undefined,
  low: number,
  high: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < low || number > high)
    throw new BitextError(`${name} takes a number from ${low} to ${high}, not ${value}`);
  return number;
}
