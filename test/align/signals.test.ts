import { describe, expect, it } from 'vitest';
import { englishContentWords, englishStem } from '../../src/align/english.js';
import { buildEvidence, chineseTokens, englishTokens, KeyTable } from '../../src/align/features.js';
import { glossReference, glossStems, loadLexicon } from '../../src/align/lexicon.js';
import { learnTranslations } from '../../src/align/model1.js';
import { chineseNameKeys, englishNameKey } from '../../src/align/names.js';
import { chineseNumbers, chineseNumeralValue, englishNumbers } from '../../src/align/numbers.js';
import { Similarity } from '../../src/align/similarity.js';

describe('numbers in every form', () => {
  it.each([
    ['近3万名平民', '#30000'],
    ['二十一岁', '#21'],
    ['14亿多中国人民', '#1400000000'],
    ['三千五百人', '#3500'],
    ['两百万人', '#2000000'],
    ['一九八四年', '#1984'],
  ])('Chinese %s', (text, key) => {
    expect(chineseNumbers(text)).toContain(key);
  });

  it.each([
    ['nearly 30,000 civilians', '#30000'],
    ['at twenty-one', '#21'],
    ['the 1.4 billion-plus people', '#1400000000'],
    ['three thousand five hundred', '#3500'],
    ['the fourteenth team', '#14'],
    ['in 1984', '#1984'],
  ])('English %s', (text, key) => {
    expect(englishNumbers(text)).toContain(key);
  });

  it('leaves out one, the article of numbers', () => {
    expect(chineseNumbers('一起走')).toEqual([]);
    expect(englishNumbers('one of them')).toEqual([]);
  });

  it('reads Chinese numerals', () => {
    expect(chineseNumeralValue('二十一')).toBe(21);
    expect(chineseNumeralValue('十五')).toBe(15);
    expect(chineseNumeralValue('三万零五')).toBe(30005);
  });
});

describe('names', () => {
  it('meets the pinyin of a Chinese name with its English spelling', () => {
    expect(chineseNameKeys('陈清扬')).toEqual(expect.arrayContaining(['py:chen', 'py:qingyang']));
    expect(chineseNameKeys('习近平')).toContain('py:xijinping');
    const names = englishContentWords('That year Chen Qingyang was a doctor.').flatMap((word) =>
      word.name ? [englishNameKey(word.name)] : [],
    );
    expect(names).toEqual(['py:chen', 'py:qingyang']);
  });

  it('takes a hyphenated romanised name as one word', () => {
    expect(englishContentWords('He saw Yu-cun.')[1]).toEqual({ stem: expect.any(String), name: 'yucun' });
  });

  it('does not take a capitalised word at the start of a sentence for a name', () => {
    expect(englishContentWords('Outside they waited.')[0]?.name).toBeNull();
  });
});

describe('English stems', () => {
  it('brings irregular forms to the form glosses use', () => {
    expect(englishStem('went')).toBe(englishStem('go'));
    expect(englishStem('children')).toBe(englishStem('child'));
    expect(englishStem('protected')).toBe(englishStem('protect'));
  });
});

describe('dictionary glosses', () => {
  it('keeps the content words of a gloss and drops notes', () => {
    expect(glossStems('to see (literary)')).toEqual(['see']);
    expect(glossStems('surname Chen')).toEqual(['chen']);
    expect(glossStems('CL:個|个[ge4]')).toEqual([]);
  });

  it('follows cross-references', () => {
    expect(glossReference('see 雲南省|云南省[Yun2 nan2 Sheng3]')).toBe('云南省');
    expect(glossReference('to go')).toBeNull();
  });

  it('translates Chinese words through CC-CEDICT', async () => {
    const lexicon = await loadLexicon();
    expect(lexicon.stemsOf('医生')).toContain('doctor');
    expect(lexicon.stemsOf('云南')).toContain('yunnan');
  });
});

describe('lexical agreement', () => {
  it('is higher for a translation than for an unrelated sentence', async () => {
    const lexicon = await loadLexicon();
    const keys = new KeyTable();
    const english = buildEvidence(
      ['The doctor went up the mountain.', 'The cat slept by the window.'],
      englishTokens,
      keys,
    );
    const chinese = buildEvidence(['医生上山了。'], (text) => chineseTokens(text, lexicon, false), keys);
    const similarity = new Similarity(chinese, english, keys.size);
    expect(similarity.pairAgreement(0, 0)).toBeGreaterThan(similarity.pairAgreement(0, 1));
    expect(similarity.pairAgreement(0, 1)).toBeLessThan(similarity.pairAgreement(0, 0) / 2);
  });
});

describe('self-training', () => {
  it('learns a word pair that co-occurs consistently', () => {
    const pairs = [
      { source: [1, 2], target: [10, 20] },
      { source: [1, 3], target: [10, 30] },
      { source: [1, 4], target: [10, 40] },
      { source: [2, 3], target: [20, 30] },
    ];
    expect(learnTranslations(pairs).get(1)).toEqual([10]);
  });
});
