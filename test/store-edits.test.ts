import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon, scoreTranslation } from '../src/align/index.js';
import { BitextError } from '../src/errors.js';
import { renderDocument } from '../src/export/index.js';
import type { AlignedDocument, BilingualDocument, Paragraph } from '../src/model/document.js';
import { pairDocument } from '../src/pairs/pairs.js';
import { storeFiles } from '../src/pipeline/store.js';
import { readDocuments } from '../src/read.js';
import { CorpusStore, type StoredRow } from '../src/store/index.js';
import { withSentenceText } from '../src/store/paragraphs.js';
import { registerFunctions, SCHEMA_VERSION } from '../src/store/schema.js';

let harbour: AlignedDocument;
let garden: AlignedDocument;

beforeAll(async () => {
  const lexicon = await loadLexicon();
  const read = async (files: string[]) => {
    const [document] = (await readDocuments(files)).documents;
    if (!document) throw new Error(`${files[0]} not read`);
    return pairDocument(document, lexicon);
  };
  harbour = await read(['test/fixtures/magazine/harbour-review.md']);
  garden = await read(['test/fixtures/pair/garden.en.txt', 'test/fixtures/pair/garden.zh.txt']);
});

const freshDir = () => mkdtempSync(join(tmpdir(), 'bitext-store-edits-'));
const seen = (row: StoredRow | undefined) => ({ id: row?.id ?? 0, version: row?.version ?? 0 });
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the edits model', () => {
  it('never hands out an id again, and undoes a merge after another document was edited', async () => {
    const store = new CorpusStore(join(freshDir(), 'corpus.db'));
    const a = store.addDocument(harbour);
    const b = store.addDocument(garden);
    const [first, second] = store.rows(a).filter((row) => row.role === 'body');
    const merged = await store.editor().mergeWithNext(seen(first), seen(second), 't');
    const highest = Math.max(...store.rows(a).map((row) => row.id), ...store.rows(b).map((row) => row.id));
    const [x, y] = store.rows(b);
    const inB = await store.editor().mergeWithNext(seen(x), seen(y), 't');
    expect(inB.rows[0]?.id).toBeGreaterThan(Math.max(highest, first?.id ?? 0, second?.id ?? 0));
    expect(store.editor().undo(a, merged.history.undo ?? 0).done).toBe(true);
    expect(
      store
        .rows(a)
        .slice(0, 40)
        .map((row) => row.id),
    ).toContain(first?.id);
    expect(store.editor().history(b).undo).toBe(inB.history.undo);
  });

  it('keeps keys unique and short and positions whole numbers in order through many splits in one place', async () => {
    const dir = freshDir();
    for (const lang of ['en', 'zh']) {
      const text = readFileSync(`test/fixtures/pair/garden.${lang}.txt`, 'utf8');
      writeFileSync(join(dir, `long.${lang}.txt`), Array(4).fill(text).join('\n'));
    }
    const [long] = (await readDocuments([join(dir, 'long.en.txt'), join(dir, 'long.zh.txt')])).documents;
    const store = new CorpusStore(join(dir, 'corpus.db'));
    const id = store.addDocument(await pairDocument(long as BilingualDocument, await loadLexicon()));
    const body = () => store.rows(id).filter((other) => other.role === 'body');
    let [row] = body();
    // One pair of all sentences but the last pair's, which stays after it as a neighbour.
    while (body().length > 2)
      row = (await store.editor().mergeWithNext(seen(row), seen(body()[1]), 't')).rows[0];
    // Split off one sentence at a time, always in the same place: the room there runs out.
    let splits = 0;
    for (; splits < 60; splits++) {
      const en = JSON.parse(row?.en_ids ?? '[]').length;
      const zh = JSON.parse(row?.zh_ids ?? '[]').length;
      if (en + zh < 2) break;
      row = (await store.editor().split(seen(row), en > 1 ? 1 : 0, en > 1 ? 0 : 1, 't')).rows[1];
    }
    expect(splits).toBeGreaterThan(30);
    const rows = store.rows(id);
    expect(new Set(rows.map((r) => r.pair_key)).size).toBe(rows.length);
    expect(Math.max(...rows.map((r) => r.pair_key.length))).toBeLessThanOrEqual(14);
    expect(rows.every((r) => Number.isInteger(r.position))).toBe(true);
    expect(rows.flatMap((r) => JSON.parse(r.en_ids))).toEqual(
      store.getDocument(id).articles[0]?.paragraphs.en.flatMap((p) => p.sentences.map((s) => s.id)),
    );
    const [xliff] = renderDocument(store.getDocument(id), 'xliff');
    const unitIds = [...(xliff?.text ?? '').matchAll(/trans-unit id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(unitIds).size).toBe(unitIds.length);
  });

  it('corrects one side of a header pair, rescored, and undoes it; a pair with sentences is refused', async () => {
    const store = new CorpusStore(join(freshDir(), 'corpus.db'));
    const id = store.addDocument(harbour);
    const title = store.rows(id).find((row) => row.role === 'title') as StoredRow;
    const corrected = await store.editor().editPairText(seen(title), 'en', '  Harbour Lights Return  ', 't');
    const [row] = corrected.rows;
    expect(row).toMatchObject({
      id: title.id,
      en: 'Harbour Lights Return',
      zh: title.zh,
      version: title.version + 1,
    });
    expect(row?.score).toBeCloseTo(await scoreTranslation('Harbour Lights Return', title.zh), 6);
    await expect(store.editor().editPairText(seen(row), 'zh', '', 't')).resolves.toBeDefined();
    await expect(
      store
        .editor()
        .editPairText(seen(store.rows(id).find((other) => other.id === title.id)), 'en', ' ', 't'),
    ).rejects.toThrow('a pair cannot be made empty on both sides');
    const body = store.rows(id).find((other) => other.role === 'body') as StoredRow;
    await expect(store.editor().editPairText(seen(body), 'en', 'x', 't')).rejects.toThrow(/holds sentences/);
    store.editor().undo(id);
    store.editor().undo(id);
    expect(store.rows(id).find((other) => other.id === title.id)).toMatchObject({
      en: title.en,
      zh: title.zh,
    });
    store.close();
  });

  it('rescores a merged pair with the aligner', async () => {
    const store = new CorpusStore(join(freshDir(), 'corpus.db'));
    const id = store.addDocument(harbour);
    const [first, second] = store.rows(id).filter((row) => row.role === 'body' && row.en && row.zh);
    const [merged] = (await store.editor().mergeWithNext(seen(first), seen(second), 't')).rows;
    expect(merged?.score).not.toBe(Math.min(first?.score ?? 0, second?.score ?? 0));
    expect(merged?.score).toBe(await scoreTranslation(merged?.en ?? '', merged?.zh ?? ''));
  });

  it('keeps the truncated flag on the pair that holds the cut-off sentence', async () => {
    const store = new CorpusStore(join(freshDir(), 'corpus.db'));
    const id = store.addDocument(harbour);
    const rows = store.rows(id);
    const cut = rows.findIndex((row) => row.flags.includes('truncated'));
    const [merged] = (await store.editor().mergeWithNext(seen(rows[cut - 1]), seen(rows[cut]), 't')).rows;
    expect(JSON.parse(merged?.flags ?? '[]')).toContain('truncated');
    const [head, rest] = (await store.editor().split(seen(merged), 0, 1, 't')).rows;
    expect(JSON.parse(head?.flags ?? '[]')).not.toContain('truncated');
    expect(JSON.parse(rest?.flags ?? '[]')).toContain('truncated');
  });

  it('refuses an undo whose rows a later change in another process touched', async () => {
    const path = join(freshDir(), 'corpus.db');
    const store = new CorpusStore(path);
    const id = store.addDocument(garden);
    const [row] = store.rows(id);
    await store.editor().confirm(seen(row), 't');
    const other = new Database(path);
    other.prepare('UPDATE pairs SET version = version + 1 WHERE id = ?').run(row?.id);
    other.close();
    expect(() => store.editor().undo(id)).toThrow(/a later edit depends on it/);
  });
});

