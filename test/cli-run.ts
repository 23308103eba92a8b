import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, vi } from 'vitest';
import { main } from '../src/cli/main.js';

export interface CliRun {
  stdout: string;
  stderr: string;
  status: number;
}

/**
 * Runs the CLI in this process, as `bitext ARGS...` would run, and returns what it
 * printed and its exit code: the same code path as the binary, without a Node start-up
 * per test. Batches must run with `--jobs 1`: worker threads load the built files.
 */
export async function runCli(...args: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture(stdout));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture(stderr));
  process.exitCode = undefined;
  try {
    await main(['node', 'bitext', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const status = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout: stdout.join(''), stderr: stderr.join(''), status };
}

/** A temporary folder for one test file, removed with everything in it after the file's tests. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `bitext-${prefix}-`));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
