/**
 * Builds web pages from a bilingual fixture read by bitext itself, in the layouts users
 * hold: one bilingual page (each article in English, then in Chinese) and a pair of
 * monolingual pages. Navigation and footers are added, for the reader to drop.
 */
import type { Article, BilingualDocument, Lang } from '../src/model/document.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const FURNITURE = {
  top: '<nav><a href="/">Home</a> · <a href="/archive">Archive</a> · 往期回顾</nav>\n<header><p>The Harbour Review · 港湾评论</p></header>',
  bottom: '<footer><p>© 2025 The Harbour Review. 版权所有。</p></footer>',
};

function articleHtml(article: Article, lang: Lang): string[] {
  const parts: string[] = [];
  const title = article.title[lang];
  if (title) parts.push(`<h${lang === 'en' ? 1 : 2}>${escapeHtml(title)}</h${lang === 'en' ? 1 : 2}>`);
  for (const field of [article.subtitle, article.byline, article.date]) {
    const text = field?.[lang];
    if (text)
      parts.push(
        lang === 'en' ? `<p><strong>${escapeHtml(text)}</strong></p>` : `<p>${escapeHtml(text)}</p>`,
      );
  }
  for (const paragraph of article.paragraphs[lang]) parts.push(`<p>${escapeHtml(paragraph.text)}</p>`);
  const source = article.source?.[lang];
  if (source) parts.push(`<p>${escapeHtml(source)}</p>`);
  return parts;
}

function page(title: string, body: string[]): string {
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${FURNITURE.top}\n<main>\n${body.join('\n')}\n</main>\n${FURNITURE.bottom}\n</body></html>\n`;
}

/** One page holding both languages, article by article. */
export function bilingualPage(document: BilingualDocument): string {
  return page(
    'bilingual',
    document.articles.flatMap((article) => [...articleHtml(article, 'en'), ...articleHtml(article, 'zh')]),
  );
}

/** Two pages, one per language. */
export function pagePair(document: BilingualDocument): Record<Lang, string> {
  return {
    en: page(
      'English',
      document.articles.flatMap((article) => articleHtml(article, 'en')),
    ),
    zh: page(
      '中文',
      document.articles.flatMap((article) => articleHtml(article, 'zh')),
    ),
  };
}
