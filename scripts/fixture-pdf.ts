/**
 * Typesets a bilingual fixture as PDFs in the layouts bilingual publications use, with
 * running headers and page-number footers for the reader to drop:
 * - `alternating-pages`: an English page, then its Chinese page, article by article;
 * - `shared-header`: alternating pages under a header zone in both languages, each English
 *   title and header line followed by its Chinese one, header lines set large (a deck);
 * - `two-columns`: English on the left, Chinese on the right (`two-columns-reversed`: the other way);
 * - `alternating-paragraphs`: one column, each English paragraph followed by its Chinese one;
 * - `pair`: one PDF per language.
 * A contents page comes first: with leader dots and page numbers, or (in a pair) titles only.
 * Lines are broken here (English words hyphenated at line ends, Chinese broken between
 * characters without starting a line with closing punctuation) and justified, so the
 * reader meets what typeset PDFs hold. Fonts: the PDF standard fonts for English,
 * Noto CJK from Debian's fonts-noto-cjk for Chinese.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { BilingualDocument, Lang } from '../src/model/document.js';
import { alternate } from '../src/structure/shared.js';
import {
  articleUnits,
  interleavedUnits,
  type PageOf,
  sharedHeaderUnits,
  tocUnits,
  type Unit,
  type UnitKind,
} from './fixture-units.js';

export const PDF_LAYOUTS = [
  'alternating-pages',
  'shared-header',
  'two-columns',
  'two-columns-reversed',
  'alternating-paragraphs',
  'pair',
] as const;
export type PdfLayout = (typeof PDF_LAYOUTS)[number];

const NOTO = '/usr/share/fonts/opentype/noto';
const CJK_FONTS = {
  regular: { file: `${NOTO}/NotoSerifCJK-Regular.ttc`, name: 'NotoSerifCJKsc-Regular' },
  bold: { file: `${NOTO}/NotoSansCJK-Bold.ttc`, name: 'NotoSansCJKsc-Bold' },
};

/** Whether the Chinese fonts the PDFs need are installed (`.ci/run` installs fonts-noto-cjk). */
export function cjkFontsInstalled(): boolean {
  return Object.values(CJK_FONTS).every((font) => existsSync(font.file));
}

/** A5 pages, so that articles run over several pages and paragraphs break across them. */
const PAGE = { width: 420, height: 595, margin: 48, gutter: 18 };
const BODY_TOP = 66;
const BODY_BOTTOM = PAGE.height - 60;

interface Style {
  font: string;
  size: number;
  /** Space before the unit, in points. */
  before: number;
  /** First-line indent, in points. */
  indent: number;
  /** Baseline to baseline, in multiples of the size. */
  leading: number;
}

/**
 * Chinese is set the Chinese way: a little smaller than the English, with more space
 * between lines, body paragraphs indented two characters with no space between them.
 */
function styleOf(kind: UnitKind, lang: Lang): Style {
  const zh = lang === 'zh';
  const leading = zh ? 1.75 : 1.35;
  if (kind === 'title')
    return { font: zh ? 'zh-bold' : 'Helvetica-Bold', size: 15, before: 14, indent: 0, leading: 1.3 };
  if (kind === 'deck')
    return { font: zh ? 'zh' : 'Times-Roman', size: zh ? 12 : 12.5, before: 6, indent: 0, leading };
  if (kind === 'header')
    return { font: zh ? 'zh' : 'Times-Bold', size: zh ? 10 : 10.5, before: 7, indent: 0, leading };
  return zh
    ? { font: 'zh', size: 10, before: 0, indent: 20, leading }
    : { font: 'Times-Roman', size: 10.5, before: 7, indent: 0, leading };
}

/** One typeset line: its text, where it starts in its column, and whether it is stretched to the column's width. */
interface Line {
  text: string;
  style: Style;
  indent: number;
  before: number;
  justify: boolean;
}

type Measure = (text: string, style: Style) => number;

const NO_LINE_START = /^[，。、；：？！”’）》」』….,;:?!)]/u;
const NO_LINE_END = /[“‘（《「『(]$/u;

/** Chinese text as the pieces a line may break between: characters, and runs of Latin letters and digits. */
function chinesePieces(text: string): string[] {
  return text.match(/[A-Za-z0-9.%,]+|\s+|./gu) ?? [];
}

function hyphenationSplit(
  word: string,
  room: number,
  measure: (text: string) => number,
): [string, string] | null {
  if (!/^[a-z]{7,}[,.;:]?$/i.test(word)) return null;
  for (let cut = word.replace(/[,.;:]$/, '').length - 3; cut >= 3; cut--) {
    const head = `${word.slice(0, cut)}-`;
    if (measure(head) <= room) return [head, word.slice(cut)];
  }
  return null;
}

/** The width of the n-th line of a paragraph (the first is shorter by its indent). */
type WidthAt = (lineIndex: number) => number;

function breakEnglish(
  text: string,
  widthAt: WidthAt,
  fits: (text: string) => number,
  hyphenate: boolean,
): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const width = widthAt(lines.length);
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate) <= width) {
      line = candidate;
      continue;
    }
    const split = hyphenate ? hyphenationSplit(word, width - fits(`${line} `), fits) : null;
    if (split && line !== '') {
      lines.push(`${line} ${split[0]}`);
      words.splice(i + 1, 0, split[1]);
      line = '';
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function breakChinese(text: string, widthAt: WidthAt, fits: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of chinesePieces(text)) {
    if (line === '' && piece.trim() === '') continue;
    if (fits(line + piece) <= widthAt(lines.length) || NO_LINE_START.test(piece) || line === '') {
      line += piece;
      continue;
    }
    const carried = NO_LINE_END.test(line) ? line.slice(-1) : '';
    lines.push(line.slice(0, line.length - carried.length));
    line = carried + piece.trimStart();
  }
  if (line !== '') lines.push(line);
  return lines;
}

