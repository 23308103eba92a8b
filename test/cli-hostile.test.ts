import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from './cli-run.js';

const folder = temporaryFolder('hostile');

/** A small bilingual document, English and Chinese paragraphs in turn. */
const DOCUMENT = [
  'The port opened two new berths in March. Cargo grew by five percent over the year.',
  '今年三月，港口启用了两个新泊位。全年货物吞吐量增长了百分之五。',
  'Ships now wait less than a day before they are unloaded.',
  '船舶现在卸货前的等待时间不到一天。',
].join('\n\n');

function write(path: string, text: string | Buffer): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('one bad input costs that input only', () => {
  it('refuses a page nested 5,000 deep in one line and writes the good file beside it', async () => {
    const deep = write(
      join(folder, 'deep', 'deep.html'),
      `${'<span>'.repeat(5000)}x${'</span>'.repeat(5000)}`,
    );
    const good = write(join(folder, 'deep', 'good.md'), DOCUMENT);
    const out = join(folder, 'deep-out');
    const run = await runCli('align', deep, good, '--jobs', '1', '-o', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`bitext: ${deep}: nests elements more than 1000 deep`);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(readdirSync(out)).toEqual(['good.jsonl']);
  });

  it('refuses a device in one line, before reading it', async () => {
    const run = await runCli('align', '/dev/zero', '--jobs', '1', '-o', join(folder, 'zero-out'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^bitext: \/dev\/zero: is a device, not a file: only regular files are read\n/,
    );
  });

  it('aligns a document once in a folder whose links lead back up the tree', async () => {
    const tree = join(folder, 'loops');
    write(join(tree, 'report.md'), DOCUMENT);
    mkdirSync(join(tree, 'sub'));
    symlinkSync('.', join(tree, 'self'));
    symlinkSync('..', join(tree, 'sub', 'up'));
    symlinkSync('loop', join(tree, 'sub', 'loop'));
    const out = join(folder, 'loops-out');
    const run = await runCli('align', tree, '--jobs', '1', '-o', out);
    expect(run.stderr).toContain(
      `bitext: ${join(tree, 'sub', 'loop')}: a link that leads back to itself (skipped)\n`,
    );
    expect(run.stderr).toMatch(/1 document, 1 failed/);
    expect(readdirSync(out)).toEqual(['report.jsonl']);
  });
});

describe('outputs', () => {
  it('never writes over an input, even with --force', async () => {
    const input = write(join(folder, 'self', 'doc.tsv'), DOCUMENT);
    const run = await runCli('align', input, '--to', 'tsv', '-o', input, '--force', '--jobs', '1');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`bitext: ${input}: is one of the inputs: choose another output\n`);
    expect(readFileSync(input, 'utf8')).toBe(DOCUMENT);
  });

  it('names an output folder that cannot be made, without looping where a parent refuses children', async () => {
    const input = write(join(folder, 'proc', 'doc.md'), DOCUMENT);
    const run = await runCli('align', input, '-o', '/proc/bitext-no-such/out', '--jobs', '1');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bitext: /proc/bitext-no-such: the folder cannot be made (ENOENT)\n');
  });

  it('writes both Moses files or neither, and cleans up what a killed run left', async () => {
    const input = write(join(folder, 'moses', 'doc.md'), DOCUMENT);
    const out = join(folder, 'moses-out');
    // A write that fails after the .en file (as on a full disk): the .zh's temporary cannot be made.
    mkdirSync(join(out, `.doc.zh.${process.pid}.partial`), { recursive: true });
    const failed = await runCli('align', input, '--to', 'moses', '-o', out, '--jobs', '1');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`${join(out, 'doc.zh')}: cannot be written (EISDIR)`);
    expect(readdirSync(out)).toEqual([`.doc.zh.${process.pid}.partial`]);

    rmSync(join(out, `.doc.zh.${process.pid}.partial`), { recursive: true });
    const stale = write(join(out, '.doc.en.999999999.partial'), 'left by a killed run');
    const run = await runCli('align', input, '--to', 'moses', '-o', out, '--jobs', '1');
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['doc.en', 'doc.zh']);
    expect(existsSync(stale)).toBe(false);
  });
});

