import { type CheerioAPI, load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { BitextError, TooLargeError } from '../errors.js';
import type { Lang } from '../model/document.js';
import { joinLines } from '../text/join.js';
import { languageOf, languageRuns } from '../text/language.js';
import type { Block } from './blocks.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

const isElement = (node: AnyNode): node is Element => node.type === 'tag';

/** Page furniture that is never part of the text: navigation, headers, footers, scripts. */
const BOILERPLATE =
  'head, title, script, style, noscript, template, svg, canvas, button, select, ' +
  'nav, aside, form, iframe, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], ' +
  // Footnote marks and the notes themselves, as Word files converted by mammoth carry them.
  '[id^=footnote-], [id^=endnote-], ' +
  // Pinyin or zhuyin over characters (ruby annotations) is not part of the sentence.
  'rt, rp';

/** Words in class names and ids that mark page furniture: `main-nav`, `breadcrumb`, `share-buttons`. */
const FURNITURE_NAME =
  /^(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|sidebar|share|sharing|social|copyright|pagination|pager|toolbar|cookies?|ads|advert\w*)$/i;
/** A page's header and footer, as opposed to an article's (which holds its title and byline). */
const PAGE_HEADER_OR_FOOTER = /^(?:header|footer|masthead)$/i;

/** Removes what is not the page's text: boilerplate elements, and elements named as furniture. */
function dropFurniture($: CheerioAPI): void {
  $(BOILERPLATE).remove();
  $('*').each((_, node) => {
    const element = $(node);
    const words = `${element.attr('class') ?? ''} ${element.attr('id') ?? ''}`.split(/[\s_-]+/);
    const pageEdge = element.is('header, footer') || words.some((word) => PAGE_HEADER_OR_FOOTER.test(word));
    const furniture =
      words.some((word) => FURNITURE_NAME.test(word)) ||
      (pageEdge && element.parents('article, main').length === 0);
    if (furniture) element.remove();
  });
}

/** A column is in one language when this share of its cells is. */
const COLUMN_LANGUAGE_SHARE = 0.6;

const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);

/**
 * The rows of a table, not of the tables inside it, as lists of cells: the table's own
 * rows and those of its row groups, found among children only, so nested tables cost
 * no more than their size.
 */
function tableRows(table: Element): Element[][] {
  const children = (node: Element) => node.children.filter(isElement);
  const rowsIn = (node: Element) => children(node).filter((child) => child.tagName === 'tr');
  const rows = children(table).flatMap((child) =>
    ROW_GROUPS.has(child.tagName) ? rowsIn(child) : child.tagName === 'tr' ? [child] : [],
  );
  return rows.map((row) => children(row).filter((cell) => cell.tagName === 'td' || cell.tagName === 'th'));
}

/** The language most of a column's cells are in, if most are in one. */
function columnLanguage($: CheerioAPI, cells: Element[]): Lang | null {
  const langs = cells.map((cell) => languageOf($(cell).text())).filter((lang) => lang !== null);
  for (const lang of ['en', 'zh'] as const) {
    const share = langs.filter((other) => other === lang).length / Math.max(1, cells.length);
    if (share >= COLUMN_LANGUAGE_SHARE) return lang;
  }
  return null;
}

/**
 * A bilingual table with more than two columns (a translator's table: number, English,
 * Chinese, notes) keeps only its English and Chinese columns.
 */
function keepBilingualColumns($: CheerioAPI): void {
  $('table').each((_, table) => {
    const rows = tableRows(table);
    const width = Math.max(0, ...rows.map((row) => row.length));
    if (width <= 2) return;
    const columns = Array.from({ length: width }, (_, c) => rows.flatMap((row) => (row[c] ? [row[c]] : [])));
    const langs = columns.map((cells) => columnLanguage($, cells));
    const lengths = columns.map((cells) => cells.reduce((sum, cell) => sum + $(cell).text().length, 0));
    const kept = [textColumn(langs, lengths, 'en'), textColumn(langs, lengths, 'zh')];
    if (kept.includes(-1)) return;
    for (const row of rows)
      row.forEach((cell, c) => {
        if (!kept.includes(c)) $(cell).remove();
      });
  });
}