function typeset(unit: Unit, width: number, measure: Measure, first: boolean): Line[] {
  const style = styleOf(unit.kind, unit.lang);
  const fits = (text: string) => measure(text, style);
  const breaker = unit.lang === 'zh' ? breakChinese : breakEnglish;
  const hyphenate = unit.kind === 'body' || unit.kind === 'note';
  const lines = breaker(unit.text, (i) => (i === 0 ? width - style.indent : width), fits, hyphenate);
  return lines.map((text, i) => ({
    text: text.trim(),
    style,
    indent: i === 0 ? style.indent : 0,
    before: i === 0 && !first ? style.before : 0,
    justify: hyphenate && i < lines.length - 1,
  }));
}

/** Lines placed into columns of the body area; a new column starts when one is full. */
function paginate(lines: Line[]): Line[][] {
  const columns: Line[][] = [[]];
  let y = BODY_TOP;
  for (const line of lines) {
    const height = line.style.size * line.style.leading;
    const column = columns.at(-1) as Line[];
    const before = column.length === 0 ? 0 : line.before;
    if (y + before + height > BODY_BOTTOM && column.length > 0) {
      columns.push([{ ...line, before: 0 }]);
      y = BODY_TOP + height;
    } else {
      column.push({ ...line, before });
      y += before + height;
    }
  }
  return columns;
}

function typesetUnits(units: Unit[], width: number, measure: Measure): Line[] {
  return units.flatMap((unit, i) => typeset(unit, width, measure, i === 0));
}

/** One page of output: its columns (x, width, lines) and its running header. */
interface PagePlan {
  columns: { x: number; width: number; lines: Line[] }[];
  header: string;
  lang: Lang | 'both';
}

const RUNNING_HEADERS: Record<Lang | 'both', string> = {
  en: 'THE HARBOUR REVIEW · Spring 2025',
  zh: '港湾评论 · 2025年春季号',
  both: 'The Harbour Review 港湾评论 · Spring 2025',
};

function footerOf(lang: Lang | 'both', page: number): string {
  return lang === 'zh' ? `— ${page} —` : String(page);
}

const FULL_WIDTH = PAGE.width - 2 * PAGE.margin;
const COLUMN_WIDTH = (FULL_WIDTH - PAGE.gutter) / 2;

function singleColumnPages(units: Unit[], lang: Lang | 'both', measure: Measure): PagePlan[] {
  return paginate(typesetUnits(units, FULL_WIDTH, measure)).map((lines) => ({
    columns: [{ x: PAGE.margin, width: FULL_WIDTH, lines }],
    header: RUNNING_HEADERS[lang],
    lang,
  }));
}

function twoColumnPages(
  article: BilingualDocument['articles'][number],
  left: Lang,
  measure: Measure,
): PagePlan[] {
  const right: Lang = left === 'en' ? 'zh' : 'en';
  const leftColumns = paginate(typesetUnits(articleUnits(article, left), COLUMN_WIDTH, measure));
  const rightColumns = paginate(typesetUnits(articleUnits(article, right), COLUMN_WIDTH, measure));
  return Array.from({ length: Math.max(leftColumns.length, rightColumns.length) }, (_, i) => ({
    columns: [
      { x: PAGE.margin, width: COLUMN_WIDTH, lines: leftColumns[i] ?? [] },
      { x: PAGE.margin + COLUMN_WIDTH + PAGE.gutter, width: COLUMN_WIDTH, lines: rightColumns[i] ?? [] },
    ],
    header: RUNNING_HEADERS.both,
    lang: 'both' as const,
  }));
}

/**
 * The titles and header lines, each English one followed by its Chinese one, the header
 * lines set as a deck; then the English pages and the Chinese pages.
 */
function sharedHeaderPages(article: BilingualDocument['articles'][number], measure: Measure): PagePlan[] {
  const { header, en, zh } = sharedHeaderUnits(article);
  const deck = header.map((unit) => (unit.kind === 'header' ? { ...unit, kind: 'deck' as const } : unit));
  return [...singleColumnPages([...deck, ...en], 'both', measure), ...singleColumnPages(zh, 'zh', measure)];
}

