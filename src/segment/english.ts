import { FOOTNOTE_MARK } from '../text/marks.js';

/**
 * English sentence boundaries. A candidate boundary is a run of . ! ? (with any closing quotes or
 * brackets and a footnote mark) followed by white space; the rules in `BOUNDARY_VETOES`, in
 * order, veto candidates that only look like sentence ends.
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

/** The parts of a candidate boundary, in the order they follow each other. */
export const CANDIDATE_PARTS = {
  /** The end marks: `.`, `!?`, `…`, `...`. */
  endMarks: String.raw`[.!?]+|…+|\.{3}`,
  /** Closing quotes and brackets, then a footnote mark (`[1]`, `¹`), both optional. */
  closers: String.raw`["”’')\]]*${FOOTNOTE_MARK}?`,
  /** The white space before the next sentence. */
  space: String.raw`\s+`,
} as const;

const CANDIDATE = new RegExp(
  `(${CANDIDATE_PARTS.endMarks})(${CANDIDATE_PARTS.closers})(${CANDIDATE_PARTS.space})`,
  'gu',
);

/** What the rules see of one candidate boundary. */
export interface Candidate {
  /** The end marks (`.`, `?!`, `…`). */
  mark: string;
  /** The word before the marks, with any opening quotes or brackets removed. */
  wordBefore: string;
  /** The word after the white space, as written. */
  nextWord: string;
  /** Whether the word before the marks is all the text before them (a list number `1.`). */
  wordBeforeIsAll: boolean;
}

/** A rule that may veto a candidate boundary. */
export interface BoundaryVeto {
  name: string;
  vetoes(candidate: Candidate): boolean;
}

const isPeriod = (candidate: Candidate): boolean => candidate.mark === '.';
const bareKey = (word: string): string => word.toLowerCase();

function startsSentence(word: string): boolean {
  const bare = word
    .replace(/^["“‘'(]+/, '')
    .toLowerCase()
    .replace(/[^a-z]+$/, '');
  return SENTENCE_STARTERS.has(bare);
}

/** The vetoes, in the order they are tried; the first that applies names the reason. */
export const BOUNDARY_VETOES: readonly BoundaryVeto[] = [
  {
    name: 'nextWordIsLowercase',
    vetoes: (candidate) => /^\p{Ll}/u.test(candidate.nextWord),
  },
  {
    name: 'nextIsClausePunctuation',
    vetoes: (candidate) => /^[,;:)\]]/.test(candidate.nextWord),
  },
  {
    name: 'abbreviationNeverFinal',
    vetoes: (candidate) => isPeriod(candidate) && NEVER_FINAL.has(bareKey(candidate.wordBefore)),
  },
  {
    name: 'initialBeforeName',
    vetoes: (candidate) =>
      isPeriod(candidate) && /^\p{Lu}$/u.test(candidate.wordBefore) && !startsSentence(candidate.nextWord),
  },
  {
    name: 'abbreviationBeforeNonStarter',
    vetoes: (candidate) =>
      isPeriod(candidate) &&
      (MAYBE_FINAL.has(bareKey(candidate.wordBefore)) || /^(?:\p{L}\.)+\p{L}$/u.test(candidate.wordBefore)) &&
      !startsSentence(candidate.nextWord),
  },
  {
    name: 'listNumber',
    vetoes: (candidate) =>
      isPeriod(candidate) && candidate.wordBeforeIsAll && /^\d+$/.test(candidate.wordBefore),
  },
];

/** The name of the first rule that vetoes the candidate, or null where it is a sentence end. */
export function boundaryVeto(candidate: Candidate): string | null {
  return BOUNDARY_VETOES.find((rule) => rule.vetoes(candidate))?.name ?? null;
}

/**
 * The candidate at a mark. The word before it is found by scanning back to the space
 * before it, never by matching the whole text before (which made a long line of many
 * sentences cost the square of its length); `textStart` is where the text's first
 * non-space character is.
 */
function candidateAt(
  text: string,
  markAt: number,
  mark: string,
  nextAt: number,
  textStart: number,
): Candidate {
  let wordStart = markAt;
  while (wordStart > 0 && !/\s/.test(text[wordStart - 1] ?? '')) wordStart--;
  const rawWord = text.slice(wordStart, markAt);
  const wordBefore = rawWord.replace(/^["“‘'([]+/, '');
  const onlySpaceBefore = textStart === -1 || textStart >= wordStart;
  return {
    mark,
    wordBefore,
    nextWord: /^\S+/.exec(text.slice(nextAt))?.[0] ?? '',
    wordBeforeIsAll: onlySpaceBefore && rawWord === wordBefore,
  };
}

/** The character offsets at which sentences start, after the first. */
export function englishBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  const textStart = text.search(/\S/);
  for (const match of text.matchAll(CANDIDATE)) {
    const markAt = match.index ?? 0;
    const [, mark = '', closers = '', space = ''] = match;
    const next = markAt + mark.length + closers.length + space.length;
    if (next >= text.length) continue;
    if (boundaryVeto(candidateAt(text, markAt, mark, next, textStart)) === null) boundaries.push(next);
  }
  return boundaries;
}
