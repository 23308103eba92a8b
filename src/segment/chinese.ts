import { FOOTNOTE_MARK } from '../text/marks.js';

/**
 * Chinese sentence boundaries: after 。！？ (or their half-width forms, or an ellipsis
 * that ends a quotation), together with the closing quotes and brackets
 * and a footnote mark (`[1]`, `①`) that follow.
 * Never at ；，、： — and list markers (一、) stay with the sentence they open.
 */

const CLOSERS = '”’」』）)》】"\'';
const FOOTNOTE_AFTER = new RegExp(`^${FOOTNOTE_MARK}`, 'u');
/**
 * A short tag that names the speaker of the quotation before it and ends the sentence
 * (“你去哪儿……”她问。): a quotation that trails off ends its sentence unless such a tag
 * follows, since what follows is then the next speaker or the narration going on.
 */
const SPEECH_TAG = /^[^，。！？：；“”‘’]{1,6}(?:说|道|问|答|叫|喊|笑|想)[着了道]?[。！？]/u;
const TERMINAL = /[。！？!?]+|…{2,}(?=[”’」』])|\.{6}(?=[”’」』])/gu;

export function chineseBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  for (const match of text.matchAll(TERMINAL)) {
    let at = (match.index ?? 0) + match[0].length;
    while (at < text.length && CLOSERS.includes(text[at] ?? '')) at++;
    at += FOOTNOTE_AFTER.exec(text.slice(at))?.[0].length ?? 0;
    while (at < text.length && /\s/.test(text[at] ?? '')) at++;
    const next = text[at] ?? '';
    if (at >= text.length || CLOSERS.includes(next) || /^[，、；：,;:]/.test(next)) continue;
    if (/^[….]/.test(match[0]) && SPEECH_TAG.test(text.slice(at))) continue;
    if (boundaries.at(-1) !== at) boundaries.push(at);
  }
  return boundaries;
}
