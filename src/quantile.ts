/** The value at a share of the way through the sorted values, or undefined when there are none. */
export function quantile(values: readonly number[], share: number): number | undefined {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length * share)];
}

/** The middle value (the upper of the two middle ones for an even count), or undefined when there are none. */
export function median(values: readonly number[]): number | undefined {
  return quantile(values, 0.5);
}
