import type { Lang } from '../../model/document.js';
import { quantile } from '../../quantile.js';
import { joinLines } from '../../text/join.js';
import { languageOf } from '../../text/language.js';
import type { Block } from '../blocks.js';
import { HEADING_SIZE, roundSize, SMALL_PRINT } from './sizes.js';
import type { TextLine } from './types.js';

/** Lines whose sizes differ by more than this share belong to different blocks. */
const SIZE_CHANGE = 0.08;
/** A gap between baselines this much wider than the usual line spacing separates paragraphs. */
const PARAGRAPH_GAP = 1.3;
/** A first line indented by this many text sizes starts a paragraph. */
const INDENT = 0.8;
/** A line ending this many text sizes short of the lines around it ends its paragraph… */
const SHORT_LINE = 2.5;
/** …when it ends a sentence. */
const PARAGRAPH_END = /[.!?。！？…:：;；"”’)）」』■]$/u;
/** A line within this many text sizes of the right edge is full: its paragraph goes on. */
const FULL_LINE = 1.5;

/** The size most of the text is set in, weighted by characters. */
function commonSize(lines: readonly TextLine[]): number | undefined {
  const weight = new Map<number, number>();
  for (const line of lines)
    weight.set(roundSize(line.size), (weight.get(roundSize(line.size)) ?? 0) + line.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export type BodySizes = Record<Lang, number>;

/** The size each language's body text is set in: Chinese is often set smaller than the English beside it. */
export function bodySizesOf(lines: readonly TextLine[]): BodySizes {
  const overall = commonSize(lines) ?? 10;
  const of = (lang: Lang) => commonSize(lines.filter((line) => languageOf(line.text) === lang)) ?? overall;
  return { en: of('en'), zh: of('zh') };
}

const bodySizeFor = (sizes: BodySizes, lang: Lang | null) =>
  lang ? sizes[lang] : Math.min(sizes.en, sizes.zh);

const DEFAULT_LINE_SPACING = 1.2;

/**
 * The usual baseline-to-baseline distance of each language, as a multiple of the text
 * size, from consecutive lines of one size: Chinese is often set with more space between
 * lines than the English beside it.
 */
function lineSpacingsOf(segments: readonly TextLine[][]): Record<Lang, number> {
  const ratios: Record<Lang, number[]> = { en: [], zh: [] };
  for (const lines of segments) {
    for (let i = 1; i < lines.length; i++) {
      const [above, below] = [lines[i - 1] as TextLine, lines[i] as TextLine];
      const step = below.baseline - above.baseline;
      const lang = languageOf(below.text);
      if (
        lang &&
        lang === languageOf(above.text) &&
        roundSize(above.size) === roundSize(below.size) &&
        step > 0
      )
        ratios[lang].push(step / below.size);
    }
  }
  const usual = (values: readonly number[]) => quantile(values, 0.25);
  const en = usual(ratios.en);
  const zh = usual(ratios.zh);
  return { en: en ?? zh ?? DEFAULT_LINE_SPACING, zh: zh ?? en ?? DEFAULT_LINE_SPACING };
}

/** The left and right edges of a run of lines in one column of one page. */
interface Edges {
  left: number;
  right: number;
}

const edgesOf = (lines: readonly TextLine[]): Edges => ({
  left: Math.min(...lines.map((line) => line.x)),
  right: Math.max(...lines.map((line) => line.right)),
});

interface Layout {
  bodySizes: BodySizes;
  lineSpacings: Record<Lang, number>;
}

/** A line and the lines above it in its column. */
interface LineContext {
  line: TextLine;
  above: TextLine;
  beforeAbove: TextLine | undefined;
  /** The line above is the first of the paragraph being built. */
  aboveOpensBlock: boolean;
}

/** A contents entry: a title, leader dots and a page number. */
const CONTENTS_ENTRY = /(?:\.\s?){3,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$/u;

/** List items, whose lines after the first hang indented under the item's text. */
const LIST_ITEM =
  /^(?:[•·▪◦‣●*–—-]|\d{1,3}[.)]|[a-z][.)]|\(\w{1,3}\)|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）)/u;

function startsParagraph(context: LineContext, edges: Edges, layout: Layout): boolean {
  const { line, above, beforeAbove, aboveOpensBlock } = context;
  const size = Math.max(above.size, line.size);
  if (Math.abs(above.size - line.size) > size * SIZE_CHANGE || above.bold !== line.bold) return true;
  const lineLang = languageOf(line.text);
  const aboveLang = languageOf(above.text);
  if (lineLang && aboveLang && lineLang !== aboveLang) return true;
  const spacing = layout.lineSpacings[lineLang ?? aboveLang ?? 'en'];
  if (line.baseline - above.baseline > size * spacing * PARAGRAPH_GAP) return true;
  if (CONTENTS_ENTRY.test(above.text)) return true;
  const indent = line.size * INDENT;
  if (line.x - above.x > indent && !LIST_ITEM.test(above.text)) return true;
  // A line short of the lines around it (not of the column: a quotation is set narrower).
  const reach = Math.max(line.right, beforeAbove?.right ?? line.right);
  const aboveIsShort = (by: number) => reach - above.right > above.size * by;
  // Paragraphs of one line set the Chinese way, each indented, one under the other: a first
  // line that ends a sentence, or does not fill its line (a section heading), is the whole paragraph.
  const indented = line.x - edges.left > indent && Math.abs(line.x - above.x) <= 1;
  if (indented && aboveOpensBlock && (PARAGRAPH_END.test(above.text) || aboveIsShort(FULL_LINE))) return true;
  return aboveIsShort(SHORT_LINE) && PARAGRAPH_END.test(above.text);
}

interface OpenBlock {
  lines: TextLine[];
  lang: Lang | null;
}

/** A block whose last line runs to the column's edge without ending a sentence goes on in the next column. */
function runsOn(block: OpenBlock, edges: Edges, layout: Layout): boolean {
  const last = block.lines.at(-1) as TextLine;
  return (
    roundSize(last.size) === bodySizeFor(layout.bodySizes, block.lang) &&
    edges.right - last.right <= last.size * FULL_LINE &&
    !PARAGRAPH_END.test(last.text)
  );
}

function continues(block: OpenBlock, line: TextLine, edges: Edges): boolean {
  const last = block.lines.at(-1) as TextLine;
  return (
    roundSize(line.size) === roundSize(last.size) &&
    line.bold === last.bold &&
    line.x - edges.left <= line.size * INDENT &&
    languageOf(line.text) === block.lang
  );
}

/** Lines cut into the runs that fill one column of one page. */
function segmentsOf(lines: readonly TextLine[]): TextLine[][] {
  const segments: TextLine[][] = [];
  for (const line of lines) {
    const current = segments.at(-1);
    const previous = current?.at(-1);
    if (current && previous && previous.page === line.page && previous.column === line.column)
      current.push(line);
    else segments.push([line]);
  }
  return segments;
}

/**
 * Builds paragraphs from lines in reading order: a paragraph ends at a wider gap, an
 * indented line, a change of size, weight or language, or a short line that ends a
 * sentence; a paragraph that runs to the foot of a column goes on at the head of the
 * next column in its language. Text well above body size is a heading.
 */
export function linesToBlocks(lines: readonly TextLine[], file: string): Block[] {
  const segments = segmentsOf(lines);
  const layout: Layout = { bodySizes: bodySizesOf(lines), lineSpacings: lineSpacingsOf(segments) };
  const blocks: OpenBlock[] = [];
  const runningOn = new Map<Lang | null, OpenBlock>();
  for (const segment of segments) {
    const edges = edgesOf(segment);
    const inSegment: OpenBlock[] = [];
    let current: OpenBlock | undefined;
    segment.forEach((line, i) => {
      const above = segment[i - 1];
      const open = i === 0 ? runningOn.get(languageOf(line.text)) : undefined;
      if (open && continues(open, line, edges)) current = open;
      else if (
        !current ||
        !above ||
        startsParagraph(
          { line, above, beforeAbove: segment[i - 2], aboveOpensBlock: current.lines.length === 1 },
          edges,
          layout,
        )
      ) {
        current = { lines: [], lang: languageOf(line.text) };
        blocks.push(current);
      }
      if (inSegment.at(-1) !== current) inSegment.push(current);
      current.lines.push(line);
      current.lang ??= languageOf(line.text);
    });
    // Footnotes and captions, set smaller, do not stand between a paragraph and its continuation.
    const inBodySize = inSegment.filter(
      (block) =>
        Math.max(...block.lines.map((line) => line.size)) >=
        bodySizeFor(layout.bodySizes, block.lang) * SMALL_PRINT,
    );
    const lastOfLang = new Map(inBodySize.map((block) => [block.lang, block]));
    for (const [lang, block] of lastOfLang) {
      if (runsOn(block, edges, layout)) runningOn.set(lang, block);
      else runningOn.delete(lang);
    }
  }
  return toBlocks(blocks, layout, file, lines);
}

function toBlocks(blocks: OpenBlock[], layout: Layout, file: string, lines: readonly TextLine[]): Block[] {
  const lineNumber = new Map(lines.map((line, i) => [line, i + 1]));
  const sizeOf = (block: OpenBlock) => Math.max(...block.lines.map((line) => line.size));
  const isHeading = (block: OpenBlock) =>
    sizeOf(block) >= bodySizeFor(layout.bodySizes, block.lang) * HEADING_SIZE;
  const headingSizes = [...new Set(blocks.filter(isHeading).map((block) => roundSize(sizeOf(block))))].sort(
    (a, b) => b - a,
  );
  return blocks.map((block): Block => {
    const heading = isHeading(block);
    const numbers = block.lines.map((line) => lineNumber.get(line) ?? 0);
    return {
      text: joinLines(block.lines.map((line) => line.text)),
      markup: heading ? 'heading' : block.lines.every((line) => line.bold) ? 'bold' : 'plain',
      level: heading ? Math.min(6, headingSizes.indexOf(roundSize(sizeOf(block))) + 1) : 0,
      lines: {
        file,
        firstLine: Math.min(...numbers),
        lastLine: Math.max(...numbers),
        page: block.lines[0]?.page ?? 1,
      },
    };
  });
}
