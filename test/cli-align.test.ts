import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from './cli-run.js';

/** Every folder a test makes is inside this one, removed after the file's tests. */
const TEMPORARY = temporaryFolder('align');

function bitext(...args: string[]) {
  const run = spawnSync('node', ['bin/bitext.js', ...args], { encoding: 'utf8' });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

const MAGAZINE = 'examples/harbour-review.md';
const fresh = () => mkdtempSync(join(TEMPORARY, 'bitext-align-'));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

describe('bitext align, format by format', () => {
  const out = fresh();
  const run = (format: string) => {
    const result = bitext('align', MAGAZINE, '--to', format, '-o', out, '--force');
    expect(result.status, result.stderr).toBe(0);
    return result;
  };

  it('jsonl: one pair per line with the documented fields', () => {
    const { stderr } = run('jsonl');
    expect(stderr).toMatch(
      /1 document: 2 articles, \d+ pairs \(2 one-sided, \d+ low-confidence\), 1 warning,/,
    );
    const pairs = readFileSync(join(out, 'harbour-review.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(pairs[0]).toEqual({
      doc: 'harbour-review',
      id: 'toc.0',
      article: 0,
      role: 'toc',
      en: 'Address by Mayor Lin Hai at the Opening of the 2025 Green Harbour Forum',
      zh: '林海市长在2025年绿色港口论坛开幕式上的致辞',
      score: expect.any(Number),
      flags: [],
      enIds: [],
      zhIds: [],
    });
    expect(new Set(pairs.map((pair) => pair.role))).toEqual(
      new Set(['toc', 'title', 'subtitle', 'byline', 'date', 'body', 'source']),
    );
  });

  it('json: the document model with its pairs', () => {
    run('json');
    const document = JSON.parse(readFileSync(join(out, 'harbour-review.json'), 'utf8'));
    expect(document.articles).toHaveLength(2);
    expect(document.toc[0].article).toBe(0);
    expect(document.pairs.length).toBeGreaterThan(20);
  });

  it('tsv and moses: line-parallel text', () => {
    run('tsv');
    const rows = readFileSync(join(out, 'harbour-review.tsv'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.every((row) => row.length === 8)).toBe(true);
    expect(rows[0]?.slice(0, 2)).toEqual([
      'Address by Mayor Lin Hai at the Opening of the 2025 Green Harbour Forum',
      '林海市长在2025年绿色港口论坛开幕式上的致辞',
    ]);
    run('moses');
    const en = readFileSync(join(out, 'harbour-review.en'), 'utf8').trim().split('\n');
    const zh = readFileSync(join(out, 'harbour-review.zh'), 'utf8').trim().split('\n');
    expect(en.length).toBe(zh.length);
    expect(en.length).toBe(rows.filter((row) => row[0] && row[1]).length);
  });

  it('tmx: valid TMX 1.4 with languages and props', () => {
    run('tmx');
    const text = readFileSync(join(out, 'harbour-review.tmx'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const tmx = xml.parse(text).tmx;
    expect(tmx['@version']).toBe('1.4');
    expect(tmx.header['@srclang']).toBe('zh-CN');
    const first = tmx.body.tu[0];
    expect(first.tuv.map((tuv: Record<string, string>) => tuv['@xml:lang'])).toEqual(['zh-CN', 'en']);
    expect(first.prop.map((prop: Record<string, string>) => prop['@type'])).toEqual(
      expect.arrayContaining(['x-document', 'x-article', 'x-role', 'x-score']),
    );
  });

  it('xliff: valid XLIFF 1.2, one trans-unit per pair, English as source on request', () => {
    const result = bitext('align', MAGAZINE, '--to', 'xliff', '--src-lang', 'en', '-o', out, '--force');
    expect(result.status).toBe(0);
    const text = readFileSync(join(out, 'harbour-review.xlf'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const file = xml.parse(text).xliff.file;
    expect(file['@source-language']).toBe('en');
    expect(file['@target-language']).toBe('zh-CN');
    const units = file.body['trans-unit'];
    expect(new Set(units.map((unit: Record<string, string>) => unit['@id'])).size).toBe(units.length);
    expect(units[0].source).toBe('Address by Mayor Lin Hai at the Opening of the 2025 Green Harbour Forum');
  });

  it('html: a self-contained page where document text is never markup', () => {
    const dir = fresh();
    const input = join(dir, 'tricky.md');
    writeFileSync(
      input,
      '# Title <b>bold</b>\n\n## 标题\n\nUse <script>alert(1)</script> & "quotes".\n\n请用<script>alert(1)</script>和“引号”。\n',
    );
    expect(bitext('align', input, '--to', 'html', '-o', dir).status).toBe(0);
    const page = readFileSync(join(dir, 'tricky.html'), 'utf8');
    expect(page).not.toContain('<script>');
    expect(page).toContain('Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;.');
    expect(page).not.toMatch(/<link|src=/);
  });

  it('filters by score and role', () => {
    const result = bitext(
      'align',
      MAGAZINE,
      '--to',
      'jsonl',
      '--roles',
      'title,date',
      '--min-score',
      '0.3',
      '-o',
      join(out, 'f.jsonl'),
      '--force',
    );
    expect(result.status).toBe(0);
    const pairs = readFileSync(join(out, 'f.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(pairs.every((pair) => ['title', 'date'].includes(pair.role) && pair.score >= 0.3)).toBe(true);
  });
});

describe('bitext align in batches', () => {
  it('aligns folders of magazines and pairs across worker threads, goes on past a failing file, and says so', () => {
    const dir = fresh();
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'one.md'), readFileSync(MAGAZINE));
    writeFileSync(join(input, 'two.md'), readFileSync('test/fixtures/magazine/harbour-review.md'));
    writeFileSync(join(input, 'garden.en.txt'), readFileSync('test/fixtures/pair/garden.en.txt'));
    writeFileSync(join(input, 'garden.zh.txt'), readFileSync('test/fixtures/pair/garden.zh.txt'));
    writeFileSync(join(input, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
    const { stderr, status } = bitext('align', input, '--to', 'tmx', '--jobs', '2', '-o', join(dir, 'out'));
    expect(status).toBe(1);
    expect(stderr).toContain('broken.txt: is a binary file, not text');
    expect(stderr).toMatch(/3 documents, 1 failed: 5 articles/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['garden.tmx', 'one.tmx', 'two.tmx']);
  });

  it('refuses to replace an output without --force, and leaves no partial file', () => {
    const dir = fresh();
    const target = join(dir, 'out.jsonl');
    writeFileSync(target, 'keep');
    const { stderr, status } = bitext('align', MAGAZINE, '-o', target);
    expect(status).toBe(1);
    expect(stderr).toContain(`${target}: already exists (use --force to replace it)`);
    expect(readFileSync(target, 'utf8')).toBe('keep');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('pairs a long document’s articles on several threads with --jobs, exactly as on one', () => {
    const dir = fresh();
    const long = join(dir, 'long.md');
    writeFileSync(long, Array.from({ length: 100 }, () => readFileSync(MAGAZINE, 'utf8')).join('\n'));
    const outputs = ['1', '2'].map((jobs) => {
      const output = join(dir, `jobs-${jobs}.jsonl`);
      const run = bitext('align', long, '--to', 'jsonl', '--jobs', jobs, '-o', output);
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(output, 'utf8');
    });
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[0]?.split('\n').length).toBeGreaterThan(1000);
  });

  it('refuses an output that exists before it reads or aligns anything', () => {
    const dir = fresh();
    const unreadable = join(dir, 'report.md');
    writeFileSync(unreadable, Buffer.from([0, 1, 2, 3, 0, 0]));
    const slow = join(dir, 'long.md');
    writeFileSync(
      slow,
      '# A long report\n\nThe river rose in the night.\n\n河水在夜里上涨。\n\n'.repeat(20_000),
    );
    for (const input of [unreadable, slow]) {
      const target = join(dir, input === slow ? 'long.tmx' : 'report.tmx');
      writeFileSync(target, 'keep');
      const { stderr, status } = bitext('align', input, '--to', 'tmx', '-o', dir);
      expect(status).toBe(1);
      expect(stderr.split('\n')[0]).toBe(`bitext: ${target}: already exists (use --force to replace it)`);
      expect(stderr).toMatch(/0 documents, 1 failed: 0 articles, 0 pairs/);
      expect(readFileSync(target, 'utf8')).toBe('keep');
    }
  });

  it('gives one line for an unknown format and an unwritable output', () => {
    const unknown = bitext('align', MAGAZINE, '--to', 'docx');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--to <format>' argument 'docx' is invalid/);
    const dir = fresh();
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    const unwritable = bitext('align', MAGAZINE, '-o', join(notAFolder, 'out.jsonl'));
    expect(unwritable.status).toBe(1);
    expect(unwritable.stderr.split('\n')[0]).toBe(
      `bitext: ${notAFolder}: is a file, not a folder the output can go in`,
    );
    expect(unwritable.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(notAFolder, 'out.jsonl'))).toBe(false);
  });
});

describe('bitext import, search and export', () => {
  it('stores documents, finds pairs in either language and writes them out', () => {
    const dir = fresh();
    const db = join(dir, 'corpus.db');
    const imported = bitext('import', MAGAZINE, '--db', db);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/stored harbour-review as document 1: \d+ pairs/);
    const found = bitext('search', '港口', '--db', db);
    expect(found.stdout.split('\n')[0]?.split('\t')).toHaveLength(4);
    const exported = bitext('export', '--db', db, '--to', 'tmx', '-o', join(dir, 'out'));
    expect(exported.status).toBe(0);
    expect(XMLValidator.validate(readFileSync(join(dir, 'out', 'harbour-review.tmx'), 'utf8'))).toBe(true);
    expect(bitext('search', 'x', '--db', join(dir, 'none.db')).stderr).toMatch(
      /none\.db: no such corpus store/,
    );
    const missing = bitext('export', '--db', join(dir, 'none.db'), '-o', join(dir, 'out2'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/none\.db: no such corpus store/);
  });
});
