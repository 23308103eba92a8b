import type { AlignedDocument } from '../src/model/document.js';
import { pairsDocument } from './pairs-fixture.js';

/** A document of `pairs` numbered pairs about a harbour, long enough to be stored in many steps. */
export function longDocument(name: string, pairs: number): AlignedDocument {
  return pairsDocument(
    name,
    Array.from({ length: pairs }, (_, k): [string, string] => [
      `The harbour logged ship number ${k} today.`,
      `港口今天登记了第${k}号船。`,
    ]),
  );
}
