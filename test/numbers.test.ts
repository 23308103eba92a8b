import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chineseAmounts,
  chineseNumbers,
  chineseNumeralValue,
  englishAmounts,
  englishNumbers,
  sameAmount,
} from '../src/align/numbers.js';
import { flagsOf } from '../src/pairs/flags.js';

const DIGITS = '零一二三四五六七八九';

/** A number below 10,000 in Chinese characters, with 零 for the places it skips (一千零五). */
function chineseSection(n: number): string {
  let text = '';
  let zero = false;
  for (const [place, unit] of [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ] as const) {
    const digit = Math.floor(n / place) % 10;
    if (digit === 0) {
      zero = text !== '';
      continue;
    }
    if (zero) text += '零';
    text += DIGITS[digit] + unit;
    zero = false;
  }
  return text;
}

/** A whole number in Chinese characters, in sections of 亿 and 万 (三亿五千万). */
function chineseNumeral(n: number): string {
  const yi = Math.floor(n / 1e8);
  let text = yi > 0 ? `${chineseNumeral(yi)}亿` : '';
  let skipped = false;
  for (const [section, unit] of [
    [Math.floor(n / 1e4) % 1e4, '万'],
    [n % 1e4, ''],
  ] as const) {
    if (section === 0) {
      skipped = text !== '';
      continue;
    }
    // A section after a higher one that skips a place says so with 零 (三万零五, 一亿零五百万).
    if (text !== '' && (section < 1000 || skipped)) text += '零';
    text += chineseSection(section) + unit;
    skipped = false;
  }
  return text;
}

const ONES =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

function englishBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const restWords =
    rest < 20 ? ONES[rest] : `${TENS[Math.floor(rest / 10) - 2]}${rest % 10 ? `-${ONES[rest % 10]}` : ''}`;
  return [hundreds ? `${ONES[hundreds]} hundred` : '', rest ? restWords : ''].filter(Boolean).join(' ');
}

/** A whole number in English words (three hundred fifty million two thousand and five). */
function englishWords(n: number): string {
  const groups: [number, string][] = [
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
    [1, ''],
  ];
  return groups
    .map(([scale, name]) => {
      const group = Math.floor(n / scale) % 1000;
      return group ? `${englishBelowThousand(group)}${name ? ` ${name}` : ''}` : '';
    })
    .filter(Boolean)
    .join(' ');
}

const wholeNumbers = fc.integer({ min: 2, max: 999_999_999_999 });

describe('numbers in every written form', () => {
  it('reads Chinese numerals by their 亿 and 万 sections', () => {
    expect(chineseNumeralValue('三亿五千万')).toBe(350_000_000);
    expect(chineseNumeralValue('一万亿')).toBe(1e12);
    expect(chineseNumeralValue('十亿零五十万')).toBe(1_000_500_000);
    expect(chineseNumbers('三亿五千万人')).toEqual(['#350000000']);
  });

  it('reads a last digit after 百, 千, 万 or 亿 in the place below, as people say it', () => {
    expect(chineseNumeralValue('两万五')).toBe(25_000);
    expect(chineseNumeralValue('一百五')).toBe(150);
    expect(chineseNumeralValue('三亿五')).toBe(350_000_000);
    expect(chineseNumeralValue('一万二千五')).toBe(12_500);
    expect(chineseNumeralValue('二十五')).toBe(25);
    expect(chineseNumeralValue('三万零五')).toBe(30_005);
  });

  it('reads decimals in Chinese numerals, and digits before 千万 or 百万', () => {
    expect(chineseNumeralValue('零点五')).toBe(0.5);
    expect(chineseNumbers('增长三点五亿元')).toEqual(['#350000000']);
    expect(chineseNumbers('3千万元，5百万人')).toEqual(['#30000000', '#5000000']);
    expect(chineseNumbers('跑了5千米')).toEqual(['#5']);
  });

  it('flags no number mismatch for 两万五, 3千万 or 零点五 beside their digits', () => {
    expect(flagsOf('Some 25,000 people came.', '约两万五人到场。', 0.8, false)).toEqual([]);
    expect(flagsOf('It cost 30 million yuan.', '耗资3千万元。', 0.8, false)).toEqual([]);
    expect(flagsOf('Prices rose 0.5 percent.', '物价上涨零点五个百分点。', 0.8, false)).toEqual([]);
  });

  it('reads digits ↔ Chinese numerals ↔ English words as the same value, both ways', () => {
    fc.assert(
      fc.property(wholeNumbers, (n) => {
        const token = `#${n}`;
        expect(chineseNumeralValue(chineseNumeral(n))).toBe(n);
        expect(chineseNumbers(chineseNumeral(n))).toEqual([token]);
        expect(englishNumbers(englishWords(n))).toEqual([token]);
        expect(englishNumbers(n.toLocaleString('en-US'))).toEqual([token]);
        expect(chineseNumbers(String(n))).toEqual([token]);
      }),
    );
  });

  it('reads amounts in 万 and in millions as the same, to their written precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (k) => {
        const million = `${(k / 100).toFixed(2)} million`;
        const wan = `${k}万`;
        expect(englishNumbers(million)).toEqual(chineseNumbers(wan));
        const [english] = englishAmounts(million);
        const [chinese] = chineseAmounts(wan);
        expect(english && chinese && sameAmount(english, chinese)).toBe(true);
      }),
    );
  });

  it('flags no number mismatch where a rounded figure matches the exact one', () => {
    expect(flagsOf('Revenue reached 2.01 million yuan.', '收入达到201万元。', 0.8, false)).toEqual([]);
    expect(flagsOf('Some 350 million people.', '约三亿五千万人。', 0.8, false)).toEqual([]);
    expect(flagsOf('About 2 million visitors.', '约201万名游客。', 0.8, false)).toEqual([]);
    expect(flagsOf('Revenue reached 2.01 million yuan.', '收入达到301万元。', 0.8, false)).toEqual([
      'number-mismatch',
    ]);
  });
});
