/** Rewrites the golden structure files from the current code; review the diff before committing. */
import { writeFileSync } from 'node:fs';
import { goldenCases, structureAsJson } from '../test/golden.js';

for (const { name, inputs, golden } of goldenCases()) {
  writeFileSync(golden, await structureAsJson(inputs));
  console.log(`wrote ${golden} (${name})`);
}
