import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { Piscina } from 'piscina';
import type { AlignedDocument } from '../model/document.js';
import { documentName } from '../model/names.js';
import { PostgresStore } from '../store/postgres/index.js';
import { alignJob, type JobOutcome } from './align-job.js';
import { BOSS_SCHEMA, inTransaction, openQueue, QUEUE } from './boss.js';
import type { DocumentJob } from './jobs.js';

export interface WorkerOptions {
  /** Jobs worked on at once, each aligned in a thread of its own when more than one. */
  jobs: number;
  /** Stop once no job is queued or running anywhere, rather than wait for more. */
  exitWhenIdle: boolean;
  /** Aborted on SIGTERM: the jobs in hand are finished, no new one is taken. */
  signal: AbortSignal;
  log: (line: string) => void;
}

export interface WorkerSummary {
  stored: number;
  failed: number;
}

/** How long a worker with nothing to do waits before looking again. */
const POLL_MS = 500;
/** Storing a job's documents is tried this often (a server restart cuts it) before the job is left to expire and be retried. */
const STORE_ATTEMPTS = 10;
const STORE_RETRY_MS = 1000;

/** A job whose time ran out while this worker held it: another worker has it now. */
class JobLostError extends Error {}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}

/** Whether no job is waiting, retrying or running in the queue. */
async function queueIsDone(store: PostgresStore): Promise<boolean> {
  return store.transaction(async (client) => {
    const { rows } = await client.query<{ open: number }>(
      `SELECT COUNT(*)::int AS open FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state < 'completed'`,
      [QUEUE],
    );
    return rows[0]?.open === 0;
  });
}

/**
 * Stores a job's documents and completes the job in one transaction: the documents land
 * exactly once, or the transaction rolls back and the job stays with whoever holds it now.
 */
async function storeAndComplete(
  store: PostgresStore,
  boss: PgBoss,
  job: PgBoss.Job<DocumentJob>,
  documents: AlignedDocument[],
): Promise<number[]> {
  return store.transaction(async (client) => {
    const ids: number[] = [];
    for (const [k, document] of documents.entries()) {
      const inputHash = k === 0 ? job.data.inputHash : `${job.data.inputHash}:${k}`;
      ids.push(await store.addDocument(document, { inputHash, db: client }));
    }
    const result = (await boss.complete(
      QUEUE,
      job.id,
      { documents: ids },
      { db: inTransaction(client) },
    )) as unknown as {
      affected: number;
    };
    if (result.affected !== 1) throw new JobLostError();
    return ids;
  });
}

/** `bitext worker`: takes document jobs from the queue, aligns them and stores them, until stopped (or idle). */
export async function runWorker(url: string, options: WorkerOptions): Promise<WorkerSummary> {
  const store = await PostgresStore.open(url, { connections: options.jobs + 1 });
  const boss = await openQueue(url, { connections: options.jobs + 1 }).catch(async (error) => {
    await store.close();
    throw error;
  });
  const threads =
    options.jobs > 1
      ? new Piscina<DocumentJob, JobOutcome>({
          filename: new URL('./align-job.js', import.meta.url).href,
          maxThreads: options.jobs,
          minThreads: options.jobs,
        })
      : null;
  const align = (job: DocumentJob) => (threads ? threads.run(job) : alignJob(job));
  const summary: WorkerSummary = { stored: 0, failed: 0 };

  const settle = async (job: PgBoss.Job<DocumentJob>, outcome: JobOutcome) => {
    if ('failure' in outcome) {
      await boss.fail(QUEUE, job.id, { message: outcome.failure });
      summary.failed += 1;
      options.log(`job ${job.id} failed: ${outcome.failure}`);
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const ids = await storeAndComplete(store, boss, job, outcome.documents);
        summary.stored += ids.length;
        const names = outcome.documents.map((document) => documentName(document));
        options.log(`stored ${names.join(', ')} as document ${ids.join(', ')} (job ${job.id})`);
        return;
      } catch (error) {
        if (error instanceof JobLostError) {
          options.log(`job ${job.id} ran out of time and was taken over: its result is dropped`);
          return;
        }
        if (attempt >= STORE_ATTEMPTS) throw error;
        await sleep(STORE_RETRY_MS);
      }
    }
  };

  const workOne = async (): Promise<boolean> => {
    const [job] = await boss.fetch<DocumentJob>(QUEUE, { batchSize: 1 });
    if (!job) return false;
    const outcome = await align(job.data).catch(
      (error: unknown): JobOutcome => ({ failure: `internal error: ${oneLine(error)}` }),
    );
    await settle(job, outcome);
    return true;
  };

  const slot = async () => {
    while (!options.signal.aborted) {
      try {
        if (await workOne()) continue;
        if (options.exitWhenIdle && (await queueIsDone(store))) return;
      } catch (error) {
        options.log(`the database is out of reach (${oneLine(error)}): trying again`);
      }
      await sleep(POLL_MS);
    }
  };

  try {
    await Promise.all(Array.from({ length: options.jobs }, slot));
  } finally {
    await threads?.destroy();
    await boss.stop({ graceful: false }).catch(() => {});
    await store.close();
  }
  return summary;
}
