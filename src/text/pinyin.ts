import { createRequire } from 'node:module';

type PinyinPro = typeof import('pinyin-pro');

let pinyinPro: PinyinPro | undefined;

/** pinyin-pro, loaded on the first name there is to read: most commands and texts never need it. */
function loadPinyinPro(): PinyinPro {
  pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro;
  return pinyinPro;
}

/** Toneless pinyin syllables of the Han characters of a text, ü written v ("李强" → ["li", "qiang"]). */
export function pinyinSyllables(text: string): string[] {
  const han = text.match(/\p{Script=Han}+/gu)?.join('') ?? '';
  if (han === '') return [];
  return loadPinyinPro()
    .pinyin(han, { toneType: 'none', type: 'array' })
    .map((syllable) => syllable.replace(/ü/g, 'v'));
}

/** Toneless pinyin of the Han characters of a text, run together ("李强" → "liqiang"). */
export function pinyinOf(text: string): string {
  return pinyinSyllables(text).join('');
}
