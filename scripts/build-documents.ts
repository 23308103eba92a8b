/**
 * `npm run documents [-- OUT]`: writes the magazine fixtures as the documents users hold,
 * in every layout bitext reads (PDF, Word, web pages), to OUT (default
 * `bitext-out/documents`), for trying bitext on them or looking at what the tests read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BilingualDocument } from '../src/model/document.js';
import { readDocuments } from '../src/read.js';
import { buildDocx, DOCX_LAYOUTS } from './fixture-docx.js';
import { bilingualPage, pagePair } from './fixture-pages.js';
import { buildPdf, cjkFontsInstalled, PDF_LAYOUTS } from './fixture-pdf.js';

const FIXTURES = ['test/fixtures/magazine/harbour-review.md', 'test/fixtures/magazine/coastal-notes.md'];
const out = process.argv[2] ?? 'bitext-out/documents';
mkdirSync(out, { recursive: true });

/** Writes `name.ext`, or `name.en.ext` and `name.zh.ext` for a pair. */
function write(name: string, extension: string, files: Record<string, Buffer | string>): void {
  for (const [side, content] of Object.entries(files)) {
    const path = join(out, side === 'both' ? `${name}.${extension}` : `${name}.${side}.${extension}`);
    writeFileSync(path, content);
    console.log(`wrote ${path}`);
  }
}

for (const fixture of FIXTURES) {
  const [document] = (await readDocuments([fixture])).documents as [BilingualDocument];
  const name = basename(fixture, '.md');
  if (cjkFontsInstalled()) {
    for (const layout of PDF_LAYOUTS) write(`${name}-${layout}`, 'pdf', await buildPdf(document, layout));
  } else console.log('fonts-noto-cjk is not installed: no PDFs');
  for (const layout of DOCX_LAYOUTS) write(`${name}-${layout}`, 'docx', await buildDocx(document, layout));
  write(`${name}-page`, 'html', { both: bilingualPage(document) });
  write(`${name}-pages`, 'html', pagePair(document));
}
