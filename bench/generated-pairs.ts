import { join, resolve } from 'node:path';
import type { AlignedDocument, Pair } from '../src/model/document.js';
import { readDocuments } from '../src/read.js';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Documents of generated pairs for the search benchmarks: the bundled example's sentences,
 * shuffled into new combinations (the same ones every run), `perDocument` pairs a document.
 */
export async function* generatedDocuments(
  pairs: number,
  perDocument: number,
): AsyncGenerator<AlignedDocument> {
  const [template] = (await readDocuments([join(ROOT, 'examples/harbour-review.md')])).documents;
  if (!template) throw new Error('the example cannot be read');
  const all = (lang: 'en' | 'zh') =>
    template.articles.flatMap((a) => a.paragraphs[lang].flatMap((p) => p.sentences.map((s) => s.text)));
  const en = all('en');
  const zh = all('zh');
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  for (let made = 0; made < pairs; made += perDocument) {
    const generated: Pair[] = Array.from({ length: perDocument }, (_, k) => ({
      id: `p${made + k}`,
      article: 0,
      role: 'body',
      en: `${en[next() % en.length]} ${en[next() % en.length]}`,
      zh: `${zh[next() % zh.length]}${zh[next() % zh.length]}`,
      enIds: [],
      zhIds: [],
      score: (next() % 100) / 100,
      flags: [],
    }));
    yield { ...template, pairs: generated };
  }
}

/** The queries the PostgreSQL search benchmark times: Chinese words, English words common and rare, a phrase, two terms, both languages. */
export const SEARCH_QUERIES = [
  '港口',
  '湿地',
  '集装箱',
  'harbour',
  'wetland',
  'of',
  'the',
  '"green harbour"',
  '港口 harbour',
  'the 的',
];
