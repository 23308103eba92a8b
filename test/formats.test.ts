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
import { pairDocument } from '../src/pairs/pairs.js';
import { readDocuments } from '../src/read.js';
import { unavailable } from './requirements.js';

const FIXTURES = [
  'test/fixtures/magazine/harbour-review.md',
  'test/fixtures/magazine/coastal-notes.md',
  'test/fixtures/magazine/night-markets.md',
];
/** Running heads and feet the fixture builders add to every page. */
const FURNITURE =
  /HARBOUR REVIEW|Harbour Review 港湾评论|港湾评论 ·|Spring 2025|春季号|Archive|版权所有|^[—\s\d]+$/;

type Built = Record<string, Buffer | string>;

/** The pairs as text: contents entries, header fields, body and source lines, with their roles. */
function pairTexts(document: AlignedDocument): string[] {
  return document.pairs.map((pair) => `${pair.role}\t${pair.en}\t${pair.zh}`);
}

/** The warnings as code and message, without the place (line numbers differ between formats). */
function warningTexts(document: AlignedDocument): string[] {
  return [...document.warnings, ...document.articles.flatMap((article) => article.warnings)].map(
    (warning) => `${warning.code}: ${warning.message}`,
  );
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

  /**
   * Exactly the plain text's pairs (contents, header fields, body, source lines) and its
   * warnings; no running head or page number in any pair.
   */
  async function expectSamePairs(layout: string, build: () => Promise<Built> | Built, extension: string) {
    const files = await build();
    const found = await alignBuilt(`${name}-${layout}`, files, extension);
    const texts = pairTexts(found);
    expect(texts.filter((text) => text.split('\t').some((side) => FURNITURE.test(side)))).toEqual([]);
    expect(texts).toEqual(pairTexts(expected));
    expect(warningTexts(found)).toEqual(warningTexts(expected));
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
