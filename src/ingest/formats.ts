import type { InputFormat } from '../model/document.js';
import { type Block, splitBlocks } from './blocks.js';
import { decodeTextFile, readFileBytes } from './decode.js';
import { docxBlocks, looksLikeDocx } from './docx.js';
import { htmlBlocks, looksLikeHtml } from './html.js';
import { looksLikePdf, pdfBlocks } from './pdf.js';

/** What a file holds once read, whatever its format. */
export interface FileContent {
  format: InputFormat;
  /** The encoding a text file was decoded from; `unicode` for PDF and Word files. */
  encoding: string;
  /** The text as decoded (text and HTML files), or the blocks' text one per paragraph. */
  text: string;
  blocks: Block[];
}

/** Reads a file of any supported format into blocks, recognising the format by its bytes. */
export async function readFileContent(path: string): Promise<FileContent> {
  const bytes = readFileBytes(path);
  if (looksLikePdf(bytes)) return binaryContent('pdf', await pdfBlocks(bytes, path));
  if (looksLikeDocx(bytes)) return binaryContent('docx', await docxBlocks(bytes, path));
  const { text, encoding } = decodeTextFile(bytes, path);
  if (looksLikeHtml(path, text)) return { format: 'html', encoding, text, blocks: htmlBlocks(text, path) };
  return { format: 'text', encoding, text, blocks: splitBlocks(text, path) };
}

function binaryContent(format: InputFormat, blocks: Block[]): FileContent {
  return { format, encoding: 'unicode', text: blocks.map((block) => block.text).join('\n\n'), blocks };
}
