import type { Lang } from '../model/document.js';

const HAN = /\p{Script=Han}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/**
 * A Han character carries about as much text as three Latin letters, so a block is
 * Chinese when its Han characters outweigh a third of its Latin letters. This keeps
 * "交流 and 经验互鉴" Chinese and "COVID-19" or a name inside Chinese harmless.
 */
const LATIN_LETTERS_PER_HAN = 3;

export interface ScriptCounts {
  han: number;
  latin: number;
}

export function countScripts(text: string): ScriptCounts {
  return {
    han: text.match(HAN)?.length ?? 0,
    latin: text.match(LATIN_LETTER)?.length ?? 0,
  };
}

/** The language of a block of text, or null when it has no letters of either (numbers, marks). */
export function languageOf(text: string): Lang | null {
  const { han, latin } = countScripts(text);
  if (han === 0 && latin === 0) return null;
  return han * LATIN_LETTERS_PER_HAN >= latin ? 'zh' : 'en';
}

export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** One script must outweigh the other this many times for a single line to switch language. */
const CLEAR_MARGIN = 4;

/**
 * The language of a line when it is clearly in it, else null: a short English line with a
 * name in characters ("Mr. Li (李先生)") is no Chinese line, nor "使用AI技术" an English one.
 */
function clearLanguageOf(line: string): Lang | null {
  const { han, latin } = countScripts(line);
  const hanWeight = han * LATIN_LETTERS_PER_HAN;
  if (hanWeight >= CLEAR_MARGIN * latin && han > 0) return 'zh';
  if (latin >= CLEAR_MARGIN * hanWeight && latin > 0) return 'en';
  return null;
}

/**
 * Lines grouped into runs of one language; a line in neither, or not clearly in one, joins
 * the run it stands in. Lines broken by hand that change language are separate blocks:
 * "English.<br>中文。" is two.
 */
export function languageRuns(lines: readonly string[]): string[][] {
  const runs: { lang: Lang | null; lines: string[] }[] = [];
  for (const line of lines) {
    const lang = clearLanguageOf(line);
    const run = runs.at(-1);
    if (run && (lang === null || run.lang === null || run.lang === lang)) {
      run.lines.push(line);
      run.lang ??= lang;
    } else runs.push({ lang, lines: [line] });
  }
  return runs.map((run) => run.lines);
}
