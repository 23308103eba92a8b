import { median } from '../../quantile.js';
import type { PdfPage, TextRun } from './extract.js';
import { isPageNumber } from './furniture.js';
import type { ColumnSide, TextLine } from './types.js';

/** The narrowest gap between columns that counts as a gutter, in multiples of the text size. */
const MIN_GUTTER = 0.8;
/** A gutter lies in the middle part of the text's width. */
const GUTTER_ZONE = [0.25, 0.75] as const;
/** Each column holds at least this share of the page's characters, on at least two lines. */
const MIN_COLUMN_SHARE = 0.01;
const MIN_COLUMN_LINES = 2;
/** At most this share of runs may cross a gutter (titles and running heads that span both columns), or this many. */
const MAX_CROSSING_SHARE = 0.1;
const MIN_ALLOWED_CROSSING = 2;

function runsCrossing(runs: readonly TextRun[], x: number): number {
  return runs.filter((run) => run.x < x && run.x + run.width > x).length;
}

/** Bands of x in the middle of the text that (almost) no run crosses. */
function openBands(runs: readonly TextRun[]): { start: number; end: number }[] {
  const left = Math.min(...runs.map((run) => run.x));
  const right = Math.max(...runs.map((run) => run.x + run.width));
  const allowedCrossing = Math.max(MIN_ALLOWED_CROSSING, Math.floor(runs.length * MAX_CROSSING_SHARE));
  const bands: { start: number; end: number }[] = [];
  let start: number | null = null;
  const from = Math.floor(left + (right - left) * GUTTER_ZONE[0]);
  const to = Math.ceil(left + (right - left) * GUTTER_ZONE[1]);
  for (let x = from; x <= to + 1; x++) {
    const open = x <= to && runsCrossing(runs, x) <= allowedCrossing;
    if (open && start === null) start = x;
    if (!open && start !== null) {
      bands.push({ start, end: x });
      start = null;
    }
  }
  return bands;
}

/**
 * The x of the gap between two columns, if the page has one: of the places in the
 * middle of the text that (almost) no run crosses, in a band wide enough for a gutter,
 * the one that leaves the most text on its lesser side, when both sides hold a column.
 */
export function findGutter(pageRuns: readonly TextRun[]): number | null {
  // A page number often stands centred under the gutter; it says nothing of the columns.
  const runs = pageRuns.filter((run) => !isPageNumber(run.text));
  if (runs.length < 4) return null;
  const size = median(runs.map((run) => run.size)) ?? 0;
  const leftOf = (x: number) => runs.filter((run) => run.x + run.width <= x);
  const rightOf = (x: number) => runs.filter((run) => run.x >= x);
  let best: { x: number; balance: number } | null = null;
  for (const band of openBands(runs)) {
    if (band.end - band.start < MIN_GUTTER * size) continue;
    let widest: { from: number; to: number; balance: number } | null = null;
    for (let x = band.start; x < band.end; x++) {
      const balance = Math.min(characters(leftOf(x)), characters(rightOf(x)));
      if (!widest || balance > widest.balance) widest = { from: x, to: x, balance };
      else if (balance === widest.balance && widest.to === x - 1) widest.to = x;
    }
    // The middle of the places that split the text best: the middle of the gap between the columns.
    if (widest && (!best || widest.balance > best.balance))
      best = { x: (widest.from + widest.to) / 2, balance: widest.balance };
  }
  if (!best) return null;
  const total = characters(runs);
  const holdsColumn = (side: TextRun[]) =>
    characters(side) >= total * MIN_COLUMN_SHARE &&
    new Set(side.map((run) => Math.round(run.baseline))).size >= MIN_COLUMN_LINES;
  const right = rightOf(best.x);
  return holdsColumn(leftOf(best.x)) && holdsColumn(right) && startsAligned(right, size) ? best.x : null;
}

/** Most lines of a right-hand column start at its left edge (or an indent from it). */
const ALIGNED_STARTS = 0.7;
const START_INDENT = 2.5;

/**
 * Whether the runs right of a gap start their lines at one edge, as a column's do. The
 * words right of a chance gap in one column of text start wherever the words fall.
 */
function startsAligned(runs: readonly TextRun[], size: number): boolean {
  const lineStarts = new Map<number, number>();
  for (const run of runs) {
    const key = Math.round(run.baseline);
    lineStarts.set(key, Math.min(run.x, lineStarts.get(key) ?? run.x));
  }
  const starts = [...lineStarts.values()];
  const edge = Math.min(...starts);
  return starts.filter((x) => x <= edge + START_INDENT * size).length >= starts.length * ALIGNED_STARTS;
}

