import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Chinese words (jieba, with its HMM for words outside its dictionary); punctuation and spaces dropped. */
export function chineseWords(text: string): string[] {
  return segmenter()
    .cut(text, true)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Particles and function characters that carry no translation evidence. */
export const CHINESE_STOPWORDS = new Set([
  ...Array.from(
    '的了着地得之吧呢吗啊呀嘛么哦所以而及与和或也就都还又却把被将于在是这那此其该有我你您他她它便',
  ),
  ...['我们', '你们', '他们', '她们', '它们', '咱们', '自己', '这个', '那个', '这些', '那些', '这样', '那样'],
]);
