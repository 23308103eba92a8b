import type pg from 'pg';
import PgBoss from 'pg-boss';
import { BitextError } from '../errors.js';
import { redactedUrl } from '../store/postgres/index.js';

/** The pg-boss queue every document job goes through. */
export const QUEUE = 'bitext-documents';
/** The schema pg-boss keeps its jobs in. */
export const BOSS_SCHEMA = 'pgboss';

/** How often some worker expires jobs whose worker died and archives finished ones (one of them does, under a lock). */
const MAINTENANCE_SECONDS = 2;

/** The queue on a PostgreSQL server, started (its schema installed or migrated when needed). */
export async function openQueue(url: string, options: { connections?: number } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: options.connections ?? 2,
    schedule: false,
    maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
  });
  // Connection errors (a server restart) are met where the queue is used: the worker retries.
  boss.on('error', () => {});
  try {
    await boss.start();
    await boss.createQueue(QUEUE);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw new BitextError(`cannot be reached as a job queue: ${(error as Error).message}`, redactedUrl(url), {
      cause: error,
    });
  }
  return boss;
}

/** A client inside a transaction, as pg-boss takes it, so that a job completes in that transaction. */
export function inTransaction(client: pg.ClientBase): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}
