import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { PackedWordSet } from './word-set.js';

const CJK_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]$/u;
const CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;
/** Chinese characters and punctuation: text on either side of them is never spaced at a line break. */
const STRICT_CJK_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const STRICT_CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const HYPHENATED_END = /(\p{L}+)-$/u;
const LOWER_START = /^(\p{Ll}+)/u;
/** Word endings the word list holds as words of their own (`ing`, `ed`), which never stand after a hyphen. */
const SUFFIX_ONLY =
  /^(?:ing|ings|ed|er|ers|est|ment|ments|al|ally|ly|ness|ity|ies|ion|ions|tion|tions|ous|ive)$/;

let englishWords: PackedWordSet | undefined;

/** Whether a word is in the English word list (word-list package), which is loaded on first use. */
export function isEnglishWord(word: string): boolean {
  englishWords ??= new PackedWordSet(readFileSync(wordListPath, 'utf8'));
  return englishWords.has(word.toLowerCase());
}

/**
 * Joins two pieces of one paragraph that a line or page break separated:
 * Chinese to Chinese with nothing between (nor Chinese to a number, `8000` + `册`), a
 * word hyphenated at the break into one word (`na-` + `tional`, and `Rott-` + `erdam`
 * or `Jinp-` + `ing`, whose halves are no words or only a word's ending), a real compound (`Sino-` + `Mongolian`, `long-` + `term`)
 * with its hyphen, a close-set dash or a slash with nothing between, and anything else
 * with one space.
 */
export function joinPieces(before: string, after: string): string {
  const left = before.trimEnd();
  const right = after.trimStart();
  if (left === '') return right;
  if (right === '') return left;
  if (CJK_END.test(left) && CJK_START.test(right)) return left + right;
  if (STRICT_CJK_END.test(left) || STRICT_CJK_START.test(right)) return left + right;
  // A dash set close (`port—and`, `2015–2024`) stays close across the break; a spaced one stays spaced.
  if (/\S[—–]$/u.test(left) || /^[—–]\S/u.test(right)) return left + right;
  // A web address or `and/or` broken after its slash.
  if (/\S\/$/u.test(left)) return left + right;
  const hyphenated = HYPHENATED_END.exec(left);
  const continuation = LOWER_START.exec(right);
  if (hyphenated && continuation) {
    const [head, tail] = [hyphenated[1] ?? '', continuation[1] ?? ''];
    const tailIsWord = isEnglishWord(tail) && !SUFFIX_ONLY.test(tail);
    const brokenWord = isEnglishWord(head + tail) || (!isEnglishWord(head) && !tailIsWord);
    return brokenWord ? left.slice(0, -1) + right : left + right;
  }
  if (hyphenated) return left + right;
  return `${left} ${right}`;
}

/** Joins the lines of one paragraph. */
export function joinLines(lines: readonly string[]): string {
  return lines.reduce(joinPieces, '');
}

/** Sentences of one language as one text: Chinese ones run on, English ones are spaced. */
export function joinSentences(texts: readonly string[], lang: 'en' | 'zh'): string {
  return texts.join(lang === 'zh' ? '' : ' ');
}
