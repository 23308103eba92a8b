import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/align/index.js';
import { pairDocument } from '../src/pairs/pairs.js';
import { readDocuments } from '../src/read.js';
import { CorpusStore, type SearchHit, type SearchOptions } from '../src/store/index.js';
import { parseQuery } from '../src/store/search.js';
import { spotTranslations } from '../src/store/spotting.js';
import { pairsDocument } from './pairs-fixture.js';

const CHARTER = pairsDocument('charter', [
  ['The Charter of Human Rights', '人权宪章', 'title'],
  ['Of all rights, the right to life comes first.', '在所有权利中，生命权居首。'],
  ['His father often spoke of the harbour.', '他的父亲常常谈起港口。'],
  ['Human rights are universal; human dignity is too.', '人权具有普遍性，人的尊严也是如此。'],
  ['Cooperation between the two ports grew.', '两个港口之间的合作不断加深。'],
  ['We cooperate with scientists.', '我们与科学家合作。'],
  ['A café by the harbour.', '港口边的一家咖啡馆。'],
]);
const HARBOUR = pairsDocument('harbour', [
  ['The harbour is green; the harbour is busy.', '港口绿色，港口繁忙。'],
  ['Right of way at the harbour gate.', '港口大门的通行权。', 'source'],
]);

const store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-search-')), 'corpus.db'));
const charterId = store.addDocument(CHARTER);
const harbourId = store.addDocument(HARBOUR);
afterAll(() => store.close());

const english = (query: string, options: SearchOptions = {}) =>
  store.search(query, options).hits.map((hit) => hit.pair.en);
const marked = (hit: SearchHit | undefined, lang: 'en' | 'zh', spans = hit?.matches[lang] ?? []) =>
  spans.map(([start, end]) => hit?.pair[lang].slice(start, end));

describe('parsing a query', () => {
  it('makes quoted phrases, words and Chinese strings its terms, whatever the spaces', () => {
    expect(parseQuery('  "Human  Rights"   of  港口 ')).toEqual([
      { lang: 'en', words: ['human', 'rights'] },
      { lang: 'en', words: ['of'] },
      { lang: 'zh', text: '港口' },
    ]);
    expect(parseQuery(' " ')).toEqual([]);
  });
});

describe('English search', () => {
  it('matches whole words only: "the" is not found in "father" or "other"', () => {
    const hits = store.search('the').hits;
    const father = hits.find((hit) => hit.pair.en.startsWith('His father'));
    expect(marked(father, 'en')).toEqual(['the']);
    expect(english('fat')).toEqual([]);
  });

  it('is case-blind for short and long words alike', () => {
    expect(english('of')).toEqual(english('Of'));
    expect(english('OF')).toHaveLength(4);
    expect(english('HARBOUR')).toEqual(english('harbour'));
  });

  it('highlights every occurrence, not only the first', () => {
    const [hit] = store.search('harbour', { documentId: harbourId }).hits;
    expect(hit?.matches.en).toEqual([
      [4, 11],
      [26, 33],
    ]);
  });

  it('finds a quoted phrase only as its words in a row', () => {
    expect(english('"human rights"')).toEqual([
      'The Charter of Human Rights',
      'Human rights are universal; human dignity is too.',
    ]);
    expect(english('"rights human"')).toEqual([]);
    const [, universal] = store.search('"human rights"').hits;
    expect(marked(universal, 'en')).toEqual(['Human rights']);
  });

  it('needs every word of several, in any order and with any spacing', () => {
    expect(english('harbour   father')).toEqual(['His father often spoke of the harbour.']);
    expect(english('father cooperation')).toEqual([]);
  });

  it('matches by stem when asked: right finds rights, and rights finds right', () => {
    expect(english('right')).toEqual([
      'Of all rights, the right to life comes first.',
      'Right of way at the harbour gate.',
    ]);
    expect(english('right', { stem: true })).toHaveLength(4);
    const [charter] = store.search('rights', { stem: true }).hits;
    expect(marked(charter, 'en')).toEqual(['Rights']);
    expect(english('rights', { stem: true })).toContain('Right of way at the harbour gate.');
  });

  it('ignores accents as the index does: cafe finds café', () => {
    const [hit] = store.search('cafe').hits;
    expect(marked(hit, 'en')).toEqual(['café']);
  });
});

