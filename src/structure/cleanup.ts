/**
 * Clean-up of one paragraph's text, as an ordered list of small rules. Each rule
 * takes text and returns text; the order is data, so it can be read and tested.
 */
export type TextRule = (text: string) => string;

/** End marks that close an article in print: ■ □ ◆ ◇ ● ▲ and friends. */
export const END_MARK = /\s*[■□◆◇●▲△★☆◼◾]+\s*$/u;

export const removeEndMark: TextRule = (text) => text.replace(END_MARK, '');

export const collapseWhitespace: TextRule = (text) => text.replace(/[ \t\u00a0]+/g, ' ').trim();

/** Chinese puts no space after its full-width punctuation; extraction often does. */
export const removeSpaceAfterChinesePunctuation: TextRule = (text) =>
  text.replace(/([，。、：；！？）》」』】])[ \u3000]+(?=[\p{Script=Han}“‘（《「『【])/gu, '$1');

export const PARAGRAPH_RULES: readonly TextRule[] = [
  removeEndMark,
  collapseWhitespace,
  removeSpaceAfterChinesePunctuation,
];

export function cleanParagraph(text: string, rules: readonly TextRule[] = PARAGRAPH_RULES): string {
  return rules.reduce((current, rule) => rule(current), text);
}

export function hasEndMark(text: string): boolean {
  return END_MARK.test(text);
}
