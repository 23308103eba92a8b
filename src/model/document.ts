/**
 * The bilingual document model shared by every stage of the pipeline:
 * ingest → structure → segment → align → export/store.
 *
 * A document holds a table of contents and articles. Each article carries bilingual
 * header fields and two streams of paragraphs, one per language; each paragraph holds
 * its sentences. Diagnostics live where they arise: on the document, the article or
 * the paragraph.
 */

/** The two languages bitext works with. */
export type Lang = 'en' | 'zh';

/** The languages in a fixed order, for loops over both streams. */
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** How Chinese text is written; it is kept as written and only recorded. */
export type ChineseScript = 'simplified' | 'traditional' | 'unknown';

/** Which reader produced the document. */
export type ReaderKind = 'magazine' | 'pair' | 'presplit';

/** The kinds of file bitext reads. */
export type InputFormat = 'text' | 'html' | 'pdf' | 'docx';

/**
 * A place in an input file: 1-based line numbers, inclusive. For a PDF the lines are
 * the text lines read from it, counted through the file, and `page` is the 1-based page.
 */
export interface SourceLines {
  file: string;
  firstLine: number;
  lastLine: number;
  page?: number;
}

/**
 * What a finding is about: a side that stops mid-sentence or lacks the other side's end mark or
 * source line (`truncated`), an article in one language only (`one-sided`), text in neither
 * language kept aside (`unplaced-text`).
 */
export const DIAGNOSTIC_CODES = ['truncated', 'one-sided', 'unplaced-text'] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** A finding about the text itself (not a failure of the program). */
export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  /** The language the finding is about, when it is about one. */
  lang?: Lang;
  at?: SourceLines;
}

export interface Sentence {
  /** Stable id, unique in the document: `a{article}.{lang}.p{paragraph}.s{sentence}`, or `{lang}.L{line}` for pre-split input. */
  id: string;
  text: string;
  /** Offset of the sentence in its paragraph's text (UTF-16 code units). */
  start: number;
}

export type ParagraphKind = 'body' | 'heading';

export interface Paragraph {
  id: string;
  kind: ParagraphKind;
  text: string;
  sentences: Sentence[];
  /** The source lines the paragraph was read from; more than one when a page break was repaired. */
  sources: SourceLines[];
  warnings: Diagnostic[];
}

/** The same unit in both languages; a side is null where the document lacks it. */
export interface BilingualText {
  en: string | null;
  zh: string | null;
}

export const HEADER_ROLES = ['title', 'subtitle', 'byline', 'date', 'source'] as const;
export type HeaderRole = (typeof HEADER_ROLES)[number];

export interface Article {
  index: number;
  title: BilingualText;
  subtitle: BilingualText | null;
  byline: BilingualText | null;
  date: BilingualText | null;
  /** The closing source line, e.g. "(Source: Ministry of Foreign Affairs)". */
  source: BilingualText | null;
  paragraphs: Record<Lang, Paragraph[]>;
  warnings: Diagnostic[];
}

export interface TocEntry {
  en: string | null;
  zh: string | null;
  /** Index of the article the entry names, or null when the document does not carry it. */
  article: number | null;
}

export interface DocumentSource {
  /** The input files, in the order they were read. */
  files: string[];
  reader: ReaderKind;
  /** The kind of each file, in the order of `files`. */
  formats: InputFormat[];
  /** The encoding each text file was decoded from (`unicode` for PDF and Word files). */
  encodings: string[];
  chineseScript: ChineseScript;
}

export interface BilingualDocument {
  source: DocumentSource;
  toc: TocEntry[];
  articles: Article[];
  warnings: Diagnostic[];
}

/** What a pair is in its document. */
export const PAIR_ROLES = ['toc', 'title', 'subtitle', 'byline', 'date', 'body', 'source'] as const;
export type PairRole = (typeof PAIR_ROLES)[number];

/** Why a pair deserves a second look. */
export type PairFlag = 'low-confidence' | 'one-sided' | 'truncated' | 'number-mismatch' | 'name-mismatch';

/** The smallest group of English and Chinese sentences that translate each other. */
export interface Pair {
  /** Stable within the document: `a{article}.{role}.{n}`, or `toc.{n}`. */
  id: string;
  /** Index of the article, or null for a table-of-contents entry of an absent article. */
  article: number | null;
  role: PairRole;
  /** The text of each side; empty for a one-sided pair. */
  en: string;
  zh: string;
  /** Ids of the sentences on each side (header fields and contents entries have none). */
  enIds: string[];
  zhIds: string[];
  /** Confidence in [0, 1]. */
  score: number;
  flags: PairFlag[];
  /** Set when a person checked the pair in the studio; exports keep it, and no score threshold drops it. */
  status?: 'confirmed';
}

/** A document with its translation pairs, in reading order. */
export interface AlignedDocument extends BilingualDocument {
  pairs: Pair[];
}
