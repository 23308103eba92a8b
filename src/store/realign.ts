import { align } from '../align/index.js';
import type { Lexicon } from '../align/lexicon.js';
import type { Sentence } from '../model/document.js';
import { flagsOf } from '../pipeline/flags.js';
import type { NewRow } from './edits.js';
import type { CorpusStore } from './index.js';
import type { StoredRow } from './rows.js';

/**
 * Re-alignment from corrections: confirmed pairs are fixed anchors; every stretch of
 * unconfirmed body pairs next to one (between two anchors, or before the first or after the
 * last of an article) has its sentences aligned again. A reviewer who fixes a pair near the
 * top of a drift confirms it, and the pairs after it follow.
 */

export interface RealignResult {
  /** Stretches aligned again. */
  stretches: number;
  removed: number;
  added: number;
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

/** New pairs for a stretch: its Chinese and English sentences aligned again, placed where it stood. */
async function realignStretch(
  stretch: readonly StoredRow[],
  following: number,
  sentences: ReadonlyMap<string, Sentence>,
  lexicon: Lexicon,
): Promise<NewRow[]> {
  const [first] = stretch as [StoredRow];
  const zhIds = idsOf(stretch, 'zh_ids');
  const enIds = idsOf(stretch, 'en_ids');
  const text = (id: string) => sentences.get(id)?.text ?? '';
  const beads = await align(zhIds.map(text), enIds.map(text), {
    sourceLang: 'zh',
    targetLang: 'en',
    lexicon,
  });
  const step = (following - first.position) / beads.length;
  return beads.map((bead, k) => {
    const en = bead.target.map((j) => text(enIds[j] ?? '')).join(' ');
    const zh = bead.source.map((i) => text(zhIds[i] ?? '')).join('');
    return {
      document_id: first.document_id,
      position: first.position + k * step,
      pair_key: `${first.pair_key}~${k}`,
      article: first.article,
      role: first.role,
      en,
      zh,
      en_ids: JSON.stringify(bead.target.map((j) => enIds[j])),
      zh_ids: JSON.stringify(bead.source.map((i) => zhIds[i])),
      score: bead.score,
      flags: JSON.stringify(flagsOf(en, zh, bead.score, false)),
      status: 'auto',
      version: 1,
    };
  });
}

function sentenceMap(store: CorpusStore, documentId: number): Map<string, Sentence> {
  const document = store.getDocument(documentId);
  const sentences = document.articles.flatMap((article) =>
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
  const sentences = sentenceMap(store, documentId);
  const replaced = [];
  for (const stretch of stretches) {
    const last = stretch.at(-1) as StoredRow;
    const following = rows.find((row) => row.position > last.position)?.position ?? last.position + 1;
    replaced.push({ removed: stretch, added: await realignStretch(stretch, following, sentences, lexicon) });
  }
  const added = replaced.length > 0 ? store.editor().replaceStretches(documentId, replaced, who) : [];
  return {
    stretches: stretches.length,
    removed: replaced.flatMap((r) => r.removed).length,
    added: added.length,
  };
}
