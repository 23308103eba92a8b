import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { startCluster, stopCluster } from './pg-cluster.js';

/** The private cluster test/pg-cluster.ts started for this run. */
const cluster = inject('postgres');

/** Whether the run has a PostgreSQL server (without one, tests that need it skip; under CI the run fails). */
export const hasPostgres = cluster.url !== null;

function clusterUrl(): URL {
  if (!cluster.url) throw new Error('no PostgreSQL cluster in this run');
  return new URL(cluster.url);
}

/** Creates an empty database of its own for a test and returns its URL. */
export async function freshDatabase(): Promise<string> {
  const name = `bitext_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: clusterUrl().href });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = clusterUrl();
  url.pathname = `/${name}`;
  return url.href;
}

/** Stops the server and starts it again on the same port: every open connection is cut. */
export function restartPostgres(pauseMs = 0): Promise<void> {
  stopCluster(cluster.bin, cluster.dataDir);
  return new Promise((resolve) =>
    setTimeout(() => {
      startCluster(cluster.bin, cluster.dataDir, Number(clusterUrl().port));
      resolve();
    }, pauseMs),
  );
}
