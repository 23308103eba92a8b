import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from './cli-run.js';

/** Every folder a test makes is inside this one, removed after the file's tests. */
const TEMPORARY = temporaryFolder('cli');

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

const FLOOD = [
  'align-sents',
  'test/fixtures/presplit/flood.zh',
  'test/fixtures/presplit/flood.en',
  '--src-lang',
  'zh',
  '--tgt-lang',
  'en',
];

describe('bitext align-sents', () => {
  const dir = mkdtempSync(join(TEMPORARY, 'bitext-cli-'));

  it('writes .align lines for a pair of sentence files', () => {
    const { stdout, status } = bitext(
      'align-sents',
      'test/fixtures/align/market.zh',
      'test/fixtures/align/market.en',
      '--src-lang',
      'zh',
      '--tgt-lang',
      'en',
    );
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('[0]:[0]');
    expect(stdout).toContain('[1]:[1,2]');
  });

  it('writes JSON lines with the texts', () => {
    const { stdout } = bitext(...FLOOD, '--format', 'jsonl');
    const first = JSON.parse(stdout.split('\n')[0] ?? '');
    expect(first).toMatchObject({
      source: [0],
      target: [0],
      sourceText: '夜里河水上涨。',
      targetText: 'The river rose in the night.',
    });
  });

  it('aligns a folder of ID.zh and ID.en files into ID.align files, and says which failed', () => {
    const input = join(dir, 'in');
    mkdirSync(input);
    copyFileSync('test/fixtures/align/market.zh', join(input, '001.zh'));
    copyFileSync('test/fixtures/align/market.en', join(input, '001.en'));
    copyFileSync('test/fixtures/presplit/flood.zh', join(input, '002.zh'));
    const { stderr, status } = bitext(
      'align-sents',
      input,
      '--src-lang',
      'zh',
      '--tgt-lang',
      'en',
      '-o',
      join(dir, 'out'),
    );
    expect(status).toBe(1);
    expect(stderr).toContain('002.zh: has no counterpart 002.en');
    expect(readFileSync(join(dir, 'out', '001.align'), 'utf8')).toContain('[11]:[11,12]');
    const args = ['align-sents', input, '--src-lang', 'zh', '--tgt-lang', 'en', '-o'];
    bitext(...args, join(dir, 'one-job'), '--jobs', '1');
    bitext(...args, join(dir, 'two-jobs'), '--jobs', '2');
    expect(readFileSync(join(dir, 'two-jobs', '001.align'), 'utf8')).toBe(
      readFileSync(join(dir, 'one-job', '001.align'), 'utf8'),
    );
  });

  it('refuses an output that exists before it reads or aligns anything', () => {
    const output = join(dir, 'slow.align');
    writeFileSync(output, 'keep me');
    // Long enough to take minutes to align, and in the wrong language: reading it would fail too.
    const slow = join(dir, 'slow.zh');
    writeFileSync(slow, 'The river rose in the night and the village woke to water.\n'.repeat(40_000));
    const run = spawnSync(
      'node',
      [
        'bin/bitext.js',
        'align-sents',
        slow,
        'test/fixtures/presplit/flood.en',
        '--src-lang',
        'zh',
        '--tgt-lang',
        'en',
        '-o',
        output,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`bitext: ${output}: already exists (use --force to replace it)\n`);
    expect(readFileSync(output, 'utf8')).toBe('keep me');
  });

  it('refuses to overwrite without --force, and a file in the wrong language', () => {
    const output = join(dir, 'one.align');
    writeFileSync(output, 'keep me');
    expect(bitext(...FLOOD, '-o', output).stderr).toMatch(/already exists \(use --force/);
    expect(readFileSync(output, 'utf8')).toBe('keep me');
    const swapped = bitext(
      'align-sents',
      'test/fixtures/presplit/flood.en',
      'test/fixtures/presplit/flood.zh',
      '--src-lang',
      'zh',
      '--tgt-lang',
      'en',
    );
    expect(swapped.status).toBe(1);
    expect(swapped.stderr).toBe(
      'bitext: test/fixtures/presplit/flood.en: should be Chinese but its text is English\n',
    );
    const same = bitext(...FLOOD.slice(0, 3), '--src-lang', 'zh', '--tgt-lang', 'zh');
    expect(same.stderr).toBe(
      'bitext: --src-lang and --tgt-lang are both zh: bitext aligns Chinese with English\n',
    );
  });
});

describe('bitext eval', () => {
  it('prints precision, recall and F1 per file and over all', () => {
    const dir = mkdtempSync(join(TEMPORARY, 'bitext-eval-'));
    mkdirSync(join(dir, 'gold'));
    mkdirSync(join(dir, 'auto'));
    writeFileSync(join(dir, 'gold', 'a.align'), '[0]:[0]\n[1,2]:[1]\n[3]:[]\n[4]:[2,3]\n');
    writeFileSync(join(dir, 'auto', 'a.align'), '[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n[4]:[2,3]\n');
    const { stdout, status } = bitext('eval', '--gold', join(dir, 'gold'), '--auto', join(dir, 'auto'));
    expect(status).toBe(0);
    expect(stdout).toMatch(/^all\s+0\.600\s+0\.750\s+0\.667\s+3\s+5\s+4$/m);
  });
});
