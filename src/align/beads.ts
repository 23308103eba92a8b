/** A bead: consecutive source sentences [source] aligned with consecutive target sentences [target]. */
export interface Bead {
  /** Source sentence indices, ascending and consecutive; empty for a target sentence with no counterpart. */
  source: number[];
  /** Target sentence indices, ascending and consecutive; empty for a source sentence with no counterpart. */
  target: number[];
  /** Confidence in [0, 1]. */
  score: number;
}

/** Bead shapes the search considers, as [source sentences, target sentences]. */
export function beadShapes(maxSide: number, maxTotal: number): [number, number][] {
  const shapes: [number, number][] = [
    [1, 0],
    [0, 1],
  ];
  for (let a = 1; a <= maxSide; a++) {
    for (let b = 1; b <= maxSide; b++) if (a + b <= maxTotal) shapes.push([a, b]);
  }
  return shapes;
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}

export function makeBead(i: number, a: number, j: number, b: number, score: number): Bead {
  return { source: range(i, a), target: range(j, b), score };
}
