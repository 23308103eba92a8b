/** Rewrites the golden structure and pair files from the current code; review the diff before committing. */
import { writeFileSync } from 'node:fs';
import { goldenCases, goldenPairCases, pairsAsJson, structureAsJson } from '../test/golden.js';

for (const { name, inputs, golden } of goldenCases()) {
  writeFileSync(golden, await structureAsJson(inputs));
  console.log(`wrote ${golden} (${name})`);
}
for (const { name, input, golden } of goldenPairCases()) {
  writeFileSync(golden, await pairsAsJson(input));
  console.log(`wrote ${golden} (${name} pairs)`);
}
