import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { align, alignParagraphs } from '../../src/align/index.js';
import { countMatches, formatBead, parseAlignments, scoresOf } from '../../src/eval/index.js';

const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n');
const chinese = lines('test/fixtures/align/market.zh');
const english = lines('test/fixtures/align/market.en');
const gold = parseAlignments(readFileSync('test/fixtures/align/market.align', 'utf8'));

describe('align', () => {
  it('finds the translation units of a short story, one Chinese sentence to two English included', async () => {
    const beads = await align(chinese, english, { sourceLang: 'zh', targetLang: 'en' });
    const keys = beads.map(formatBead);
    expect(keys).toEqual(expect.arrayContaining(['[1]:[1,2]', '[4]:[5]', '[11]:[11,12]']));
    expect(scoresOf(countMatches(gold, beads)).f1).toBeGreaterThanOrEqual(0.85);
    for (const bead of beads) {
      expect(bead.score).toBeGreaterThanOrEqual(0);
      expect(bead.score).toBeLessThanOrEqual(1);
    }
  });

  // Known gap (issue #10, omissions): the learned scorer still lets an untranslated sentence
  // ride in its neighbour's bead, and calibration calls that bead likely right.
  it.fails('gives the sentence with no counterpart a low score', async () => {
    const beads = await align(chinese, english, { sourceLang: 'zh', targetLang: 'en' });
    const untranslated = beads.find((bead) => bead.source.includes(8));
    expect(untranslated?.target.length === 0 || (untranslated?.score ?? 1) < 0.35).toBe(true);
  });

  it('aligns in either direction and gives the same units', async () => {
    const forward = await align(chinese, english, { sourceLang: 'zh', targetLang: 'en' });
    const backward = await align(english, chinese, { sourceLang: 'en', targetLang: 'zh' });
    expect(backward.map((bead) => formatBead({ source: bead.target, target: bead.source }))).toEqual(
      forward.map(formatBead),
    );
  });

  it('is deterministic', async () => {
    const first = await align(chinese, english, { sourceLang: 'zh', targetLang: 'en' });
    const second = await align(chinese, english, { sourceLang: 'zh', targetLang: 'en' });
    expect(second).toEqual(first);
  });

  it('leaves every sentence unaligned when one side is empty', async () => {
    const beads = await align([], english.slice(0, 2), { sourceLang: 'zh', targetLang: 'en' });
    expect(beads.map(({ source, target }) => ({ source, target }))).toEqual([
      { source: [], target: [0] },
      { source: [], target: [1] },
    ]);
    expect(await align([], [], { sourceLang: 'zh', targetLang: 'en' })).toEqual([]);
  });

  it('copes with a side much longer than the other and with very long lines', async () => {
    const long = `${'这是一个很长的句子，'.repeat(5000)}。`;
    const beads = await align([long, ...chinese], english.slice(0, 3), {
      sourceLang: 'zh',
      targetLang: 'en',
    });
    expect(beads.flatMap((bead) => bead.source)).toEqual(
      Array.from({ length: chinese.length + 1 }, (_, i) => i),
    );
    expect(beads.flatMap((bead) => bead.target)).toEqual([0, 1, 2]);
  });

  it('refuses two sides in one language', async () => {
    await expect(align(english, english, { sourceLang: 'en', targetLang: 'en' })).rejects.toThrow(/both en/);
  });
});

describe('alignParagraphs', () => {
  /** The story's sentences cut into paragraphs of the given sizes. */
  const paragraphs = (sentences: readonly string[], sizes: readonly number[]): string[][] => {
    const starts = sizes.map((_, k) => sizes.slice(0, k).reduce((total, size) => total + size, 0));
    return sizes.map((size, k) => sentences.slice(starts[k], (starts[k] ?? 0) + size));
  };
  const chineseParagraphs = paragraphs(chinese, [3, 4, chinese.length - 7]);
  const englishParagraphs = paragraphs(english, [4, 4, english.length - 8]);

  it('finds the same sentence units as aligning the sentences alone, every sentence once and in order', async () => {
    const byParagraph = await alignParagraphs(chineseParagraphs, englishParagraphs);
    expect(byParagraph.flatMap((bead) => bead.source)).toEqual(chinese.map((_, i) => i));
    expect(byParagraph.flatMap((bead) => bead.target)).toEqual(english.map((_, j) => j));
    const alone = await align(chinese, english, { sourceLang: 'zh', targetLang: 'en' });
    expect(scoresOf(countMatches(gold, byParagraph)).f1).toBeGreaterThanOrEqual(
      scoresOf(countMatches(gold, alone)).f1 - 0.05,
    );
  });

  it('gives a paragraph without counterpart one bead of all its sentences, scored 0', async () => {
    const beads = await alignParagraphs([], englishParagraphs);
    expect(beads).toEqual([
      { source: [], target: [0, 1, 2, 3], score: 0 },
      { source: [], target: [4, 5, 6, 7], score: 0 },
      { source: [], target: english.slice(8).map((_, k) => 8 + k), score: 0 },
    ]);
  });
});
