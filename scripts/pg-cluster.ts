import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A private PostgreSQL cluster for tests and benchmarks: `initdb` in a temporary folder owned by
 * the `postgres` user (PostgreSQL refuses to run as root), listening on 127.0.0.1 and a free port.
 */
export interface PostgresCluster {
  /** Connection URL of the `postgres` database, as superuser. */
  url: string;
  bin: string;
  dataDir: string;
}

const CLUSTER_USER = 'postgres';

/** The bin folder of the newest PostgreSQL installed the Debian way, if any. */
export function postgresBin(): string | null {
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

/** Runs a PostgreSQL program as the cluster's owner. */
function asClusterUser(bin: string, program: string, args: string[]): void {
  const command = join(bin, program);
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', CLUSTER_USER, '--', command, ...args] : args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

export function startServer(cluster: PostgresCluster): void {
  const folder = join(cluster.dataDir, '..');
  const port = new URL(cluster.url).port;
  const options = `-h 127.0.0.1 -p ${port} -k ${folder} -c fsync=off -c max_connections=200`;
  asClusterUser(cluster.bin, 'pg_ctl', [
    'start',
    '-w',
    '-D',
    cluster.dataDir,
    '-l',
    join(folder, 'log'),
    '-o',
    options,
  ]);
}

export function stopServer(cluster: PostgresCluster): void {
  asClusterUser(cluster.bin, 'pg_ctl', ['stop', '-w', '-m', 'fast', '-D', cluster.dataDir]);
}

/** Makes and starts a cluster with the PostgreSQL in `bin`. */
export async function startCluster(bin: string): Promise<PostgresCluster> {
  const folder = mkdtempSync(join(tmpdir(), 'bitext-pg-'));
  const dataDir = join(folder, 'data');
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync('id', [flag, CLUSTER_USER]).toString().trim());
    chownSync(folder, id('-u'), id('-g'));
  }
  // A UTF-8 locale, so that pg_trgm and the text search parser count Chinese characters as word characters.
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
  const cluster = { url: `postgres://postgres@127.0.0.1:${await freePort()}/postgres`, bin, dataDir };
  startServer(cluster);
  return cluster;
}

/** Stops the server and removes the cluster's folder. */
export function removeCluster(cluster: PostgresCluster): void {
  try {
    stopServer(cluster);
  } finally {
    rmSync(join(cluster.dataDir, '..'), { recursive: true, force: true });
  }
}

/** Creates an empty database of its own in the cluster and returns its URL. */
export async function createDatabase(cluster: PostgresCluster): Promise<string> {
  const name = `bitext_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.href;
}
