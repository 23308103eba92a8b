import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlignedDocument } from '../src/model/document.js';
import { alignFiles } from '../src/pipeline/store.js';
import { SqliteStore, type Store } from '../src/store/corpus.js';
import { CorpusStore } from '../src/store/index.js';
import { PostgresStore } from '../src/store/postgres/index.js';
import { SCHEMA_VERSION } from '../src/store/postgres/schema.js';
import type { SpottedHit } from '../src/store/search-types.js';
import { spotTranslations } from '../src/store/spotting.js';
import { pairsDocument } from './pairs-fixture.js';
import { freshDatabase, hasPostgres } from './pg.js';

/**
 * The contract of a corpus store (src/store/corpus.ts), held against both stores: the same
 * tests, the SQLite file and a PostgreSQL server. Then the two side by side: the same searches
 * give the same pages, and `bitext export` writes the same files from either.
 */

const INPUTS = [
  ['test/fixtures/magazine/harbour-review.md'],
  ['test/fixtures/magazine/coastal-notes.md'],
  ['test/fixtures/pair/garden.en.txt', 'test/fixtures/pair/garden.zh.txt'],
];

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'bitext-contract-')), 'corpus.db');

const STORES: [string, () => Promise<Store>][] = [
  ['SQLite', async () => new SqliteStore(new CorpusStore(freshFile()))],
  ['PostgreSQL', async () => PostgresStore.open(await freshDatabase())],
];

let documents: AlignedDocument[];

beforeAll(async () => {
  documents = [];
  for (const files of INPUTS) documents.push(...(await alignFiles(files)).documents);
});

