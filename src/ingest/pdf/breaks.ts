/**
 * Where a paragraph starts in a PDF, as an ordered list of named rules. Each rule looks at
 * a line and the lines above it in its column and gives its reason when the line opens a
 * new paragraph; the first reason found wins.
 */
import type { Lang } from '../../model/document.js';
import { isDateLine } from '../../text/dates.js';
import type { TextLine } from './types.js';

/** Lines whose sizes differ by more than this share belong to different blocks. */
const SIZE_CHANGE = 0.08;
/** A gap between baselines this much wider than the usual line spacing separates paragraphs. */
const PARAGRAPH_GAP = 1.3;
/** A first line indented by this many text sizes starts a paragraph. */
export const INDENT = 0.8;
/** A line ending this many text sizes short of the lines around it ends its paragraph… */
const SHORT_LINE = 2.5;
/** …when it ends a sentence. */
export const PARAGRAPH_END = /[.!?。！？…:：;；"”’)）」』■]$/u;
/** A line within this many text sizes of the right edge is full: its paragraph goes on. */
export const FULL_LINE = 1.5;

/** A contents entry: a title, leader dots and a page number. */
const CONTENTS_ENTRY = /(?:\.\s?){3,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$/u;

/**
 * List items, whose lines after the first hang indented under the item's text. A doubled
 * dash opens a Chinese subtitle (——在…上的讲话), not a list item.
 */
const LIST_ITEM =
  /^(?:[•·▪◦‣●*]|[–—-](?![–—-])|\d{1,3}[.)]|[a-z][.)]|\(\w{1,3}\)|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）)/u;

/** A line, the lines above it in its column, and what the page tells about them. */
export interface BreakContext {
  line: TextLine;
  above: TextLine;
  beforeAbove: TextLine | undefined;
  /** The language of each line, by its own characters (null: neither). */
  lineLang: Lang | null;
  aboveLang: Lang | null;
  /** The line above is the first of the paragraph being built. */
  aboveOpensBlock: boolean;
  /** The left edge of the column's text. */
  columnLeft: number;
  /** The usual baseline-to-baseline distance of each language, in text sizes. */
  lineSpacings: Record<Lang, number>;
}

/** The reason a line starts a paragraph, or null when the rule does not apply. */
export type BreakRule = (context: BreakContext) => string | null;

const largerSize = ({ line, above }: BreakContext) => Math.max(above.size, line.size);

export const sizeChanges: BreakRule = (context) =>
  Math.abs(context.above.size - context.line.size) > largerSize(context) * SIZE_CHANGE
    ? 'the print size changes'
    : null;

export const weightChanges: BreakRule = ({ line, above }) =>
  line.bold !== above.bold ? 'the weight changes (bold or not)' : null;

export const languageChanges: BreakRule = ({ lineLang, aboveLang }) =>
  lineLang && aboveLang && lineLang !== aboveLang ? 'the language changes' : null;

/** A date with nothing after it on its line (a header's date, a dateline); running text cut there goes on with a word or a mark. */
const dateAlone = (line: TextLine) => isDateLine(line.text) && !/[.,;:]$/.test(line.text.trim());

/** A header's date is a line of its own, whatever its spacing and weight: "李明" and "2024-02-26" are two lines. */
export const dateLineAlone: BreakRule = ({ line, above }) =>
  dateAlone(line) || dateAlone(above) ? 'the line or the one above is a date alone' : null;

export const widerGap: BreakRule = (context) => {
  const spacing = context.lineSpacings[context.lineLang ?? context.aboveLang ?? 'en'];
  return context.line.baseline - context.above.baseline > largerSize(context) * spacing * PARAGRAPH_GAP
    ? 'the gap above is wider than the line spacing'
    : null;
};

export const afterContentsEntry: BreakRule = ({ above }) =>
  CONTENTS_ENTRY.test(above.text) ? 'the line above is a contents entry' : null;

const indentOf = (line: TextLine) => line.size * INDENT;

/** Lines after a list item's first hang indented under its text: no new paragraph. */
export const indentedFirstLine: BreakRule = ({ line, above }) =>
  line.x - above.x > indentOf(line) && !LIST_ITEM.test(above.text) ? 'the line is indented' : null;

/** How far the line above falls short of the lines around it (not of the column: a quotation is set narrower). */
function shortfall({ line, above, beforeAbove }: BreakContext): number {
  return Math.max(line.right, beforeAbove?.right ?? line.right) - above.right;
}

/**
 * Paragraphs of one line set the Chinese way, each indented, one under the other: a first
 * line that ends a sentence, or does not fill its line (a section heading), is the whole paragraph.
 */
export const oneLineParagraphAbove: BreakRule = (context) => {
  const { line, above, aboveOpensBlock, columnLeft } = context;
  const indented = line.x - columnLeft > indentOf(line) && Math.abs(line.x - above.x) <= 1;
  const aboveEnds = PARAGRAPH_END.test(above.text) || shortfall(context) > above.size * FULL_LINE;
  return indented && aboveOpensBlock && aboveEnds
    ? 'the indented line above is a paragraph of one line'
    : null;
};

export const shortLineEndsSentence: BreakRule = (context) =>
  shortfall(context) > context.above.size * SHORT_LINE && PARAGRAPH_END.test(context.above.text)
    ? 'the line above is short and ends a sentence'
    : null;

export const PARAGRAPH_BREAK_RULES: readonly BreakRule[] = [
  sizeChanges,
  weightChanges,
  languageChanges,
  dateLineAlone,
  widerGap,
  afterContentsEntry,
  indentedFirstLine,
  oneLineParagraphAbove,
  shortLineEndsSentence,
];

/** Why the line starts a paragraph (the first rule that says so), or null when it goes on the one above. */
export function paragraphBreak(
  context: BreakContext,
  rules: readonly BreakRule[] = PARAGRAPH_BREAK_RULES,
): string | null {
  for (const rule of rules) {
    const reason = rule(context);
    if (reason) return reason;
  }
  return null;
}