function articlePages(
  article: BilingualDocument['articles'][number],
  layout: Exclude<PdfLayout, 'pair'>,
  measure: Measure,
): PagePlan[] {
  if (layout === 'alternating-pages')
    return alternate(
      singleColumnPages(articleUnits(article, 'en'), 'en', measure),
      singleColumnPages(articleUnits(article, 'zh'), 'zh', measure),
    );
  if (layout === 'shared-header') return sharedHeaderPages(article, measure);
  if (layout === 'alternating-paragraphs')
    return singleColumnPages(interleavedUnits(article), 'both', measure);
  return twoColumnPages(article, layout === 'two-columns' ? 'en' : 'zh', measure);
}

/** A contents page (entries with leader dots and page numbers), then the articles' pages. */
function plan(document: BilingualDocument, layout: Exclude<PdfLayout, 'pair'>, measure: Measure): PagePlan[] {
  const articles = document.articles.map((article) => articlePages(article, layout, measure));
  const contentsPages = document.toc.length > 0 ? 1 : 0;
  const firstPages = articles.map((_, k) => contentsPages + 1 + articles.slice(0, k).flat().length);
  const afterLast = contentsPages + articles.flat().length + 1;
  const pageOf: PageOf = (article) => (article === null ? afterLast : (firstPages[article] ?? afterLast));
  const contents =
    contentsPages > 0 ? singleColumnPages(tocUnits(document, undefined, pageOf), 'both', measure) : [];
  return [...contents, ...articles.flat()];
}

function newPdf(): PDFKit.PDFDocument {
  const pdf = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: 0, autoFirstPage: false });
  pdf.registerFont('zh', CJK_FONTS.regular.file, CJK_FONTS.regular.name);
  pdf.registerFont('zh-bold', CJK_FONTS.bold.file, CJK_FONTS.bold.name);
  return pdf;
}

function measurer(pdf: PDFKit.PDFDocument): Measure {
  return (text, style) => pdf.font(style.font).fontSize(style.size).widthOfString(text);
}

function drawLine(pdf: PDFKit.PDFDocument, line: Line, x: number, y: number, width: number): void {
  pdf.font(line.style.font).fontSize(line.style.size);
  const room = width - line.indent;
  const natural = pdf.widthOfString(line.text);
  const options: PDFKit.Mixins.TextOptions = { lineBreak: false };
  if (line.justify && natural < room) {
    const gaps = line.text.split(' ').length - 1;
    if (gaps > 0) options.wordSpacing = (room - natural) / gaps;
    else options.characterSpacing = (room - natural) / Math.max(1, Array.from(line.text).length - 1);
  }
  pdf.text(line.text, x + line.indent, y, options);
}

function drawPage(pdf: PDFKit.PDFDocument, page: PagePlan, number: number): void {
  pdf.addPage();
  const furnitureFont = page.lang === 'en' ? 'Helvetica' : 'zh';
  pdf.font(furnitureFont).fontSize(8);
  pdf.text(page.header, PAGE.margin, 30, { lineBreak: false });
  const footer = footerOf(page.lang, number);
  pdf.text(footer, (PAGE.width - pdf.widthOfString(footer)) / 2, PAGE.height - 38, { lineBreak: false });
  for (const column of page.columns) {
    let y = BODY_TOP;
    for (const line of column.lines) {
      y += line.before;
      drawLine(pdf, line, column.x, y, column.width);
      y += line.style.size * line.style.leading;
    }
  }
}

async function render(build: (pdf: PDFKit.PDFDocument, measure: Measure) => PagePlan[]): Promise<Buffer> {
  const pdf = newPdf();
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => pdf.on('end', resolve));
  build(pdf, measurer(pdf)).forEach((page, i) => {
    drawPage(pdf, page, i + 1);
  });
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

/** The PDF (or, for `pair`, the English and Chinese PDFs) of a document in one layout. */
export async function buildPdf(
  document: BilingualDocument,
  layout: PdfLayout,
): Promise<Record<string, Buffer>> {
  if (layout === 'pair') {
    const side = (lang: Lang) =>
      render((_, measure) => [
        ...(document.toc.length > 0 ? singleColumnPages(tocUnits(document, lang), lang, measure) : []),
        ...document.articles.flatMap((article) =>
          singleColumnPages(articleUnits(article, lang), lang, measure),
        ),
      ]);
    return { en: await side('en'), zh: await side('zh') };
  }
  return { both: await render((_, measure) => plan(document, layout, measure)) };
}

/** A PDF of pages with drawings and no text, as a scan without a text layer reads. */
export async function buildScannedPdf(): Promise<Buffer> {
  return render((pdf) => {
    pdf.addPage();
    for (let y = BODY_TOP; y < BODY_BOTTOM; y += 14)
      pdf.rect(PAGE.margin, y, 200 + (y % 100), 6).fill('#444');
    return [];
  });
}
