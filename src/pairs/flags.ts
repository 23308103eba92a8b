import { type Amount, chineseAmounts, englishAmounts, sameAmount } from '../align/numbers.js';
import type { PairFlag } from '../model/document.js';
import { pinyinOf } from '../text/pinyin.js';

/** Below this score (the estimated probability that the pair is right) a pair is marked for review. */
export const LOW_CONFIDENCE = 0.5;

/** Common Chinese surnames in pinyin: a capitalised one followed by a given name is a Chinese name. */
const SURNAMES = new Set(
  (
    'wang li zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang song zheng xie han tang ' +
    'feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia ding wei xue ye yan pan du dai xia ' +
    'zhong tian ren fan fang shi yao tan liao zou xiong jin hao kong bai cui kang mao qiu qin gu hou shao meng long ' +
    'wan duan lei qian yin yi chang qiao lai gong wen cong xi bi'
  ).split(' '),
);
const CHINESE_NAME = /\b(\p{Lu}[a-z]+)\s+(\p{Lu}[a-z]+(?:-[a-z]+)?)\b/gu;
const SYLLABLE =
  '(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ve|er|a|o|e|i|u|v)';
/** A given name of one to three pinyin syllables ("Qiang", "Jinping", "Peiwu"), not an English word like "Beach". */
const PINYIN_GIVEN_NAME = new RegExp(`^(?:${SYLLABLE}){1,3}$`);

/** Romanised Chinese names in English text ("Li Qiang", "Cong Peiwu"), as toneless pinyin. */
export function chineseNamesInEnglish(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(CHINESE_NAME)) {
    const surname = (match[1] ?? '').toLowerCase();
    const given = (match[2] ?? '').toLowerCase().replace('-', '');
    if (SURNAMES.has(surname) && PINYIN_GIVEN_NAME.test(given)) names.push(surname + given);
  }
  return names;
}

/** The amounts written with digits, which a translation keeps (words like "two" come and go with style). */
function digitAmounts(text: string, read: (text: string) => Amount[]): Amount[] {
  return (
    text.match(
      /(?<![\p{Script=Latin}\d.,])(?<!\p{Script=Latin}-)\d[\d,.]*\s*(?:[十百千](?![米克瓦卡焦]))?[万亿]?(?:\s*(?:thousand|million|billion))?/gu,
    ) ?? []
  ).flatMap(read);
}

/**
 * Whether an amount written in digits on one side is missing, in any form, from the
 * other, each side as precise as it was written (2.01 million is 201万).
 */
function numbersDisagree(en: string, zh: string): boolean {
  const english = englishAmounts(en);
  const chinese = chineseAmounts(zh);
  const missing = (amounts: Amount[], other: Amount[]) =>
    amounts.some((amount) => !other.some((candidate) => sameAmount(amount, candidate)));
  return (
    missing(digitAmounts(en, englishAmounts), chinese) || missing(digitAmounts(zh, chineseAmounts), english)
  );
}

function namesMissing(en: string, zh: string): boolean {
  const names = chineseNamesInEnglish(en);
  if (names.length === 0) return false;
  const chinesePinyin = pinyinOf(zh);
  return names.some((name) => !chinesePinyin.includes(name));
}

/** The flags of a pair with the given texts and score; `truncated` is decided by the caller. */
export function flagsOf(en: string, zh: string, score: number, truncated: boolean): PairFlag[] {
  const flags: PairFlag[] = [];
  const oneSided = en === '' || zh === '';
  if (oneSided) flags.push('one-sided');
  else if (score < LOW_CONFIDENCE) flags.push('low-confidence');
  if (truncated) flags.push('truncated');
  if (!oneSided && numbersDisagree(en, zh)) flags.push('number-mismatch');
  if (!oneSided && namesMissing(en, zh)) flags.push('name-mismatch');
  return flags;
}
