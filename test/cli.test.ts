import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the built CLI as a user does (`npm run build` first; `npm test` does it). */
function bitext(...args: string[]) {
  const run = spawnSync('node', ['bin/bitext.js', ...args], { encoding: 'utf8' });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

describe('bitext inspect', () => {
  it('prints a readable report of a magazine', () => {
    const { stdout, status } = bitext('inspect', 'examples/harbour-review.md');
    expect(status).toBe(0);
    expect(stdout).toContain('Contents:');
    expect(stdout).toContain('→ article 1');
    expect(stdout).toContain('date: March 18, 2025 | 2025年3月18日');
    expect(stdout).toMatch(/warning \[truncated\] the Chinese text stops mid-sentence/);
  });

  it('prints the model as JSON with the documented fields', () => {
    const json = JSON.parse(
      execFileSync('node', ['bin/bitext.js', 'inspect', '--json', 'examples/harbour-review.md'], {
        encoding: 'utf8',
      }),
    );
    expect(json.toc[0]).toMatchObject({ en: expect.any(String), zh: expect.any(String), article: 0 });
    expect(json.toc[2].article).toBeNull();
    const [article] = json.articles;
    expect(article.title).toMatchObject({ en: expect.any(String), zh: expect.any(String) });
    expect(article.paragraphs.en[0].sentences[0]).toMatchObject({
      id: 'a0.en.p0.s0',
      text: expect.any(String),
    });
    expect(json.articles[1].warnings[0]).toMatchObject({ code: 'truncated', message: expect.any(String) });
    expect(Array.isArray(json.warnings)).toBe(true);
  });

  it('gives one line and a non-zero exit for bad input, and goes on with the good', () => {
    const { stdout, stderr, status } = bitext('inspect', 'examples/harbour-review.md', 'no-such-file.txt');
    expect(status).toBe(1);
    expect(stdout).toContain('Contents:');
    expect(stderr).toBe('bitext: no-such-file.txt: no such file\n');
  });

  it('refuses an unknown reader with a usage error', () => {
    const { stderr, status } = bitext('inspect', '--reader', 'pdfx', 'examples/harbour-review.md');
    expect(status).toBe(2);
    expect(stderr).toMatch(/--reader/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
