import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocxBomb } from '../scripts/fixture-docx-bomb.js';
import { buildServer } from '../src/server/app.js';
import type { StoredRow } from '../src/store/edits.js';
import { CorpusStore } from '../src/store/index.js';

const TOKEN = 'correct-horse-battery-staple-42';
const HARBOUR = readFileSync('examples/harbour-review.md').toString('base64');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request over real HTTP with the path sent as is (no normalising, no decoding) and any headers. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
  /** The loopback address to send from, as another client would (127.0.0.1 unless given). */
  from?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const options = {
      host: '127.0.0.1',
      port,
      method,
      path,
      headers: { ...length, ...headers },
      localAddress: from,
    };
    const request = httpRequest(options, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

const json = { 'content-type': 'application/json' };

function newStore(): CorpusStore {
  return new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-security-')), 'corpus.db'));
}

async function listen(app: FastifyInstance): Promise<number> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return Number(new URL(address).port);
}

describe('a studio started with a token', () => {
  const store = newStore();
  const app = buildServer(store, { token: TOKEN });
  let port = 0;
  let documentId = 0;
  const bearer = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    port = await listen(app);
    const upload = await send(
      port,
      'POST',
      '/api/documents',
      { ...json, ...bearer },
      JSON.stringify({ files: [{ name: 'harbour-review.md', data: HARBOUR }] }),
    );
    expect(upload.status, upload.body).toBe(201);
    documentId = JSON.parse(upload.body).ids[0];
  });

  afterAll(async () => {
    await app.close();
    store.close();
  });

  it('refuses every spelling of an API path without the token', async () => {
    const paths = [
      '/api/documents',
      '/%61pi/documents',
      '/%61%70%69/documents',
      '/api/%64ocuments',
      '/api/documents/',
      '//api/documents',
      '/./api/documents',
      '/x/../api/documents',
      '/api/documents?x=1',
      '/api/documents%3Fx',
      '/api/documents;jsessionid=1',
      `/%61pi/documents/${documentId}`,
      `/%61pi/documents/${documentId}/export?to=tmx`,
      '/%61pi/export?to=tmx',
      '/%61pi/search?q=harbour',
      '/API/documents',
    ];
    for (const path of paths) {
      const answer = await send(port, 'GET', path);
      expect([401, 404], path).toContain(answer.status);
      expect(answer.body, path).not.toContain('harbour');
    }
  });

  it('refuses uploads, edits, undo and export without the token, or with a wrong one', async () => {
    const attempts: [string, string, string?][] = [
      ['POST', '/%61pi/documents', JSON.stringify({ files: [{ name: 'x.md', data: HARBOUR }] })],
      ['POST', `/%61pi/documents/${documentId}/undo`, '{}'],
      ['POST', '/%61pi/pairs/1/confirm', '{"version":1}'],
      ['PUT', `/%61pi/documents/${documentId}/sentences/a0.en.p1.s0`, '{"text":"pwned"}'],
      ['GET', `/api/documents/${documentId}/export?to=tmx`],
    ];
    // Each from an address of its own: more wrong tokens than that from one address are a 429.
    let client = 10;
    for (const [method, path, body] of attempts) {
      for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
        const headers = { ...(body ? json : {}), ...(authorization ? { authorization } : {}) };
        const answer = await send(port, method, path, headers, body, `127.0.0.${client++}`);
        expect(answer.status, `${method} ${path} ${authorization}`).toBe(401);
      }
    }
    const documents = JSON.parse((await send(port, 'GET', '/api/documents', bearer)).body);
    expect(documents).toHaveLength(1);
  });

  it('answers the token as a Bearer header, on any spelling of the path', async () => {
    expect((await send(port, 'GET', '/%61pi/documents', bearer)).status).toBe(200);
  });

  it('signs in with the token for an HttpOnly, SameSite=Strict session cookie, and signs out', async () => {
    const wrong = await send(port, 'POST', '/api/session', json, JSON.stringify({ token: 'guess' }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const before = JSON.parse((await send(port, 'GET', '/api/session')).body);
    expect(before).toEqual({ tokenRequired: true, signedIn: false });

    const signIn = await send(port, 'POST', '/api/session', json, JSON.stringify({ token: TOKEN }));
    expect(signIn.status, signIn.body).toBe(200);
    const [setCookie] = signIn.headers['set-cookie'] as string[];
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toContain(TOKEN);
    const cookie = { cookie: (setCookie ?? '').split(';')[0] ?? '' };
    expect((await send(port, 'GET', '/api/documents', cookie)).status).toBe(200);
    expect(JSON.parse((await send(port, 'GET', '/api/session', cookie)).body).signedIn).toBe(true);

    expect((await send(port, 'DELETE', '/api/session', { ...json, ...cookie }, '{}')).status).toBe(200);
    expect((await send(port, 'GET', '/api/documents', cookie)).status).toBe(401);
    expect(
      (await send(port, 'GET', '/api/documents', { cookie: `bitext_session_${port}=forged` })).status,
    ).toBe(401);
  });
});

