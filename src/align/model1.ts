/**
 * Self-training: IBM Model 1 learns word translations from the beads of a first pass
 * that look right, so that names and domain words the dictionary lacks ("韦小宝" ↔
 * "Trinket") become evidence for the second pass.
 */

/** One training pair: the words (as ids) of a bead's source side and of its target side. */
export interface TrainingPair {
  source: readonly number[];
  target: readonly number[];
}

const EM_ITERATIONS = 5;
/** Training pairs used at most, evenly spread over the input: enough to learn from, bounded for long books. */
const MAX_TRAINING_PAIRS = 4000;
/** A learned link needs this translation probability in both directions. */
const MIN_PROBABILITY = 0.2;
/** ...and this many beads in which both words occur. */
const MIN_COOCCURRENCE = 2;

/** Word pairs that co-occur in some training pair, numbered, with each training pair's cells. */
interface Cooccurrence {
  sourceWords: number[];
  targetWords: number[];
  /** Source and target word of each cell. */
  cellSource: Int32Array;
  cellTarget: Int32Array;
  /** Training pairs in which each cell's two words occur together. */
  cellCount: Float64Array;
  /** For each training pair, its cells, target-major: cells[t * sourceLength + s]. */
  pairCells: { cells: Int32Array; sourceLength: number; targetLength: number }[];
}

function intern(words: readonly number[], ids: Map<number, number>, list: number[]): number[] {
  return words.map((word) => {
    let id = ids.get(word);
    if (id === undefined) {
      id = list.length;
      ids.set(word, id);
      list.push(word);
    }
    return id;
  });
}

function buildCooccurrence(pairs: readonly TrainingPair[]): Cooccurrence {
  const sourceIds = new Map<number, number>();
  const targetIds = new Map<number, number>();
  const sourceWords: number[] = [];
  const targetWords: number[] = [];
  const cellIds = new Map<number, number>();
  const cellSource: number[] = [];
  const cellTarget: number[] = [];
  const cellCount: number[] = [];
  const pairCells = pairs.map(({ source, target }) => {
    const s = [...new Set(intern(source, sourceIds, sourceWords))];
    const t = [...new Set(intern(target, targetIds, targetWords))];
    const cells = new Int32Array(s.length * t.length);
    t.forEach((targetWord, ti) => {
      s.forEach((sourceWord, si) => {
        const key = sourceWord * 1_000_003 + targetWord;
        let cell = cellIds.get(key);
        if (cell === undefined) {
          cell = cellSource.length;
          cellIds.set(key, cell);
          cellSource.push(sourceWord);
          cellTarget.push(targetWord);
          cellCount.push(0);
        }
        cellCount[cell] = (cellCount[cell] ?? 0) + 1;
        cells[ti * s.length + si] = cell;
      });
    });
    return { cells, sourceLength: s.length, targetLength: t.length };
  });
  return {
    sourceWords,
    targetWords,
    cellSource: Int32Array.from(cellSource),
    cellTarget: Int32Array.from(cellTarget),
    cellCount: Float64Array.from(cellCount),
    pairCells,
  };
}

/**
 * Model 1 probabilities for every cell, t(target | source) when `forward`, else
 * t(source | target) (the same cells read the other way), by expectation–maximisation.
 */
function train(data: Cooccurrence, forward: boolean): Float64Array {
  const cellCount = data.cellSource.length;
  const given = forward ? data.cellSource : data.cellTarget;
  const givenCount = forward ? data.sourceWords.length : data.targetWords.length;
  let probability = new Float64Array(cellCount).fill(1);
  for (let iteration = 0; iteration < EM_ITERATIONS; iteration++) {
    const counts = new Float64Array(cellCount);
    for (const { cells, sourceLength, targetLength } of data.pairCells) {
      const [outer, inner] = forward ? [targetLength, sourceLength] : [sourceLength, targetLength];
      for (let o = 0; o < outer; o++) {
        let norm = 0;
        for (let n = 0; n < inner; n++) norm += probability[cellAt(cells, forward, o, n, sourceLength)] ?? 0;
        if (norm === 0) continue;
        for (let n = 0; n < inner; n++) {
          const cell = cellAt(cells, forward, o, n, sourceLength);
          counts[cell] = (counts[cell] ?? 0) + (probability[cell] ?? 0) / norm;
        }
      }
    }
    const totals = new Float64Array(givenCount);
    for (let cell = 0; cell < cellCount; cell++)
      totals[given[cell] ?? 0] = (totals[given[cell] ?? 0] ?? 0) + (counts[cell] ?? 0);
    for (let cell = 0; cell < cellCount; cell++)
      counts[cell] = (counts[cell] ?? 0) / (totals[given[cell] ?? 0] || 1);
    probability = counts;
  }
  return probability;
}

/** The cell of the o-th generated word and the n-th generating word of a training pair. */
function cellAt(cells: Int32Array, forward: boolean, o: number, n: number, sourceLength: number): number {
  return (forward ? cells[o * sourceLength + n] : cells[n * sourceLength + o]) ?? 0;
}

function evenSample<T>(items: readonly T[], limit: number): readonly T[] {
  if (items.length <= limit) return items;
  return Array.from({ length: limit }, (_, k) => items[Math.floor((k * items.length) / limit)] as T);
}

/** Drops words seen in fewer training pairs than a learned link needs: they can teach nothing. */
function withoutRareWords(pairs: readonly TrainingPair[]): TrainingPair[] {
  const count = (side: 'source' | 'target') => {
    const counts = new Map<number, number>();
    for (const pair of pairs)
      for (const word of new Set(pair[side])) counts.set(word, (counts.get(word) ?? 0) + 1);
    return counts;
  };
  const sourceCounts = count('source');
  const targetCounts = count('target');
  return pairs.map(({ source, target }) => ({
    source: source.filter((word) => (sourceCounts.get(word) ?? 0) >= MIN_COOCCURRENCE),
    target: target.filter((word) => (targetCounts.get(word) ?? 0) >= MIN_COOCCURRENCE),
  }));
}

/** Word translations both directions of Model 1 agree on, by source word. */
export function learnTranslations(pairs: readonly TrainingPair[]): Map<number, number[]> {
  const data = buildCooccurrence(withoutRareWords(evenSample(pairs, MAX_TRAINING_PAIRS)));
  const forward = train(data, true);
  const backward = train(data, false);
  const learned = new Map<number, number[]>();
  for (let cell = 0; cell < data.cellSource.length; cell++) {
    if ((data.cellCount[cell] ?? 0) < MIN_COOCCURRENCE) continue;
    if ((forward[cell] ?? 0) < MIN_PROBABILITY || (backward[cell] ?? 0) < MIN_PROBABILITY) continue;
    const source = data.sourceWords[data.cellSource[cell] ?? 0] ?? -1;
    const target = data.targetWords[data.cellTarget[cell] ?? 0] ?? -1;
    learned.set(source, [...(learned.get(source) ?? []), target]);
  }
  return learned;
}
