import type { Block } from '../ingest/blocks.js';
import {
  type Article,
  type BilingualText,
  type Diagnostic,
  LANGS,
  type Lang,
  type Paragraph,
  type TocEntry,
} from '../model/document.js';
import { joinPieces } from '../text/join.js';
import { languageOf } from '../text/language.js';
import { cleanParagraph, hasEndMark } from './cleanup.js';
import { headerZone, isNeutralDate } from './header-zone.js';
import {
  assignHeaderRoles,
  type HeaderFieldRole,
  isCaption,
  isEditorsNote,
  isSourceLine,
  looksLikeHeaderField,
  roleByForm,
} from './headers.js';
import { endsCompletely } from './sentence-end.js';
import { emptyArticle, languageName, placeOf, quote, type TaggedBlock, unplacedText } from './shared.js';
import { isContentsHeading, matchToc, withoutPageNumbers } from './toc.js';

export interface MagazineStructure {
  toc: TocEntry[];
  articles: Article[];
  warnings: Diagnostic[];
}

/**
 * Recovers the structure of a bilingual magazine: the table of contents before the
 * first heading, then articles that each start at a heading, with their header fields
 * and the two language streams with page breaks repaired.
 */
export function structureMagazine(blocks: readonly Block[]): MagazineStructure {
  const tagged: TaggedBlock[] = blocks.map((block) => ({ ...block, lang: languageOf(block.text) }));
  const starts = articleStarts(tagged);
  const first = starts[0];
  if (first === undefined) return { toc: [], articles: [buildArticle(0, tagged, true)], warnings: [] };
  const warnings: Diagnostic[] = [];
  const prelude = tagged.slice(0, first).filter((block) => keepOrWarn(block, warnings));
  const articles = starts.map((start, i) => buildArticle(i, tagged.slice(start, starts[i + 1]), false));
  return {
    toc: matchToc(
      withoutPageNumbers(
        pairAlternating(prelude)
          .map((pair) => pair.text)
          .filter((entry) => !isContentsHeading(entry)),
      ),
      articles,
    ),
    articles,
    warnings,
  };
}

/** An article starts at a heading that does not follow another heading (# English, ## 中文 is one title). */
function articleStarts(blocks: readonly TaggedBlock[]): number[] {
  const starts: number[] = [];
  let titled = new Set<Lang | null>();
  blocks.forEach((block, i) => {
    // A date or byline set as a heading is a header line, not a title.
    if (block.markup !== 'heading' || looksLikeHeaderField(block.text)) return;
    const followsHeading = i > 0 && blocks[i - 1]?.markup === 'heading';
    // An article printed in one language, then the other, has its second title further down.
    const secondLanguageTitle = starts.length > 0 && block.lang !== null && !titled.has(block.lang);
    if (!followsHeading && !secondLanguageTitle) {
      starts.push(i);
      titled = new Set();
    }
    titled.add(block.lang);
  });
  return starts;
}

function keepOrWarn(block: TaggedBlock, warnings: Diagnostic[]): boolean {
  if (block.lang === null) warnings.push(unplacedText(block.text, block.lines));
  return block.lang !== null;
}

interface BlockPair {
  text: BilingualText;
  blocks: TaggedBlock[];
}

/** Pairs blocks that alternate between languages: each English block with the Chinese one next to it. */
function pairAlternating(blocks: readonly TaggedBlock[]): BlockPair[] {
  const pairs: BlockPair[] = [];
  for (const block of blocks) {
    const last = pairs.at(-1);
    const lang = block.lang as Lang;
    const text = cleanParagraph(block.text);
    if (last && last.text[lang] === null) {
      last.text[lang] = text;
      last.blocks.push(block);
    } else {
      pairs.push({ text: { en: null, zh: null, [lang]: text }, blocks: [block] });
    }
  }
  return pairs;
}

function buildArticle(index: number, blocks: readonly TaggedBlock[], untitled: boolean): Article {
  const article = emptyArticle(index);
  const body = untitled ? [...blocks] : readTitledSections(article, blocks);
  joinHalfFields(article);
  readBody(article, body);
  checkEnding(article, body);
  return article;
}

const HALF_FIELD_ROLES = ['subtitle', 'byline'] as const;

/**
 * Joins the two halves of a header field read into two roles: a line whose form gives no
 * role (a bare name, 孙磊) took a free one before its counterpart, marked by its form
 * (By Sun Lei), was read; the half without a role by its form joins the one with it.
 */
function joinHalfFields(article: Article): void {
  for (const unmarked of HALF_FIELD_ROLES)
    for (const marked of HALF_FIELD_ROLES) {
      const [half, other] = [article[unmarked], article[marked]];
      if (unmarked === marked || !half || !other || roleByForm(half) !== null || roleByForm(other) !== marked)
        continue;
      const lang = half.en === null ? 'zh' : 'en';
      const otherLang = lang === 'en' ? 'zh' : 'en';
      if (half[otherLang] !== null || other[lang] !== null) continue;
      article[marked] = { ...other, [lang]: half[lang] };
      article[unmarked] = null;
    }
}

