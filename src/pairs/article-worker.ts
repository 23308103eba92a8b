import { loadLexicon } from '../align/index.js';
import type { Article, Pair } from '../model/document.js';
import { articlePairs } from './pairs.js';

/** The entry point of a worker thread pairing a long document's articles: one article at a time. */
export default async function pairArticle(article: Article): Promise<Pair[]> {
  return articlePairs(article, await loadLexicon());
}
