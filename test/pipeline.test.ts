import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/align/index.js';
import type { AlignedDocument } from '../src/model/document.js';
import { distinctNames } from '../src/model/names.js';
import { chineseNamesInEnglish, flagsOf } from '../src/pairs/flags.js';
import { pairDocument } from '../src/pairs/pairs.js';
import { readDocuments } from '../src/read.js';
import { goldenPairCases, pairsAsJson } from './golden.js';

async function harbour(): Promise<AlignedDocument> {
  const [document] = (await readDocuments(['test/fixtures/magazine/harbour-review.md'])).documents;
  if (!document) throw new Error('fixture not read');
  return pairDocument(document, await loadLexicon());
}

describe('golden pair files (npx tsx scripts/update-golden.ts rewrites them)', () => {
  for (const { name, input, golden } of goldenPairCases()) {
    it(name, async () => {
      expect(await pairsAsJson(input)).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

describe('pairing a magazine', () => {
  it('gives every translated unit a role, in reading order', async () => {
    const { pairs } = await harbour();
    expect(pairs.slice(0, 7).map((pair) => pair.role)).toEqual([
      'toc',
      'toc',
      'toc',
      'title',
      'subtitle',
      'byline',
      'date',
    ]);
    expect(pairs.find((pair) => pair.role === 'source')).toMatchObject({
      en: '(Source: Donggang Municipal Government)',
      zh: '（来源：东港市人民政府）',
    });
  });

  it('groups the sentences that translate each other into one pair', async () => {
    const { pairs } = await harbour();
    expect(pairs).toContainEqual(
      expect.objectContaining({
        role: 'body',
        en: 'We owe them a port that is both prosperous and clean, and we intend to build it with a sense of urgency that matches the scale of the task.',
        zh: '我们要为他们建设一个既繁荣又清洁的港口，也决心在未来五年内把这件大事办成、办好。',
        enIds: ['a0.en.p1.s3'],
        zhIds: ['a0.zh.p1.s3'],
      }),
    );
  });

  it('makes text without counterpart a one-sided pair, and marks the truncated one', async () => {
    const { pairs } = await harbour();
    const oneSided = pairs.filter((pair) => pair.flags.includes('one-sided'));
    expect(oneSided.map((pair) => pair.zh)).toEqual([
      '一、阅览室每周开放六天。',
      '二、志愿者负责图书的登记与借还，每月组织一次读书会，邀请',
    ]);
    expect(oneSided[1]?.flags).toContain('truncated');
  });

  it('keeps every score in [0, 1] and every sentence in exactly one pair', async () => {
    const document = await harbour();
    for (const pair of document.pairs) {
      expect(pair.score).toBeGreaterThanOrEqual(0);
      expect(pair.score).toBeLessThanOrEqual(1);
    }
    const sentenceIds = document.articles.flatMap((article) =>
      (['en', 'zh'] as const).flatMap((lang) =>
        article.paragraphs[lang].flatMap((p) => p.sentences.map((s) => s.id)),
      ),
    );
    const paired = document.pairs.flatMap((pair) => [...pair.enIds, ...pair.zhIds]);
    expect([...paired].sort()).toEqual([...sentenceIds].sort());
  });
});

describe('flags', () => {
  it('marks a number written in digits that the other side lacks', () => {
    expect(flagsOf('Nearly 30,000 people came.', '近3万人来了。', 0.8, false)).toEqual([]);
    expect(flagsOf('Nearly 40,000 people came.', '近3万人来了。', 0.8, false)).toEqual(['number-mismatch']);
    expect(flagsOf('COVID-19 spread.', '新冠疫情蔓延。', 0.8, false)).toEqual([]);
  });

  it('marks a Chinese name the other side does not carry', () => {
    expect(chineseNamesInEnglish('H.E. Li Qiang met Mr. Adams at Long Beach.')).toEqual(['liqiang']);
    expect(flagsOf('Li Qiang spoke.', '李强讲话。', 0.8, false)).toEqual([]);
    expect(flagsOf('Li Qiang spoke.', '赵乐际讲话。', 0.8, false)).toEqual(['name-mismatch']);
  });

  it('marks low confidence and one-sided pairs', () => {
    expect(flagsOf('Hello.', '再见。', 0.1, false)).toEqual(['low-confidence']);
    expect(flagsOf('', '再见。', 0, true)).toEqual(['one-sided', 'truncated']);
  });
});

describe('names of documents written side by side', () => {
  it('keeps each name, and tells shared ones apart by extension, then by number', () => {
    expect(
      distinctNames(['in/a.md', 'in/b.en.txt', 'in/review.pdf', 'in/review.docx', 'x/c.txt', 'y/c.txt']),
    ).toEqual(['a', 'b', 'review-pdf', 'review-docx', 'c-txt-1', 'c-txt-2']);
  });
});
