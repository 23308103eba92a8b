import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** The README's library example: the first `js` block after the "## Library" heading. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library'));
  const block = /```js\n([\s\S]*?)```/.exec(section);
  if (!block?.[1]) throw new Error('README has no js example under "## Library"');
  return block[1];
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// Installing the packed package compiles better-sqlite3, as any user's install does: minutes, not seconds.
describe('the packed package, installed into an empty project', { timeout: 600_000 }, () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'bitext-package-'));
    run('npm', ['pack', '--pack-destination', folder, '--silent'], ROOT);
    const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz')) as string;
    writeFileSync(
      join(folder, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module' }),
    );
    run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `./${tarball}`],
      folder,
    );
  }, 600_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('runs the README example through import("bitext")', () => {
    writeFileSync(join(folder, 'example.mjs'), readmeExample());
    const output = run('node', ['example.mjs'], folder);
    expect(output).toContain('<tmx version="1.4">');
    expect(output).toMatch(/\d+ pairs/);
  });

  it('answers npx bitext --help', () => {
    expect(run('npx', ['--no-install', 'bitext', '--help'], folder)).toContain('Usage: bitext');
  });
});
