/**
 * The text units of a bilingual fixture, in reading order, as the fixture builders
 * (web pages, PDFs, Word files) lay them out: titles, header lines, body paragraphs
 * and source lines of each article, one language at a time.
 */
import type { Article, BilingualDocument, Lang } from '../src/model/document.js';
import { alternate } from '../src/structure/shared.js';

/** `deck`: a header line set large under the title, as some publications set subtitles and bylines. */
export type UnitKind = 'title' | 'header' | 'deck' | 'body';

export interface Unit {
  kind: UnitKind;
  lang: Lang;
  text: string;
}

export function articleUnits(article: Article, lang: Lang): Unit[] {
  const units: Unit[] = [];
  const add = (kind: UnitKind, text: string | null | undefined) => {
    if (text) units.push({ kind, lang, text });
  };
  add('title', article.title[lang]);
  for (const field of [article.subtitle, article.byline, article.date]) add('header', field?.[lang]);
  // Section headings inside the text are set as header lines are.
  for (const paragraph of article.paragraphs[lang])
    add(paragraph.kind === 'heading' ? 'header' : 'body', paragraph.text);
  add('body', article.source?.[lang]);
  return units;
}

/** The page on which each article starts, by article index, for contents entries that print it. */
export type PageOf = (article: number | null) => number;

/**
 * The contents entries, English then Chinese for each; or those of one language, for a file
 * of that language. With `pageOf`, each entry ends with its page after leader dots
 * (`Title ........ 3`, `标题……3`); an entry of an article the document does not carry
 * gets a page after the last.
 */
export function tocUnits(document: BilingualDocument, only?: Lang, pageOf?: PageOf): Unit[] {
  return document.toc.flatMap((entry) =>
    (['en', 'zh'] as const).flatMap((lang) => {
      const text = only && only !== lang ? null : entry[lang];
      if (!text) return [];
      const page = pageOf?.(entry.article);
      const leader = lang === 'en' ? ' ........ ' : '……';
      return [{ kind: 'header' as const, lang, text: page === undefined ? text : `${text}${leader}${page}` }];
    }),
  );
}

/** Each English unit followed by the Chinese unit at the same place: paragraph-by-paragraph alternation. */
export function interleavedUnits(article: Article): Unit[] {
  return alternate(articleUnits(article, 'en'), articleUnits(article, 'zh'));
}