/** Of the columns in a language, the one that holds most text is the text; the rest are notes. -1 when none is. */
function textColumn(langs: readonly (Lang | null)[], lengths: readonly number[], lang: Lang): number {
  let best = -1;
  langs.forEach((other, c) => {
    if (other === lang && (best < 0 || (lengths[c] ?? 0) > (lengths[best] ?? 0))) best = c;
  });
  return best;
}

/** Elements that run inside a line of text; every other element starts a block of its own. */
const INLINE = new Set(
  'a abbr b bdi bdo big br cite code data del dfn em font i img ins kbd label mark q rp rt ruby s samp small span strong sub sup time tt u var wbr'.split(
    ' ',
  ),
);
const BOLD = new Set(['b', 'strong']);

/** A stretch of inline content being gathered into one block: its lines, and how much of it is bold. */
interface Gathered {
  lines: string[];
  characters: number;
  boldCharacters: number;
  level: number;
  firstLine: number;
  lastLine: number;
}

/** Gathers inline text into blocks: a block ends where a block element starts or ends, or at a blank line. */
class BlockCollector {
  readonly blocks: Block[] = [];
  private gathered: Gathered | null = null;

  constructor(private readonly file: string) {}

  text(node: AnyNode, text: string, bold: boolean, level: number): void {
    if (text.trim() === '' && !this.gathered) return;
    const into = this.gather(node, level);
    into.lines[into.lines.length - 1] += text;
    const visible = text.replace(/\s/g, '').length;
    into.characters += visible;
    if (bold) into.boldCharacters += visible;
  }

  /** A `<br>`: a new line, or after an empty one (`<br><br>`) the end of the paragraph. */
  lineBreak(node: AnyNode, level: number): void {
    const into = this.gather(node, level);
    if (into.lines.at(-1)?.trim() === '' && into.lines.length > 1) this.flush();
    else into.lines.push('');
  }

  flush(): void {
    if (this.gathered) this.blocks.push(...toBlocks(this.gathered, this.file));
    this.gathered = null;
  }

  private gather(node: AnyNode, level: number): Gathered {
    const line = node.sourceCodeLocation?.startLine ?? 1;
    this.gathered ??= {
      lines: [''],
      characters: 0,
      boldCharacters: 0,
      level,
      firstLine: line,
      lastLine: line,
    };
    this.gathered.lastLine = node.sourceCodeLocation?.endLine ?? line;
    return this.gathered;
  }
}

/** Where a tag's name, the space between its attributes, one attribute's name and its value end. */
const TAG_NAME = /[^\s/>]*/y;
const BETWEEN_ATTRIBUTES = /[\s/]*/y;
const ATTRIBUTE_NAME = /=?[^\s/>=]*/y;
const ATTRIBUTE_VALUE = /\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*)/y;

/** Moves a sticky pattern to `at` and returns where its match ends (`at` when it does not match). */
function endOf(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : at;
}

/** The attributes of the tag whose name starts at `at`, read as the parser reads them, and where the tag ends. */
function readTag(html: string, at: number): { attributes: number; end: number } {
  let attributes = 0;
  let i = endOf(TAG_NAME, html, at);
  for (;;) {
    i = endOf(BETWEEN_ATTRIBUTES, html, i);
    if (i >= html.length || html[i] === '>') return { attributes, end: i };
    attributes++;
    i = endOf(ATTRIBUTE_VALUE, html, endOf(ATTRIBUTE_NAME, html, i));
  }
}

/**
 * The most attributes any one tag holds, counted before parsing, in one pass: the parser's
 * check for repeated attributes takes the square of their number.
 */
function mostAttributesInATag(html: string): number {
  let most = 0;
  const tagStart = /<[a-z]/gi;
  for (let match = tagStart.exec(html); match; match = tagStart.exec(html)) {
    const { attributes, end } = readTag(html, match.index + 1);
    most = Math.max(most, attributes);
    tagStart.lastIndex = end;
  }
  return most;
}

/**
 * Whether any node lies more than `limit` levels down. Checked, without recursion, before
 * anything else walks the page: the walks below recurse, safely within this depth.
 */
function nestedDeeperThan(root: AnyNode, limit: number): boolean {
  const stack: { node: AnyNode; depth: number }[] = [{ node: root, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.depth > limit) return true;
    if ('children' in next.node)
      for (const child of next.node.children) stack.push({ node: child, depth: next.depth + 1 });
  }
  return false;
}

