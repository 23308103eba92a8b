import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

let jieba: Jieba | undefined;

/**
 * jieba with its dictionary, read on first use. The package's `dict.js` would also read
 * (and keep) its 6 MB keyword-weight table, which segmenting never uses.
 */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')));
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
