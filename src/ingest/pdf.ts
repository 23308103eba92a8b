import { BitextError } from '../errors.js';
import type { Block } from './blocks.js';
import { extractPages } from './pdf/extract.js';
import { dropFurniture } from './pdf/furniture.js';
import { pageLines } from './pdf/layout.js';
import { bodySizesOf, linesToBlocks } from './pdf/paragraphs.js';

/** A PDF file starts with `%PDF-` (a few bytes of junk before it are tolerated, as readers do). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** Fewer letters than this per page on average, and a PDF has no text layer to read. */
const MIN_CHARACTERS_PER_PAGE = 5;

/**
 * Reads a PDF into blocks: lines rebuilt from positioned text, two-column pages read
 * column by column, running heads, feet and page numbers removed, lines joined into
 * paragraphs by geometry, headings found by size and bold lines by font.
 */
export async function pdfBlocks(bytes: Uint8Array, path: string): Promise<Block[]> {
  const pages = await extractPages(bytes, path);
  const lines = pages.map(pageLines);
  const characters = lines.flat().reduce((sum, line) => sum + line.text.length, 0);
  if (characters < pages.length * MIN_CHARACTERS_PER_PAGE)
    throw new BitextError(
      'has no text layer (it looks like a scanned PDF): run OCR on it first, e.g. with ocrmypdf',
      path,
    );
  const { en, zh } = bodySizesOf(lines.flat());
  return linesToBlocks(dropFurniture(lines, Math.min(en, zh)).flat(), path);
}