/** The `name=value` of the session cookie an answer sets. */
function sessionCookieOf(answer: Answer): string {
  const [setCookie] = (answer.headers['set-cookie'] as string[] | undefined) ?? [];
  return (setCookie ?? '').split(';')[0] ?? '';
}

describe('guessing the token', () => {
  const store = newStore();
  const app = buildServer(store, { token: TOKEN });
  let port = 0;
  const signIn = (token: string, from: string) =>
    send(port, 'POST', '/api/session', json, JSON.stringify({ token }), from);

  beforeAll(async () => {
    port = await listen(app);
  });

  afterAll(async () => {
    await app.close();
    store.close();
  });

  it('after five wrong tokens from one address, answers it 429 with Retry-After until the wait is over; others go on', async () => {
    const session = { cookie: sessionCookieOf(await signIn(TOKEN, '127.0.0.3')) };
    const guesser = '127.0.0.4';
    for (let guess = 0; guess < 6; guess++)
      expect((await signIn(`guess-${guess}`, guesser)).status).toBe(401);

    const waiting = await signIn(TOKEN, guesser);
    expect(waiting.status).toBe(429);
    expect(waiting.headers['retry-after']).toBe('1');
    expect(JSON.parse(waiting.body).error).toMatch(/too many wrong tokens .* try again in 1 s/);
    expect(waiting.headers['set-cookie']).toBeUndefined();
    for (const authorization of ['Bearer wrong', `Bearer ${TOKEN}`]) {
      const answer = await send(port, 'GET', '/api/documents', { authorization }, undefined, guesser);
      expect(answer.status, authorization).toBe(429);
    }

    // A session opened before, and other addresses, are not held up.
    expect((await send(port, 'GET', '/api/documents', session, undefined, '127.0.0.3')).status).toBe(200);
    expect((await send(port, 'GET', '/api/documents', session, undefined, guesser)).status).toBe(200);
    expect((await signIn(TOKEN, '127.0.0.5')).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await signIn('guess-7', guesser)).status).toBe(401);
    const longer = await signIn(TOKEN, guesser);
    expect(longer.status).toBe(429);
    expect(longer.headers['retry-after']).toBe('2');
  });

  it('counts wrong Bearer tokens as guesses too', async () => {
    const guesser = '127.0.0.6';
    const authorization = 'Bearer wrong';
    for (let guess = 0; guess < 6; guess++)
      expect((await send(port, 'GET', '/api/documents', { authorization }, undefined, guesser)).status).toBe(
        401,
      );
    expect((await signIn(TOKEN, guesser)).status).toBe(429);
  });
});