describe.each(STORES)('the %s store', (kind, open) => {
  const skip = kind === 'PostgreSQL' && !hasPostgres;
  let store: Store;
  const ids: number[] = [];

  beforeAll(async () => {
    if (skip) return;
    store = await open();
    for (const document of documents) ids.push(await store.addDocument(document));
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)('gives back each document as it was put in', async () => {
    for (const [k, id] of ids.entries()) expect(await store.getDocument(id)).toEqual(documents[k]);
  });

  it.skipIf(skip)('knows a document it holds by its content, wherever its file lay', async () => {
    const [first] = documents as [AlignedDocument];
    expect(await store.findSameDocument(first)).toBe(ids[0]);
    const moved = { ...first, source: { ...first.source, files: ['elsewhere/harbour-review.md'] } };
    expect(await store.findSameDocument(moved)).toBe(ids[0]);
    const changed = {
      ...first,
      warnings: [...first.warnings, { code: 'one-sided' as const, message: 'changed' }],
    };
    expect(await store.findSameDocument(changed)).toBeUndefined();
    expect((await store.rows(ids[0] as number)).length).toBe(first.pairs.length);
  });

  it.skipIf(skip)('lists documents with their counts, and finds them by name or id', async () => {
    const listed = await store.listDocuments();
    expect(
      listed.map(({ name, pairs, confirmed, doubtful, warnings }) => ({
        name,
        pairs,
        confirmed,
        doubtful,
        warnings,
      })),
    ).toMatchInlineSnapshot(`
      [
        {
          "confirmed": 0,
          "doubtful": 2,
          "name": "harbour-review",
          "pairs": 30,
          "warnings": 1,
        },
        {
          "confirmed": 0,
          "doubtful": 2,
          "name": "coastal-notes",
          "pairs": 44,
          "warnings": 0,
        },
        {
          "confirmed": 0,
          "doubtful": 0,
          "name": "garden",
          "pairs": 6,
          "warnings": 0,
        },
      ]
    `);
    expect(await store.documentIds(['coastal-notes', String(ids[0])])).toEqual([ids[1], ids[0]]);
    await expect(store.documentIds(['nothing-here'])).rejects.toThrow(/holds no document named nothing-here/);
    expect(await store.documentName(ids[2] as number)).toBe('garden');
    await expect(store.getDocument(9999)).rejects.toThrow(/no document with id 9999/);
  });

  it.skipIf(skip)('finds English by whole word in any case, not inside other words', async () => {
    const page = await store.search('HARBOUR');
    expect(page.total).toBeGreaterThan(0);
    expect(page.hits.every(({ pair }) => /\bharbour\b/i.test(pair.en))).toBe(true);
    const of = await store.search('of');
    expect(of.hits.every(({ pair }) => /\bof\b/i.test(pair.en))).toBe(true);
    expect((await store.search('garde')).total).toBe(0);
  });

  it.skipIf(skip)('finds English by stem, and a quoted phrase as words in a row', async () => {
    const seedlings = await store.search('seedling', { stem: true });
    expect(seedlings.hits.map(({ pair }) => pair.en)).toContainEqual(expect.stringContaining('seedlings'));
    expect((await store.search('seedling')).total).toBe(0);
    const phrase = await store.search('"the garden"');
    expect(phrase.total).toBeGreaterThan(0);
    expect(phrase.hits.every(({ pair }) => /\bthe garden\b/i.test(pair.en))).toBe(true);
  });

  it.skipIf(skip)(
    'finds Chinese substrings of one, two and more characters, with every match spanned',
    async () => {
      for (const query of ['港', '港口', '湿地公园', '花园']) {
        const page = await store.search(query);
        expect(page.total, query).toBeGreaterThan(0);
        for (const hit of page.hits) {
          expect(hit.pair.zh).toContain(query);
          expect(hit.matches.zh.length).toBe(hit.pair.zh.split(query).length - 1);
        }
      }
      expect((await store.search('港口 harbour')).hits.every(({ pair }) => pair.zh.includes('港口'))).toBe(
        true,
      );
    },
  );

  it.skipIf(skip)('pages with a total, and filters by document, role and status', async () => {
    const all = await store.search('的', { limit: 1000 });
    const second = await store.search('的', { offset: 3, limit: 3 });
    expect(second.total).toBe(all.total);
    expect(second.hits).toEqual(all.hits.slice(3, 6));
    const inGarden = await store.search('的', { documentId: ids[2] as number });
    expect(inGarden.hits.every((hit) => hit.documentName === 'garden')).toBe(true);
    const titles = await store.search('的', { role: 'title' });
    expect(titles.hits.every(({ pair }) => pair.role === 'title')).toBe(true);
    expect((await store.search('港口', { status: 'confirmed' })).total).toBe(0);
    expect(await store.search('   ')).toEqual({ total: 0, more: false, offset: 0, hits: [] });
  });
});

/**
 * A name (Zevra, 泽瓦) and a new material (tamorin, 塔莫林) no dictionary holds, translated the
 * same way each time; 港口 and 城市 (harbour, city) are in two of Zevra’s five pairs, but in more
 * pairs without him.
 */
const COINED = pairsDocument('coined', [
  ['Dr Zevra reached the harbour yesterday.', '泽瓦博士昨天抵达港口。'],
  ['We visited the wetland with Zevra.', '我们和泽瓦一起参观了湿地。'],
  ['Zevra said the city air was clean.', '泽瓦说城市的空气很干净。'],
  ['Zevra walked along the harbour.', '泽瓦沿着港口散步。'],
  ['Zevra wrote a book about the city.', '泽瓦写了一本关于城市的书。'],
  ['The harbour was busy.', '港口很繁忙。'],
  ['The city grew around the harbour.', '城市围绕港口发展。'],
  ['Ships left the harbour at dawn.', '船只在黎明时离开港口。'],
  ['The city has a new museum.', '城市有一座新博物馆。'],
  ['Old streets run through the city.', '老街穿过城市。'],
  ['The harbour lights were on.', '港口的灯亮着。'],
  ['Rain fell on the city.', '雨落在城市上。'],
  ['Tamorin is a new material.', '塔莫林是一种新型材料。'],
  ['Engineers built the bridge with tamorin.', '工程师用塔莫林修建了桥梁。'],
  ['Tamorin panels cool the city.', '塔莫林板让城市凉爽。'],
  ['The harbour wall uses tamorin.', '港口的墙使用了塔莫林。'],
]);

const spottedWords = (hits: SpottedHit[], lang: 'en' | 'zh') =>
  hits.map((hit) => hit.spotted[lang].map(([start, end]) => hit.pair[lang].slice(start, end)));

describe.each(STORES)('translation spotting on the %s store', (kind, open) => {
  const skip = kind === 'PostgreSQL' && !hasPostgres;
  let store: Store;
  const spot = async (query: string) => spotTranslations(await store.search(query), query, store);

  beforeAll(async () => {
    if (skip) return;
    store = await open();
    await store.addDocument(COINED);
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(
    'learns from the hits how a name no dictionary holds was translated, both ways',
    async () => {
      const zevra = await spot('Zevra');
      expect(zevra.hits).toHaveLength(5);
      expect(spottedWords(zevra.hits, 'zh')).toEqual(Array(5).fill(['泽瓦']));
      const chinese = await spot('泽瓦');
      expect(spottedWords(chinese.hits, 'en')).toEqual(Array(5).fill(['Zevra']));
    },
  );

  it.skipIf(skip)(
    'learns a new word’s translation whatever its case, and lights no function word',
    async () => {
      const page = await spot('塔莫林');
      expect(spottedWords(page.hits, 'en')).toEqual([['Tamorin'], ['tamorin'], ['Tamorin'], ['tamorin']]);
      const english = await spot('tamorin');
      expect(spottedWords(english.hits, 'zh')).toEqual(Array(4).fill(['塔莫林']));
    },
  );

  it.skipIf(skip)('learns nothing from words more common outside the hits than in them', async () => {
    const page = await spot('Zevra');
    const spotted = spottedWords(page.hits, 'zh').flat();
    expect(spotted).not.toContain('港口');
    expect(spotted).not.toContain('城市');
    const harbour = await spot('港口');
    expect(spottedWords(harbour.hits, 'en').flat()).not.toContain('Zevra');
  });

  it.skipIf(skip)('learns nothing from a single hit (here, a document’s only pair)', async () => {
    const elsewhere = await store.addDocument(pairsDocument('elsewhere', [['Zevra', '泽瓦']]));
    const options = { documentId: elsewhere };
    const page = await spotTranslations(await store.search('Zevra', options), 'Zevra', store, options);
    expect(spottedWords(page.hits, 'zh')).toEqual([[]]);
  });
});

describe.skipIf(!hasPostgres)('the PostgreSQL store beside the SQLite one', () => {
  const QUERIES = [
    '港',
    '港口',
    '湿地公园',
    'harbour',
    'Harbour port',
    '"the garden"',
    'of',
    'the',
    '的 garden',
  ];

  it('answers every search with the same page', async () => {
    const sqlite = new SqliteStore(new CorpusStore(freshFile()));
    const postgres = await PostgresStore.open(await freshDatabase());
    for (const document of documents) {
      await sqlite.addDocument(document);
      await postgres.addDocument(document);
    }
    for (const query of QUERIES) {
      for (const options of [{}, { stem: true }, { offset: 2, limit: 5 }]) {
        expect(await postgres.search(query, options), `${query} ${JSON.stringify(options)}`).toEqual(
          await sqlite.search(query, options),
        );
      }
    }
    await Promise.all([sqlite.close(), postgres.close()]);
  });

  it('exports exactly what SQLite exports for the same inputs, in every format', async () => {
    const url = await freshDatabase();
    const file = freshFile();
    const bitext = (...args: string[]) => {
      const run = spawnSync('node', ['bin/bitext.js', ...args], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return run;
    };
    bitext('import', ...INPUTS.flat(), '--db', file);
    bitext('import', ...INPUTS.flat(), '--db', url);
    for (const format of ['jsonl', 'json', 'tsv', 'moses', 'tmx', 'xliff', 'html']) {
      const out = (db: string) => {
        const folder = mkdtempSync(join(tmpdir(), 'bitext-export-'));
        bitext('export', '--db', db, '--to', format, '-o', folder);
        return Object.fromEntries(
          readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
        );
      };
      expect(out(url), format).toEqual(out(file));
    }
    const search = (db: string) => bitext('search', '港口', '--db', db).stdout;
    expect(search(url)).toEqual(search(file));
  }, 240_000);

  it('estimates a common query’s total from a sample in a large store, and counts a rare one', async () => {
    const rows: [string, string][] = Array.from({ length: 3000 }, (_, k) => [
      k % 600 === 0 ? `The lighthouse keeper wrote letter ${k}.` : `The tide came in for the ${k}th time.`,
      `潮水第${k}次涨起来了。`,
    ]);
    const url = await freshDatabase();
    const sampled = await PostgresStore.open(url, { sampleRows: 600 });
    const whole = await PostgresStore.open(url, { sampleRows: 10_000 });
    await sampled.addDocument(pairsDocument('tides', rows));
    const common = await sampled.search('the');
    expect(common.estimated).toBe(true);
    expect(common.total).toBeGreaterThan(2400);
    expect(common.total).toBeLessThan(3600);
    expect(await sampled.search('the', { offset: 50 })).toMatchObject({
      total: common.total,
      estimated: true,
    });
    expect(await whole.search('the')).toMatchObject({ total: 3000, more: false });
    expect((await whole.search('the')).estimated).toBeUndefined();
    const rare = await sampled.search('lighthouse');
    expect(rare.total).toBe(5);
    expect(rare.estimated).toBeUndefined();
    expect(common.hits.map((hit) => hit.pair.id)).toEqual(
      (await whole.search('the')).hits.map((hit) => hit.pair.id),
    );
    await Promise.all([sampled.close(), whole.close()]);
  });

  it('migrates a new database once, records its version, and refuses a newer one', async () => {
    const url = await freshDatabase();
    await Promise.all(
      [PostgresStore.open(url), PostgresStore.open(url)].map(async (opening) => (await opening).close()),
    );
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const versions = await client.query('SELECT version FROM bitext.migrations ORDER BY version');
    expect(versions.rows.map((row) => row.version)).toEqual(
      Array.from({ length: SCHEMA_VERSION }, (_, k) => k + 1),
    );
    await client.query('INSERT INTO bitext.migrations VALUES ($1)', [SCHEMA_VERSION + 1]);
    await client.end();
    await expect(PostgresStore.open(url)).rejects.toThrow(/newer than this bitext knows/);
  });

  it('keeps the password of a URL out of its messages', async () => {
    await expect(PostgresStore.open('postgres://someone:secret@127.0.0.1:1/none')).rejects.toThrow(
      /^cannot be opened as a corpus store/,
    );
    await PostgresStore.open('postgres://someone:secret@127.0.0.1:1/none').catch((error) => {
      expect(error.oneLine).toContain('postgres://someone:***@127.0.0.1:1/none');
      expect(error.oneLine).not.toContain('secret');
    });
  });
});