const characters = (runs: readonly TextRun[]) => runs.reduce((sum, run) => sum + run.text.length, 0);

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** At least four characters standing alone between single spaces: a line set with letter spacing. */
const LETTER_SPACED = /(?:^|(?<= ))\S(?: \S){3,}(?= |$)/gu;

/**
 * pdf.js puts a space wherever glyphs stand apart, so a justified Chinese line, whose
 * characters are spread out, comes as `港 口 完 成`; such runs are closed up again.
 */
function closeLetterSpacing(text: string): string {
  return text.replace(LETTER_SPACED, (spaced) => spaced.replace(/ /g, ''));
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A footnote number set small and raised is smaller than this share of the line's text… */
const SUPERSCRIPT_SIZE = 0.8;
/** …and raised by more than this share of it. */
const SUPERSCRIPT_RISE = 0.2;

/** A footnote number set small above the baseline, as superscript digits (`China.¹`), which segmentation keeps with the sentence. */
function superscriptOf(run: TextRun, size: number, baseline: number): string | null {
  const raised = baseline - run.baseline > size * SUPERSCRIPT_RISE && run.size < size * SUPERSCRIPT_SIZE;
  if (!raised || !/^\d{1,3}$/.test(run.text.trim())) return null;
  return Array.from(run.text.trim(), (digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('');
}

/** Joins the runs of one line left to right, with a space where the gap between them is a word space. */
function lineText(runs: readonly TextRun[], size: number, baseline: number): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const run of runs) {
    const superscript = superscriptOf(run, size, baseline);
    const gap = run.x - end;
    const between = `${text.slice(-1)}${run.text.slice(0, 1)}`;
    const spaced = /\s/.test(between) || (CJK.test(text.slice(-1)) && CJK.test(run.text.slice(0, 1)));
    if (text !== '' && gap > run.size * 0.15 && !spaced && !superscript) text += ' ';
    text += superscript ?? run.text;
    end = Math.max(end, run.x + run.width);
  }
  // A soft hyphen or U+2010 at the end of a line is a break hyphen like any other.
  return closeLetterSpacing(text.replace(/\s+/g, ' ').trim()).replace(/[\u00ad\u2010]$/u, '-');
}

function toLine(page: number, column: ColumnSide, runs: TextRun[]): TextLine {
  runs.sort((a, b) => a.x - b.x);
  const chars = (run: TextRun) => run.text.length;
  const total = runs.reduce((sum, run) => sum + chars(run), 0);
  const size = runs.reduce((sum, run) => sum + run.size * chars(run), 0) / total;
  // The baseline of the bulk of the text, not of a footnote number raised above it.
  const baseline = runs.reduce((longest, run) => (chars(run) > chars(longest) ? run : longest)).baseline;
  return {
    page,
    column,
    text: lineText(runs, size, baseline),
    x: Math.min(...runs.map((run) => run.x)),
    right: Math.max(...runs.map((run) => run.x + run.width)),
    baseline,
    size,
    bold: runs.every((run) => run.bold),
  };
}

/** Runs whose baselines differ by less than this share of their size are on one line (superscripts included). */
const SAME_LINE = 0.5;

/** Groups runs that share a baseline into lines, top to bottom. */
function groupLines(page: number, column: ColumnSide, runs: readonly TextRun[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const current = lines.at(-1);
    const first = current?.[0];
    if (
      current &&
      first &&
      Math.abs(run.baseline - first.baseline) <= Math.max(run.size, first.size) * SAME_LINE
    )
      current.push(run);
    else lines.push([run]);
  }
  return lines.map((runsOfLine) => toLine(page, column, runsOfLine)).filter((line) => line.text !== '');
}

/**
 * A page's lines in reading order. On a two-column page, lines that span both columns
 * cut the page into bands; each band is read left column first, then right column.
 */
export function pageLines(page: PdfPage): TextLine[] {
  const gutter = findGutter(page.runs);
  if (gutter === null) return groupLines(page.number, 'full', page.runs);
  const sideOf = (run: TextRun): ColumnSide =>
    run.x + run.width <= gutter ? 'left' : run.x >= gutter ? 'right' : 'full';
  const bySide = (side: ColumnSide) =>
    groupLines(
      page.number,
      side,
      page.runs.filter((run) => sideOf(run) === side),
    );
  const spanning = bySide('full');
  const columns = [...bySide('left'), ...bySide('right')];
  const bandOf = (line: TextLine) => spanning.filter((span) => span.baseline < line.baseline).length;
  const ordered: TextLine[] = [];
  for (let band = 0; band <= spanning.length; band++) {
    ordered.push(...columns.filter((line) => bandOf(line) === band));
    const span = spanning[band];
    if (span) ordered.push(span);
  }
  return ordered;
}
