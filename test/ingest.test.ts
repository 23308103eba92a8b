import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/ingest/decode.js';
import { readDocuments } from '../src/read.js';
import { temporaryFolder } from './cli-run.js';

/** Every folder a test makes is inside this one, removed after the file's tests. */
const TEMPORARY = temporaryFolder('ingest');

const SIMPLIFIED = '保护和促进人权是全人类的共同事业。我们要坚持人民至上。';
const TRADITIONAL = '保護和促進人權是全人類的共同事業。我們要堅持人民至上。';

describe('decoding the encodings users have', () => {
  it.each([
    ['utf-8', Buffer.from(SIMPLIFIED, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED)]), 'utf-8'],
    [
      'utf-16le with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SIMPLIFIED, 'utf-16le')]),
      'utf-16le',
    ],
    [
      'utf-16be with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SIMPLIFIED, 'utf-16be')]),
      'utf-16be',
    ],
    ['gb18030', iconv.encode(SIMPLIFIED, 'gb18030'), 'gb18030'],
    ['gbk', iconv.encode(SIMPLIFIED, 'gbk'), 'gb18030'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeBytes(bytes)).toEqual({ text: SIMPLIFIED, encoding });
  });

  it('big5, keeping Traditional characters as written', () => {
    expect(decodeBytes(iconv.encode(TRADITIONAL, 'big5'))).toEqual({ text: TRADITIONAL, encoding: 'big5' });
  });

  it('utf-16 without a BOM', () => {
    const text = 'Human rights. 人权。';
    expect(decodeBytes(iconv.encode(text, 'utf-16le')).text).toBe(text);
  });

  it('refuses binary data', () => {
    expect(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), 'x.png')).toThrow(
      'is a binary file, not text',
    );
  });
});

function tempFiles(files: Record<string, string | Buffer>): string[] {
  const dir = mkdtempSync(join(TEMPORARY, 'bitext-ingest-'));
  return Object.entries(files).map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  });
}

const failuresOf = async (paths: string[]) =>
  (await readDocuments(paths)).failures.map((failure) => failure.oneLine);

describe('reading inputs', () => {
  it('records Traditional Chinese and keeps it as written', async () => {
    const paths = tempFiles({
      'a.en.txt': 'Human rights are a common cause.',
      'a.zh.txt': iconv.encode(TRADITIONAL, 'big5'),
    });
    const [document] = (await readDocuments(paths)).documents;
    expect(document?.source.chineseScript).toBe('traditional');
    expect(document?.source.encodings).toEqual(['utf-8', 'big5']);
    expect(document?.articles[0]?.paragraphs.zh[0]?.text).toBe(TRADITIONAL);
  });

  it('pairs monolingual files by name and reads the rest', async () => {
    const paths = tempFiles({
      'b.en.txt': 'It rained.\n\nThen it stopped.',
      'b.zh.txt': '下雨了。\n\n后来雨停了。',
      'c.en.txt': 'Alone.',
    });
    const { documents, failures } = await readDocuments(paths);
    expect(documents).toHaveLength(1);
    expect(documents[0]?.source.reader).toBe('pair');
    expect(failures.map((f) => f.oneLine)).toEqual([
      expect.stringMatching(/c\.en\.txt: has only English text and no counterpart/),
    ]);
  });

  it('pairs files of one kind: x.en.txt with x.zh.txt, x.en.md with x.zh.md', async () => {
    const paths = tempFiles({
      'f.en.txt': 'It rained.',
      'f.zh.txt': '下雨了。',
      'f.en.md': '# Rain\n\nIt rained.',
      'f.zh.md': '# 雨\n\n下雨了。',
    });
    const { documents, failures } = await readDocuments(paths);
    expect(failures).toEqual([]);
    expect(documents.map((document) => document.source.files.map((file) => file.split('/').pop()))).toEqual([
      ['f.en.txt', 'f.zh.txt'],
      ['f.en.md', 'f.zh.md'],
    ]);
  });

  it('reads a pair of files with a paragraph on each line as paragraphs, not as pre-split sentences', async () => {
    const english = [
      'Our harbour handled 3.5 million containers last year, an increase of 12% over 2023. Behind every one of those boxes are workers, families and small firms whose livelihoods depend on the sea.',
      'First, we will electrify the quays. By 2027, every berth will offer shore power, so that ships at anchor no longer burn diesel. The port of Rotterdam showed us what is possible.',
    ];
    const chinese = [
      '去年，我们的港口完成集装箱吞吐量350万标准箱，比2023年增长12%。每一个集装箱背后，都有依海为生的工人、家庭和小企业。',
      '第一，推进码头全面电气化。到2027年，每个泊位都将提供岸电，靠港船舶不再燃烧柴油。鹿特丹港为我们提供了借鉴。',
    ];
    const paths = tempFiles({ 'g.en.txt': `${english.join('\n')}\n`, 'g.zh.txt': `${chinese.join('\n')}\n` });
    const [document] = (await readDocuments(paths)).documents;
    expect(document?.source.reader).toBe('pair');
    const paragraphs = document?.articles[0]?.paragraphs;
    expect(paragraphs?.en.map((paragraph) => paragraph.text)).toEqual(english);
    expect(paragraphs?.zh.map((paragraph) => paragraph.sentences.length)).toEqual([2, 3]);
  });

  it('says when the sides of a pair are swapped', async () => {
    const paths = tempFiles({ 'd.en.txt': '下雨了。', 'd.zh.txt': 'It rained.' });
    expect(await failuresOf(paths)).toEqual([
      expect.stringMatching(
        /d\.en\.txt: should be English but its text is Chinese: are the two sides swapped\?/,
      ),
    ]);
  });

  it('names the file and the problem for missing, empty and binary files', async () => {
    const [empty, binary] = tempFiles({
      'empty.txt': '  \n',
      'data.bin': Buffer.from([0, 1, 2, 3, 0, 0, 0, 5]),
    });
    expect(await failuresOf(['/no/such/file.txt', empty as string, binary as string])).toEqual([
      '/no/such/file.txt: no such file',
      `${empty}: the file is empty`,
      `${binary}: is a binary file, not text`,
    ]);
  });

  it('keeps pre-split lines exactly, with line numbers as ids', async () => {
    const paths = tempFiles({ 'e.en': 'One. Two.\nThree.\n', 'e.zh': '一。二。\n三。\n' });
    const [document] = (await readDocuments(paths)).documents;
    const sentences = document?.articles[0]?.paragraphs.zh[0]?.sentences;
    expect(sentences?.map((s) => [s.id, s.text])).toEqual([
      ['zh.L1', '一。二。'],
      ['zh.L2', '三。'],
    ]);
  });
});
