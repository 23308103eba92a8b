import { BitextError } from './errors.js';
import { type GroupedInputs, groupInputs, type InputGroup, type ReaderChoice } from './ingest/inputs.js';
import { DEFAULT_LIMITS, type ReadLimits } from './ingest/limits.js';
import type { BilingualDocument } from './model/document.js';
import { segmentDocument } from './segment/index.js';
import { structureDocument } from './structure/index.js';

/** Reads one group of input files into a document with sentences: structure, then segmentation. */
export function readGroup(group: InputGroup): BilingualDocument {
  const document = segmentDocument(structureDocument(group));
  const hasText = document.articles.some(
    (article) => article.paragraphs.en.length + article.paragraphs.zh.length > 0,
  );
  if (!hasText) throw new BitextError('holds no paragraphs of text', document.source.files[0]);
  return document;
}

export interface ReadResult {
  documents: BilingualDocument[];
  failures: BitextError[];
}

/**
 * Reads input files into bilingual documents, choosing each file's reader unless one
 * is forced. A file that cannot be read, or is beyond the limits, is reported in
 * `failures`; the others are read.
 */
export async function readDocuments(
  paths: readonly string[],
  reader: ReaderChoice = 'auto',
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<ReadResult> {
  const { groups, failures }: GroupedInputs = await groupInputs(paths, reader, limits);
  const documents: BilingualDocument[] = [];
  for (const group of groups) {
    try {
      documents.push(readGroup(group));
    } catch (error) {
      if (!(error instanceof BitextError)) throw error;
      failures.push(error);
    }
  }
  return { documents, failures };
}
