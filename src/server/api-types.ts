/**
 * What the studio's JSON API sends and takes, shared with the web app. It imports only types of
 * the document model, which the web app type-checks too; the store's rows never reach the API.
 */
import type { Pair } from '../model/document.js';
import type { PlacedWarning } from '../model/warnings.js';

/**
 * What an upload does with a document the library holds already (the same content, or the
 * same name): asks (stores it not, and names the documents it would duplicate), replaces
 * them, or keeps both.
 */
export const DUPLICATE_CHOICES = ['ask', 'replace', 'keep'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

/** An uploaded document not stored, for the reviewer to choose: the stored ones it would duplicate. */
export interface UploadDuplicate {
  name: string;
  existing: { id: number; name: string }[];
}

/** The answer to an upload: the documents stored, those waiting for a choice, the files not read. */
export interface UploadOutcome {
  ids: number[];
  duplicates: UploadDuplicate[];
  failures: string[];
}

/** A stored document as the library lists it. */
export interface DocumentSummary {
  id: number;
  name: string;
  importedAt: string;
  pairs: number;
  confirmed: number;
  doubtful: number;
  /** Warnings the reader raised: truncated articles, text it could not place. */
  warnings: number;
}

/** What the reader noticed about a document, with the sentence nearest it. */
export type DocumentWarning = PlacedWarning;

export type ReviewStatus = 'auto' | 'confirmed';

/** A pair as the review shows and edits it: the document model's pair, as the store holds it. */
export interface ReviewPair extends Omit<Pair, 'id' | 'status'> {
  /** The pair's id in the store, as edits address it; never reused. */
  id: number;
  /** The pair's key in its document (`a0.body.5`, the model's id), as links and exports name it. */
  key: string;
  status: ReviewStatus;
  /** Raised by every edit: an edit names the version it was made on. */
  version: number;
}

/** A document as the review opens it: its pairs (the first `limit`, or all), the PDF page of each sentence. */
export interface ReviewDocumentBody {
  name: string;
  /** How many pairs the document has, however many were sent. */
  total: number;
  pairs: ReviewPair[];
  pages: Record<string, number>;
  history: EditHistory;
}

/** The edit `undo` and `redo` would apply next in a document, by id; null when there is none. */
export interface EditHistory {
  undo: number | null;
  redo: number | null;
}

/**
 * What an edit (or its undo) changed: the pairs it took away, which stood next to each other,
 * and the pairs now in their place, in order. A view patches itself with these alone.
 */
export interface EditResult {
  removed: number[];
  pairs: ReviewPair[];
  history: EditHistory;
}

/** An undo or redo: what it changed, and whether there was anything to do. */
export interface StepResult extends EditResult {
  done: boolean;
}

/** A document aligned again around its confirmed pairs. */
export interface RealignResult {
  /** Stretches aligned again, the pairs they held, and the pairs now in their place. */
  stretches: number;
  realigned: number;
  pairs: number;
  /** Null when nothing was realigned. */
  outcome: EditResult | null;
}

/** Where a match lies in a text: [start, end) in UTF-16 code units, as JavaScript strings index. */
export type Span = [number, number];

/** A pair a search found, with every match of the query and the words that translate it, by side. */
export interface SearchHit {
  documentId: number;
  documentName: string;
  pair: ReviewPair;
  matches: { en: Span[]; zh: Span[] };
  spotted: { en: Span[]; zh: Span[] };
}

export interface SearchPage {
  /** All pairs the query matches, over every page, counted up to a limit. */
  total: number;
  /** Whether more pairs match than `total` counts. */
  more: boolean;
  offset: number;
  hits: SearchHit[];
}
