import { Piscina } from 'piscina';
import { alignParagraphs, loadLexicon, scoreTranslation } from '../align/index.js';
import type { Lexicon } from '../align/lexicon.js';
import type {
  AlignedDocument,
  Article,
  BilingualDocument,
  BilingualText,
  Lang,
  Pair,
  PairRole,
  Paragraph,
  Sentence,
} from '../model/document.js';
import { joinSentences } from '../text/join.js';
import { flagsOf } from './flags.js';

const HEADER_ROLES = ['title', 'subtitle', 'byline', 'date'] as const;
/** Magazines leave out or cut off whole paragraphs far more often than translators drop a sentence. */
const PARAGRAPH_OMISSION_SCORE = -0.05;

function joinSide(sentences: readonly Sentence[], lang: Lang): string {
  return joinSentences(
    sentences.map((sentence) => sentence.text),
    lang,
  );
}

async function textPair(
  id: string,
  article: number | null,
  role: PairRole,
  text: BilingualText,
  lexicon: Lexicon,
): Promise<Pair> {
  const en = text.en ?? '';
  const zh = text.zh ?? '';
  const score = en && zh ? await scoreTranslation(en, zh, lexicon) : 0;
  return { id, article, role, en, zh, enIds: [], zhIds: [], score, flags: flagsOf(en, zh, score, false) };
}

/** The last sentence of each side that the structure stage found cut off. */
function truncatedSentences(article: Article): Set<string> {
  const ids = new Set<string>();
  for (const warning of article.warnings) {
    if (warning.code !== 'truncated' || !warning.lang) continue;
    const last = article.paragraphs[warning.lang].at(-1)?.sentences.at(-1);
    if (last) ids.add(last.id);
  }
  return ids;
}

interface SentenceGroup {
  en: Sentence[];
  zh: Sentence[];
  score: number;
}

/** Paragraphs first, then sentences inside each group of paragraphs that translate each other. */
async function bodyGroups(article: Article, lexicon: Lexicon): Promise<SentenceGroup[]> {
  const { en, zh } = article.paragraphs;
  const zhSentences = zh.flatMap((paragraph) => paragraph.sentences);
  const enSentences = en.flatMap((paragraph) => paragraph.sentences);
  const texts = (paragraphs: readonly Paragraph[]) =>
    paragraphs.map((paragraph) => paragraph.sentences.map((sentence) => sentence.text));
  const beads = await alignParagraphs(texts(zh), texts(en), {
    lexicon,
    paragraphOmissionScore: PARAGRAPH_OMISSION_SCORE,
  });
  return beads.map((bead) => ({
    zh: bead.source.map((i) => zhSentences[i] as Sentence),
    en: bead.target.map((j) => enSentences[j] as Sentence),
    score: bead.score,
  }));
}

/** Pairs one article: its header fields, its body and its source line. */
export async function articlePairs(article: Article, lexicon: Lexicon): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (const role of HEADER_ROLES) {
    const field = role === 'title' ? article.title : article[role];
    if (field && (field.en || field.zh))
      pairs.push(await textPair(`a${article.index}.${role}`, article.index, role, field, lexicon));
  }
  const truncated = truncatedSentences(article);
  const groups = await bodyGroups(article, lexicon);
  groups.forEach((group, n) => {
    const en = joinSide(group.en, 'en');
    const zh = joinSide(group.zh, 'zh');
    const cut = [...group.en, ...group.zh].some((sentence) => truncated.has(sentence.id));
    pairs.push({
      id: `a${article.index}.body.${n}`,
      article: article.index,
      role: 'body',
      en,
      zh,
      enIds: group.en.map((sentence) => sentence.id),
      zhIds: group.zh.map((sentence) => sentence.id),
      score: group.score,
      flags: flagsOf(en, zh, group.score, cut),
    });
  });
  if (article.source)
    pairs.push(await textPair(`a${article.index}.source`, article.index, 'source', article.source, lexicon));
  return pairs;
}

export interface PairingOptions {
  /** Threads a long document's articles are paired on (default 1: this thread). */
  jobs?: number;
}

/** Characters of text below which a document's articles are paired in this thread: threads take longer to start. */
const PARALLEL_MIN_CHARACTERS = 200_000;

function textSize(articles: readonly Article[]): number {
  return articles.reduce(
    (total, article) =>
      total + [...article.paragraphs.en, ...article.paragraphs.zh].reduce((sum, p) => sum + p.text.length, 0),
    0,
  );
}

/** Each article's pairs, in order: on `jobs` threads when the document is long enough to gain from them. */
async function pairArticles(articles: readonly Article[], lexicon: Lexicon, jobs: number): Promise<Pair[][]> {
  if (jobs <= 1 || articles.length < 2 || textSize(articles) < PARALLEL_MIN_CHARACTERS) {
    const pairs: Pair[][] = [];
    for (const article of articles) pairs.push(await articlePairs(article, lexicon));
    return pairs;
  }
  const pool = new Piscina({
    filename: new URL('./article-worker.js', import.meta.url).href,
    maxThreads: jobs,
  });
  try {
    return await Promise.all(articles.map((article) => pool.run(article) as Promise<Pair[]>));
  } finally {
    await pool.destroy();
  }
}

/**
 * Pairs every translated unit of a document: table-of-contents entries, each article's
 * header fields, its body (paragraphs aligned first, then sentences inside them) and its
 * source line. Text without counterpart becomes a one-sided pair. The lexicon is loaded on
 * first use unless one is given (to share it between documents).
 *
 * @example
 * const { documents } = await readDocuments(['report.pdf']);
 * const aligned = await pairDocument(documents[0]);
 * aligned.pairs[0]; // { id: 'a0.title', role: 'title', en: '…', zh: '…', score: 0.97, flags: [], … }
 */
export async function pairDocument(
  document: BilingualDocument,
  given?: Lexicon,
  options: PairingOptions = {},
): Promise<AlignedDocument> {
  const lexicon = given ?? (await loadLexicon());
  const pairs: Pair[] = [];
  for (const [n, entry] of document.toc.entries()) {
    pairs.push(await textPair(`toc.${n}`, entry.article, 'toc', entry, lexicon));
  }
  for (const articlePairs of await pairArticles(document.articles, lexicon, options.jobs ?? 1)) {
    pairs.push(...articlePairs);
  }
  return { ...document, pairs };
}
