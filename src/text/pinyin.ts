import { pinyin } from 'pinyin-pro';

/** Toneless pinyin of the Han characters of a text, run together ("李强" → "liqiang"). */
export function pinyinOf(text: string): string {
  const han = text.match(/\p{Script=Han}+/gu)?.join('') ?? '';
  return pinyin(han, { toneType: 'none', type: 'array' }).join('').replace(/ü/g, 'v');
}
