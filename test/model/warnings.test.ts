import { describe, expect, it } from 'vitest';
import type { BilingualDocument, Diagnostic, Paragraph } from '../../src/model/document.js';
import { listWarnings } from '../../src/model/warnings.js';
import { readDocuments } from '../../src/read.js';
import { emptyArticle } from '../../src/structure/shared.js';

const FIXTURE = 'test/fixtures/warnings/kept-aside.md';

async function readFixture(): Promise<BilingualDocument> {
  const [document] = (await readDocuments([FIXTURE])).documents;
  if (!document) throw new Error(`${FIXTURE} not read`);
  return document;
}

function paragraph(id: string, firstLine: number, warnings: Diagnostic[] = []): Paragraph {
  return {
    id,
    kind: 'body',
    text: 'x',
    sentences: [{ id: `${id}.s0`, text: 'x', start: 0 }],
    sources: [{ file: 'f.txt', firstLine, lastLine: firstLine }],
    warnings,
  } as Paragraph;
}

describe('listWarnings', () => {
  it('places text kept aside next to the paragraph that follows it', async () => {
    const [warning, ...others] = listWarnings(await readFixture());
    expect(others).toEqual([]);
    expect(warning).toMatchObject({
      code: 'unplaced-text',
      article: 0,
      at: { file: FIXTURE, firstLine: 7 },
      nearSentence: 'a0.en.p1.s0',
    });
  });

  it('lists the document’s warnings, then each article’s, then its paragraphs’, in reading order', () => {
    const truncated: Diagnostic = { code: 'truncated', message: 'ends mid-sentence' };
    const aside = (line: number): Diagnostic => ({
      code: 'unplaced-text',
      message: `aside at ${line}`,
      at: { file: 'f.txt', firstLine: line, lastLine: line },
    });
    const article = (index: number, first: number) => ({
      ...emptyArticle(index),
      paragraphs: {
        en: [paragraph(`a${index}.en.p0`, first, [truncated])],
        zh: [paragraph(`a${index}.zh.p0`, first + 2)],
      },
      warnings: [aside(first + 1)],
    });
    const listed = listWarnings({ warnings: [aside(100)], articles: [article(0, 10), article(1, 20)] });
    expect(listed.map((warning) => [warning.article, warning.message, warning.nearSentence])).toEqual([
      [null, 'aside at 100', 'a1.zh.p0.s0'],
      [0, 'aside at 11', 'a0.zh.p0.s0'],
      [0, 'ends mid-sentence', 'a0.en.p0.s0'],
      [1, 'aside at 21', 'a1.zh.p0.s0'],
      [1, 'ends mid-sentence', 'a1.en.p0.s0'],
    ]);
  });

  it('names no sentence when the document has none', () => {
    const listed = listWarnings({ warnings: [{ code: 'one-sided', message: 'only English' }], articles: [] });
    expect(listed).toEqual([
      { code: 'one-sided', message: 'only English', article: null, nearSentence: null },
    ]);
  });
});
