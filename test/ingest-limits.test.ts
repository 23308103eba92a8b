import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { BitextError } from '../src/errors.js';
import { splitBlocks } from '../src/ingest/blocks.js';
import { decodeBytes, readFileBytes } from '../src/ingest/decode.js';
import { docxBlocks } from '../src/ingest/docx.js';
import { expandInputs } from '../src/ingest/folders.js';
import { htmlBlocks } from '../src/ingest/html.js';
import { readLimits } from '../src/ingest/limits.js';
import { pdfBlocks } from '../src/ingest/pdf.js';
import { readDocuments } from '../src/read.js';

const folder = mkdtempSync(join(tmpdir(), 'bitext-limits-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const EN = 'The port handled more cargo this year. Its new berths opened in March.';
const ZH = '今年港口的吞吐量有所增长。新泊位于三月启用。';

/** The error a call throws, which must be the project's own. */
async function refusal(run: () => unknown): Promise<BitextError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(BitextError);
    return error as BitextError;
  }
  throw new Error('expected a BitextError');
}

describe('web pages that would drive the reader into recursion or quadratic time', () => {
  it('refuses elements nested 5,000 deep in one line, and reads the good file beside it', async () => {
    const deep = join(folder, 'deep.html');
    writeFileSync(deep, `<p>${EN}</p><p>${ZH}</p>${'<span>'.repeat(5000)}x${'</span>'.repeat(5000)}`);
    const good = join(folder, 'good.html');
    writeFileSync(good, `<p>${EN}</p><p>${ZH}</p>`);
    const { documents, failures } = await readDocuments([deep, good]);
    expect(failures.map((failure) => failure.oneLine)).toEqual([
      `${deep}: nests elements more than 1000 deep, deeper than a readable page does`,
    ]);
    expect(documents).toHaveLength(1);
  });

  it('refuses a tag of more attributes than the limit before the parser checks them pairwise', () => {
    const attributes = Array.from({ length: 5000 }, (_, i) => `a${i}=1`).join(' ');
    expect(() => htmlBlocks(`<p ${attributes}>${EN}</p><p>${ZH}</p>`, 'attributes.html')).toThrow(
      'has a tag of about 5000 attributes, more than the 1000 a page is read with',
    );
  });

  it('reads nested tables in time that grows with their size, not its square', () => {
    const nested = (count: number) =>
      Array.from(
        { length: count },
        (_, i) => `<table><tr><td>row ${i} of the port</td><td>港口第${i}行`,
      ).join('');
    const started = performance.now();
    expect(htmlBlocks(nested(200), 'tables.html').length).toBeGreaterThan(200);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(() => htmlBlocks(nested(20_000), 'tables.html')).toThrow(/nests elements more than 1000 deep/);
  });

  it('refuses a deep page while it is parsed, before the parser searches its open elements at every tag', () => {
    const pages = {
      'closing tags with nothing to close': `${'<div>'.repeat(20_000)}${'</p>'.repeat(20_000)}`,
      'formatting tags that differ': Array.from({ length: 20_000 }, (_, i) => `<b id=${i}>`).join(''),
    };
    for (const [name, html] of Object.entries(pages)) {
      const started = performance.now();
      expect(() => htmlBlocks(html, `${name}.html`), name).toThrow(/nests elements more than 1000 deep/);
      expect(performance.now() - started, name).toBeLessThan(5_000);
    }
  });

  it('refuses formatting tags left open and made again in every paragraph, before they fill the memory', () => {
    const open = Array.from({ length: 900 }, (_, i) => `<b id=${i}>`).join('');
    const html = `<p>${open}${EN}</p>${`<p>${ZH}</p>`.repeat(2_000)}`;
    expect(() => htmlBlocks(html, 'reopened.html')).toThrow(
      'has formatting tags so misnested that reading it would build more elements than it has characters',
    );
  });

  it('counts attributes without values, and tags without an end, in one pass', () => {
    const bare = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' ');
    expect(() => htmlBlocks(`<p ${bare}>${EN}</p><p>${ZH}</p>`, 'bare.html')).toThrow(
      'has a tag of about 5000 attributes',
    );
    const started = performance.now();
    htmlBlocks(`<p>${EN}</p><p>${ZH}</p>${'<a'.repeat(200_000)}`, 'unended.html');
    htmlBlocks(`<p>${EN}</p><p>${ZH}</p><a${' '.repeat(100_000)}${'x'.repeat(100_000)}>`, 'spaces.html');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('Markdown that would drive the reader into recursion or quadratic time', () => {
  it('reads 30,000 headings without a blank line between them', () => {
    const headings = Array.from({ length: 30_000 }, (_, i) => `# Heading ${i}`).join('\n');
    expect(splitBlocks(headings, 'headings.md')).toHaveLength(30_000);
  });

  it('reads a long line of marks that open emphasis and never close it in time that grows with its length', () => {
    const started = performance.now();
    for (const mark of [' *a', ' __a']) splitBlocks(`${EN}${mark.repeat(100_000)}`, 'marks.md');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('Word files beyond the limits', () => {
  const paragraphs = (count: number) =>
    new Document({ sections: [{ children: Array.from({ length: count }, () => new Paragraph(EN)) }] });

  it('refuses one that expands past the limit from its zip directory, before unpacking it', async () => {
    const bytes = await Packer.toBuffer(paragraphs(20_000));
    const error = await refusal(() =>
      docxBlocks(bytes, 'bomb.docx', readLimits({ wordExpandedBytes: 1024 * 1024 })),
    );
    expect(error.oneLine).toMatch(
      /^bomb\.docx: expands to \d+(\.\d)? MB, more than the 1\.0 MB a Word file is read to$/,
    );
  });

  it('refuses one with more parts than the limit', async () => {
    const bytes = await Packer.toBuffer(paragraphs(1));
    const error = await refusal(() => docxBlocks(bytes, 'parts.docx', readLimits({ wordEntries: 3 })));
    expect(error.oneLine).toMatch(/^parts\.docx: holds \d+ parts, more than the 3 a Word file is read with$/);
  });

  it('refuses one of more XML elements than the limit, small as it is once unpacked, before the Word reader builds them', async () => {
    const bytes = await Packer.toBuffer(paragraphs(2_000));
    const error = await refusal(() =>
      docxBlocks(bytes, 'elements.docx', readLimits({ wordElements: 5_000 })),
    );
    expect(error.oneLine).toMatch(
      /^elements\.docx: holds about \d+ XML elements, more than the 5000 a Word file is read with$/,
    );
  });

  it('names one nested too deep for the Word reader as such, not as damaged', async () => {
    const nested = (depth: number): Table =>
      new Table({
        rows: [
          new TableRow({
            children: [new TableCell({ children: depth > 0 ? [nested(depth - 1)] : [new Paragraph(EN)] })],
          }),
        ],
      });
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [nested(500)] }] }));
    const error = await refusal(() => docxBlocks(bytes, 'nested.docx'));
    expect(error.oneLine).toBe('nested.docx: nests tables or other parts too deep to be read');
  });

  it('reads one within the limits', async () => {
    const blocks = await docxBlocks(await Packer.toBuffer(paragraphs(2)), 'small.docx');
    expect(blocks.map((block) => block.text)).toEqual([EN, EN]);
  });
});

describe('inputs that are not regular files, or too large', () => {
  it('refuses a device and a pipe before reading a byte', () => {
    expect(() => readFileBytes('/dev/zero')).toThrow('is a device, not a file: only regular files are read');
    expect(() => readFileBytes(folder)).toThrow('is a folder, not a file');
  });

  it('refuses a file larger than the limit', () => {
    const big = join(folder, 'big.txt');
    writeFileSync(big, 'x'.repeat(4096));
    expect(() => readFileBytes(big, readLimits({ inputBytes: 1024 }))).toThrow(
      'is 4.0 KB, more than the 1.0 KB an input may be',
    );
  });

  /** A PDF of pages of the given size, each with the text drawn `lines` times. */
  async function pdfOf(pages: number, lines = 1, size: [number, number] = [612, 792]): Promise<Buffer> {
    const pdf = new PDFDocument({ size });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise((resolve) => pdf.on('end', resolve));
    for (let page = 0; page < pages; page++) {
      if (page > 0) pdf.addPage({ size });
      for (let line = 0; line < lines; line++) pdf.text(`${EN} Page ${page + 1}.`, 72, 72);
    }
    pdf.end();
    await done;
    return Buffer.concat(chunks);
  }

  it('refuses a PDF of more pages than the limit', async () => {
    const error = await refusal(async () =>
      pdfBlocks(await pdfOf(3), 'long.pdf', readLimits({ pdfPages: 2 })),
    );
    expect(error.oneLine).toBe('long.pdf: has 3 pages, more than the 2 a PDF is read to');
  });

  it('refuses a PDF page that draws more pieces of text than the limit, counted as they stream', async () => {
    const error = await refusal(async () =>
      pdfBlocks(await pdfOf(1, 300), 'dense.pdf', readLimits({ pdfPageRuns: 100 })),
    );
    expect(error.oneLine).toMatch(
      /^dense\.pdf: draws \d+ pieces of text on page 1, more than the 100 a page is read with$/,
    );
  });

  it('refuses a PDF page larger than a PDF page can be, before laying out its text', async () => {
    const error = await refusal(async () => pdfBlocks(await pdfOf(1, 1, [1e7, 792]), 'wide.pdf'));
    expect(error.oneLine).toBe(
      'wide.pdf: has a page of 10000000 × 792 points, larger than a PDF page can be (14400)',
    );
  });
});

describe('folders with links and entries that cannot be read', () => {
  it('walks each real folder once, names broken and looping links, and lists the rest', () => {
    const root = join(folder, 'tree');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'a.txt'), EN);
    writeFileSync(join(root, 'sub', 'b.txt'), ZH);
    symlinkSync('.', join(root, 'self'));
    symlinkSync('..', join(root, 'sub', 'up'));
    symlinkSync('a.txt', join(root, 'again.txt'));
    symlinkSync('nowhere.txt', join(root, 'broken.txt'));
    symlinkSync('loop', join(root, 'loop'));
    const { files, failures } = expandInputs([root]);
    expect(files).toEqual([join(root, 'a.txt'), join(root, 'sub', 'b.txt')]);
    expect(failures).toEqual([
      `${join(root, 'broken.txt')}: no such file (skipped)`,
      `${join(root, 'loop')}: a link that leads back to itself (skipped)`,
    ]);
  });
});

