import { HEADING_SIZE, SMALL_PRINT } from './sizes.js';
import type { TextLine } from './types.js';

/** Page numbers as they are printed: `7`, `- 7 -`, `— 7 —`, `Page 7`, `7 of 20`, `第7页`, `vii`. */
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$|^第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?$/i;

/** Lines whose baselines are this close (in points) form one row. */
const ROW_TOLERANCE = 2;
/** A top row in small print standing this many body sizes apart from the text is a running head. */
const APART = 1.8;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** What a running head or foot keeps from page to page: its words and print size, not its numbers. */
function furnitureKey(line: TextLine): string {
  return `${line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase()}|${Math.round(line.size)}`;
}

/** A page's lines grouped into rows by baseline, top to bottom. */
function rows(lines: readonly TextLine[]): TextLine[][] {
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline);
  const result: TextLine[][] = [];
  for (const line of sorted) {
    const row = result.at(-1);
    if (row && Math.abs((row[0] as TextLine).baseline - line.baseline) <= ROW_TOLERANCE) row.push(line);
    else result.push([line]);
  }
  return result;
}

interface EdgeRows {
  top: TextLine[];
  bottom: TextLine[];
  /** Space between the top row and the row under it. */
  topGap: number;
}

function edgeRows(lines: readonly TextLine[]): EdgeRows {
  const all = rows(lines);
  const top = all[0] ?? [];
  const next = all[1];
  return {
    top,
    bottom: all.length > 1 ? (all.at(-1) ?? []) : [],
    topGap: next && top[0] ? (next[0] as TextLine).baseline - top[0].baseline : 0,
  };
}

/**
 * Removes running heads, running feet and page numbers: lines in a page's top or bottom
 * row that are page numbers, that recur (numbers aside) at the edge of other pages, or,
 * at the top, that are set small and apart from the text.
 */
export function dropFurniture(pages: readonly TextLine[][], bodySize: number): TextLine[][] {
  const edges = pages.map(edgeRows);
  const pagesWithKey = new Map<string, Set<number>>();
  edges.forEach((edge, page) => {
    for (const line of [...edge.top, ...edge.bottom]) {
      const key = furnitureKey(line);
      pagesWithKey.set(key, (pagesWithKey.get(key) ?? new Set()).add(page));
    }
  });
  // Headings recur too (`Chapter 1`, `Chapter 2`), but running heads are never set larger than the text.
  const recurs = (line: TextLine) =>
    line.size <= bodySize * HEADING_SIZE && (pagesWithKey.get(furnitureKey(line))?.size ?? 0) >= 2;
  return pages.map((lines, page) => {
    const edge = edges[page] as EdgeRows;
    const smallApart = (line: TextLine) =>
      line.size < bodySize * SMALL_PRINT && edge.topGap > bodySize * APART;
    const furniture = new Set([
      ...edge.top.filter((line) => isPageNumber(line.text) || recurs(line) || smallApart(line)),
      ...edge.bottom.filter((line) => isPageNumber(line.text) || recurs(line)),
    ]);
    return lines.filter((line) => !furniture.has(line));
  });
}
