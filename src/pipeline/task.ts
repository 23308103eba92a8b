import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadLexicon } from '../align/index.js';
import { BitextError, OutputExistsError } from '../errors.js';
import { type ExportOptions, type Format, formatSuffixes, renderDocument } from '../export/index.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import { writeFilesAtomic } from '../io/atomic.js';
import { makeFolders } from '../io/folders.js';
import { distinctNames, documentNameOf } from '../model/names.js';
import { pairDocument } from '../pairs/pairs.js';
import { readDocuments } from '../read.js';

/** One unit of a batch: the files of one or more documents, read, aligned and written together. */
export interface Task {
  files: string[];
  reader: ReaderChoice;
  format: Format;
  /** A folder to write `<document name><suffix>` files into, or, for a single document, a file path. */
  output: { folder: string } | { file: string };
  /** The name to write the document under, when its own (the file's stem) is shared with another task's. */
  name?: string;
  force: boolean;
  export: ExportOptions;
  /** Threads a long document's articles may be paired on (a batch of one task has threads to spare). */
  articleJobs?: number;
}

export interface DocumentCounts {
  documents: number;
  articles: number;
  pairs: number;
  oneSided: number;
  lowConfidence: number;
  warnings: number;
}

export interface TaskOutcome {
  written: string[];
  counts: DocumentCounts;
  /** One line per input that failed, naming it. */
  failures: string[];
}

function outputPath(task: Task, name: string, suffix: string): string {
  if ('file' in task.output) {
    const file = task.output.file;
    return file.endsWith(suffix) ? file : `${file.replace(/\.[^./]+$/, '')}${suffix}`;
  }
  return join(task.output.folder, `${name}${suffix}`);
}

/**
 * The first output of a task's document that exists already, when the task may not
 * replace outputs: found before the task reads and aligns anything. A file holding
 * several documents names them only once read; the writer checks those.
 */
function existingOutput(task: Task): string | undefined {
  if (task.force) return undefined;
  const name = task.name ?? documentNameOf(task.files[0] ?? '');
  return formatSuffixes(task.format)
    .map((suffix) => outputPath(task, name, suffix))
    .find((path) => existsSync(path));
}

/** Reads, aligns and writes the documents of one task; a failure is reported, never thrown. */
export async function runTask(task: Task): Promise<TaskOutcome> {
  const outcome: TaskOutcome = {
    written: [],
    counts: { documents: 0, articles: 0, pairs: 0, oneSided: 0, lowConfidence: 0, warnings: 0 },
    failures: [],
  };
  const existing = existingOutput(task);
  if (existing !== undefined) {
    outcome.failures.push(new OutputExistsError(existing).oneLine);
    return outcome;
  }
  const { documents, failures } = await readDocuments(task.files, task.reader);
  outcome.failures.push(...failures.map((failure) => failure.oneLine));
  if ('file' in task.output && documents.length > 1) {
    outcome.failures.push(
      `-o ${task.output.file} names one file, but the inputs hold ${documents.length} documents: give a folder`,
    );
    return outcome;
  }
  const lexicon = documents.length > 0 ? await loadLexicon() : undefined;
  const names = distinctNames(documents.map((document) => document.source.files[0] ?? ''));
  for (const [index, document] of documents.entries()) {
    try {
      const aligned = await pairDocument(document, lexicon as NonNullable<typeof lexicon>, {
        jobs: task.articleJobs ?? 1,
      });
      const files = renderDocument(aligned, task.format, task.export);
      const name = task.name ?? (names[index] as string);
      const outputs = files.map((file) => ({ path: outputPath(task, name, file.suffix), text: file.text }));
      for (const { path } of outputs) makeFolders(dirname(path));
      writeFilesAtomic(outputs, { force: task.force, inputs: task.files });
      outcome.written.push(...outputs.map((output) => output.path));
      const counts = outcome.counts;
      counts.documents += 1;
      counts.articles += aligned.articles.length;
      counts.pairs += aligned.pairs.length;
      counts.oneSided += aligned.pairs.filter((pair) => pair.flags.includes('one-sided')).length;
      counts.lowConfidence += aligned.pairs.filter((pair) => pair.flags.includes('low-confidence')).length;
      counts.warnings +=
        aligned.warnings.length + aligned.articles.reduce((sum, article) => sum + article.warnings.length, 0);
    } catch (error) {
      if (!(error instanceof BitextError)) throw error;
      outcome.failures.push(error.oneLine);
    }
  }
  return outcome;
}