describe('Japanese, Korean and mixed documents', () => {
  const JAPANESE = 'これは日本語の文章です。東京は日本の首都であり、多くの人々が住んでいます。';
  const KOREAN = '이것은 한국어 문장입니다. 서울은 대한민국의 수도이며 많은 사람들이 살고 있습니다.';

  it.each([
    ['Shift-JIS', iconv.encode(JAPANESE, 'shift_jis'), /is Japanese \(kana\) text \(shift_jis\)/],
    ['EUC-JP', iconv.encode(JAPANESE, 'euc-jp'), /is Japanese \(kana\) text \(euc-jp\)/],
    ['EUC-KR', iconv.encode(KOREAN, 'euc-kr'), /is Korean \(hangul\) text \(euc-kr\)/],
  ])('refuses %s bytes by their language rather than decoding them as GB18030', (_name, bytes, message) => {
    expect(() => decodeBytes(bytes, 'x.txt')).toThrow(message);
  });

  it('refuses ISO-2022-JP and ISO-2022-KR by their escapes, not as binary files', () => {
    // こんにちは in ISO-2022-JP, and 안녕 in ISO-2022-KR, as the escapes and bytes those encodings write.
    const japanese = Buffer.from('\x1b$B$3$s$K$A$O\x1b(B\n', 'latin1');
    const korean = Buffer.from('\x1b$)C\x0e>H3g\x0f\n', 'latin1');
    expect(() => decodeBytes(japanese, 'x.txt')).toThrow('is Japanese (iso-2022-jp) text');
    expect(() => decodeBytes(korean, 'x.txt')).toThrow('is Korean (iso-2022-kr) text');
  });

  it('reads UTF-16 without a byte order mark when its text is mostly Chinese', () => {
    const text = `${ZH.repeat(4)}\nThe port opened.\n`;
    for (const encoding of ['utf-16be', 'utf-16le'])
      expect(decodeBytes(iconv.encode(text, encoding), 'x.txt')).toEqual({ text, encoding });
  });

  it.each([
    ['Japanese', JAPANESE, 'is Japanese (kana) text: bitext aligns English with Chinese only'],
    ['Korean', KOREAN, 'is Korean (hangul) text: bitext aligns English with Chinese only'],
  ])('refuses %s in UTF-8', async (name, text, message) => {
    const path = join(folder, `${name}.txt`);
    writeFileSync(path, `${EN}\n\n${text}\n`);
    const { failures } = await readDocuments([path]);
    expect(failures.map((failure) => failure.oneLine)).toEqual([`${path}: ${message}`]);
  });

  it('calls one English sentence among much Chinese mixed, not only Chinese', async () => {
    const path = join(folder, 'mixed.txt');
    writeFileSync(path, `${ZH.repeat(7)}\n\nThe port opened new berths.\n\n${ZH.repeat(2)}\n`);
    const { failures } = await readDocuments([path]);
    expect(failures.map((failure) => failure.oneLine)).toEqual([
      `${path}: is mixed: mostly Chinese, with little English (5 English words), too little to align, and no counterpart file (name them x.en.txt and x.zh.txt)`,
    ]);
  });
});
