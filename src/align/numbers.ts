/**
 * Numbers in every written form, reduced to their value, so that 30,000 ↔ 3万,
 * 二十一 ↔ twenty-one ↔ 21 and 1.4 billion ↔ 14亿 become the same evidence.
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_MYRIADS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The value of a Chinese numeral such as 二十一, 三千五百, 两万, or 一九八四 (read digit by digit). */
export function chineseNumeralValue(numeral: string): number | null {
  const chars = Array.from(numeral);
  if (chars.length > 1 && chars.every((char) => char in CHINESE_DIGITS)) {
    return Number(chars.map((char) => CHINESE_DIGITS[char]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of chars) {
    if (char in CHINESE_DIGITS) digit = CHINESE_DIGITS[char] ?? 0;
    else if (char in CHINESE_UNITS) {
      section += (digit ?? 1) * (CHINESE_UNITS[char] ?? 1);
      digit = null;
    } else if (char in CHINESE_MYRIADS) {
      total = (total + section + (digit ?? 0)) * (CHINESE_MYRIADS[char] ?? 1);
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

const ENGLISH_UNITS: Record<string, number> = Object.fromEntries(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((word, i) => [word, i]),
);
const ENGLISH_TENS: Record<string, number> = Object.fromEntries(
  'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((word, i) => [word, (i + 2) * 10]),
);
const ENGLISH_ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  hundredth: 100,
};
/** Months count as their number, so that "February 26, 2024" meets 2024年2月26日 ("may" is too often a verb). */
const ENGLISH_MONTHS: Record<string, number> = Object.fromEntries(
  'january february march april june july august september october november december'
    .split(' ')
    .flatMap((month) => [month, month.slice(0, 3)])
    .concat('sept')
    .map((month) => [
      month,
      'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ').indexOf(month.slice(0, 3)) + 1,
    ]),
);
const ENGLISH_SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  dozen: 12,
};

/** Small numbers that are mostly articles or pronouns ("a", "one of them", 一个): too common to be evidence. */
const UNINFORMATIVE = new Set([0, 1]);

function keep(values: number[]): string[] {
  return values
    .filter((value) => Number.isFinite(value) && !UNINFORMATIVE.has(value))
    .map((value) => `#${value}`);
}

function parseDigits(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** The numbers in English text: digits, number words, ordinals and scales ("1.4 billion", "twenty-one"). */
export function englishNumbers(text: string): string[] {
  const values: number[] = [];
  let total = 0;
  let current: number | null = null;
  const flush = () => {
    if (current !== null) values.push(total + current);
    total = 0;
    current = null;
  };
  for (const word of text.toLowerCase().match(/\d[\d,]*(?:\.\d+)?|[a-z]+/g) ?? []) {
    const ordinal =
      ENGLISH_ORDINALS[word] ?? (/^\d+(?:st|nd|rd|th)$/.test(word) ? Number.parseInt(word, 10) : undefined);
    const unit = /^\d/.test(word) ? parseDigits(word) : (ENGLISH_UNITS[word] ?? ENGLISH_TENS[word]);
    const scale = ENGLISH_SCALES[word];
    const month = ENGLISH_MONTHS[word];
    if (ordinal !== undefined || month !== undefined) {
      flush();
      values.push(ordinal ?? month ?? 0);
    } else if (unit !== undefined) {
      if (/^\d/.test(word)) flush();
      current = (current ?? 0) + unit;
    } else if (scale !== undefined) {
      if (scale === 100 || scale === 12) current = (current ?? 1) * scale;
      else {
        total += (current ?? 1) * scale;
        current = 0;
      }
    } else if (word !== 'and') flush();
  }
  flush();
  return keep(values);
}

const CHINESE_NUMBER = /(\d[\d,]*(?:\.\d+)?)([万亿])?|([零〇一二两三四五六七八九十百千万亿]+)/gu;

/** The numbers in Chinese text: digits (with 万/亿), Chinese numerals, and 第 ordinals. */
export function chineseNumbers(text: string): string[] {
  const values: number[] = [];
  for (const match of text.matchAll(CHINESE_NUMBER)) {
    if (match[1] !== undefined) {
      values.push(parseDigits(match[1]) * (match[2] === '万' ? 1e4 : match[2] === '亿' ? 1e8 : 1));
      continue;
    }
    const numeral = match[3] ?? '';
    // A lone 一 or 两 inside words (一起, 两边) is seldom a number the translation spells out.
    if (numeral.length === 1 && !/[二三四五六七八九十百千万亿]/u.test(numeral)) continue;
    const value = chineseNumeralValue(numeral);
    if (value !== null) values.push(value);
  }
  return keep(values);
}
