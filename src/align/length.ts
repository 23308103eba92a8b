import { LENGTH_SIGMA, LENGTH_SMOOTHING } from './constants.js';

/**
 * How well the lengths of two groups of sentences fit as translations: the log ratio of
 * target to source length, against the ratio of the whole input, under a normal spread.
 */
export class LengthModel {
  constructor(
    /** Target characters per source character, over the whole input. */
    readonly ratio: number,
    /** Spread of the log ratio for true translations. */
    readonly sigma = LENGTH_SIGMA,
  ) {}

  static fromTotals(sourceLengths: readonly number[], targetLengths: readonly number[]): LengthModel {
    const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
    const source = sum(sourceLengths);
    const target = sum(targetLengths);
    return new LengthModel(source > 0 && target > 0 ? target / source : 1);
  }

  logRatio(sourceLength: number, targetLength: number): number {
    return Math.log((targetLength + LENGTH_SMOOTHING) / (this.ratio * sourceLength + LENGTH_SMOOTHING));
  }

  /** In [0, 1]: 1 when the lengths are in the input's ratio. */
  fit(sourceLength: number, targetLength: number): number {
    const delta = this.logRatio(sourceLength, targetLength);
    return Math.exp(-(delta * delta) / (2 * this.sigma * this.sigma));
  }
}