/**
 * Reads the titles and header fields at the head of an article, and again after a title
 * in the other language further down; returns the body blocks in order.
 */
function readTitledSections(article: Article, blocks: readonly TaggedBlock[]): TaggedBlock[] {
  const body: TaggedBlock[] = [];
  let rest = blocks;
  while (rest.length > 0) {
    const titleCount = leadingCount(rest, (block) => block.markup === 'heading');
    const titleBefore = { ...article.title };
    const deck = readTitle(article, rest.slice(0, titleCount));
    rest = rest.slice(titleCount);
    if (article.title.en !== titleBefore.en || article.title.zh !== titleBefore.zh) {
      const zone = [...deck, ...rest];
      const headerCount = headerZone(zone, article)?.length ?? 0;
      readHeaderFields(article, zone.slice(0, headerCount));
      rest = zone.slice(headerCount);
    } else body.push(...deck); // headings in the text, under no new title: section headings
    const bodyCount = leadingCount(rest, (block) => block.markup !== 'heading');
    body.push(...rest.slice(0, bodyCount));
    rest = rest.slice(bodyCount);
  }
  return body;
}

function leadingCount<T>(items: readonly T[], test: (item: T) => boolean): number {
  const count = items.findIndex((item) => !test(item));
  return count < 0 ? items.length : count;
}

/**
 * Reads a run of headings into the title: the first heading in each language, and the one
 * after it when the title is set over two heading lines in a row (same language, same
 * level). Returns the other headings in the run, which are header lines set large (a deck:
 * subtitle, byline, date), whatever their language order, with a date in digits alone; other
 * text in neither language is kept aside.
 */
function readTitle(article: Article, headings: readonly TaggedBlock[]): TaggedBlock[] {
  const deck: TaggedBlock[] = [];
  const titleLevel: Partial<Record<Lang, number>> = {};
  headings.forEach((heading, i) => {
    const lang = heading.lang;
    if (!lang) {
      if (isNeutralDate(heading)) deck.push(heading);
      else article.warnings.push(unplacedText(heading.text, heading.lines));
      return;
    }
    const title = article.title[lang];
    const byForm = looksLikeHeaderField(heading.text);
    if (title === null && !byForm) {
      article.title[lang] = cleanParagraph(heading.text);
      titleLevel[lang] = heading.level;
    } else if (title && !byForm && deck.length === 0 && continuesTitle(heading, headings[i - 1], titleLevel))
      article.title[lang] = cleanParagraph(joinPieces(title, heading.text));
    else deck.push(heading);
  });
  return deck;
}

/** A title's second line: a heading right after the title's first, in its language and at its level. */
function continuesTitle(
  heading: TaggedBlock,
  previous: TaggedBlock | undefined,
  titleLevel: Partial<Record<Lang, number>>,
): boolean {
  const lang = heading.lang as Lang;
  return previous?.lang === lang && previous.level === heading.level && titleLevel[lang] === heading.level;
}

/**
 * Gives the header zone's pairs their roles; an editor's note is body text at the head of
 * the article, and a pair whose role is taken stays in the text as a heading.
 */
function readHeaderFields(article: Article, blocks: readonly TaggedBlock[]): void {
  const notes = blocks.filter((block) => isEditorsNote(block.text));
  for (const note of notes) appendParagraph(article, note, 'body');
  const neutralDates = blocks.filter(isNeutralDate);
  for (const date of neutralDates) readNeutralDate(article, date);
  const pairs = pairAlternating(blocks.filter((block) => !notes.includes(block) && !isNeutralDate(block)));
  const awaits = (role: HeaderFieldRole, pair: BilingualText) =>
    LANGS.some((lang) => article[role] !== null && article[role][lang] === null && pair[lang] !== null);
  const roles = assignHeaderRoles(
    pairs.map((pair) => pair.text),
    awaits,
  );
  pairs.forEach((pair, i) => {
    const role = roles[i];
    const field = role ? article[role] : null;
    const free = (lang: Lang) => pair.text[lang] === null || field?.[lang] == null;
    if (role && free('en') && free('zh'))
      article[role] = { en: field?.en ?? pair.text.en, zh: field?.zh ?? pair.text.zh };
    else for (const block of pair.blocks) appendParagraph(article, block, 'heading');
  });
}

/**
 * A date in digits alone is the date in each language that has none yet; printed again on
 * the other side, it is the same date. Another date when the article has both is kept aside.
 */
function readNeutralDate(article: Article, block: TaggedBlock): void {
  const text = cleanParagraph(block.text);
  const date = article.date ?? { en: null, zh: null };
  const sameDate = date.en === text || date.zh === text;
  if (date.en !== null && date.zh !== null && !sameDate) {
    article.warnings.push(unplacedText(block.text, block.lines));
    return;
  }
  article.date = { en: date.en ?? text, zh: date.zh ?? text };
}

