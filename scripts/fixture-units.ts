/**
 * The text units of a bilingual fixture, in reading order, as the fixture builders
 * (web pages, PDFs, Word files) lay them out: titles, header lines, body paragraphs
 * and source lines of each article, one language at a time.
 */
import type { Article, BilingualDocument, Lang } from '../src/model/document.js';
import { isEditorsNote } from '../src/structure/headers.js';
import { alternate } from '../src/structure/shared.js';

/**
 * `deck`: a header line set large under the title, as some publications set subtitles and
 * bylines; `note`: an editor's note among the header lines, set as body text is.
 */
export type UnitKind = 'title' | 'header' | 'deck' | 'note' | 'body';

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
  const paragraphs = article.paragraphs[lang];
  const notes = paragraphs.filter((paragraph) => isEditorsNote(paragraph.text));
  add('title', article.title[lang]);
  add('header', article.subtitle?.[lang]);
  // An editor's note stands among the header lines, after the subtitle.
  for (const note of notes) add('note', note.text);
  for (const field of [article.byline, article.date]) add('header', field?.[lang]);
  // Section headings inside the text are set as header lines are.
  for (const paragraph of paragraphs.filter((paragraph) => !notes.includes(paragraph)))
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

/** An article's units before its first body paragraph (title and header lines), and the rest. */
function splitHeader(units: Unit[]): [Unit[], Unit[]] {
  const firstBody = units.findIndex((unit) => unit.kind === 'body');
  const cut = firstBody < 0 ? units.length : firstBody;
  return [units.slice(0, cut), units.slice(cut)];
}

/** A header zone in both languages, each English title and header line followed by its Chinese one, and the body of each language. */
export function sharedHeaderUnits(article: Article): { header: Unit[]; en: Unit[]; zh: Unit[] } {
  const [enHeader, en] = splitHeader(articleUnits(article, 'en'));
  const [zhHeader, zh] = splitHeader(articleUnits(article, 'zh'));
  return { header: alternate(enHeader, zhHeader), en, zh };
}
