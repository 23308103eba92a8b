import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CorpusStore } from '../src/store/index.js';

/** The built CLI, as a user runs it. */
function bitext(...args: string[]) {
  const run = spawnSync('node', ['bin/bitext.js', ...args], { encoding: 'utf8' });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

const EXAMPLE = 'test/fixtures/magazine/harbour-review.md';

describe('the corpus store from the command line', () => {
  it('imports a document once: the second import names the document already stored', () => {
    const database = join(mkdtempSync(join(tmpdir(), 'bitext-cli-store-')), 'corpus.db');
    expect(bitext('import', EXAMPLE, '--db', database).stderr).toMatch(/stored harbour-review as document 1/);
    const again = bitext('import', EXAMPLE, '--db', database);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/already holds harbour-review as document 1/);
    const store = new CorpusStore(database);
    expect(store.listDocuments()).toHaveLength(1);
    store.close();
  });

  it('refuses a damaged store in one line naming it, and writes nothing into it', () => {
    const database = join(mkdtempSync(join(tmpdir(), 'bitext-cli-store-')), 'broken.db');
    writeFileSync(database, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x41)]));
    const sha = () => createHash('sha256').update(readFileSync(database)).digest('hex');
    const before = sha();
    const result = bitext('import', EXAMPLE, '--db', database);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/broken\.db: is not (a sound corpus store|a bitext database)/);
    expect(sha()).toBe(before);
  });

  it('exports confirmed pairs with their status, whatever their score', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitext-cli-store-'));
    const database = join(dir, 'corpus.db');
    bitext('import', EXAMPLE, '--db', database);
    const store = new CorpusStore(database);
    const lowest = store
      .rows(1)
      .filter((row) => row.en && row.zh)
      .sort((a, b) => a.score - b.score)[0];
    if (!lowest) throw new Error('no two-sided pair');
    await store.editor().confirm({ id: lowest.id, version: lowest.version }, 'tester');
    store.close();
    const minScore = String(Math.min(1, lowest.score + 0.01));
    for (const format of ['tmx', 'xliff']) {
      const result = bitext(
        'export',
        '--db',
        database,
        '--to',
        format,
        '-o',
        join(dir, format),
        '--min-score',
        minScore,
      );
      expect(result.status).toBe(0);
    }
    const parser = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['tu', 'prop', 'trans-unit'].includes(name),
    });
    const tmx = parser.parse(readFileSync(join(dir, 'tmx', 'harbour-review.tmx'), 'utf8'));
    const confirmed = tmx.tmx.body.tu.find(
      (tu: { '@_tuid': string }) => tu['@_tuid'] === `harbour-review:${lowest.pair_key}`,
    );
    expect(confirmed.prop).toContainEqual({ '#text': 'confirmed', '@_type': 'x-status' });
    const xliff = parser.parse(readFileSync(join(dir, 'xliff', 'harbour-review.xlf'), 'utf8'));
    const units = xliff.xliff.file.body['trans-unit'];
    const unit = units.find((u: { '@_id': string }) => u['@_id'] === lowest.pair_key);
    expect(unit['@_approved']).toBe('yes');
    expect(unit.target['@_state']).toBe('final');
    const others = units.filter((u: { '@_id': string }) => u['@_id'] !== lowest.pair_key);
    expect(
      others.every(
        (u: { target: { '@_state': string } }) => u.target['@_state'] === 'needs-review-translation',
      ),
    ).toBe(true);
  });
});
