import { BitextError } from '../errors.js';
import type { Block } from './blocks.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { extractPages } from './pdf/extract.js';
import { dropFurniture } from './pdf/furniture.js';
import { pageLines } from './pdf/layout.js';
import { bodySizesOf, linesToBlocks } from './pdf/paragraphs.js';

/** Fewer letters than this per page on average, and a PDF has no text layer to read. */
const MIN_CHARACTERS_PER_PAGE = 5;

/** Characters a font without a Unicode map yields: private-use code points and replacement marks. */
const UNMAPPED = /[\uE000-\uF8FF\uFFFD]/gu;
/** Above this share of unmapped characters, the text layer cannot be read. */
const MAX_UNMAPPED_SHARE = 0.05;

/** Throws when a PDF's text, as read from all its pages, is missing or unreadable. */
export function checkTextLayer(text: string, pages: number, path: string): void {
  if (text.length < pages * MIN_CHARACTERS_PER_PAGE)
    throw new BitextError(
      'has no text layer (it looks like a scanned PDF): run OCR on it first, e.g. with ocrmypdf',
      path,
    );
  const unmapped = text.match(UNMAPPED)?.length ?? 0;
  if (unmapped > text.length * MAX_UNMAPPED_SHARE)
    throw new BitextError(
      `has fonts without a Unicode map (${Math.round((unmapped / text.length) * 100)}% of its characters cannot be read): run OCR on it instead`,
      path,
    );
}

/**
 * Reads a PDF into blocks: lines rebuilt from positioned text, two-column pages read
 * column by column, running heads, feet and page numbers removed, lines joined into
 * paragraphs by geometry, headings found by size and bold lines by font.
 */
export async function pdfBlocks(
  bytes: Uint8Array,
  path: string,
  limits: Pick<ReadLimits, 'pdfPages' | 'pdfPageRuns'> = DEFAULT_LIMITS,
): Promise<Block[]> {
  const pages = await extractPages(bytes, path, limits);
  const lines = pages.map(pageLines);
  checkTextLayer(
    lines
      .flat()
      .map((line) => line.text)
      .join(''),
    pages.length,
    path,
  );
  const { en, zh } = bodySizesOf(lines.flat());
  return linesToBlocks(dropFurniture(lines, Math.min(en, zh)).flat(), path);
}
