import type { Block } from '../ingest/blocks.js';
import type { Article, Lang, Paragraph } from '../model/document.js';
import { cleanParagraph } from './cleanup.js';
import { alternate, emptyArticle } from './shared.js';

function paragraphsOf(blocks: readonly Block[], lang: Lang): Paragraph[] {
  return blocks.map((block, i) => ({
    id: `a0.${lang}.p${i}`,
    kind: block.markup === 'plain' ? 'body' : 'heading',
    text: cleanParagraph(block.text),
    sentences: [],
    sources: [block.lines],
    warnings: [],
  }));
}

/** Where articles start: at a heading that does not follow another heading. */
function titledParts(blocks: readonly Block[]): { prelude: Block[]; articles: Block[][] } {
  const starts = blocks.flatMap((block, i) =>
    block.markup === 'heading' && blocks[i - 1]?.markup !== 'heading' ? [i] : [],
  );
  return {
    prelude: blocks.slice(0, starts[0] ?? blocks.length),
    articles: starts.map((start, k) => blocks.slice(start, starts[k + 1])),
  };
}

/**
 * A pair of files with titles reads as a bilingual magazine does: the blocks before the
 * first title alternate (contents entries), then each article in English, then in
 * Chinese. Null when the files have no titles or not as many articles each.
 */
export function interleaveArticles(en: readonly Block[], zh: readonly Block[]): Block[] | null {
  const english = titledParts(en);
  const chinese = titledParts(zh);
  if (english.articles.length === 0 || english.articles.length !== chinese.articles.length) return null;
  return [
    ...alternate(english.prelude, chinese.prelude),
    ...english.articles.flatMap((article, k) => [...article, ...(chinese.articles[k] ?? [])]),
  ];
}

/** A pair of monolingual files, paragraphs separated by blank lines: one article. */
export function structurePair(en: readonly Block[], zh: readonly Block[]): Article {
  const article = emptyArticle(0);
  article.paragraphs = { en: paragraphsOf(en, 'en'), zh: paragraphsOf(zh, 'zh') };
  return article;
}

function presplitParagraph(text: string, file: string, lang: Lang): Paragraph {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return {
    id: `${lang}.all`,
    kind: 'body',
    text: lines.join('\n'),
    sentences: lines.map((line, i) => ({ id: `${lang}.L${i + 1}`, text: line, start: 0 })),
    sources: [{ file, firstLine: 1, lastLine: lines.length }],
    warnings: [],
  };
}

/** Files with one sentence per line, kept exactly as given: sentence ids are line numbers. */
export function structurePresplit(
  en: { text: string; path: string },
  zh: { text: string; path: string },
): Article {
  const article = emptyArticle(0);
  article.paragraphs = {
    en: [presplitParagraph(en.text, en.path, 'en')],
    zh: [presplitParagraph(zh.text, zh.path, 'zh')],
  };
  return article;
}