function readBody(article: Article, blocks: readonly TaggedBlock[]): void {
  let previousLang: Lang | null = null;
  // A caption stands between a paragraph and its continuation as a page break does.
  let captionSince = false;
  const captions = new Set<Paragraph>();
  for (const block of blocks) {
    if (!block.lang) {
      article.warnings.push(unplacedText(block.text, block.lines));
      continue;
    }
    if (isSourceLine(block.text) && article.source?.[block.lang] == null) {
      article.source ??= { en: null, zh: null };
      article.source[block.lang] = cleanParagraph(block.text);
      previousLang = block.lang;
      continue;
    }
    if (isCaption(block.text)) {
      captions.add(appendParagraph(article, block, 'body'));
      captionSince = true;
      continue;
    }
    const last = article.paragraphs[block.lang].findLast((paragraph) => !captions.has(paragraph));
    const acrossBreak = captionSince || (previousLang !== null && previousLang !== block.lang);
    if (
      last &&
      acrossBreak &&
      block.markup === 'plain' &&
      continuesAcrossBreak(last, block.text, block.lang)
    ) {
      last.text = cleanParagraph(joinPieces(last.text, block.text));
      last.sources.push(block.lines);
    } else {
      appendParagraph(article, block, block.markup === 'plain' ? 'body' : 'heading');
    }
    previousLang = block.lang;
    captionSince = false;
  }
}

function appendParagraph(article: Article, block: TaggedBlock, kind: Paragraph['kind']): Paragraph {
  const lang = block.lang as Lang;
  const stream = article.paragraphs[lang];
  const paragraph: Paragraph = {
    id: `a${article.index}.${lang}.p${stream.length}`,
    kind,
    text: cleanParagraph(block.text),
    sentences: [],
    sources: [block.lines],
    warnings: [],
  };
  stream.push(paragraph);
  return paragraph;
}

const LIST_MARKER = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])/u;
const ENGLISH_CONTINUATION = /^[\p{Ll}\d(]/u;
const ENDS_WITH_FUNCTION_WORD =
  /\b(?:a|an|the|of|and|or|to|in|on|at|by|for|with|from|as|that|its|their|our|is|are|was|were)$/i;
/** An English paragraph this long that ends on a letter was cut, even if what follows starts with a name; shorter ones may be headings. */
const CUT_PARAGRAPH_MIN_LENGTH = 60;
/** A short numbered line without a closing mark ("一、深化贸易合作") is a section heading, not a cut paragraph. */
const SECTION_HEADING_MAX_LENGTH = 25;
/** Salutations ("Mr. President,", "主席先生，") are whole paragraphs although they end with a comma. */
const SALUTATION_MAX_LENGTH: Record<Lang, number> = { en: 40, zh: 16 };

/** Whether a paragraph cut by a page break goes on in the next block of its language. */
function continuesAcrossBreak(previous: Paragraph, next: string, lang: Lang): boolean {
  if (previous.kind === 'heading' || endsCompletely(previous.text, lang)) return false;
  if (previous.text.length <= SALUTATION_MAX_LENGTH[lang] && /[,，]$/.test(previous.text)) return false;
  if (lang === 'en') {
    const longAndUnfinished =
      previous.text.length > CUT_PARAGRAPH_MIN_LENGTH && /\p{L}$/u.test(previous.text);
    return (
      ENGLISH_CONTINUATION.test(next) ||
      /-$/.test(previous.text) ||
      ENDS_WITH_FUNCTION_WORD.test(previous.text) ||
      longAndUnfinished
    );
  }
  const sectionHeading =
    LIST_MARKER.test(previous.text) && previous.text.length <= SECTION_HEADING_MAX_LENGTH;
  return !sectionHeading && !LIST_MARKER.test(next) && /^[\p{Script=Han}\p{N}“‘《（(]/u.test(next);
}

/** Flags an article whose text stops mid-sentence, or whose one side is closed (■, source line) and the other not. */
function checkEnding(article: Article, blocks: readonly TaggedBlock[]): void {
  const closed = (lang: Lang) =>
    article.source?.[lang] != null || blocks.some((block) => block.lang === lang && hasEndMark(block.text));
  for (const lang of ['en', 'zh'] as const) {
    const last = article.paragraphs[lang].at(-1);
    const other = lang === 'en' ? 'zh' : 'en';
    if (!last) {
      if (article.paragraphs[other].length > 0) {
        article.warnings.push({
          code: 'one-sided',
          message: `the article has no ${languageName(lang)} text`,
        });
      }
      continue;
    }
    if (!endsCompletely(last.text, lang)) {
      const message = `the ${languageName(lang)} text stops mid-sentence at ${quote(last.text, -60)}`;
      article.warnings.push({ code: 'truncated', message, lang, at: placeOf(last) });
    } else if (closed(other) && !closed(lang)) {
      const message = `the ${languageName(lang)} text ends without the closing mark or source line that the ${languageName(other)} text has, after ${quote(last.text, -60)}`;
      article.warnings.push({ code: 'truncated', message, lang, at: placeOf(last) });
    }
  }
}
