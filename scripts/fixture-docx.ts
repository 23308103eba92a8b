/**
 * Builds Word files from a bilingual fixture in the layouts translators and publishers
 * use, with a running header and a page-number footer for the reader to leave out:
 * - `paragraphs`: the contents with page numbers, then each article in English, then in
 *   Chinese, with heading styles;
 * - `table`: a two-column table, English left and Chinese right, one row per unit;
 * - `pair`: one Word file per language.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { BilingualDocument, Lang } from '../src/model/document.js';
import { articleUnits, tocUnits, type Unit } from './fixture-units.js';

export const DOCX_LAYOUTS = ['paragraphs', 'table', 'pair'] as const;
export type DocxLayout = (typeof DOCX_LAYOUTS)[number];

function unitParagraph(unit: Unit): Paragraph {
  if (unit.kind === 'title')
    return new Paragraph({
      text: unit.text,
      heading: unit.lang === 'en' ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    });
  const bold = unit.kind === 'header' && unit.lang === 'en';
  return new Paragraph({ children: [new TextRun({ text: unit.text, bold })] });
}

function cell(unit: Unit | undefined): TableCell {
  return new TableCell({
    width: { size: 50, type: WidthType.PERCENTAGE },
    children: [unit ? unitParagraph(unit) : new Paragraph('')],
  });
}

/** One row per unit: the n-th English unit of an article beside its n-th Chinese unit. */
function articleTable(article: BilingualDocument['articles'][number]): Table {
  const en = articleUnits(article, 'en');
  const zh = articleUnits(article, 'zh');
  const rows = Array.from(
    { length: Math.max(en.length, zh.length) },
    (_, i) => new TableRow({ children: [cell(en[i]), cell(zh[i])] }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

function furniture(): { headers: { default: Header }; footers: { default: Footer } } {
  return {
    headers: {
      default: new Header({ children: [new Paragraph('The Harbour Review · 港湾评论 · Spring 2025')] }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT] })],
          }),
        ],
      }),
    },
  };
}

function docx(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ ...furniture(), children }] }));
}

/** The contents: in the `paragraphs` layout each title is followed by a tab and a page number, as Word's own contents are. */
function contents(document: BilingualDocument, layout: DocxLayout): Paragraph[] {
  if (layout !== 'paragraphs') return tocUnits(document).map(unitParagraph);
  return tocUnits(document).map(
    (unit, i) =>
      new Paragraph({
        children: [new TextRun({ text: unit.text }), new TextRun({ children: [new Tab(), String(2 + i)] })],
      }),
  );
}

/** The Word file (or, for `pair`, the English and Chinese files) of a document in one layout. */
export async function buildDocx(
  document: BilingualDocument,
  layout: DocxLayout,
): Promise<Record<string, Buffer>> {
  if (layout === 'pair') {
    const side = (lang: Lang) =>
      docx(
        [
          ...tocUnits(document, lang),
          ...document.articles.flatMap((article) => articleUnits(article, lang)),
        ].map(unitParagraph),
      );
    return { en: await side('en'), zh: await side('zh') };
  }
  const articles = document.articles.flatMap((article): (Paragraph | Table)[] =>
    layout === 'table'
      ? [articleTable(article)]
      : [...articleUnits(article, 'en'), ...articleUnits(article, 'zh')].map(unitParagraph),
  );
  return { both: await docx([...contents(document, layout), ...articles]) };
}
