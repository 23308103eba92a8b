import { resolve } from 'node:path';
import { BitextError } from '../errors.js';
import { expandInputs } from '../ingest/folders.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import { planTasks } from '../pipeline/batch.js';
import { PostgresStore } from '../store/postgres/index.js';
import { openQueue, QUEUE } from './boss.js';
import { documentJob, jobId } from './jobs.js';

export interface EnqueueOptions {
  reader: ReaderChoice;
  /** Seconds a worker may hold a job before it is taken to have died and the job is retried. */
  timeoutSeconds: number;
  /** Times a failing job is tried again before it is marked failed. */
  retries: number;
}

export interface EnqueueReport {
  queued: number;
  /** Documents already queued or stored. */
  known: number;
  failures: string[];
}

/** Seconds before the first retry of a failed job; each later one waits about twice as long. */
const RETRY_DELAY_SECONDS = 2;

/** `bitext enqueue`: one job per document (a file, or a pair of files), each document once. */
export async function enqueueDocuments(
  inputs: readonly string[],
  url: string,
  options: EnqueueOptions,
): Promise<EnqueueReport> {
  const { files, failures } = expandInputs(inputs);
  // A file named twice (alone and in its folder) is one file, or it would make a document of its own.
  const distinct = [...new Map(files.map((file) => [resolve(file), file])).values()];
  const report: EnqueueReport = { queued: 0, known: 0, failures };
  const store = await PostgresStore.open(url, { connections: 1 });
  try {
    const boss = await openQueue(url, { connections: 1 });
    try {
      for (const task of planTasks(distinct)) {
        try {
          const job = documentJob(task, options.reader);
          const stored = (await store.documentWithInput(job.inputHash)) !== null;
          const id = stored
            ? null
            : await boss.send(QUEUE, job, {
                id: jobId(job.inputHash),
                expireInSeconds: options.timeoutSeconds,
                retryLimit: options.retries,
                retryDelay: RETRY_DELAY_SECONDS,
                retryBackoff: true,
              });
          if (id === null) report.known += 1;
          else report.queued += 1;
        } catch (error) {
          if (!(error instanceof BitextError)) throw error;
          report.failures.push(error.oneLine);
        }
      }
    } finally {
      await boss.stop({ graceful: false });
    }
  } finally {
    await store.close();
  }
  return report;
}
