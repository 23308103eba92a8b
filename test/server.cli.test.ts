import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const TOKEN = 'token-from-a-file-or-the-environment';
const dir = mkdtempSync(join(tmpdir(), 'bitext-serve-'));
const database = join(dir, 'corpus.db');

function serve(args: string[], env: Record<string, string> = {}) {
  return spawnSync('node', ['bin/bitext.js', 'serve', '--db', database, ...args], {
    encoding: 'utf8',
    env: { ...process.env, BITEXT_TOKEN: '', ...env },
    timeout: 20_000,
  });
}

const running: ChildProcess[] = [];

/** Starts `bitext serve` on a free port and resolves with the address it prints. */
function start(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn('node', ['bin/bitext.js', 'serve', '--db', database, '--port', '0', ...args], {
    env: { ...process.env, BITEXT_TOKEN: '', ...env },
  });
  running.push(child);
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const address = /serving .* at (http:\/\/\S+)/.exec(stderr)?.[1];
      if (address) resolve(address);
    });
    child.on('exit', () => reject(new Error(stderr)));
  });
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill();
});

describe('bitext serve', () => {
  it('refuses a token on the command line with a usage error naming the safer ways', () => {
    const { status, stderr } = serve(['--token', 'visible-in-ps']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/BITEXT_TOKEN/);
    expect(stderr).toMatch(/--token-file FILE/);
    expect(stderr).not.toMatch(/at Object|\n\s+at /);
  });

  it('refuses to bind beyond loopback without a token, and names an unreadable token file', () => {
    const open = serve(['--host', '0.0.0.0']);
    expect(open.status).toBe(2);
    expect(open.stderr).toBe(
      'bitext: binding to 0.0.0.0 exposes the corpus: set BITEXT_TOKEN or give --token-file FILE\n',
    );
    const missing = serve(['--token-file', join(dir, 'nowhere')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nowhere: the token file cannot be read/);
    writeFileSync(join(dir, 'empty'), '\n');
    expect(serve(['--token-file', join(dir, 'empty')]).stderr).toMatch(/empty: the token file is empty/);
  });

  it('refuses a token short enough to guess, from the environment or a file, with a usage error', () => {
    const short = serve([], { BITEXT_TOKEN: 'letmein' });
    expect(short.status).toBe(2);
    expect(short.stderr).toBe(
      'bitext: the token in BITEXT_TOKEN has 7 characters: one that resists guessing has 16 or more (openssl rand -hex 24 makes one)\n',
    );
    writeFileSync(join(dir, 'pin'), '1234\n');
    const pin = serve(['--token-file', join(dir, 'pin')]);
    expect(pin.status).toBe(2);
    expect(pin.stderr).toMatch(/pin has 4 characters: one that resists guessing has 16 or more/);
  });

  for (const [how, args, env] of [
    ['BITEXT_TOKEN', [], { BITEXT_TOKEN: TOKEN }],
    ['--token-file', ['--token-file', join(dir, 'token')], {}],
  ] as const) {
    it(`takes the token from ${how} and asks every API request for it`, async () => {
      writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
      const base = await start([...args], env);
      expect((await fetch(`${base}/api/documents`)).status).toBe(401);
      const signed = await fetch(`${base}/api/documents`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(signed.status).toBe(200);
      expect(await (await fetch(`${base}/api/session`)).json()).toEqual({
        tokenRequired: true,
        signedIn: false,
      });
    });
  }
});
