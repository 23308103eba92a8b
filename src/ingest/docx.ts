import mammoth from 'mammoth';
import { BitextError, TooLargeError } from '../errors.js';
import type { Block } from './blocks.js';
import { htmlBlocks } from './html.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { checkZipLimits } from './zip.js';

/**
 * Word's title styles, which mammoth's default style map leaves as plain paragraphs, and
 * the heading styles under the Chinese names that WPS Office and others store them by.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='副标题'] => h2:fresh",
  ...[1, 2, 3, 4, 5, 6].map((level) => `p[style-name='标题 ${level}'] => h${level}:fresh`),
];
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: '' }));

/**
 * Reads a Word (.docx) file into blocks: headings from Word's heading styles, bold
 * paragraphs, body paragraphs, and the cells of tables (a two-column bilingual table
 * gives one English and one Chinese block a row). Page headers, footers and footnotes
 * are left out. Lines in the blocks' places count paragraphs.
 */
export async function docxBlocks(
  bytes: Buffer,
  path: string,
  limits: Pick<
    ReadLimits,
    'wordEntries' | 'wordExpandedBytes' | 'wordElements' | 'htmlDepth' | 'htmlAttributes'
  > = DEFAULT_LIMITS,
): Promise<Block[]> {
  await checkZipLimits(bytes, path, limits);
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap: STYLE_MAP, convertImage: NO_IMAGES },
    ));
  } catch (error) {
    // The Word reader walks its XML by recursion: a file nested thousands deep overflows the stack.
    if (error instanceof RangeError)
      throw new TooLargeError('nests tables or other parts too deep to be read', path, { cause: error });
    throw new BitextError('is not a readable Word document (the .docx archive is damaged)', path, {
      cause: error,
    });
  }
  return htmlBlocks(html, path, limits).map((block, i) => ({
    ...block,
    lines: { file: path, firstLine: i + 1, lastLine: i + 1 },
  }));
}