describe('the corpus store', () => {
  it('exports documents that share a name under names of their own, counting only what was written', async () => {
    const db = join(folder, 'same-name.db');
    const first = write(join(folder, 'same', 'a', 'report.md'), DOCUMENT);
    const second = write(join(folder, 'same', 'b', 'report.md'), DOCUMENT);
    expect((await runCli('import', first, second, '--db', db)).status).toBe(0);
    const out = join(folder, 'same-out');
    const exported = await runCli('export', '--db', db, '--to', 'jsonl', '-o', out);
    expect(exported.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['report-md-1.jsonl', 'report-md-2.jsonl']);
    expect(exported.stderr).toBe(`bitext: wrote 2 files to ${out}\n`);
    writeFileSync(join(out, 'report-md-1.jsonl'), 'kept');
    rmSync(join(out, 'report-md-2.jsonl'));
    const again = await runCli('export', '--db', db, '--to', 'jsonl', '-o', out);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      `bitext: ${join(out, 'report-md-1.jsonl')}: already exists (use --force to replace it)\nbitext: wrote 1 file to ${out}\n`,
    );
    expect(readFileSync(join(out, 'report-md-1.jsonl'), 'utf8')).toBe('kept');
  });

  it.each([
    ['not a database', () => Buffer.from('a text file named like a store\n'.repeat(200))],
    [
      'a damaged database',
      () => {
        const bytes = readFileSync(join(folder, 'same-name.db'));
        bytes.fill(0x5a, 4096, bytes.length);
        return bytes;
      },
    ],
  ])('names %s in one line and never writes into it', async (_name, bytesOf) => {
    const db = write(join(folder, `bad-${_name.length}.db`), bytesOf());
    const before = readFileSync(db);
    for (const args of [
      ['search', 'port', '--db', db],
      ['export', '--db', db, '-o', join(folder, 'bad-out')],
      ['import', write(join(folder, 'bad-in', 'x.md'), DOCUMENT), '--db', db],
    ]) {
      const run = await runCli(...args);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(`^bitext: ${db}: is not a sound corpus store \\(.+\\): it was left untouched\\n$`),
      );
    }
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});

