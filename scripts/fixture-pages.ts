/**
 * Builds web pages from a bilingual fixture read by bitext itself, in the layouts users
 * hold: one bilingual page (contents; each article's header lines in both languages, line
 * by line, then its English and its Chinese text) and a pair of
 * monolingual pages. Navigation and footers are added, for the reader to drop.
 */
import type { Article, BilingualDocument, Lang } from '../src/model/document.js';
import { articleUnits, sharedHeaderUnits, tocUnits, type Unit } from './fixture-units.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const FURNITURE = {
  top: '<nav><a href="/">Home</a> · <a href="/archive">Archive</a> · 往期回顾</nav>\n<header><p>The Harbour Review · 港湾评论</p></header>',
  bottom: '<footer><p>© 2025 The Harbour Review. 版权所有。</p></footer>',
};

function unitHtml(unit: Unit): string {
  const text = escapeHtml(unit.text);
  if (unit.kind === 'title') return unit.lang === 'en' ? `<h1>${text}</h1>` : `<h2>${text}</h2>`;
  if (unit.kind === 'header' && unit.lang === 'en') return `<p><strong>${text}</strong></p>`;
  return `<p>${text}</p>`;
}

function articleHtml(article: Article, lang: Lang): string[] {
  return articleUnits(article, lang).map(unitHtml);
}

function page(title: string, body: string[]): string {
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${FURNITURE.top}\n<main>\n${body.join('\n')}\n</main>\n${FURNITURE.bottom}\n</body></html>\n`;
}

/** The contents as a list of links, each English title followed by its Chinese one. */
function contentsHtml(document: BilingualDocument): string[] {
  if (document.toc.length === 0) return [];
  const items = tocUnits(document).map((unit) => `<li><a href="#">${escapeHtml(unit.text)}</a></li>`);
  return ['<ul class="contents">', ...items, '</ul>'];
}

/**
 * One page holding both languages: the contents, then article by article, each under a
 * header zone whose English and Chinese lines alternate, then the English and the Chinese text.
 */
export function bilingualPage(document: BilingualDocument): string {
  return page('bilingual', [
    ...contentsHtml(document),
    ...document.articles.flatMap((article) => {
      const { header, en, zh } = sharedHeaderUnits(article);
      return [...header, ...en, ...zh].map(unitHtml);
    }),
  ]);
}

/** Two pages, one per language. */
export function pagePair(document: BilingualDocument): Record<Lang, string> {
  return {
    en: page('English', [
      ...tocUnits(document, 'en').map(unitHtml),
      ...document.articles.flatMap((article) => articleHtml(article, 'en')),
    ]),
    zh: page('中文', [
      ...tocUnits(document, 'zh').map(unitHtml),
      ...document.articles.flatMap((article) => articleHtml(article, 'zh')),
    ]),
  };
}