/** Elements a parser adds to any page, however short: html, head, body. */
const IMPLIED_ELEMENTS = 3;

/**
 * The tree the parser builds, refused as it grows: deeper than the limit (each step of
 * parsing searches the open elements, so a deep page parses in the square of its length),
 * or of more elements than the page has characters, which only formatting tags left open
 * and reopened in every paragraph make (`<b id=1>…<b id=900>` then `<p>x</p>` many times).
 */
function boundedTree(html: string, file: string, limits: Pick<ReadLimits, 'htmlDepth'>): typeof adapter {
  const depths = new WeakMap<object, number>();
  let elements = 0;
  const placed = (parent: object, child: object) => {
    const depth = (depths.get(parent) ?? 0) + 1;
    if (depth > limits.htmlDepth) throw tooDeep(file, limits.htmlDepth);
    depths.set(child, depth);
  };
  return {
    ...adapter,
    createElement(...args) {
      if (++elements > html.length + IMPLIED_ELEMENTS)
        throw new TooLargeError(
          'has formatting tags so misnested that reading it would build more elements than it has characters',
          file,
        );
      return adapter.createElement(...args);
    },
    appendChild(parent, child) {
      adapter.appendChild(parent, child);
      placed(parent, child);
    },
    insertBefore(parent, child, reference) {
      adapter.insertBefore(parent, child, reference);
      placed(parent, child);
    },
  };
}

function tooDeep(file: string, limit: number): TooLargeError {
  return new TooLargeError(`nests elements more than ${limit} deep, deeper than a readable page does`, file);
}

/** Walks the page in reading order; a heading's level and bold type pass down to the text inside. */
function walk(node: AnyNode, collector: BlockCollector, bold: boolean, level: number): void {
  if (node.type === 'text') {
    collector.text(node, node.data.replace(/\s+/g, ' '), bold, level);
    return;
  }
  if (!isElement(node)) return;
  const tag = node.tagName.toLowerCase();
  if (tag === 'br') {
    collector.lineBreak(node, level);
    return;
  }
  const inline = INLINE.has(tag);
  if (!inline) collector.flush();
  const heading = /^h([1-6])$/.exec(tag);
  const childLevel = heading ? Number(heading[1]) : inline ? level : 0;
  for (const child of node.children) walk(child, collector, bold || BOLD.has(tag), childLevel);
  if (!inline) collector.flush();
}

/**
 * Reads a web page into the blocks every reader starts from, in reading order: headings,
 * paragraphs, list items, table cells (a two-column bilingual table gives one English and
 * one Chinese block a row), and text standing directly in containers, where a blank line
 * (`<br><br>`) separates paragraphs as pages without `<p>` do. Navigation, page headers
 * and footers are dropped.
 */
export function htmlBlocks(
  html: string,
  file: string,
  limits: Pick<ReadLimits, 'htmlDepth' | 'htmlAttributes'> = DEFAULT_LIMITS,
): Block[] {
  const attributes = mostAttributesInATag(html);
  if (attributes > limits.htmlAttributes)
    throw new BitextError(
      `has a tag of about ${attributes} attributes, more than the ${limits.htmlAttributes} a page is read with`,
      file,
    );
  const $ = load(html, { sourceCodeLocationInfo: true, treeAdapter: boundedTree(html, file, limits) });
  const root = $.root()[0];
  if (root && nestedDeeperThan(root, limits.htmlDepth)) throw tooDeep(file, limits.htmlDepth);
  dropFurniture($);
  keepBilingualColumns($);
  const collector = new BlockCollector(file);
  for (const child of root?.children ?? []) walk(child, collector, false, 0);
  collector.flush();
  return collector.blocks;
}

function toBlocks(gathered: Gathered, file: string): Block[] {
  const lines = gathered.lines.map((line) => line.trim()).filter((line) => line !== '');
  const bold = gathered.characters > 0 && gathered.boldCharacters === gathered.characters;
  return languageRuns(lines).map((run) => ({
    text: joinLines(run),
    markup: gathered.level > 0 ? 'heading' : bold ? 'bold' : 'plain',
    level: gathered.level,
    lines: { file, firstLine: gathered.firstLine, lastLine: gathered.lastLine },
  }));
}