describe('a SQLite database of another program', () => {
  it('is named in one line, and never written into', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = join(folder, 'other-program.db');
    const other = new Database(db);
    other.exec("CREATE TABLE documents (title TEXT); INSERT INTO documents VALUES ('theirs')");
    other.close();
    const before = readFileSync(db);
    for (const args of [
      ['import', write(join(folder, 'other-in', 'x.md'), DOCUMENT), '--db', db],
      ['search', 'port', '--db', db],
      ['export', '--db', db, '-o', join(folder, 'other-out')],
      ['realign', '--db', db, '--document', 'x'],
    ]) {
      const run = await runCli(...args);
      expect(run.status, args[0]).toBe(1);
      expect(run.stderr).toBe(
        `bitext: ${db}: is not a bitext database, or is damaged: it holds tables that another program made; nothing was written to it\n`,
      );
    }
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});

describe('bitext eval', () => {
  const evalFolders = (gold: string, auto: Record<string, string>) => {
    const root = join(folder, `eval-${Object.keys(auto).join('-')}-${auto.a?.length ?? 0}`);
    write(join(root, 'gold', 'a.align'), gold);
    write(join(root, 'gold', 'b.align'), '[0]:[0]\n');
    mkdirSync(join(root, 'auto'), { recursive: true });
    for (const [id, text] of Object.entries(auto)) write(join(root, 'auto', `${id}.align`), text);
    return root;
  };

  it.each([
    [
      'a bead repeated',
      '[0]:[0]\n[0]:[0]\n[1]:[1]\n',
      'line 2 ([0]:[0]): source sentence 0 is not after sentence 0',
    ],
    [
      'beads overlapping',
      '[0,1]:[0]\n[1]:[1]\n',
      'line 2 ([1]:[1]): source sentence 1 is in an earlier bead',
    ],
    [
      'beads out of order',
      '[1]:[1]\n[0]:[0]\n',
      'line 2 ([0]:[0]): source sentence 0 is not after sentence 1',
    ],
  ])('refuses %s, which would score above 1', async (_name, auto, message) => {
    const root = evalFolders('[0]:[0]\n[1]:[1]\n', { a: auto, b: '[0]:[0]\n' });
    const run = await runCli('eval', '--gold', join(root, 'gold'), '--auto', join(root, 'auto'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${message}: beads must be disjoint and in order\n`);
  });

  it('refuses to score when a gold file has no output, rather than scoring it 0', async () => {
    const root = evalFolders('[0]:[0]\n', { a: '[0]:[0]\n' });
    const run = await runCli('eval', '--gold', join(root, 'gold'), '--auto', join(root, 'auto'));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`bitext: ${join(root, 'auto')}: has no alignment for 1 gold file: b.align\n`);
  });

  it('names an ID.align that cannot be read, a folder say, in one line', async () => {
    const root = evalFolders('[0]:[0]\n', { a: '[0]:[0]\n', b: '[0]:[0]\n' });
    mkdirSync(join(root, 'gold', 'c.align'));
    mkdirSync(join(root, 'auto', 'c.align'));
    const run = await runCli('eval', '--gold', join(root, 'gold'), '--auto', join(root, 'auto'));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`bitext: ${join(root, 'gold', 'c.align')}: is a folder, not a file\n`);
  });

  it('takes a file given for a folder as a usage error', async () => {
    const root = evalFolders('[0]:[0]\n', { a: '[0]:[0]\n', b: '[0]:[0]\n' });
    const gold = join(root, 'gold', 'a.align');
    const run = await runCli('eval', '--gold', gold, '--auto', join(root, 'auto'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `bitext: --gold ${gold}: is a file, but --gold takes a folder of ID.align files\n`,
    );
  });
});

describe('bad option values are usage errors that name the option and the value', () => {
  it.each([
    ['align', '--jobs', 'abc'],
    ['align', '--jobs', '0'],
    ['align', '--jobs', '-1'],
    ['align', '--jobs', '1.5'],
    ['align', '--min-score', 'abc'],
    ['align', '--min-score', '2'],
    ['align', '--roles', 'bogus'],
    ['export', '--min-score', 'abc'],
    ['search', '--limit', '0'],
    ['search', '--limit', '-5'],
    ['search', '--limit', 'abc'],
    ['serve', '--port', '99999'],
  ])('%s %s %s', async (command, option, value) => {
    const rest = command === 'align' ? ['x.md'] : command === 'search' ? ['port'] : [];
    const run = await runCli(command, ...rest, `${option}=${value}`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^bitext: option '${option} <\\w+>' argument '${value.replace('.', '\\.')}' is invalid\\. .+\\n$`,
      ),
    );
  });

  it.each([
    ['import', 'x.md', '--db'],
    ['search', 'port', '--db'],
    ['export', '--db=x.db', '--output'],
    ['realign', '--document=x', '--db'],
    ['serve', '--port=0', '--db'],
    ['align', 'x.md', '--output'],
    ['align-sents', 'a', 'b', '--src-lang=zh', '--tgt-lang=en', '--output'],
  ])('%s with an empty %s… name: not a temporary store, nor the current folder', async (...args) => {
    const option = args.at(-1) as string;
    const run = await runCli(...args.slice(0, -1), `${option}=`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^bitext: option '(-o, )?${option} <[\\w|]+>' argument '' is invalid\\. takes a file or folder name, not an empty one\\n$`,
      ),
    );
  });

  it('refuses the same language on both sides', async () => {
    const run = await runCli('align-sents', 'a', 'b', '--src-lang', 'en', '--tgt-lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'bitext: --src-lang and --tgt-lang are both en: bitext aligns Chinese with English\n',
    );
  });

  it('names a port in use', async () => {
    const db = join(folder, 'serve.db');
    const server = (await import('node:net')).createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const run = await runCli('serve', '--db', db, '--port', String(port));
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`bitext: --port ${port} is in use: choose another port\n`);
    } finally {
      server.close();
    }
  });
});

describe('standard output that is closed or full', () => {
  /** The built CLI, its stdout a pipe closed after the first bytes, or a full device. */
  function spawnCli(args: string[], stdout: 'close-early' | number) {
    const child = spawn('node', ['bin/bitext.js', ...args], {
      stdio: ['ignore', stdout === 'close-early' ? 'pipe' : stdout, 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout?.once('data', () => child.stdout?.destroy());
    return new Promise<{ status: number | null; stderr: string }>((resolve) =>
      child.on('close', (status) => resolve({ status, stderr })),
    );
  }

  it('ends quietly when the reader stops reading (| head)', async () => {
    const run = await spawnCli(['inspect', '--json', 'examples/harbour-review.md'], 'close-early');
    expect(run).toEqual({ status: 0, stderr: '' });
  });

  it('says in one line that a full device cannot take the output', async () => {
    const run = await spawnCli(
      ['inspect', '--json', 'examples/harbour-review.md'],
      openSync('/dev/full', 'w'),
    );
    expect(run).toEqual({
      status: 1,
      stderr: 'bitext: the output cannot be written: no space left on the device\n',
    });
  });
});

describe('what the CLI says it did', () => {
  it('names the file it wrote, with the extension of its format, in the closing summary', async () => {
    const input = write(join(folder, 'summary', 'report.md'), DOCUMENT);
    const run = await runCli('align', input, '-o', join(folder, 'summary', 'out.md'), '--to', 'tsv');
    expect(run.status).toBe(0);
    expect(existsSync(join(folder, 'summary', 'out.tsv'))).toBe(true);
    expect(run.stderr).toMatch(new RegExp(`→ ${join(folder, 'summary', 'out.tsv')}\\n$`));
  });

  it('calls a lone align-sents file without its target a usage error (exit 2)', async () => {
    const source = write(join(folder, 'lone', 'a.zh'), '我二十一岁。\n');
    const run = await runCli('align-sents', source, '--src-lang', 'zh', '--tgt-lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`bitext: ${source}: needs a target file, or is not a folder to align\n`);
  });
});
