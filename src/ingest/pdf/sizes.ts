/** Print sizes the PDF reader's steps judge text by, as shares of the body size of its language. */

/** Text at least this much larger than the body text is a heading (and never a running head). */
export const HEADING_SIZE = 1.15;
/** Text below this share of the body size is small print: footnotes, captions, running heads. */
export const SMALL_PRINT = 0.85;

/** A size rounded to the half point, so that sizes a PDF writes with noise compare equal. */
export const roundSize = (size: number) => Math.round(size * 2) / 2;
