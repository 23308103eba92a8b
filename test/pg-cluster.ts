import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Vitest global setup: a private PostgreSQL cluster for the tests, made with `initdb` in a
 * temporary folder owned by the `postgres` user, listening on 127.0.0.1 and a free port, and
 * removed after the run. Tests reach it through `inject('postgres')` (see test/pg.ts).
 * Without PostgreSQL the tests that need it skip, unless CI is set: then the run fails.
 */

export interface PostgresCluster {
  /** Connection URL of the `postgres` database, as superuser; null when PostgreSQL is missing. */
  url: string | null;
  bin: string;
  dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresCluster;
  }
}

const CLUSTER_USER = 'postgres';

/** The bin folder of the newest PostgreSQL installed the Debian way, if any. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs a PostgreSQL program as the cluster's owner (PostgreSQL refuses to run as root). */
export function asClusterUser(bin: string, program: string, args: string[]): void {
  const command = join(bin, program);
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', CLUSTER_USER, '--', command, ...args] : args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

export function startCluster(bin: string, dataDir: string, port: number): void {
  const options = `-h 127.0.0.1 -p ${port} -k ${join(dataDir, '..')} -c fsync=off -c max_connections=200`;
  asClusterUser(bin, 'pg_ctl', [
    'start',
    '-w',
    '-D',
    dataDir,
    '-l',
    join(dataDir, '..', 'log'),
    '-o',
    options,
  ]);
}

export function stopCluster(bin: string, dataDir: string): void {
  asClusterUser(bin, 'pg_ctl', ['stop', '-w', '-m', 'fast', '-D', dataDir]);
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = postgresBin();
  if (!bin) {
    if (process.env.CI) throw new Error('PostgreSQL is not installed (.ci/run installs Debian’s postgresql)');
    project.provide('postgres', { url: null, bin: '', dataDir: '' });
    return () => {};
  }
  const folder = mkdtempSync(join(tmpdir(), 'bitext-pg-'));
  const dataDir = join(folder, 'data');
  if (process.getuid?.() === 0) {
    const owner = execFileSync('id', ['-u', CLUSTER_USER]).toString().trim();
    const group = execFileSync('id', ['-g', CLUSTER_USER]).toString().trim();
    chownSync(folder, Number(owner), Number(group));
  }
  // A UTF-8 locale, so that pg_trgm counts Chinese characters as word characters.
  asClusterUser(bin, 'initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await freePort();
  startCluster(bin, dataDir, port);
  project.provide('postgres', { url: `postgres://postgres@127.0.0.1:${port}/postgres`, bin, dataDir });
  return () => {
    try {
      stopCluster(bin, dataDir);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
}
