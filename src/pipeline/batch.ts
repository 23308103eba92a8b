import { existsSync, statSync } from 'node:fs';
import { Piscina } from 'piscina';
import type { ExportOptions, Format } from '../export/index.js';
import { expandInputs } from '../ingest/folders.js';
import { languageInName, pairStem, type ReaderChoice } from '../ingest/inputs.js';
import { distinctNames, documentNameOf } from '../model/names.js';
import { runTask, type Task, type TaskOutcome } from './task.js';

export interface BatchOptions {
  format: Format;
  /** Output folder, or a file when there is one input document. */
  output: string;
  force: boolean;
  reader: ReaderChoice;
  jobs: number;
  export: ExportOptions;
  /** Told after each task, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

export interface BatchSummary extends TaskOutcome {
  seconds: number;
}

/**
 * Groups files into tasks by name: `x.en.txt` with `x.zh.txt`, every other file alone;
 * two untagged files given alone form one task, which pairs them if they are monolingual.
 */
export function planTasks(files: readonly string[]): string[][] {
  if (files.length === 2 && files.every((file) => languageInName(file) === null)) return [[...files]];
  const byStem = new Map<string, string[]>();
  const tasks: string[][] = [];
  for (const file of files) {
    if (languageInName(file) === null) tasks.push([file]);
    else byStem.set(pairStem(file), [...(byStem.get(pairStem(file)) ?? []), file]);
  }
  return [...tasks, ...byStem.values()];
}

/** Whether the output names one file (one task, and an extension) rather than a folder. */
function outputFor(output: string, tasks: number): Task['output'] {
  const looksLikeFile = /\.[a-z]+$/i.test(output) && !(existsSync(output) && statSync(output).isDirectory());
  return tasks === 1 && looksLikeFile ? { file: output } : { folder: output };
}

function merge(summary: BatchSummary, outcome: TaskOutcome): void {
  summary.written.push(...outcome.written);
  summary.failures.push(...outcome.failures);
  for (const key of Object.keys(summary.counts) as (keyof TaskOutcome['counts'])[]) {
    summary.counts[key] += outcome.counts[key];
  }
}

/**
 * Runs the pipeline over many inputs: each task in a worker thread when `jobs` > 1. A
 * failing input is reported and the others go on; nothing is kept in memory but counts.
 */
export async function runBatch(inputs: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const { files, failures } = expandInputs(inputs);
  const plan = planTasks(files);
  const summary: BatchSummary = {
    seconds: 0,
    written: [],
    failures,
    counts: { documents: 0, articles: 0, pairs: 0, oneSided: 0, lowConfidence: 0, warnings: 0 },
  };
  const output = outputFor(options.output, plan.length);
  const names = distinctNames(plan.map((taskFiles) => taskFiles[0] ?? ''));
  const tasks: Task[] = plan.map((taskFiles, i) => ({
    files: taskFiles,
    reader: options.reader,
    format: options.format,
    output,
    ...(names[i] === documentNameOf(taskFiles[0] ?? '') ? {} : { name: names[i] }),
    force: options.force,
    export: options.export,
    articleJobs: plan.length === 1 ? options.jobs : 1,
  }));
  let done = 0;
  const finish = (outcome: TaskOutcome) => {
    merge(summary, outcome);
    options.onProgress?.(++done, tasks.length);
  };
  if (options.jobs > 1 && tasks.length > 1) {
    const pool = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      maxThreads: options.jobs,
      minThreads: 1,
    });
    try {
      await Promise.all(tasks.map(async (task) => finish((await pool.run(task)) as TaskOutcome)));
    } finally {
      await pool.destroy();
    }
  } else {
    for (const task of tasks) finish(await runTask(task));
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
