/** The types the PDF reader's steps hand each other: runs (extract) → lines (layout) → furniture → paragraphs. */

/** Where a line sits on its page: in the left or right column of a two-column page, or across it. */
export type ColumnSide = 'left' | 'right' | 'full';

/** One line of text as read from a page, in points from the page's top left. */
export interface TextLine {
  page: number;
  column: ColumnSide;
  text: string;
  x: number;
  right: number;
  baseline: number;
  size: number;
  bold: boolean;
}
