import pg from 'pg';
import { BitextError } from '../errors.js';
import { redactedUrl } from '../store/postgres/index.js';
import { BOSS_SCHEMA, QUEUE } from './boss.js';

export interface FailedJob {
  id: string;
  files: string[];
  error: string;
}

export interface QueueStatus {
  queued: number;
  active: number;
  done: number;
  failed: number;
  /** Documents finished a minute over the last ten minutes. */
  perMinute: number;
  failedJobs: FailedJob[];
}

/** The window throughput is measured over. */
const THROUGHPUT_MINUTES = 10;

/** Jobs live in pg-boss's job table until they are archived; both count. */
const ALL_JOBS = `(SELECT state, completed_on, id, data, output FROM ${BOSS_SCHEMA}.job WHERE name = $1
  UNION ALL SELECT state, completed_on, id, data, output FROM ${BOSS_SCHEMA}.archive WHERE name = $1) AS jobs`;

/** `bitext status`: the queue's counts by state, its throughput, and the jobs that failed with their errors. */
export async function queueStatus(url: string): Promise<QueueStatus> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const installed = await client.query(`SELECT to_regclass('${BOSS_SCHEMA}.job') IS NOT NULL AS yes`);
    if (!installed.rows[0]?.yes)
      throw new BitextError('holds no job queue (bitext enqueue makes it)', redactedUrl(url));
    const counts = await client.query<Omit<QueueStatus, 'failedJobs'>>(
      `SELECT COUNT(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
              COUNT(*) FILTER (WHERE state = 'active')::int AS active,
              COUNT(*) FILTER (WHERE state = 'completed')::int AS done,
              COUNT(*) FILTER (WHERE state = 'failed')::int AS failed,
              (COUNT(*) FILTER (WHERE state = 'completed'
                 AND completed_on > now() - interval '${THROUGHPUT_MINUTES} minutes'))::float8 / ${THROUGHPUT_MINUTES} AS "perMinute"
       FROM ${ALL_JOBS}`,
      [QUEUE],
    );
    const failed = await client.query<FailedJob>(
      `SELECT id::text, ARRAY(SELECT jsonb_array_elements(data -> 'files') ->> 'name') AS files,
              COALESCE(output ->> 'message', output -> 'value' ->> 'message', 'no message') AS error
       FROM ${ALL_JOBS} WHERE state = 'failed' ORDER BY completed_on`,
      [QUEUE],
    );
    return { ...(counts.rows[0] as Omit<QueueStatus, 'failedJobs'>), failedJobs: failed.rows };
  } catch (error) {
    if (error instanceof BitextError) throw error;
    throw new BitextError(`cannot be read: ${(error as Error).message}`, redactedUrl(url), { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}

/** The status as a person reads it. */
export function statusReport(status: QueueStatus): string {
  const lines = [
    `queued ${status.queued}, active ${status.active}, done ${status.done}, failed ${status.failed}`,
    `throughput: ${status.perMinute.toFixed(1)} documents a minute over the last ${THROUGHPUT_MINUTES} minutes`,
    ...status.failedJobs.map((job) => `failed ${job.id} ${job.files.join(' ')}: ${job.error}`),
  ];
  return `${lines.join('\n')}\n`;
}
