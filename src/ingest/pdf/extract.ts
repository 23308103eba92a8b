import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy, type PDFPageProxy, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { BitextError, TooLargeError } from '../../errors.js';
import type { ReadLimits } from '../limits.js';

/** A piece of text drawn in one font at one place, in points from the page's top left. */
export interface TextRun {
  text: string;
  x: number;
  /** The baseline's distance from the top of the page. */
  baseline: number;
  width: number;
  size: number;
  bold: boolean;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
}

const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** Character maps for CJK fonts without Unicode tables, shipped inside pdfjs-dist: nothing is fetched. */
const LOAD_OPTIONS = {
  cMapUrl: `${join(PDFJS_ROOT, 'cmaps')}/`,
  cMapPacked: true,
  standardFontDataUrl: `${join(PDFJS_ROOT, 'standard_fonts')}/`,
  isEvalSupported: false,
  disableFontFace: true,
  verbosity: 0,
};

const BOLD_FONT = /bold|black|heavy|semibold|demi|W[6-9]\b/i;

async function openPdf(bytes: Uint8Array, path: string): Promise<PDFDocumentProxy> {
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    return await getDocument({ ...LOAD_OPTIONS, data: new Uint8Array(bytes) }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw new BitextError('is protected by a password: remove the protection and try again', path);
    throw new BitextError(`is not a readable PDF (${(error as Error).message})`, path, { cause: error });
  }
}

/**
 * The names of a page's bold fonts. pdf.js knows a font's name only once the page's
 * drawing operators are read, which costs time on pages with images; a page set in one
 * font has no bold lines to tell apart, and is spared.
 */
async function boldFonts(page: PDFPageProxy, fontIds: ReadonlySet<string>): Promise<Set<string>> {
  if (fontIds.size < 2) return new Set();
  await page.getOperatorList();
  const bold = new Set<string>();
  for (const id of fontIds) {
    const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string }) : undefined;
    if (font?.name && BOLD_FONT.test(font.name)) bold.add(id);
  }
  return bold;
}

/**
 * Text runs as the page is seen: pdf.js gives each item's matrix in PDF space (y up,
 * before the page's rotation); the viewport's matrix turns it upright, y down. Runs that
 * are still not horizontal then (rotated or vertical text) are left out.
 */
function uprightRun(item: TextItem, viewport: number[], bold: boolean): TextRun | null {
  const [a, b, c, d, x, y] = Util.transform(viewport, item.transform) as number[];
  if (Math.abs(b ?? 0) > 1e-3 || Math.abs(c ?? 0) > 1e-3 || (a ?? 0) <= 0) return null;
  return { text: item.str, x: x ?? 0, baseline: y ?? 0, width: item.width, size: Math.abs(d ?? 0), bold };
}

/** The largest page a PDF can describe, in points: 200 inches a side. */
const MAX_PAGE_SIDE = 14_400;

/**
 * A page's pieces of text, streamed from pdf.js, so that a page that draws more than
 * `maxRuns` (a small file can repeat one line a million times) is refused without keeping
 * them all. The stream is read to its end: pdf.js settles neither a cancelled stream nor,
 * then, the closing of the document.
 */
async function textItems(page: PDFPageProxy, path: string, maxRuns: number): Promise<TextItem[]> {
  const reader = page.streamTextContent().getReader();
  const items: TextItem[] = [];
  let drawn = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    const text = (chunk.value as TextContent).items.filter(
      (item): item is TextItem => 'str' in item && item.str.trim() !== '',
    );
    drawn += text.length;
    if (drawn <= maxRuns) for (const item of text) items.push(item);
  }
  if (drawn > maxRuns)
    throw new TooLargeError(
      `draws ${drawn} pieces of text on page ${page.pageNumber}, more than the ${maxRuns} a page is read with`,
      path,
    );
  return items;
}

async function readPage(page: PDFPageProxy, path: string, maxRuns: number): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  if (Math.max(viewport.width, viewport.height) > MAX_PAGE_SIDE)
    throw new TooLargeError(
      `has a page of ${Math.round(viewport.width)} × ${Math.round(viewport.height)} points, larger than a PDF page can be (${MAX_PAGE_SIDE})`,
      path,
    );
  const items = await textItems(page, path, maxRuns);
  const bold = await boldFonts(page, new Set(items.map((item) => item.fontName)));
  const runs = items
    .map((item) => uprightRun(item, viewport.transform, bold.has(item.fontName)))
    .filter((run): run is TextRun => run !== null);
  return { number: page.pageNumber, width: viewport.width, height: viewport.height, runs };
}

/**
 * The text runs of every page of a PDF, read with pdf.js; one of more than `pdfPages` pages
 * is refused unread, and one whose page is larger than a PDF page can be, or draws more
 * than `pdfPageRuns` pieces of text, as that page is read.
 */
export async function extractPages(
  bytes: Uint8Array,
  path: string,
  limits: Pick<ReadLimits, 'pdfPages' | 'pdfPageRuns'>,
): Promise<PdfPage[]> {
  const pdf = await openPdf(bytes, path);
  try {
    if (pdf.numPages > limits.pdfPages)
      throw new TooLargeError(
        `has ${pdf.numPages} pages, more than the ${limits.pdfPages} a PDF is read to`,
        path,
      );
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      pages.push(await readPage(page, path, limits.pdfPageRuns));
      page.cleanup();
    }
    return pages;
  } catch (error) {
    if (error instanceof BitextError) throw error;
    throw new BitextError(`is a damaged PDF (${(error as Error).message})`, path, { cause: error });
  } finally {
    await pdf.destroy();
  }
}
