import {
  Document,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { docxBlocks } from '../src/ingest/docx.js';

async function blocksOf(document: Document) {
  const blocks = await docxBlocks(await Packer.toBuffer(document), 'test.docx');
  return blocks.map((block) => [block.markup, block.level, block.text]);
}

describe('reading a Word file', () => {
  it('reads headings, bold paragraphs and table rows, and leaves out page headers and footnotes', async () => {
    const document = new Document({
      footnotes: { 1: { children: [new Paragraph('Figures from the port authority.')] } },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('Harbour Review · 港湾评论')] }) },
          children: [
            new Paragraph({ text: 'Ports That Breathe', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun({ text: 'March 18, 2025', bold: true })] }),
            new Paragraph({
              children: [
                new TextRun('The harbour handled 3.5 million containers.'),
                new FootnoteReferenceRun(1),
              ],
            }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('Welcome to Donggang.')] }),
                    new TableCell({ children: [new Paragraph('欢迎大家来到东港。')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    expect(await blocksOf(document)).toEqual([
      ['heading', 1, 'Ports That Breathe'],
      ['bold', 0, 'March 18, 2025'],
      ['plain', 0, 'The harbour handled 3.5 million containers.'],
      ['plain', 0, 'Welcome to Donggang.'],
      ['plain', 0, '欢迎大家来到东港。'],
    ]);
  });

  it('knows headings and titles by the Chinese style names WPS Office stores', async () => {
    const document = new Document({
      styles: {
        paragraphStyles: [
          { id: 'Biaoti', name: '标题', run: { size: 36, bold: true } },
          { id: 'Biaoti2', name: '标题 2', run: { size: 28, bold: true } },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '会呼吸的港口', style: 'Biaoti' }),
            new Paragraph({ text: '一、推进码头电气化', style: 'Biaoti2' }),
            new Paragraph('到2027年，每个泊位都将提供岸电。'),
          ],
        },
      ],
    });
    expect(await blocksOf(document)).toEqual([
      ['heading', 1, '会呼吸的港口'],
      ['heading', 2, '一、推进码头电气化'],
      ['plain', 0, '到2027年，每个泊位都将提供岸电。'],
    ]);
  });

  it('says a damaged file is damaged', async () => {
    const bytes = Buffer.from('PK\u0003\u0004word/document.xml and nothing else');
    await expect(docxBlocks(bytes, 'broken.docx')).rejects.toThrow(/is not a readable Word document/);
  });
});
