import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshDatabase, hasPostgres, restartPostgres } from './pg.js';

/** The job queue against a real PostgreSQL server, driven through the built CLI as a user runs it. */

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function start(url: string, args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn('node', ['bin/bitext.js', ...args], { env: { ...process.env, BITEXT_DB_URL: url } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<Run>((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
  return { child, done };
}

const bitext = (url: string, ...args: string[]) => start(url, args).done;

const garden = (lang: 'en' | 'zh') => readFileSync(`test/fixtures/pair/garden.${lang}.txt`, 'utf8');

/** A folder of `count` distinct pair documents (the garden fixture with a closing line of its own each). */
function documents(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-queue-'));
  for (let i = 1; i <= count; i++) {
    writeFileSync(join(dir, `doc${i}.en.txt`), `${garden('en')}\nThis is copy number ${i} of the story.\n`);
    writeFileSync(join(dir, `doc${i}.zh.txt`), `${garden('zh')}\n这是这个故事的第${i}份。\n`);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** How many times each document name is stored. */
async function storedNames(url: string): Promise<Map<string, number>> {
  const rows = await query<{ name: string; times: number }>(
    url,
    'SELECT name, COUNT(*)::int AS times FROM bitext.documents GROUP BY name',
  );
  return new Map(rows.map((row) => [row.name, row.times]));
}

const expectEachOnce = async (url: string, count: number) => {
  const names = await storedNames(url);
  expect([...names.keys()].sort()).toEqual(Array.from({ length: count }, (_, i) => `doc${i + 1}`).sort());
  expect([...names.values()].every((times) => times === 1)).toBe(true);
};

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const activeJobs = async (url: string) =>
  (await query<{ n: number }>(url, "SELECT COUNT(*)::int AS n FROM pgboss.job WHERE state = 'active'"))[0]
    ?.n ?? 0;

describe.skipIf(!hasPostgres)('bitext enqueue, worker and status on PostgreSQL', () => {
  it('queues a document once however often it is given, and a worker stores each exactly once', async () => {
    const url = await freshDatabase();
    const dir = documents(3);
    const first = await bitext(url, 'enqueue', dir);
    expect(first.stderr).toContain('queued 3 documents');
    const again = await bitext(url, 'enqueue', dir, join(dir, 'doc1.en.txt'), join(dir, 'doc1.zh.txt'));
    expect(again.stderr).toContain('queued 0 documents, 3 already queued or stored');
    const worker = await bitext(url, 'worker', '--exit-when-idle');
    expect(worker.status).toBe(0);
    expect(worker.stderr).toContain('3 documents stored, 0 jobs failed');
    await expectEachOnce(url, 3);
    const afterwards = await bitext(url, 'enqueue', dir);
    expect(afterwards.stderr).toContain('queued 0 documents, 3 already queued or stored');
    const status = JSON.parse((await bitext(url, 'status', '--json')).stdout);
    expect(status).toMatchObject({ queued: 0, active: 0, done: 3, failed: 0, failedJobs: [] });
    expect(status.perMinute).toBeGreaterThan(0);
  });

  it('two workers racing for jobs store every document once', async () => {
    const url = await freshDatabase();
    await bitext(url, 'enqueue', documents(6));
    const runs = await Promise.all([
      bitext(url, 'worker', '--exit-when-idle'),
      bitext(url, 'worker', '--exit-when-idle', '--jobs', '2'),
    ]);
    expect(runs.map((run) => run.status)).toEqual([0, 0]);
    await expectEachOnce(url, 6);
  });

  it('marks a job that always fails as failed with its one-line error, after its retries; the others land', async () => {
    const url = await freshDatabase();
    const dir = documents(2);
    const lonely = join(dir, 'lonely.txt');
    writeFileSync(lonely, 'Only English here, and no Chinese file beside it.\n');
    await bitext(url, 'enqueue', dir, lonely, '--retries', '1');
    const worker = await bitext(url, 'worker', '--exit-when-idle');
    expect(worker.status).toBe(0);
    expect(worker.stderr.match(/failed: .*lonely\.txt/g)).toHaveLength(2);
    await expectEachOnce(url, 2);
    const status = await bitext(url, 'status');
    expect(status.stdout).toContain('queued 0, active 0, done 2, failed 1');
    expect(status.stdout).toMatch(/^failed [0-9a-f-]+ .*lonely\.txt: .*lonely\.txt: .+$/m);
  });

  it('retries the job of a worker killed mid-job after its timeout; a SIGTERM finishes the job in hand', async () => {
    const url = await freshDatabase();
    await bitext(url, 'enqueue', documents(4), '--timeout', '8');
    const doomed = start(url, ['worker']);
    await until(async () => (await activeJobs(url)) > 0, 'a job to start');
    doomed.child.kill('SIGKILL');
    await doomed.done;
    expect(await activeJobs(url)).toBe(1);

    const stopped = start(url, ['worker']);
    await until(async () => (await activeJobs(url)) === 2, 'the second worker to take a job');
    stopped.child.kill('SIGTERM');
    const run = await stopped.done;
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/worker stopped: 1 documents stored/);

    const finisher = await bitext(url, 'worker', '--exit-when-idle');
    expect(finisher.status).toBe(0);
    await expectEachOnce(url, 4);
  });

  it('goes on after PostgreSQL restarts mid-run', async () => {
    const url = await freshDatabase();
    await bitext(url, 'enqueue', documents(5), '--timeout', '5');
    const worker = start(url, ['worker', '--exit-when-idle']);
    await until(async () => ((await storedNames(url)).size ?? 0) >= 1, 'a first document');
    await restartPostgres(500);
    const run = await worker.done;
    expect(run.stderr).not.toContain('node:');
    expect(run.status).toBe(0);
    await expectEachOnce(url, 5);
  });

  it('needs a PostgreSQL server', async () => {
    const run = await bitext('', 'worker', '--db', 'corpus.db');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'bitext: the job queue needs a PostgreSQL server: give --db postgres://… or BITEXT_DB_URL\n',
    );
  });
});