describe('a paragraph after a correction', () => {
  it('is rebuilt from its sentences, keeping what stood between them, with offsets moved', () => {
    const paragraph: Paragraph = {
      id: 'p',
      kind: 'body',
      text: 'One.  Two [1]. Three.',
      sentences: [
        { id: 's0', text: 'One.', start: 0 },
        { id: 's1', text: 'Two [1].', start: 6 },
        { id: 's2', text: 'Three.', start: 15 },
      ],
      sources: [],
      warnings: [],
    };
    const rebuilt = withSentenceText(paragraph, 's1', 'Second one.');
    expect(rebuilt.text).toBe('One.  Second one. Three.');
    for (const sentence of rebuilt.sentences)
      expect(rebuilt.text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
  });
});

describe('the store file', () => {
  it('migrates a database of the previous schema holding data, keeping its pairs, status and text', async () => {
    const path = join(freshDir(), 'old.db');
    const old = new Database(path);
    registerFunctions(old);
    old.exec(readFileSync('test/fixtures/store/schema-v3.sql', 'utf8'));
    const warning = JSON.stringify([{ code: 'unpaired', message: 'a paragraph has no counterpart' }]);
    old
      .prepare(
        "UPDATE documents SET model = json_set(model, '$.warnings', json(?), '$.articles[0].warnings', json(?))",
      )
      .run(warning, warning);
    old.close();
    const store = new CorpusStore(path);
    expect(store.listDocuments()).toEqual([expect.objectContaining({ id: 1, pairs: 4, warnings: 2 })]);
    const rows = store.rows(1);
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4]);
    expect(rows.map((row) => row.pair_key)).toEqual(['a0.title', 'a0.body.0', 'a0.body.0+', 'a0.body.0+.4']);
    expect(rows.every((row) => Number.isInteger(row.position))).toBe(true);
    expect(rows[1]?.status).toBe('confirmed');
    expect(store.editor().history(1)).toEqual({ undo: null, redo: null });
    expect(store.sentencePages(1)).toEqual({ 'a0.en.p0.s0': 2, 'a0.en.p0.s1': 2 });
    const moved = await store.editor().moveSentence(seen(rows[3]), 'zh', 'previous', seen(rows[2]), 't');
    expect(Math.min(...moved.rows.map((row) => row.id))).toBeGreaterThan(9);
    const [corrected] = (
      await store.editor().editSentence(1, 'a0.en.p0.s1', 'Boats come still.', seen(moved.rows[0]), 't')
    ).rows;
    expect(corrected?.en).toBe('Boats come still.');
    expect(store.getDocument(1).articles[0]?.paragraphs.en[0]?.text).toBe(
      'The harbour is old. Boats come still.',
    );
    expect(store.search('harbour').hits.map(({ pair }) => pair.id)).toEqual(['a0.title', 'a0.body.0']);
    store.close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a damaged database in one line naming it, and writes nothing into it', () => {
    const dir = freshDir();
    const good = join(dir, 'good.db');
    const store = new CorpusStore(good);
    store.addDocument(harbour);
    store.close();
    const damaged = join(dir, 'damaged.db');
    copyFileSync(good, damaged);
    const bytes = readFileSync(damaged);
    // Scribble over the pages after the first (the schema), as a failing disk might.
    bytes.fill(0x5a, 4096 * 2, 4096 * 6);
    writeFileSync(damaged, bytes);
    const before = sha(damaged);
    let error: unknown;
    try {
      new CorpusStore(damaged);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BitextError);
    expect((error as BitextError).oneLine).toMatch(/damaged\.db: is not a bitext database, or is damaged/);
    expect((error as BitextError).oneLine).not.toContain('\n');
    expect(sha(damaged)).toBe(before);
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'this is not sqlite, just text that is long enough to look like a header');
    const textBefore = sha(text);
    expect(() => new CorpusStore(text)).toThrow(/is not a bitext database/);
    expect(sha(text)).toBe(textBefore);
  });

  it('recognises a document imported again by its content, and stores it once', async () => {
    const store = new CorpusStore(join(freshDir(), 'corpus.db'));
    const files = ['test/fixtures/pair/garden.en.txt', 'test/fixtures/pair/garden.zh.txt'];
    const first = await storeFiles(store, files);
    const again = await storeFiles(store, files);
    expect(first.stored[0]?.existing).toBe(false);
    expect(again.stored[0]).toMatchObject({ id: first.stored[0]?.id, existing: true });
    expect(store.listDocuments()).toHaveLength(1);
    const kept = await storeFiles(store, files, { keepDuplicates: true });
    expect(kept.stored[0]?.existing).toBe(false);
    expect(store.listDocuments()).toHaveLength(2);
  });

  it('lets two processes edit one store at once: every edit lands, and of two on one version one is refused', async () => {
    const path = join(freshDir(), 'corpus.db');
    const store = new CorpusStore(path);
    const id = store.addDocument(harbour);
    const contested = store.rows(id)[0]?.version;
    store.close();
    const worker = (parity: number) =>
      new Promise<{ confirmed: number; stale: number }>((resolve, reject) => {
        const child = spawn(process.execPath, [
          '--import',
          'tsx',
          'test/store-worker.ts',
          path,
          String(id),
          String(parity),
          String(contested),
        ]);
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
        });
        child.stderr.on('data', (chunk) => {
          err += chunk;
        });
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
      });
    const [even, odd] = await Promise.all([worker(0), worker(1)]);
    expect(even.stale + odd.stale).toBe(1);
    const reopened = new CorpusStore(path);
    const rows = reopened.rows(id);
    expect(rows.every((row) => row.status === 'confirmed')).toBe(true);
    expect(even.confirmed + odd.confirmed).toBe(rows.length);
    reopened.close();
  }, 60_000);
});
