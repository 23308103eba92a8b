import { type CheerioAPI, load } from 'cheerio';
import type { Element } from 'domhandler';
import { joinLines } from '../text/join.js';
import type { Block } from './blocks.js';

/** Page furniture that is never part of the text: navigation, headers, footers, scripts. */
const BOILERPLATE =
  'script, style, noscript, template, nav, header, footer, aside, form, iframe, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], ' +
  // Footnote marks and the notes themselves, as Word files converted by mammoth carry them.
  '[id^=footnote-], [id^=endnote-]';
/** Elements that hold one block of text each. */
const BLOCK_ELEMENTS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dt, dd, td, th, caption';

export function looksLikeHtml(path: string, text: string): boolean {
  return /\.x?html?$/i.test(path) || /^\s*(?:<!doctype html|<html[\s>])/i.test(text);
}

function lineOf(element: Element): number {
  return element.sourceCodeLocation?.startLine ?? 1;
}

function textOf($: CheerioAPI, element: Element): string {
  const copy = $(element).clone();
  copy.find('br').replaceWith('\n');
  return joinLines(
    copy
      .text()
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim()),
  );
}

/** Whether all the text of an element is inside <strong>/<b>: a bold line, as Markdown's **…**. */
function isBold($: CheerioAPI, element: Element): boolean {
  const whole = $(element).text().replace(/\s+/g, '');
  const bold = $(element).find('strong, b').text().replace(/\s+/g, '');
  return whole !== '' && whole === bold;
}

/**
 * Reads a web page into the blocks every reader starts from: headings, paragraphs, list
 * items, and the cells of tables (a two-column bilingual table gives one English and one
 * Chinese block a row), in reading order; navigation, headers and footers are dropped.
 */
export function htmlBlocks(html: string, file: string): Block[] {
  const $ = load(html, { sourceCodeLocationInfo: true });
  $(BOILERPLATE).remove();
  const candidates = $(BLOCK_ELEMENTS).toArray();
  const blocks: Block[] = [];
  for (const element of candidates) {
    if ($(element).find(BLOCK_ELEMENTS).length > 0) continue;
    const text = textOf($, element);
    if (text === '') continue;
    const heading = /^h([1-6])$/.exec(element.tagName);
    const line = lineOf(element);
    blocks.push({
      text,
      markup: heading ? 'heading' : isBold($, element) ? 'bold' : 'plain',
      level: heading ? Number(heading[1]) : 0,
      lines: { file, firstLine: line, lastLine: element.sourceCodeLocation?.endLine ?? line },
    });
  }
  return blocks;
}
