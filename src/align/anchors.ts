import {
  ANCHOR_CANDIDATES,
  BAND_MARGIN,
  MAX_ANCHOR_KEY_SHARE,
  MAX_ANCHOR_REACH,
  MIN_ANCHOR_KEY_LIMIT,
  MIN_ANCHOR_SIMILARITY,
  MIN_SEARCH_WINDOW,
  SEARCH_WINDOW_SHARE,
} from './constants.js';
import type { SentenceEvidence } from './features.js';
import type { Band } from './search.js';
import type { Similarity } from './similarity.js';

export interface Anchor {
  source: number;
  target: number;
  similarity: number;
}

/** Raw candidates looked at closely for each source sentence, before the exact similarity is computed. */
const ROUGH_CANDIDATES = 8;

/** For each key the target sentences hold, those sentences in order (a map: a short stretch holds few of a long text's keys). */
function postingsOf(target: readonly SentenceEvidence[]): Map<number, Int32Array> {
  const lists = new Map<number, number[]>();
  target.forEach((sentence, j) => {
    for (let t = 0; t < sentence.keyStart.length; t++) {
      for (let k = sentence.keyStart[t] as number; k < (sentence.keyEnd[t] as number); k++) {
        const key = sentence.tokenKeys[k] as number;
        const list = lists.get(key);
        if (list === undefined) lists.set(key, [j]);
        else if (list.at(-1) !== j) list.push(j);
      }
    }
  });
  return new Map(Array.from(lists, ([key, list]) => [key, Int32Array.from(list)]));
}

const NO_POSTINGS = new Int32Array(0);

function lowerBound(list: Int32Array, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The ROUGH_CANDIDATES targets of highest rough score, ties in the order they were met (as a stable sort would leave them). */
function topByRough(touched: readonly number[], rough: Float64Array): number[] {
  const best: number[] = [];
  for (const j of touched) {
    const score = rough[j] as number;
    if (best.length === ROUGH_CANDIDATES && score <= (rough[best[ROUGH_CANDIDATES - 1] as number] as number))
      continue;
    let at = best.length;
    while (at > 0 && (rough[best[at - 1] as number] as number) < score) at--;
    best.splice(at, 0, j);
    if (best.length > ROUGH_CANDIDATES) best.pop();
  }
  return best;
}

/**
 * For each source sentence, the target sentences near its expected place that share
 * the most weighted evidence with it, scored exactly by the similarity.
 */
export function candidateAnchors(similarity: Similarity): Anchor[] {
  const { source, target } = similarity;
  const postings = postingsOf(target);
  const reach = Math.min(target.length, MAX_ANCHOR_REACH);
  const window = Math.max(MIN_SEARCH_WINDOW, Math.ceil(SEARCH_WINDOW_SHARE * reach));
  const keyLimit = Math.max(MIN_ANCHOR_KEY_LIMIT, MAX_ANCHOR_KEY_SHARE * reach);
  const rough = new Float64Array(target.length);
  const stamps = new Int32Array(target.length).fill(-1);
  const seenByToken = new Int32Array(target.length);
  let tokenStamp = 0;
  const anchors: Anchor[] = [];
  source.forEach((sentence, i) => {
    const expected = Math.round(((i + 0.5) * target.length) / Math.max(1, source.length));
    const from = Math.max(0, expected - window);
    const to = Math.min(target.length, expected + window);
    const touched: number[] = [];
    const { keyStart, keyEnd, tokenKeys, weights } = sentence;
    for (let t = 0; t < weights.length; t++) {
      const weight = weights[t] as number;
      tokenStamp++;
      for (let k = keyStart[t] as number; k < (keyEnd[t] as number); k++) {
        const list = postings.get(tokenKeys[k] as number) ?? NO_POSTINGS;
        if (list.length > keyLimit) continue;
        for (let p = lowerBound(list, from); p < list.length && (list[p] as number) < to; p++) {
          const j = list[p] as number;
          if (seenByToken[j] === tokenStamp) continue;
          seenByToken[j] = tokenStamp;
          if (stamps[j] !== i) {
            stamps[j] = i;
            rough[j] = 0;
            touched.push(j);
          }
          rough[j] = (rough[j] as number) + weight;
        }
      }
    }
    const best = topByRough(touched, rough);
    const exact = best
      .map((j) => ({ source: i, target: j, similarity: similarity.pairAgreement(i, j) }))
      .sort((x, y) => y.similarity - x.similarity)
      .slice(0, ANCHOR_CANDIDATES)
      .filter((anchor) => anchor.similarity >= MIN_ANCHOR_SIMILARITY);
    anchors.push(...exact);
  });
  return anchors;
}

/** The heaviest chain of candidates increasing in both source and target (Fenwick tree over targets). */
export function heaviestChain(candidates: readonly Anchor[], targetCount: number): Anchor[] {
  const sorted = [...candidates].sort((x, y) => x.source - y.source || x.target - y.target);
  const tree = new Float64Array(targetCount + 1);
  const treeArg = new Int32Array(targetCount + 1).fill(-1);
  const total = new Float64Array(sorted.length);
  const previous = new Int32Array(sorted.length).fill(-1);
  const query = (j: number): [number, number] => {
    let best = 0;
    let arg = -1;
    for (let k = j; k > 0; k -= k & -k) {
      if ((tree[k] ?? 0) > best) {
        best = tree[k] ?? 0;
        arg = treeArg[k] ?? -1;
      }
    }
    return [best, arg];
  };
  const update = (j: number, value: number, arg: number) => {
    for (let k = j; k <= targetCount; k += k & -k) {
      if (value > (tree[k] ?? 0)) {
        tree[k] = value;
        treeArg[k] = arg;
      }
    }
  };
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end < sorted.length && sorted[end]?.source === sorted[start]?.source) end++;
    for (let p = start; p < end; p++) {
      const [best, arg] = query(sorted[p]?.target ?? 0);
      total[p] = best + (sorted[p]?.similarity ?? 0);
      previous[p] = arg;
    }
    for (let p = start; p < end; p++) update((sorted[p]?.target ?? 0) + 1, total[p] ?? 0, p);
    start = end;
  }
  let last = -1;
  total.forEach((value, p) => {
    if (last < 0 || value > (total[last] ?? 0)) last = p;
  });
  const chain: Anchor[] = [];
  for (let p = last; p >= 0; p = previous[p] ?? -1) chain.push(sorted[p] as Anchor);
  return chain.reverse();
}

/** The band of the search: between two anchors, the rectangle they span, widened by a margin. */
export function bandFromAnchors(
  anchors: readonly Anchor[],
  sourceCount: number,
  targetCount: number,
  margin = BAND_MARGIN,
): Band {
  const low = new Int32Array(sourceCount + 1).fill(targetCount);
  const high = new Int32Array(sourceCount + 1).fill(0);
  const points = [
    { source: 0, target: 0 },
    ...anchors.map((a) => ({ source: a.source, target: a.target })),
    { source: sourceCount, target: targetCount },
  ];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k] as { source: number; target: number };
    const to = points[k + 1] as { source: number; target: number };
    const rowEnd = Math.min(sourceCount, to.source + 1);
    for (let i = Math.max(0, from.source - margin); i <= rowEnd; i++) {
      low[i] = Math.max(0, Math.min(low[i] ?? targetCount, from.target - margin));
      high[i] = Math.min(targetCount, Math.max(high[i] ?? 0, to.target + 1 + margin));
    }
  }
  low[0] = 0;
  high[sourceCount] = targetCount;
  return { low, high };
}
