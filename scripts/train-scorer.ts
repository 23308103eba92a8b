/**
 * `npm run train:scorer`: fits the bead scorer on the literary gold in ../shared/bench
 * and writes src/align/scorer-weights.json. Deterministic: the same gold gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLexicon } from '../src/align/lexicon.js';
import { fitWeights, judgeOutOfFold, scorerWeightsOf } from '../src/align/training.js';
import { GOLD_SETS, loadGoldTexts, outOfFoldProbabilities, reliability, strictScores } from './gold-texts.js';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH = resolve(ROOT, '..', 'shared', 'bench');
const WEIGHTS_FILE = resolve(ROOT, 'src/align/scorer-weights.json');

const texts = loadGoldTexts(BENCH, await loadLexicon());
const judged = judgeOutOfFold(texts);
for (const [novel, byText] of judged) {
  const own = texts.filter((text) => text.group === novel);
  console.log(`left out ${novel}: strict F1 ${strictScores(own, byText).f1.toFixed(3)}`);
}
const byText = new Map(
  [...judged].flatMap(([novel, beads]) =>
    texts.filter((text) => text.group === novel).map((text, k) => [text, beads[k] ?? []] as const),
  ),
);
for (const set of GOLD_SETS) {
  const own = texts.filter((text) => text.set === set);
  console.log(
    `${set} out of fold: strict F1 ${strictScores(
      own,
      own.map((text) => byText.get(text) ?? []),
    ).f1.toFixed(3)}`,
  );
}
const outOfFold = [...judged.values()].flat(2);
console.log(`out-of-fold ECE ${reliability(outOfFoldProbabilities(outOfFold)).ece.toFixed(3)}`);
const weights = scorerWeightsOf(fitWeights(texts), outOfFold);
writeFileSync(WEIGHTS_FILE, `${JSON.stringify(weights, null, 2)}\n`);
console.log(`wrote ${WEIGHTS_FILE}`);
