/**
 * bitext's public API: read bilingual documents, align them into pairs, write them out or keep
 * them in a corpus store. The CLI and the studio are built on these same functions.
 *
 * @example
 * import { readDocuments, pairDocument, renderDocument } from 'bitext';
 * const { documents } = await readDocuments(['magazine.pdf']);
 * const aligned = await pairDocument(documents[0]);
 * const [tmx] = renderDocument(aligned, 'tmx');
 */

export { type AlignOptions, align, type Bead, loadLexicon, scoreTranslation } from './align/index.js';
export {
  BitextError,
  ConflictError,
  NotFoundError,
  OutputExistsError,
  TooLargeError,
  UnprocessableError,
} from './errors.js';
export {
  type ExportFile,
  type ExportOptions,
  FORMAT_NAMES,
  type Format,
  renderDocument,
  renderDocuments,
} from './export/index.js';
export type { ReaderChoice } from './ingest/inputs.js';
export { type OutputFile, type WriteOptions, writeFileAtomic, writeFilesAtomic } from './io/atomic.js';
export type {
  AlignedDocument,
  Article,
  BilingualDocument,
  BilingualText,
  Diagnostic,
  Lang,
  Pair,
  PairFlag,
  PairRole,
  Paragraph,
  Sentence,
  TocEntry,
} from './model/document.js';
export { listWarnings, type PlacedWarning } from './model/warnings.js';
export { pairDocument } from './pairs/pairs.js';
export { type ReadResult, readDocuments } from './read.js';
export { CorpusStore, type StoredDocument } from './store/index.js';
