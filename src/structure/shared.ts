import type { Block } from '../ingest/blocks.js';
import type { Article, Diagnostic, Lang, Paragraph, SourceLines } from '../model/document.js';

/** A block with its language, by its own characters (null: neither). */
export interface TaggedBlock extends Block {
  lang: Lang | null;
}

export function emptyArticle(index: number): Article {
  return {
    index,
    title: { en: null, zh: null },
    subtitle: null,
    byline: null,
    date: null,
    source: null,
    paragraphs: { en: [], zh: [] },
    warnings: [],
  };
}

export function languageName(lang: Lang): string {
  return lang === 'en' ? 'English' : 'Chinese';
}

/** A short quotation of text for a message: its start, or with a negative length its end. */
export function quote(text: string, length: number): string {
  const chars = Array.from(text);
  if (chars.length <= Math.abs(length)) return `"${text}"`;
  return length > 0 ? `"${chars.slice(0, length).join('')}…"` : `"…${chars.slice(length).join('')}"`;
}

/** The lines a paragraph spans, from its first source to its last. */
export function placeOf(paragraph: Paragraph): SourceLines {
  const first = paragraph.sources[0] as SourceLines;
  const last = paragraph.sources.at(-1) as SourceLines;
  const place = { file: first.file, firstLine: first.firstLine, lastLine: last.lastLine };
  return first.page === undefined ? place : { ...place, page: first.page };
}

export function unplacedText(text: string, at: SourceLines): Diagnostic {
  return { code: 'unplaced-text', message: `text in neither language kept aside: ${quote(text, 60)}`, at };
}

/** The items of two lists taken in turn, first from the one, then the other, until both run out. */
export function alternate<T>(first: readonly T[], second: readonly T[]): T[] {
  return Array.from({ length: Math.max(first.length, second.length) }, (_, i) => [first[i], second[i]])
    .flat()
    .filter((item): item is T => item !== undefined);
}
