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

const MYRIAD_SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const CHINESE_DECIMAL = /^(.+)点([零〇一二三四五六七八九]+)([万亿]?)$/u;

/**
 * The value of a Chinese numeral such as 二十一, 三千五百, 两万, 三亿五千万, 三点五亿, or
 * 一九八四 (read digit by digit). A numeral is read in sections: 万 multiplies the section
 * before it, 亿 everything before it (三亿五千万 = 3 × 10⁸ + 5000 × 10⁴). A last digit
 * straight after 百, 千, 万 or 亿 counts in the place below it, as people say it: 两万五 is
 * 25,000 and 一百五 is 150, while 三万零五 is 30,005.
 */
export function chineseNumeralValue(numeral: string): number | null {
  const decimal = CHINESE_DECIMAL.exec(numeral);
  if (decimal) {
    const whole = chineseNumeralValue(decimal[1] ?? '');
    const fraction = Number(`0.${Array.from(decimal[2] ?? '', (char) => CHINESE_DIGITS[char]).join('')}`);
    return whole === null ? null : (whole + fraction) * (MYRIAD_SCALE[decimal[3] ?? ''] ?? 1);
  }
  const chars = Array.from(numeral);
  if (chars.length > 1 && chars.every((char) => char in CHINESE_DIGITS)) {
    return Number(chars.map((char) => CHINESE_DIGITS[char]).join(''));
  }
  let total = 0;
  let myriads = 0;
  let section = 0;
  let digit: number | null = null;
  let unitBefore = 0;
  let digitPlace = 1;
  for (const char of chars) {
    if (char in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[char] ?? 0;
      digitPlace = unitBefore >= 100 ? unitBefore / 10 : 1;
      unitBefore = 0;
      continue;
    }
    if (char in CHINESE_UNITS) {
      section += (digit ?? 1) * (CHINESE_UNITS[char] ?? 1);
    } else if (char === '万') {
      myriads += (section + (digit ?? 0)) * 1e4;
      section = 0;
    } else if (char === '亿') {
      total = (total + myriads + section + (digit ?? 0)) * 1e8;
      myriads = 0;
      section = 0;
    } else return null;
    digit = null;
    unitBefore = CHINESE_UNITS[char] ?? MYRIAD_SCALE[char] ?? 0;
  }
  return total + myriads + section + (digit ?? 0) * digitPlace;
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

/** Every word that says a number, a place or a month: the others end a number, unread. */
const NUMBER_WORDS = new Set(
  [ENGLISH_UNITS, ENGLISH_TENS, ENGLISH_ORDINALS, ENGLISH_MONTHS, ENGLISH_SCALES].flatMap(Object.keys),
);

/** Small numbers that are mostly articles or pronouns ("a", "one of them", 一个): too common to be evidence. */
const UNINFORMATIVE = new Set([0, 1]);

/**
 * A number as written: its value, and how far a rounded translation of it may be off,
 * half a unit of its last written digit (2.01 million: ±5,000; 201万: ±5,000; 30,000: ±0.5).
 * Numbers in words are exact.
 */
export interface Amount {
  value: number;
  tolerance: number;
}

/** Whether two written numbers can be the same amount, each as precise as it was written. */
export function sameAmount(a: Amount, b: Amount): boolean {
  return Math.abs(a.value - b.value) <= Math.max(a.tolerance, b.tolerance);
}

/** Values are compared to 12 significant digits: 2.01 × 10⁶ is 2,010,000, not 2,009,999.9999999998. */
const SIGNIFICANT_DIGITS = 12;

function informative(amounts: Amount[]): Amount[] {
  return amounts
    .filter((amount) => Number.isFinite(amount.value) && !UNINFORMATIVE.has(amount.value))
    .map((amount) => ({ ...amount, value: Number(amount.value.toPrecision(SIGNIFICANT_DIGITS)) }));
}

function tokens(amounts: Amount[]): string[] {
  return amounts.map((amount) => `#${amount.value}`);
}

/** Digits as written (`2.01`, `30,000`): the value, and the place of the last digit. */
function parseDigits(text: string): { value: number; unit: number } {
  const [whole = '', fraction = ''] = text.replace(/,/g, '').split('.');
  return { value: Number(`${whole}.${fraction}`), unit: 10 ** -fraction.length };
}

/** The numbers in English text with their precision: digits, number words, ordinals and scales. */
export function englishAmounts(text: string): Amount[] {
  const amounts: Amount[] = [];
  let total = 0;
  let current: number | null = null;
  /** The place of the last digit written in figures; 0 for words, which are exact. */
  let unit = 0;
  const flush = () => {
    if (current !== null) amounts.push({ value: total + current, tolerance: unit / 2 });
    total = 0;
    current = null;
    unit = 0;
  };
  for (const word of text.toLowerCase().match(/\d[\d,]*(?:\.\d+)?|[a-z]+/g) ?? []) {
    if (!NUMBER_WORDS.has(word) && !/^\d/.test(word)) {
      if (word !== 'and') flush();
      continue;
    }
    const ordinal =
      ENGLISH_ORDINALS[word] ?? (/^\d+(?:st|nd|rd|th)$/.test(word) ? Number.parseInt(word, 10) : undefined);
    const digits = /^\d/.test(word) ? parseDigits(word) : undefined;
    const unitWord = digits ? undefined : (ENGLISH_UNITS[word] ?? ENGLISH_TENS[word]);
    const scale = ENGLISH_SCALES[word];
    const month = ENGLISH_MONTHS[word];
    if (ordinal !== undefined || month !== undefined) {
      flush();
      amounts.push({ value: ordinal ?? month ?? 0, tolerance: 0 });
    } else if (digits) {
      flush();
      current = digits.value;
      unit = digits.unit;
    } else if (unitWord !== undefined) {
      current = (current ?? 0) + unitWord;
    } else if (scale !== undefined) {
      unit *= scale;
      if (scale === 100 || scale === 12) current = (current ?? 1) * scale;
      else {
        total += (current ?? 1) * scale;
        current = 0;
      }
    } else if (word !== 'and') flush();
  }
  flush();
  return informative(amounts);
}

/** The numbers in English text: digits, number words, ordinals and scales ("1.4 billion", "twenty-one"). */
export function englishNumbers(text: string): string[] {
  return tokens(englishAmounts(text));
}

/**
 * Digits with the units after them (3万, 3千万, 1.5亿; not the 千 of 千米 or 千克, which is
 * no number of its own either), or a Chinese numeral with its decimals (三点五亿).
 */
const CHINESE_NUMBER =
  /(\d[\d,]*(?:\.\d+)?)((?:[十百千](?![米克瓦卡焦]))?[万亿]?)|(?<![\d.,])([零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+[万亿]?)?)/gu;
const CHINESE_UNIT_VALUE: Record<string, number> = { ...CHINESE_UNITS, ...MYRIAD_SCALE };

/** The numbers in Chinese text with their precision: digits (with 万/亿), Chinese numerals, and 第 ordinals. */
export function chineseAmounts(text: string): Amount[] {
  const amounts: Amount[] = [];
  for (const match of text.matchAll(CHINESE_NUMBER)) {
    if (match[1] !== undefined) {
      const { value, unit } = parseDigits(match[1]);
      const scale = Array.from(match[2] ?? '').reduce(
        (product, unit) => product * (CHINESE_UNIT_VALUE[unit] ?? 1),
        1,
      );
      amounts.push({ value: value * scale, tolerance: (unit * scale) / 2 });
      continue;
    }
    const numeral = match[3] ?? '';
    // A lone 一 or 两 inside words (一起, 两边) is seldom a number the translation spells out.
    if (numeral.length === 1 && !/[二三四五六七八九十百千万亿]/u.test(numeral)) continue;
    const value = chineseNumeralValue(numeral);
    if (value !== null) amounts.push({ value, tolerance: 0 });
  }
  return informative(amounts);
}

/** The numbers in Chinese text: digits (with 万/亿), Chinese numerals, and 第 ordinals. */
export function chineseNumbers(text: string): string[] {
  return tokens(chineseAmounts(text));
}
