import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tooCostly } from '../src/server/json-body.js';

/** How many values a parsed JSON value holds, itself included (keys are not values). */
function valuesOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  return 1 + Object.values(value as object).reduce((sum: number, child) => sum + valuesOf(child), 0);
}

/** How deeply a parsed JSON value nests objects and arrays. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Object.values(value as object);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('the nesting check of JSON bodies', () => {
  it('tells the depth of any JSON text as parsing it would, brackets, quotes and backslashes in strings included', () => {
    const text = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', '港') });
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(text, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), (parsed, limit) => {
        const problem = tooCostly(JSON.stringify(parsed), limit, Number.MAX_SAFE_INTEGER);
        expect(problem !== undefined).toBe(depthOf(parsed) > limit);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts at least the values a JSON text holds, and never more than three times as many', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (parsed) => {
        const values = valuesOf(parsed);
        const text = JSON.stringify(parsed);
        expect(tooCostly(text, 100, values - 1)).toMatch(/holds more than/);
        expect(tooCostly(text, 100, 3 * values)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});
