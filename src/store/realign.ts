import { align } from '../align/index.js';
import type { Lexicon } from '../align/lexicon.js';
import type { Sentence } from '../model/document.js';
import type { SentenceGroup } from './edits.js';
import type { CorpusStore } from './index.js';
import type { EditOutcome, StoredRow } from './rows.js';

/**
 * Re-alignment from corrections: confirmed pairs are fixed anchors; every stretch of
 * unconfirmed body pairs in an article holding one (between two anchors, or before the first
 * or after the last) has its sentences aligned again. A reviewer who fixes a pair at the top
 * of a drift confirms it, and the pairs after it follow.
 */

export interface RealignResult {
  /** Stretches aligned again, the pairs they held, and the pairs now in their place. */
  stretches: number;
  realigned: number;
  pairs: number;
  /** What the edit changed, as every edit reports it; null when nothing was realigned. */
  outcome: EditOutcome | null;
}

/** Runs of unconfirmed body pairs, within one article, in articles holding a confirmed pair. */
export function unconfirmedStretches(rows: readonly StoredRow[]): StoredRow[][] {
  const byArticle = new Map<number | null, StoredRow[]>();
  for (const row of rows.filter((candidate) => candidate.role === 'body'))
    byArticle.set(row.article, [...(byArticle.get(row.article) ?? []), row]);
  const stretches: StoredRow[][] = [];
  for (const articleRows of byArticle.values()) {
    if (!articleRows.some((row) => row.status === 'confirmed')) continue;
    let run: StoredRow[] = [];
    for (const row of [...articleRows, undefined]) {
      if (row && row.status !== 'confirmed') run.push(row);
      else {
        if (run.length > 0) stretches.push(run);
        run = [];
      }
    }
  }
  return stretches;
}

const idsOf = (rows: readonly StoredRow[], side: 'en_ids' | 'zh_ids') =>
  rows.flatMap((row) => JSON.parse(row[side]) as string[]);

/** A stretch's Chinese and English sentences aligned again, as groups of sentence ids. */
async function realignStretch(
  stretch: readonly StoredRow[],
  sentences: ReadonlyMap<string, Sentence>,
  lexicon: Lexicon,
): Promise<SentenceGroup[]> {
  const zh = idsOf(stretch, 'zh_ids');
  const en = idsOf(stretch, 'en_ids');
  const text = (id: string) => sentences.get(id)?.text ?? '';
  const beads = await align(zh.map(text), en.map(text), { sourceLang: 'zh', targetLang: 'en', lexicon });
  return beads.map((bead) => ({
    en: bead.target.map((j) => en[j] as string),
    zh: bead.source.map((i) => zh[i] as string),
  }));
}

function sentenceMap(store: CorpusStore, documentId: number): Map<string, Sentence> {
  const sentences = store
    .getDocument(documentId)
    .articles.flatMap((article) =>
      [...article.paragraphs.en, ...article.paragraphs.zh].flatMap((paragraph) => paragraph.sentences),
    );
  return new Map(sentences.map((sentence) => [sentence.id, sentence]));
}

/** Aligns a document's unconfirmed stretches again around its confirmed pairs, as one undoable edit. */
export async function realignDocument(
  store: CorpusStore,
  documentId: number,
  lexicon: Lexicon,
  who: string,
): Promise<RealignResult> {
  const rows = store.rows(documentId);
  const stretches = unconfirmedStretches(rows);
  const first = stretches[0]?.[0];
  const last = stretches.at(-1)?.at(-1);
  if (!first || !last) return { stretches: 0, realigned: 0, pairs: 0, outcome: null };
  const sentences = sentenceMap(store, documentId);
  const replacements = new Map<number, { rows: StoredRow[]; groups: SentenceGroup[] }>();
  for (const stretch of stretches)
    replacements.set((stretch[0] as StoredRow).id, {
      rows: stretch,
      groups: await realignStretch(stretch, sentences, lexicon),
    });
  const run = rows.filter((row) => row.position >= first.position && row.position <= last.position);
  const outcome = await store.editor().realign(run, replacements, who);
  const groups = [...replacements.values()];
  return {
    stretches: stretches.length,
    realigned: groups.reduce((sum, stretch) => sum + stretch.rows.length, 0),
    pairs: groups.reduce((sum, stretch) => sum + stretch.groups.length, 0),
    outcome,
  };
}
