/**
 * How far the header zone under a title runs, as named rules. Each rule reads the blocks
 * under the title in its own way and gives the number of header lines it finds, with its
 * reason; the zone is the longest of them.
 */
import type { Article, Lang } from '../model/document.js';
import { isDateLine } from '../text/dates.js';
import {
  bylineByName,
  endsLikeBodyText,
  HEADER_MAX_LENGTH,
  isEditorsNote,
  isInterviewTurn,
  looksLikeHeaderField,
} from './headers.js';
import type { TaggedBlock } from './shared.js';

export interface ZoneFinding {
  /** How many blocks under the title are header lines. */
  length: number;
  reason: string;
}

/** A rule: the header lines it finds at the start of the blocks under a title, or null. */
export type HeaderZoneRule = (blocks: readonly TaggedBlock[], article: Article) => ZoneFinding | null;

const found = (length: number, reason: string): ZoneFinding | null =>
  length > 0 ? { length, reason } : null;

/** A date written in digits alone (2024-02-26): in neither language, it stands for both. */
export const isNeutralDate = (block: TaggedBlock) => block.lang === null && isDateLine(block.text);

/** Interview turns and lines that end as running text does are body text, however short or bold. */
const mayBeHeaderField = (text: string) => !isInterviewTurn(text) && !endsLikeBodyText(text);

/** Header lines set as headings under the title (a deck), which the title left over. */
export const deckUnderTitle: HeaderZoneRule = (blocks) => {
  const length = blocks.findIndex((block) => block.markup !== 'heading');
  return found(length < 0 ? blocks.length : length, 'header lines set as headings under the title');
};

/** Header fields read earlier with only the other language: a title in this language further down brings their counterparts. */
function awaitedHeaders(article: Article, lang: Lang): number {
  return [article.subtitle, article.byline, article.date].filter(
    (field) => field !== null && field[lang] === null,
  ).length;
}

/**
 * Short lines set bold or large, dates and editor's notes, each followed by its counterpart in the other
 * language (which need not be marked), or bringing the counterparts of fields read earlier.
 */
export const markedLinesWithCounterparts: HeaderZoneRule = (blocks, article) => {
  let count = 0;
  let unpairedLang: Lang | null = null;
  let awaited = { en: awaitedHeaders(article, 'en'), zh: awaitedHeaders(article, 'zh') };
  for (const block of blocks) {
    if (isNeutralDate(block)) {
      count++;
      continue;
    }
    const note = isEditorsNote(block.text);
    const headerLike =
      note ||
      (block.lang && block.text.length <= HEADER_MAX_LENGTH[block.lang] && mayBeHeaderField(block.text));
    if (!block.lang || !headerLike) break;
    const marked = note || block.markup !== 'plain' || isDateLine(block.text);
    const counterpart: boolean =
      (unpairedLang !== null && block.lang !== unpairedLang) || awaited[block.lang] > 0;
    if (!marked && !counterpart) break;
    awaited = { ...awaited, [block.lang]: awaited[block.lang] - 1 };
    unpairedLang = counterpart ? null : block.lang;
    count++;
  }
  return found(count, 'marked lines and dates, each with its counterpart');
};

/** A phrase, as header lines are, rather than sentences: no sentence ends anywhere in it. */
const isPhrase = (text: string) => !/[。！？!?]|\.(?:\s|$)/u.test(text.trim());

/** Header fields in both languages are at most this many lines, each at most this long. */
const FORM_HEADER_LINES = 8;
const FORM_HEADER_LENGTH: Record<Lang, number> = { en: 120, zh: 40 };

/**
 * Header lines that are not bold, as Chinese ones often are not, when an article gives
 * its Chinese first: the short lines and editor's notes under the title up to the last
 * that is bold, a note or a header field by its form (——subtitle, 文／byline, a date),
 * or the line in the other language right after such a field (By Li Ming, then 李明), a name
 * given in both languages (Zhang Wei, then 张伟), or the first two lines when they are one in
 * each language (an unmarked subtitle).
 */
export const shortLinesUpToLastMarked: HeaderZoneRule = (blocks) => {
  let length = 0;
  let fieldBefore: Lang | null = null;
  for (const [i, block] of blocks.slice(0, FORM_HEADER_LINES).entries()) {
    if (isNeutralDate(block)) {
      length = i + 1;
      continue;
    }
    const note = isEditorsNote(block.text);
    const short =
      block.lang && block.markup !== 'heading' && block.text.length <= FORM_HEADER_LENGTH[block.lang];
    if (!note && (!short || !mayBeHeaderField(block.text))) break;
    const field = note || block.markup === 'bold' || looksLikeHeaderField(block.text);
    const counterpart = fieldBefore !== null && fieldBefore !== block.lang;
    const previous = blocks[i - 1];
    const namePair = previous !== undefined && bylineByName([previous.text, block.text]) !== null;
    const openingPair =
      i === 1 &&
      length === 0 &&
      previous?.lang != null &&
      previous.lang !== block.lang &&
      [previous, block].every((line) => isPhrase(line.text));
    if (field || counterpart || namePair || openingPair) length = i + 1;
    fieldBefore = field ? block.lang : null;
  }
  return found(
    length,
    'short lines up to the last bold one or header field by its form, with its counterpart',
  );
};

export const HEADER_ZONE_RULES: readonly HeaderZoneRule[] = [
  deckUnderTitle,
  markedLinesWithCounterparts,
  shortLinesUpToLastMarked,
];

/** The header zone under a title: the longest that a rule finds (the first rule on a tie), or none. */
export function headerZone(
  blocks: readonly TaggedBlock[],
  article: Article,
  rules: readonly HeaderZoneRule[] = HEADER_ZONE_RULES,
): ZoneFinding | null {
  let longest: ZoneFinding | null = null;
  for (const rule of rules) {
    const finding = rule(blocks, article);
    if (finding && finding.length > (longest?.length ?? 0)) longest = finding;
  }
  return longest;
}
