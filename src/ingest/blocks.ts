import type { SourceLines } from '../model/document.js';
import { joinLines } from '../text/join.js';
import { languageRuns } from '../text/language.js';

/** How a block was marked up in the source (Markdown headings and bold, or none). */
export type BlockMarkup = 'heading' | 'bold' | 'plain';

/** A run of non-blank lines: the unit every reader starts from. */
export interface Block {
  /** The text with markup removed and hard line breaks joined. */
  text: string;
  markup: BlockMarkup;
  /** Heading level 1–6 for headings, else 0. */
  level: number;
  lines: SourceLines;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const WHOLE_BOLD = /^\*\*(.+)\*\*$/s;

/** Splits decoded text into blocks at blank lines and reads their Markdown markup. */
export function splitBlocks(text: string, file: string): Block[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    const blank = line === undefined || line.trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      blocks.push(...blocksOfLines(lines.slice(start, i), file, start + 1));
      start = -1;
    }
  }
  return blocks.filter((block) => block.text !== '');
}

/** A block for each non-blank line: for text that puts each paragraph on one line, with no blank line between. */
export function lineBlocks(text: string, file: string): Block[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line, i) => (line.trim() === '' ? [] : blocksOfLines([line], file, i + 1)));
}

/** A heading line ends its block even without a blank line after it: each starts a run of its own. */
function blocksOfLines(lines: string[], file: string, firstLine: number): Block[] {
  const starts = lines.flatMap((line, i) => (i === 0 || HEADING.test(line.trim()) ? [i] : []));
  return starts.flatMap((start, k) =>
    blocksOfRun(lines.slice(start, starts[k + 1] ?? lines.length), file, firstLine + start),
  );
}

/** The blocks of lines no heading breaks: a one-line heading, or text in runs of one language. */
function blocksOfRun(lines: string[], file: string, firstLine: number): Block[] {
  const heading = HEADING.exec(lines[0]?.trim() ?? '');
  if (heading && lines.length === 1) {
    return [
      {
        text: stripInlineMarkup(heading[2] ?? ''),
        markup: 'heading',
        level: heading[1]?.length ?? 1,
        lines: { file, firstLine, lastLine: firstLine },
      },
    ];
  }
  const cleaned = lines.map((line) => line.replace(/\\$/, '').trim());
  let offset = 0;
  return languageRuns(cleaned).map((run) => {
    const joined = joinLines(run);
    const bold = WHOLE_BOLD.exec(joined);
    const markup: BlockMarkup = bold && !bold[1]?.includes('**') ? 'bold' : 'plain';
    const runPlace = { file, firstLine: firstLine + offset, lastLine: firstLine + offset + run.length - 1 };
    offset += run.length;
    return { text: stripInlineMarkup(joined), markup, level: 0, lines: runPlace };
  });
}

/**
 * Removes Markdown emphasis (`**bold**`, `*italic*`, `__x__`) and keeps its text. Italic and
 * underlined text hold no mark of their own, so that a search for the closing mark ends at
 * the next one: a line of `*a *a *a…` then takes time in its length, not its square.
 */
export function stripInlineMarkup(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|\W)__((?:[^_]|_(?!_))+?)__(?!\w)/g, '$1$2')
    .replace(/\*\*/g, '')
    .trim();
}
