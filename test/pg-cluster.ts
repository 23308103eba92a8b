import type { TestProject } from 'vitest/node';
import { type PostgresCluster, postgresBin, removeCluster, startCluster } from '../scripts/pg-cluster.js';

/**
 * Vitest global setup: a private PostgreSQL cluster for the run (scripts/pg-cluster.ts), removed
 * afterwards. Tests reach it through test/pg.ts. Without PostgreSQL the tests that need it skip,
 * unless CI is set: then the run fails.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresCluster | null;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = postgresBin();
  if (!bin) {
    if (process.env.CI) throw new Error('PostgreSQL is not installed (.ci/run installs Debian’s postgresql)');
    project.provide('postgres', null);
    return () => {};
  }
  const cluster = await startCluster(bin);
  project.provide('postgres', cluster);
  return () => removeCluster(cluster);
}
