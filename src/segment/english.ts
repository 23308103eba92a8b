import { FOOTNOTE_MARK } from '../text/marks.js';

/**
 * English sentence boundaries. A candidate boundary is a run of . ! ? (with any
 * closing quotes or brackets and a footnote mark) followed by white space; the rules below, in order,
 * veto candidates that only look like sentence ends.
 */

/** Abbreviations that are never the last word of a sentence: titles, "No. 5", "Feb. 26". */
const NEVER_FINAL = new Set(
  (
    'mr mrs ms messrs dr prof rev hon st sr jr gen col lt maj capt sgt cmdr adm gov sen rep pres amb ' +
    'no nos vol vols art arts fig figs para paras sec p pp ch ed eds approx ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft vs cf viz e.g i.e h.e'
  ).split(' '),
);

/** Abbreviations that may end a sentence, and do when the next word starts one. */
const MAYBE_FINAL = new Set('etc inc ltd co corp bros plc a.m p.m u.s u.k u.n e.u u.s.a d.c'.split(' '));

/** Words that start sentences, which tell "in the U.S. The next day" from "the U.S. Congress". */
const SENTENCE_STARTERS = new Set(
  (
    'the a an this that these those it its he she we they i you there here his her their our my ' +
    'in on at for but and so yet however meanwhile then when while after before as if since although ' +
    'both each every all some no not one such what which who how why where'
  ).split(' '),
);

/** A sentence's end: the marks, closing quotes and brackets, a footnote mark (`[1]`, `¹`), then space. */
const CANDIDATE = new RegExp(`([.!?]+|…+|\\.{3})(["”’')\\]]*${FOOTNOTE_MARK}?)(\\s+)`, 'gu');

/** The character offsets at which sentences start, after the first. */
export function englishBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const at = (match.index ?? 0) + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    const next = at + (match[3]?.length ?? 0);
    if (next >= text.length) continue;
    if (isBoundary(text, match.index ?? 0, match[1] ?? '', next)) boundaries.push(next);
  }
  return boundaries;
}

function isBoundary(text: string, markAt: number, mark: string, nextAt: number): boolean {
  const nextWord = /^\S+/.exec(text.slice(nextAt))?.[0] ?? '';
  if (/^[\p{Ll}]/u.test(nextWord)) return false;
  if (/^[,;:)\]]/.test(nextWord)) return false;
  if (mark !== '.') return true;
  const before = /(\S+)$/.exec(text.slice(0, markAt))?.[1] ?? '';
  return !isNonFinalPeriod(before, nextWord, text.slice(0, markAt));
}

/** Whether the period after `word` belongs to an abbreviation, an initial or a list number. */
function isNonFinalPeriod(wordWithPunct: string, nextWord: string, textBefore: string): boolean {
  const word = wordWithPunct.replace(/^["“‘'([]+/, '');
  const key = word.toLowerCase();
  if (NEVER_FINAL.has(key)) return true;
  if (/^\p{Lu}$/u.test(word)) return !startsSentence(nextWord);
  if (MAYBE_FINAL.has(key) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return !startsSentence(nextWord);
  if (/^\d+$/.test(word) && textBefore.trim() === word) return true;
  return false;
}

function startsSentence(word: string): boolean {
  const bare = word
    .replace(/^["“‘'(]+/, '')
    .toLowerCase()
    .replace(/[^a-z]+$/, '');
  return SENTENCE_STARTERS.has(bare);
}
