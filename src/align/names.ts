import { pinyinSyllables } from '../text/pinyin.js';

/**
 * Name evidence: the toneless pinyin of Chinese words, to be met by capitalised English
 * words (陈清扬 ↔ Chen Qingyang, 叶文洁 ↔ Ye Wenjie). Both sides produce keys `py:…`.
 */
export function chineseNameKeys(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length > 4 || !chars.every((char) => /\p{Script=Han}/u.test(char))) return [];
  const syllables = pinyinSyllables(word);
  const keys = [`py:${syllables.join('')}`];
  if (syllables.length === 3) keys.push(`py:${syllables[0]}`, `py:${syllables.slice(1).join('')}`);
  return keys;
}

/** The key of a capitalised English word (lower-cased, hyphens gone), matching the pinyin of the Chinese side. */
export function englishNameKey(word: string): string {
  return `py:${word.replace(/ü/g, 'v')}`;
}
