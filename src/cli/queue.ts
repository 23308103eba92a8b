import { Command, Option } from 'commander';
import { BitextError } from '../errors.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import { isPostgresUrl } from './open-store.js';
import { parseCount, parsePositiveInt } from './options.js';

const MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;
const MAX_JOBS = 64;

/* Each command imports what it runs when it runs, as in main.ts: the others never load pg. */

/** `--db URL`, or BITEXT_DB_URL so that a password stays out of `ps`. */
export function serverOption(): Option {
  return new Option('--db <url>', 'the PostgreSQL server holding the queue and the store (postgres://…)').env(
    'BITEXT_DB_URL',
  );
}

function serverUrl(db: string | undefined): string {
  if (db === undefined || !isPostgresUrl(db))
    throw new BitextError('the job queue needs a PostgreSQL server: give --db postgres://… or BITEXT_DB_URL');
  return db;
}

export function enqueueCommand(readerOption: Option, onFailures: (failures: string[]) => void): Command {
  return new Command('enqueue')
    .description('queue documents for `bitext worker`s on any machine: one job each, each document once')
    .argument('<inputs...>', 'documents, pairs of x.en.txt and x.zh.txt, or folders of them')
    .addOption(serverOption())
    .addOption(readerOption)
    .option(
      '--timeout <seconds>',
      'time a worker may take over a job before it is retried elsewhere',
      parsePositiveInt(MAX_TIMEOUT_SECONDS),
      900,
    )
    .option('--retries <n>', 'times a failing job is retried before it is marked failed', parseCount, 2)
    .action(
      async (
        inputs: string[],
        options: { db?: string; reader: ReaderChoice; timeout: number; retries: number },
      ) => {
        const { enqueueDocuments } = await import('../queue/enqueue.js');
        const report = await enqueueDocuments(inputs, serverUrl(options.db), {
          reader: options.reader,
          timeoutSeconds: options.timeout,
          retries: options.retries,
        });
        process.stderr.write(
          `bitext: queued ${report.queued} documents${report.known ? `, ${report.known} already queued or stored` : ''}\n`,
        );
        onFailures(report.failures);
      },
    );
}

export function workerCommand(): Command {
  return new Command('worker')
    .description('take document jobs from the queue, align them and store them, until SIGTERM')
    .addOption(serverOption())
    .option(
      '--jobs <n>',
      'jobs worked on at once, each in a thread of its own',
      parsePositiveInt(MAX_JOBS),
      1,
    )
    .option('--exit-when-idle', 'stop once no job is queued or running')
    .action(async (options: { db?: string; jobs: number; exitWhenIdle?: boolean }) => {
      const stop = new AbortController();
      for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stop.abort());
      const { runWorker } = await import('../queue/worker.js');
      const summary = await runWorker(serverUrl(options.db), {
        jobs: options.jobs,
        exitWhenIdle: options.exitWhenIdle ?? false,
        signal: stop.signal,
        log: (line) => process.stderr.write(`bitext: ${line}\n`),
      });
      process.stderr.write(
        `bitext: worker stopped: ${summary.stored} documents stored, ${summary.failed} jobs failed\n`,
      );
    });
}

export function statusCommand(): Command {
  return new Command('status')
    .description('the job queue: queued, active, done and failed counts, throughput, failed jobs')
    .addOption(serverOption())
    .option('--json', 'print the status as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const { queueStatus, statusReport } = await import('../queue/status.js');
      const status = await queueStatus(serverUrl(options.db));
      process.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : statusReport(status));
    });
}
