import type { Format } from '../export/index.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import type { Lang, PairRole } from '../model/document.js';
import { type BatchSummary, runBatch } from '../pipeline/batch.js';

export interface AlignCommandOptions {
  output: string;
  to: Format;
  minScore?: number;
  roles?: PairRole[];
  jobs: number;
  force?: boolean;
  reader: ReaderChoice;
  srcLang: Lang;
}

/** A progress bar on a terminal; nothing when stderr is piped. */
function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(
      `\rbitext: [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files`,
    );
    if (done === total) process.stderr.write('\n');
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Where the outputs went: the files themselves when one document was written, else the folder. */
function destination(written: readonly string[], output: string): string {
  if (written.length === 0) return 'nothing written';
  return written.length <= 2 ? written.join(' and ') : output;
}

export function summaryLine(summary: BatchSummary, output: string): string {
  const { counts } = summary;
  const failed = summary.failures.length ? `, ${summary.failures.length} failed` : '';
  return (
    `bitext: ${plural(counts.documents, 'document')}${failed}: ${plural(counts.articles, 'article')}, ${plural(counts.pairs, 'pair')} ` +
    `(${counts.oneSided} one-sided, ${counts.lowConfidence} low-confidence), ${plural(counts.warnings, 'warning')}, ` +
    `${summary.seconds.toFixed(1)} s → ${destination(summary.written, output)}\n`
  );
}

/** `bitext align`: the whole pipeline, from documents to bitext files. Returns whether everything succeeded. */
export async function runAlignCommand(inputs: string[], options: AlignCommandOptions): Promise<boolean> {
  const { jobs, minScore, roles } = options;
  const progress = progressBar();
  const summary = await runBatch(inputs, {
    format: options.to,
    output: options.output,
    force: options.force ?? false,
    reader: options.reader,
    jobs,
    export: {
      ...(minScore !== undefined ? { minScore } : {}),
      ...(roles ? { roles } : {}),
      sourceLang: options.srcLang,
    },
    ...(progress ? { onProgress: progress } : {}),
  });
  for (const failure of summary.failures) process.stderr.write(`bitext: ${failure}\n`);
  process.stderr.write(summaryLine(summary, options.output));
  return summary.failures.length === 0;
}
