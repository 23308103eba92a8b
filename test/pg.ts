import { inject } from 'vitest';
import { createDatabase, startServer, stopServer } from '../scripts/pg-cluster.js';

/** The private cluster test/pg-cluster.ts started for this run. */
const cluster = inject('postgres');

/** Whether the run has a PostgreSQL server (without one, tests that need it skip; under CI the run fails). */
export const hasPostgres = cluster !== null;

function theCluster() {
  if (!cluster) throw new Error('no PostgreSQL cluster in this run');
  return cluster;
}

/** Creates an empty database of its own for a test and returns its URL. */
export const freshDatabase = () => createDatabase(theCluster());

/** Stops the server and starts it again on the same port: every open connection is cut. */
export function restartPostgres(pauseMs = 0): Promise<void> {
  stopServer(theCluster());
  return new Promise((resolve) =>
    setTimeout(() => {
      startServer(theCluster());
      resolve();
    }, pauseMs),
  );
}
