import mammoth from 'mammoth';
import { BitextError } from '../errors.js';
import type { Block } from './blocks.js';
import { htmlBlocks } from './html.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** A Word file is a zip archive holding `word/document.xml`. */
export function looksLikeDocx(bytes: Uint8Array): boolean {
  if (startsWith(bytes, OLE_MAGIC)) return true;
  return startsWith(bytes, ZIP_MAGIC) && Buffer.from(bytes).includes('word/document.xml');
}

/** Word's title styles, which mammoth's default style map leaves as plain paragraphs. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: '' }));

/**
 * Reads a Word (.docx) file into blocks: headings from Word's heading styles, bold
 * paragraphs, body paragraphs, and the cells of tables (a two-column bilingual table
 * gives one English and one Chinese block a row). Page headers, footers and footnotes
 * are left out. Lines in the blocks' places count paragraphs.
 */
export async function docxBlocks(bytes: Uint8Array, path: string): Promise<Block[]> {
  if (startsWith(bytes, OLE_MAGIC))
    throw new BitextError('is an old-style Word .doc file: save it as .docx and try again', path);
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { styleMap: STYLE_MAP, convertImage: NO_IMAGES },
    ));
  } catch (error) {
    throw new BitextError('is not a readable Word document (the .docx archive is damaged)', path, {
      cause: error,
    });
  }
  return htmlBlocks(html, path).map((block, i) => ({
    ...block,
    lines: { file: path, firstLine: i + 1, lastLine: i + 1 },
  }));
}
