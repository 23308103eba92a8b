import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bilingualPage, pagePair } from '../scripts/fixture-pages.js';
import { loadLexicon } from '../src/align/index.js';
import { htmlBlocks } from '../src/ingest/html.js';
import type { AlignedDocument, BilingualDocument } from '../src/model/document.js';
import { pairDocument } from '../src/pipeline/pairs.js';
import { readDocuments } from '../src/read.js';

describe('reading a web page', () => {
  it('keeps headings, bold lines, paragraphs and table cells, and drops page furniture', () => {
    const blocks = htmlBlocks(
      `<html><body><nav>Home 首页</nav><h1>Title</h1><p><b>March 18, 2025</b></p><p>One<br>line.</p>
       <table><tr><td>Left.</td><td>右。</td></tr></table><footer>© 2025</footer><script>x()</script></body></html>`,
      'page.html',
    );
    expect(blocks.map((block) => [block.markup, block.text])).toEqual([
      ['heading', 'Title'],
      ['bold', 'March 18, 2025'],
      ['plain', 'One line.'],
      ['plain', 'Left.'],
      ['plain', '右。'],
    ]);
  });
});

/** The pairs as text, leaving out table-of-contents entries (the pages carry no contents). */
function pairTexts(document: AlignedDocument): string[] {
  return document.pairs.filter((pair) => pair.role !== 'toc').map((pair) => `${pair.en}\t${pair.zh}`);
}

function share(found: string[], expected: string[]): number {
  const wanted = new Set(expected);
  return found.filter((text) => wanted.has(text)).length / expected.length;
}

describe('the HTML versions of a fixture give the pairs of its plain-text version', async () => {
  const lexicon = await loadLexicon();
  const [plain] = readDocuments(['test/fixtures/magazine/harbour-review.md']).documents as [
    BilingualDocument,
  ];
  const expected = pairTexts(await pairDocument(plain, lexicon));
  const dir = mkdtempSync(join(tmpdir(), 'bitext-html-'));

  it('from one bilingual page (≥ 95% identical pairs)', async () => {
    writeFileSync(join(dir, 'review.html'), bilingualPage(plain));
    const [document] = readDocuments([join(dir, 'review.html')]).documents;
    expect(document?.source.reader).toBe('magazine');
    expect(
      share(pairTexts(await pairDocument(document as BilingualDocument, lexicon)), expected),
    ).toBeGreaterThanOrEqual(0.95);
  });

  it('from a pair of pages (≥ 95% identical pairs), with no furniture in any pair', async () => {
    const pages = pagePair(plain);
    writeFileSync(join(dir, 'review.en.html'), pages.en);
    writeFileSync(join(dir, 'review.zh.html'), pages.zh);
    const [document] = readDocuments([join(dir, 'review.en.html'), join(dir, 'review.zh.html')]).documents;
    expect(document?.source.reader).toBe('pair');
    const pairs = pairTexts(await pairDocument(document as BilingualDocument, lexicon));
    expect(pairs.some((text) => /Archive|版权所有|Harbour Review ·/.test(text))).toBe(false);
    expect(share(pairs, expected)).toBeGreaterThanOrEqual(0.95);
  });
});
