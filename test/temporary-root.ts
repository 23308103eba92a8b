import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary file of a test run goes under one folder, removed when the run ends:
 * whatever a test leaves behind (a store, the output of a failed run, a child's files),
 * the system's temporary directory is as it was.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'bitext-tests-'));
  // Open to all, as the temporary directory is: the PostgreSQL cluster runs as another user.
  chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
