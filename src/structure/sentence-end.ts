import type { Lang } from '../model/document.js';
import { FOOTNOTE_MARK } from '../text/marks.js';

/** Marks a complete sentence may end with, closing quotes and brackets included. */
const ENGLISH_END = /[.!?:;…"”’')\]]$/u;
const CHINESE_END = /[。！？!?…：:；;”’」』）)》】]$/u;

const TRAILING_FOOTNOTE_MARK = new RegExp(`${FOOTNOTE_MARK}$`, 'u');

/** Whether a paragraph stops where a sentence (or a salutation) ends, not in mid-sentence. */
export function endsCompletely(text: string, lang: Lang): boolean {
  const trimmed = text.trimEnd().replace(TRAILING_FOOTNOTE_MARK, '');
  return (lang === 'en' ? ENGLISH_END : CHINESE_END).test(trimmed);
}
