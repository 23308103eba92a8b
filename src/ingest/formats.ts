import { BitextError } from '../errors.js';
import type { InputFormat } from '../model/document.js';
import { type Block, splitBlocks } from './blocks.js';
import { decodeTextFile, readFileBytes } from './decode.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

/** What a file holds once read, whatever its format. */
export interface FileContent {
  format: InputFormat;
  /** The encoding a text file was decoded from; `unicode` for PDF and Word files. */
  encoding: string;
  /** The text as decoded (text and HTML files), or the blocks' text one per paragraph. */
  text: string;
  blocks: Block[];
}

const startsWith = (bytes: Buffer, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/** A PDF file starts with `%PDF-` (a few bytes of junk before it are tolerated, as readers do). */
export function looksLikePdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 1024).includes('%PDF-');
}

/** An HTML file: named .htm, .html or .xhtml, or starting with a doctype or an <html> tag. */
export function looksLikeHtml(path: string, text: string): boolean {
  return /\.x?html?$/i.test(path) || /^\s*(?:<!doctype html|<html[\s>])/i.test(text);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** A Word file: a zip archive holding `word/document.xml`. */
export function looksLikeWord(bytes: Buffer): boolean {
  return startsWith(bytes, ZIP_MAGIC) && bytes.includes('word/document.xml');
}

/**
 * Reads a file of any supported format into blocks, recognising the format by its bytes.
 * The PDF, Word and HTML readers are loaded only for such files: pdf.js alone is a large
 * module, and cheerio slows the start of a command that reads a text file.
 */
export async function readFileContent(
  path: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<FileContent> {
  const bytes = readFileBytes(path, limits);
  if (startsWith(bytes, OLE_MAGIC))
    throw new BitextError('is an old-style Office file (a .doc, say): save it as .docx and try again', path);
  if (looksLikePdf(bytes)) {
    const { pdfBlocks } = await import('./pdf.js');
    return binaryContent('pdf', await pdfBlocks(bytes, path, limits));
  }
  if (looksLikeWord(bytes)) {
    const { docxBlocks } = await import('./docx.js');
    return binaryContent('docx', await docxBlocks(bytes, path, limits));
  }
  const { text, encoding } = decodeTextFile(bytes, path);
  if (looksLikeHtml(path, text)) {
    const { htmlBlocks } = await import('./html.js');
    return { format: 'html', encoding, text, blocks: htmlBlocks(text, path, limits) };
  }
  return { format: 'text', encoding, text, blocks: splitBlocks(text, path) };
}

function binaryContent(format: InputFormat, blocks: Block[]): FileContent {
  return { format, encoding: 'unicode', text: blocks.map((block) => block.text).join('\n\n'), blocks };
}