describe('Chinese search', () => {
  it('matches substrings of one, two or more characters, each occurrence marked', () => {
    expect(store.search('权').total).toBe(4);
    const harbour = store.search('港口', { documentId: harbourId }).hits;
    expect(marked(harbour[0], 'zh')).toEqual(['港口', '港口']);
    expect(store.search('人权宪章').hits.map((hit) => hit.pair.en)).toEqual(['The Charter of Human Rights']);
  });

  it('needs every term, and mixes with English words', () => {
    expect(store.search('港口 合作').total).toBe(1);
    expect(store.search('港口 father').hits.map((hit) => hit.pair.zh)).toEqual(['他的父亲常常谈起港口。']);
  });
});

describe('filters, paging and documents', () => {
  it('filters by document and by role', () => {
    expect(store.search('harbour', { documentId: charterId }).total).toBe(2);
    expect(store.search('港口', { role: 'source' }).hits.map((hit) => hit.pair.id)).toEqual(['p1']);
    expect(store.search('人权', { role: 'title' }).total).toBe(1);
  });

  it('filters and pages a query of both languages in stored order', () => {
    const all = store.search('港口 harbour');
    expect(all.hits.map((hit) => hit.pair.en)).toEqual([
      'His father often spoke of the harbour.',
      'A café by the harbour.',
      'The harbour is green; the harbour is busy.',
      'Right of way at the harbour gate.',
    ]);
    expect(store.search('港口 harbour', { offset: 1, limit: 2 })).toMatchObject({ total: 4, more: false });
    expect(store.search('港口 harbour', { offset: 1, limit: 2 }).hits).toEqual(all.hits.slice(1, 3));
    expect(store.search('港口 harbour', { documentId: harbourId }).total).toBe(2);
    expect(store.search('harbour 港口', { role: 'source' }).hits.map((hit) => hit.pair.id)).toEqual(['p1']);
  });

  it('pages through the hits with the total, naming each hit’s document', () => {
    const all = store.search('港口');
    expect(all.total).toBe(5);
    const first = store.search('港口', { limit: 2 });
    const second = store.search('港口', { limit: 2, offset: 2 });
    const third = store.search('港口', { limit: 2, offset: 4 });
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect([...first.hits, ...second.hits, ...third.hits]).toEqual(all.hits);
    expect(third.hits.map((hit) => [hit.documentName, hit.pair.id])).toEqual([['harbour', 'p1']]);
    expect(all.hits[0]?.documentName).toBe('charter');
  });

  it('finds nothing for an empty query', () => {
    expect(store.search('   ')).toEqual({ total: 0, more: false, offset: 0, hits: [] });
  });

  it('follows edits: a merged pair is found by the words of both, and undo restores the two', async () => {
    const edited = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-search-')), 'corpus.db'));
    const [read] = (await readDocuments(['test/fixtures/magazine/harbour-review.md'])).documents;
    if (!read) throw new Error('fixture not read');
    const id = edited.addDocument(await pairDocument(read, await loadLexicon()));
    const [welcome] = edited.search('"welcome to donggang"').hits;
    const next = edited.search('containers').hits[0]?.pair.en ?? '';
    expect(edited.search('welcome containers').total).toBe(0);
    const rows = edited.rows(id);
    const at = rows.findIndex((row) => row.id === welcome?.rowId);
    const seen = (row = rows[at]) => ({ id: row?.id ?? 0, version: row?.version ?? 0 });
    await edited.editor().mergeWithNext(seen(), seen(rows[at + 1]), 'tester');
    expect(edited.search('welcome containers').hits.map((hit) => hit.pair.en)).toEqual([
      `${welcome?.pair.en} ${next}`,
    ]);
    edited.editor().undo(id);
    expect(edited.search('welcome containers').total).toBe(0);
    expect(edited.search('containers').hits.map((hit) => hit.pair.en)).toEqual([next]);
    edited.close();
  });
});

describe('translation spotting', () => {
  it('marks the English the dictionary gives for a Chinese query', async () => {
    const page = await spotTranslations(store.search('合作'), '合作', store);
    const [ports, scientists] = page.hits;
    expect(marked(ports, 'en', ports?.spotted.en)).toEqual(['Cooperation']);
    expect(marked(scientists, 'en', scientists?.spotted.en)).toEqual(['cooperate']);
  });

  it('marks the Chinese the dictionary gives for an English query', async () => {
    const page = await spotTranslations(store.search('ports'), 'ports', store);
    const [ports] = page.hits;
    expect(marked(ports, 'zh', ports?.spotted.zh)).toEqual(['港口']);
    const father = await spotTranslations(store.search('father'), 'father', store);
    expect(marked(father.hits[0], 'zh', father.hits[0]?.spotted.zh)).toEqual(['父亲']);
  });
});
