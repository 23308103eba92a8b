import type { Lang } from '../../model/document.js';
import { quantile } from '../../quantile.js';
import { joinLines } from '../../text/join.js';
import { languageOf } from '../../text/language.js';
import type { Block } from '../blocks.js';
import { type BreakContext, FULL_LINE, INDENT, paragraphBreak } from './breaks.js';
import { HEADING_SIZE, roundSize, SMALL_PRINT } from './sizes.js';
import type { TextLine } from './types.js';

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

interface OpenBlock {
  lines: TextLine[];
  lang: Lang | null;
}

/**
 * A block whose last line runs to the column's edge goes on in the next column, even when
 * that line ends a sentence: a paragraph's last line is seldom full, while lines inside one
 * often end a sentence. The next column's first line joins it only if it is not indented.
 */
function runsOn(block: OpenBlock, edges: Edges, layout: Layout): boolean {
  const last = block.lines.at(-1) as TextLine;
  return (
    roundSize(last.size) === bodySizeFor(layout.bodySizes, block.lang) &&
    edges.right - last.right <= last.size * FULL_LINE
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

function breakContext(
  line: TextLine,
  above: TextLine,
  beforeAbove: TextLine | undefined,
  current: OpenBlock,
  edges: Edges,
  layout: Layout,
): BreakContext {
  return {
    line,
    above,
    beforeAbove,
    lineLang: languageOf(line.text),
    aboveLang: languageOf(above.text),
    aboveOpensBlock: current.lines.length === 1,
    columnLeft: edges.left,
    lineSpacings: layout.lineSpacings,
  };
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
        paragraphBreak(breakContext(line, above, segment[i - 2], current, edges, layout))
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
