import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, DOCX_LAYOUTS } from '../scripts/fixture-docx.js';
import { bilingualPage, pagePair } from '../scripts/fixture-pages.js';
import { buildPdf, cjkFontsInstalled, PDF_LAYOUTS } from '../scripts/fixture-pdf.js';
import { loadLexicon } from '../src/align/index.js';
import type { Lexicon } from '../src/align/lexicon.js';
import type { AlignedDocument, BilingualDocument } from '../src/model/document.js';
import { pairDocument } from '../src/pipeline/pairs.js';
import { readDocuments } from '../src/read.js';
import { unavailable } from './requirements.js';

const FIXTURES = ['test/fixtures/magazine/harbour-review.md', 'test/fixtures/magazine/coastal-notes.md'];
/** Running heads and feet the fixture builders add to every page. */
const FURNITURE =
  /HARBOUR REVIEW|Harbour Review 港湾评论|港湾评论 ·|Spring 2025|春季号|Archive|版权所有|^[—\s\d]+$/;

type Built = Record<string, Buffer | string>;

/** The pairs as text, with or without the contents entries (a pair of files carries no contents). */
function pairTexts(document: AlignedDocument, withContents: boolean): string[] {
  return document.pairs
    .filter((pair) => withContents || pair.role !== 'toc')
    .map((pair) => `${pair.en ?? ''}\t${pair.zh ?? ''}`);
}

function identicalShare(found: string[], expected: string[]): number {
  const wanted = new Set(expected);
  return found.filter((text) => wanted.has(text)).length / expected.length;
}

let lexicon: Lexicon;
const dir = mkdtempSync(join(tmpdir(), 'bitext-formats-'));

beforeAll(async () => {
  lexicon = await loadLexicon();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a built fixture's files (`both`, or `en` and `zh`), then reads and aligns them as a user's files. */
async function alignBuilt(name: string, files: Built, extension: string): Promise<AlignedDocument> {
  const paths = Object.entries(files).map(([side, content]) => {
    const path = join(dir, side === 'both' ? `${name}.${extension}` : `${name}.${side}.${extension}`);
    writeFileSync(path, content);
    return path;
  });
  const { documents, failures } = await readDocuments(paths);
  expect(failures.map((failure) => failure.oneLine)).toEqual([]);
  return pairDocument(documents[0] as BilingualDocument, lexicon);
}

describe.each(FIXTURES)('the PDF, Word and HTML versions of %s', (fixture) => {
  let plain: BilingualDocument;
  let expected: AlignedDocument;
  const name = basename(fixture, '.md');

  beforeAll(async () => {
    [plain] = (await readDocuments([fixture])).documents as [BilingualDocument];
    expected = await pairDocument(plain, lexicon);
  });

  /** ≥ 95% of the plain text's pairs come out identical, and no running head or page number is in any pair. */
  async function expectSamePairs(layout: string, build: () => Promise<Built> | Built, extension: string) {
    const files = await build();
    const found = await alignBuilt(`${name}-${layout}`, files, extension);
    const withContents = found.toc.length > 0;
    const texts = pairTexts(found, withContents);
    expect(texts.filter((text) => text.split('\t').some((side) => FURNITURE.test(side)))).toEqual([]);
    expect(identicalShare(texts, pairTexts(expected, withContents))).toBeGreaterThanOrEqual(0.95);
  }

  it.skipIf(unavailable({ 'CJK fonts (fonts-noto-cjk)': cjkFontsInstalled() })).each(PDF_LAYOUTS)(
    'PDF, %s',
    async (layout) => {
      await expectSamePairs(layout, () => buildPdf(plain, layout), 'pdf');
    },
  );

  it.each(DOCX_LAYOUTS)('Word, %s', async (layout) => {
    await expectSamePairs(layout, () => buildDocx(plain, layout), 'docx');
  });

  it('HTML, one bilingual page', async () => {
    await expectSamePairs('page', () => ({ both: bilingualPage(plain) }), 'html');
  });

  it('HTML, a pair of pages', async () => {
    await expectSamePairs('pages', () => pagePair(plain), 'html');
  });
});
