/** The store's rows become the API's objects here and nowhere else: JSON columns parsed, fields named as the API names them. */
import type { Pair } from '../model/document.js';
import type { RealignResult as StoreRealignResult } from '../store/realign.js';
import { type EditOutcome, pairOf, type ReviewRow, type StoredDocument } from '../store/rows.js';
import type { SpottedHit, SpottedPage } from '../store/search-types.js';
import type {
  DocumentSummary,
  EditResult,
  RealignResult,
  ReviewPair,
  SearchHit,
  SearchPage,
  StepResult,
} from './api-types.js';

/** A pair of the model with the row that holds it: its id, status and version. */
function reviewPairOf(pair: Pair, row: Pick<ReviewPair, 'id' | 'status' | 'version'>): ReviewPair {
  return {
    id: row.id,
    key: pair.id,
    article: pair.article,
    role: pair.role,
    en: pair.en,
    zh: pair.zh,
    enIds: pair.enIds,
    zhIds: pair.zhIds,
    score: pair.score,
    flags: pair.flags,
    status: row.status,
    version: row.version,
  };
}

/** A stored row as the review shows it. */
export function reviewPair(row: ReviewRow): ReviewPair {
  return reviewPairOf(pairOf(row), row);
}

export function documentSummary(document: StoredDocument): DocumentSummary {
  const { id, name, importedAt, pairs, confirmed, doubtful, warnings } = document;
  return { id, name, importedAt, pairs, confirmed, doubtful, warnings };
}

export function editResult(outcome: EditOutcome): EditResult {
  return { removed: outcome.removed, pairs: outcome.rows.map(reviewPair), history: outcome.history };
}

export function stepResult(outcome: EditOutcome & { done: boolean }): StepResult {
  return { ...editResult(outcome), done: outcome.done };
}

export function realignResult(result: StoreRealignResult): RealignResult {
  const { stretches, realigned, pairs, outcome } = result;
  return { stretches, realigned, pairs, outcome: outcome && editResult(outcome) };
}

function searchHit(hit: SpottedHit): SearchHit {
  return {
    documentId: hit.documentId,
    documentName: hit.documentName,
    pair: reviewPairOf(hit.pair, { id: hit.rowId, status: hit.status, version: hit.version }),
    matches: hit.matches,
    spotted: hit.spotted,
  };
}

export function searchPage(page: SpottedPage): SearchPage {
  return { total: page.total, more: page.more, offset: page.offset, hits: page.hits.map(searchHit) };
}
