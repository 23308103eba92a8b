import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitextError } from '../src/errors.js';
import { docxBlocks } from '../src/ingest/docx.js';
import { htmlBlocks } from '../src/ingest/html.js';
import { pdfBlocks } from '../src/ingest/pdf.js';
import { readDocuments } from '../src/read.js';
import { temporaryFolder } from './cli-run.js';

const folder = temporaryFolder('fuzz');

/** Longest any one input may take to read or be refused: a hang or a quadratic blow-up fails. */
const MAX_SECONDS_PER_INPUT = 10;

/** Runs a reader on one input: it may return, or throw the project's own error, and nothing else. */
async function readsOrRefuses(read: () => unknown): Promise<void> {
  const started = performance.now();
  try {
    await read();
  } catch (error) {
    if (!(error instanceof BitextError)) throw error;
  }
  expect((performance.now() - started) / 1000).toBeLessThan(MAX_SECONDS_PER_INPUT);
}

let fileCount = 0;
function fileWith(bytes: Uint8Array | string, extension: string): string {
  const path = join(folder, `input-${fileCount++}.${extension}`);
  writeFileSync(path, bytes);
  return path;
}

const words = fc.constantFrom(
  'The port',
  'opened',
  'new berths.',
  '港口',
  '启用了新泊位。',
  '2.01 million',
  '三亿五千万',
  '第一章',
  'Chapter 1',
  '|',
  '**',
  '#',
  '> ',
  '- ',
  '1. ',
  '---',
  '\n',
  '\n\n',
  '\t',
  '',
);
const markdown = fc.array(words, { maxLength: 300 }).map((parts) => parts.join(' '));

const TAGS = [
  'div',
  'p',
  'span',
  'table',
  'tr',
  'td',
  'b',
  'h1',
  'ul',
  'li',
  'br',
  'article',
  'nav',
  'ruby',
  'rt',
];
const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 5 }), fc.boolean())
      .map(([tag, children, closed]) => `<${tag}>${children.join('')}${closed ? `</${tag}>` : ''}`),
  ),
})).node;

/** Nesting as deep as fast-check cares to go, by repeating a random opening sequence. */
const deepHtml = fc
  .tuple(
    fc.array(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 4 }),
    fc.integer({ min: 1, max: 3000 }),
  )
  .map(
    ([tags, times]) =>
      `${tags
        .map((tag) => `<${tag}>`)
        .join('')
        .repeat(times)}The port 港口`,
  );

const RUNS = { numRuns: 40 };

describe('every reader takes any input: it reads it or refuses it in one line, in bounded time', () => {
  it('random bytes, as a text, PDF or Word file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('txt', 'md', 'pdf', 'docx', 'html'),
        async (bytes, extension) => {
          await readsOrRefuses(() => readDocuments([fileWith(bytes, extension)]));
        },
      ),
      RUNS,
    );
  });

  it('random bytes behind a PDF or a zip header, to the PDF and Word readers', async () => {
    const pdfHeader = Buffer.from('%PDF-1.7\n');
    const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        await readsOrRefuses(() => pdfBlocks(Buffer.concat([pdfHeader, bytes]), 'x.pdf'));
        await readsOrRefuses(() =>
          docxBlocks(Buffer.concat([zipHeader, bytes, Buffer.from('word/document.xml')]), 'x.docx'),
        );
      }),
      RUNS,
    );
  });

  it('random HTML nesting, shallow and deep', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(html, deepHtml), async (page) => {
        await readsOrRefuses(() => htmlBlocks(page, 'x.html'));
      }),
      RUNS,
    );
  });

  it('random Markdown, read through to sentences', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        await readsOrRefuses(() => readDocuments([fileWith(text, 'md')]));
      }),
      RUNS,
    );
  });
});

describe('long lines', () => {
  it('reads one line of 20,000 sentences in each language in bounded time, not the square of its length', async () => {
    const text = `${'The port grew. '.repeat(20_000)}\n\n${'港口增长了。'.repeat(20_000)}\n`;
    await readsOrRefuses(() => readDocuments([fileWith(text, 'txt')]));
  });
});