describe('two studios on one machine', () => {
  const stores = [newStore(), newStore()];
  const apps = stores.map((store) => buildServer(store, { token: TOKEN }));

  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) store.close();
  });

  it('keep their own sessions: a browser sends both cookies to both, and signing out of one keeps the other', async () => {
    const ports = await Promise.all(apps.map(listen));
    const cookies = [];
    for (const port of ports) {
      const answer = await send(port, 'POST', '/api/session', json, JSON.stringify({ token: TOKEN }));
      cookies.push(sessionCookieOf(answer));
    }
    const names = cookies.map((cookie) => cookie.split('=')[0]);
    expect(names).toEqual(ports.map((port) => `bitext_session_${port}`));
    // Cookies ignore ports: the browser keeps both and sends both to each studio.
    const jar = { cookie: cookies.join('; ') };
    for (const port of ports) expect((await send(port, 'GET', '/api/documents', jar)).status).toBe(200);

    const [first, second] = ports as [number, number];
    expect((await send(first, 'DELETE', '/api/session', { ...json, ...jar }, '{}')).status).toBe(200);
    expect((await send(first, 'GET', '/api/documents', jar)).status).toBe(401);
    expect((await send(second, 'GET', '/api/documents', jar)).status).toBe(200);
  });
});

describe('requests from another site, another host, or not in JSON', () => {
  const store = newStore();
  const app = buildServer(store);
  let port = 0;
  let documentId = 0;
  const undo = () => `/api/documents/${documentId}/undo`;

  beforeAll(async () => {
    port = await listen(app);
    const upload = await send(
      port,
      'POST',
      '/api/documents',
      json,
      JSON.stringify({ files: [{ name: 'harbour-review.md', data: HARBOUR }] }),
    );
    documentId = JSON.parse(upload.body).ids[0];
    const row = store.rows(documentId).find((candidate) => candidate.role === 'body') as StoredRow;
    const merged = await send(
      port,
      'POST',
      `/api/pairs/${row.id}/confirm`,
      json,
      JSON.stringify({ version: row.version }),
    );
    expect(merged.status, merged.body).toBe(200);
  });

  afterAll(async () => {
    await app.close();
    store.close();
  });

  it('refuses undo sent as a simple cross-site request: text/plain, a form, or no body at all', async () => {
    const host = `127.0.0.1:${port}`;
    const attempts: [Record<string, string>, string?][] = [
      [{ 'content-type': 'text/plain' }, '{}'],
      [{ 'content-type': 'text/plain', origin: 'http://evil.example' }, '{}'],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'],
      [{ 'content-type': 'multipart/form-data; boundary=x' }, '--x--'],
      [{}],
      [{ ...json, origin: 'http://evil.example' }, '{}'],
      [{ ...json, origin: 'null' }, '{}'],
      [{ ...json, origin: `http://${host}.evil.example` }, '{}'],
      [{ ...json, origin: `https://${host}` }, '{}'],
      [{ ...json, 'sec-fetch-site': 'cross-site' }, '{}'],
      [{ ...json, 'sec-fetch-site': 'same-site' }, '{}'],
      [{ ...json, 'sec-fetch-site': 'none' }, '{}'],
      [{ 'content-type': 'application/jsonx' }, '{}'],
      [{ 'content-type': 'text/json' }, '{}'],
    ];
    for (const [headers, body] of attempts) {
      const answer = await send(port, 'POST', undo(), headers, body);
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(answer.body).error).toMatch(/refused|must send JSON/);
    }
    const same = await send(
      port,
      'POST',
      undo(),
      { ...json, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' },
      '{"edit":1}',
    );
    expect(JSON.parse(same.body)).toMatchObject({ done: true });
  });

  it('answers only the names it was started for (no DNS rebinding)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `127.0.0.2:${port}`,
      `localhost.evil.example:${port}`,
    ]) {
      const answer = await send(port, 'GET', '/api/documents', { host });
      expect(answer.status, host).toBe(403);
      expect(answer.body).not.toContain('harbour');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`])
      expect((await send(port, 'GET', '/api/documents', { host })).status, host).toBe(200);
    // A request line in absolute form names its host itself, whatever the Host header says.
    for (const target of ['http://evil.example/api/documents', `http://evil.example:${port}/api/documents`]) {
      const answer = await send(port, 'GET', target, { host: `127.0.0.1:${port}` });
      expect(answer.status, target).toBe(403);
    }
    expect((await send(port, 'GET', `http://127.0.0.1:${port}/api/documents`)).status).toBe(200);
  });

  it('bound to every interface, answers to each address of the machine, and to no other name', async () => {
    const everywhere = buildServer(store, { host: '0.0.0.0' });
    const everywherePort = await listen(everywhere);
    const addresses = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .map((address) => (address.family === 'IPv6' ? `[${address.address}]` : address.address));
    for (const address of addresses) {
      const answer = await send(everywherePort, 'GET', '/api/documents', {
        host: `${address}:${everywherePort}`,
      });
      expect(answer.status, address).toBe(200);
    }
    for (const host of [`evil.example:${everywherePort}`, `0.0.0.0.evil.example:${everywherePort}`])
      expect((await send(everywherePort, 'GET', '/api/documents', { host })).status, host).toBe(403);
    await everywhere.close();
  });

  it('sends a strict Content-Security-Policy, no framing, nosniff and no referrer, on answers and refusals', async () => {
    for (const answer of [
      await send(port, 'GET', '/api/documents'),
      await send(port, 'GET', '/api/nothing'),
    ]) {
      const csp = String(answer.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('answers a missing document or pair with 404, anywhere', async () => {
    const missing: [string, string, string?][] = [
      ['GET', '/api/documents/999'],
      ['GET', '/api/documents/999/export?to=tmx'],
      ['POST', '/api/documents/999/undo', '{"edit":1}'],
      ['POST', '/api/documents/999/redo', '{"edit":1}'],
      ['POST', '/api/pairs/99999/confirm', '{"version":1}'],
      ['PUT', '/api/documents/999/sentences/a0.en.p1.s0', '{"text":"x","pair":{"id":1,"version":1}}'],
      [
        'PUT',
        `/api/documents/${documentId}/sentences/a9.en.p9.s9`,
        '{"text":"x","pair":{"id":1,"version":1}}',
      ],
      ['GET', '/api/nothing'],
    ];
    for (const [method, path, body] of missing) {
      const answer = await send(port, method, path, body ? json : {}, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(JSON.parse(answer.body).error).toBeTruthy();
    }
  });

  it('refuses a body of deeply nested brackets before parsing it (JSON.parse takes seconds over millions)', async () => {
    const deep = `{"files":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    const answer = await send(port, 'POST', '/api/documents', json, deep);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toMatch(/nests deeper than 8 levels/);
    // Brackets inside strings are text, not nesting.
    const text = JSON.stringify({ text: `${'['.repeat(50)}{{`, pair: { id: 999_999, version: 1 } });
    const edit = await send(port, 'PUT', `/api/documents/${documentId}/sentences/a0.en.p1.s0`, json, text);
    expect(edit.status, edit.body).toBe(404);
    const proto = await send(
      port,
      'POST',
      `/api/documents/${documentId}/undo`,
      json,
      '{"__proto__":{"x":1}}',
    );
    expect(proto.status).toBe(400);
  });

  it('refuses a body of a million values before parsing it, and more than a small body anywhere but an upload', async () => {
    const values = `{"files":[],"x":{${Array.from({ length: 1_000_000 }, (_, k) => `"k${k}":0`).join(',')}}}`;
    const answer = await send(port, 'POST', '/api/documents', json, values);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toMatch(/holds more than 10000 values/);
    const long = JSON.stringify({ version: 1, lang: 'en', text: 'x'.repeat(2_000_000) });
    const edit = await send(port, 'PUT', '/api/pairs/1/text', json, long);
    expect(edit.status).toBe(413);
  });

  it('refuses an upload whose file is empty or blank', async () => {
    for (const data of ['', '   ', '\n']) {
      const body = JSON.stringify({ files: [{ name: 'empty.md', data }] });
      const answer = await send(port, 'POST', '/api/documents', json, body);
      expect(answer.status, JSON.stringify(data)).toBe(400);
    }
  });

  it('exports a document named in Chinese under its own name (RFC 6266)', async () => {
    const upload = await send(
      port,
      'POST',
      '/api/documents',
      json,
      JSON.stringify({ files: [{ name: '港口评论.md', data: HARBOUR }] }),
    );
    const id = JSON.parse(upload.body).ids[0];
    const answer = await send(port, 'GET', `/api/documents/${id}/export?to=tmx`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('港口评论.tmx')}`,
    );
    expect(answer.body).toContain('<tmx');
  });
});

describe('uploads, read and aligned off the event loop', () => {
  const store = newStore();

  afterAll(() => store.close());

  it('refuses an upload over the time limit with 422 and goes on serving', async () => {
    const app = buildServer(store, { uploadLimits: { memoryMb: 1024, seconds: 0.05 } });
    const answer = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { files: [{ name: 'harbour-review.md', data: HARBOUR }] },
    });
    expect(answer.statusCode).toBe(422);
    expect(answer.json().error).toMatch(/took longer than the 0.05 s/);
    expect((await app.inject('/api/documents')).statusCode).toBe(200);
    await app.close();
  });

  it('reads no more uploads at once than it was given processes; the rest wait, and past the queue get 503', async () => {
    // Each upload process may take the whole heap cap: many at once would exhaust the machine.
    const app = buildServer(store, { uploadLimits: { processes: 1, waiting: 2 } });
    const uploadProcesses = () =>
      execFileSync('ps', ['--ppid', String(process.pid), '-o', 'args='], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes('upload-process')).length;
    let most = 0;
    const watch = setInterval(() => {
      most = Math.max(most, uploadProcesses());
    }, 25);
    const upload = (name: string) =>
      app.inject({ method: 'POST', url: '/api/documents', payload: { files: [{ name, data: HARBOUR }] } });
    const answers = await Promise.all(['a.md', 'b.md', 'c.md', 'd.md'].map(upload));
    clearInterval(watch);
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses, answers.map((answer) => answer.body).join('\n')).toEqual([201, 201, 201, 503]);
    const refused = answers.find((answer) => answer.statusCode === 503);
    expect(refused?.json().error).toMatch(/already has 3 uploads to read: try again when they are done/);
    expect(most).toBe(1);
    await app.close();
  }, 120_000);

  it('survives a Word decompression bomb: refused with 413 while other requests are answered', async () => {
    // Under the Word reader's own limits on inflated bytes and XML elements, so that the process's
    // heap cap is what stops it; a cap below the default keeps the test short (the default's figures
    // are in bench/).
    const app = buildServer(store, { uploadLimits: { memoryMb: 128, seconds: 300 } });
    const dir = mkdtempSync(join(tmpdir(), 'bitext-bomb-'));
    const bomb = buildDocxBomb(9);
    writeFileSync(join(dir, 'bomb.docx'), bomb);
    expect(bomb.length).toBeLessThan(2_000_000);
    let uploadDone = 0;
    const upload = app
      .inject({
        method: 'POST',
        url: '/api/documents',
        payload: { files: [{ name: 'bomb.docx', data: bomb.toString('base64') }] },
      })
      .then((answer) => {
        uploadDone = performance.now();
        return answer;
      });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const listed = await app.inject('/api/documents');
    const listedAt = performance.now();
    expect(listed.statusCode).toBe(200);
    const refused = await upload;
    expect(listedAt).toBeLessThan(uploadDone);
    expect(refused.statusCode, refused.body).toBe(413);
    expect(refused.json().error).toMatch(/needs more than the 128 MB of memory/);
    const after = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { files: [{ name: 'harbour-review.md', data: HARBOUR }] },
    });
    expect(after.statusCode, after.body).toBe(201);
    await app.close();
  }, 240_000);
});
