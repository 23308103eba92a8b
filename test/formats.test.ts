import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, DOCX_LAYOUTS } from '../scripts/fixture-docx.js';
import { bilingualPage, pagePair } from '../scripts/fixture-pages.js';
import { buildPdf, cjkFontsInstalled, PDF_LAYOUTS } from '../scripts/fixture-pdf.js';
import { loadLexicon } from '../src/align/index.js';
import type { Lexicon } from '../src/align/lexicon.js';
import type { AlignedDocument, BilingualDocument } from '../src/model/document.js';
import { pairDocument } from '../src/pipeline/pairs.js';
import { readDocuments } from '../src/read.js';

const FIXTURE = 'test/fixtures/magazine/harbour-review.md';
/** Running heads and feet the fixture builders add to every page. */
const FURNITURE =
  /HARBOUR REVIEW|Harbour Review 港湾评论|港湾评论 ·|Spring 2025|春季号|Archive|版权所有|^[—\s\d]+$/;

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
let plain: BilingualDocument;
let expected: AlignedDocument;
const dir = mkdtempSync(join(tmpdir(), 'bitext-formats-'));

beforeAll(async () => {
  lexicon = await loadLexicon();
  [plain] = (await readDocuments([FIXTURE])).documents as [BilingualDocument];
  expected = await pairDocument(plain, lexicon);
});

/** Writes a built fixture's files (`both`, or `en` and `zh`), reads and aligns them as a user's files would be. */
async function alignBuilt(name: string, files: Record<string, Buffer | string>, extension: string) {
  const paths = Object.entries(files).map(([side, content]) => {
    const path = join(dir, side === 'both' ? `${name}.${extension}` : `${name}.${side}.${extension}`);
    writeFileSync(path, content);
    return path;
  });
  const { documents, failures } = await readDocuments(paths);
  expect(failures.map((failure) => failure.oneLine)).toEqual([]);
  const document = documents[0] as BilingualDocument;
  const withContents = Object.keys(files).includes('both') && document.toc.length > 0;
  const found = pairTexts(await pairDocument(document, lexicon), withContents);
  return { document, found, wanted: pairTexts(expected, withContents) };
}

async function expectSamePairs(name: string, files: Record<string, Buffer | string>, extension: string) {
  const { found, wanted } = await alignBuilt(name, files, extension);
  expect(found.filter((text) => text.split('\t').some((side) => FURNITURE.test(side)))).toEqual([]);
  expect(identicalShare(found, wanted)).toBeGreaterThanOrEqual(0.95);
}

describe.skipIf(!cjkFontsInstalled())(
  'a PDF of the fixture gives the pairs of its plain text (≥ 95% identical)',
  () => {
    it.each(PDF_LAYOUTS)('%s', async (layout) => {
      await expectSamePairs(`review-${layout}`, await buildPdf(plain, layout), 'pdf');
    });
  },
);

describe('a Word file of the fixture gives the pairs of its plain text (≥ 95% identical)', () => {
  it.each(DOCX_LAYOUTS)('%s', async (layout) => {
    await expectSamePairs(`review-${layout}`, await buildDocx(plain, layout), 'docx');
  });
});

describe('a web page of the fixture gives the pairs of its plain text (≥ 95% identical)', () => {
  it('one bilingual page', async () => {
    await expectSamePairs('review-page', { both: bilingualPage(plain) }, 'html');
  });

  it('a pair of pages', async () => {
    await expectSamePairs('review-pages', pagePair(plain), 'html');
  });
});
