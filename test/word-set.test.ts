import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedWordSet } from '../src/text/word-set.js';

describe('the packed word set', () => {
  it('holds exactly the lines of its text, as a Set of them would', () => {
    const word = fc.string({ unit: fc.constantFrom(..."abcé-'"), maxLength: 5 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 20 }), (lines, queries) => {
        const text = lines.join('\n');
        const expected = new Set(text.split('\n'));
        const packed = new PackedWordSet(text);
        for (const query of [...lines, ...queries]) expect(packed.has(query)).toBe(expected.has(query));
      }),
    );
  });
});
