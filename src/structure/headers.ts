import type { BilingualText, Lang } from '../model/document.js';
import { isDateLine } from '../text/dates.js';
import { pinyinOf } from '../text/pinyin.js';

const SOURCE_LINE = /^[(（[【]?\s*(?:source|来源|來源|出处|出處)\s*[:：]/iu;

/** Whether a paragraph is a source line such as "(Source: Ministry of Foreign Affairs)" or "（来源：外交部）". */
export function isSourceLine(text: string): boolean {
  return SOURCE_LINE.test(text.trim()) && text.length < 200;
}

const SUBTITLE_MARK = /^[—–-]{1,2}/u;
/** What a byline may credit before its "by": "Text by", "Words and photos by", "Reported by". */
const CREDIT =
  '(?:(?:text|words|story|photos?|pictures|written|reported|interview)\\s+(?:and\\s+(?:photos?|pictures)\\s+)?)?';
const BYLINE_MARK = new RegExp(`^(?:${CREDIT}by\\s|文\\s*[/／|｜]|作者\\s*[:：]|记者|記者)`, 'iu');

export type HeaderFieldRole = 'subtitle' | 'byline' | 'date';

/** A rule that gives a header pair its role by the form of either side, or null. */
export type HeaderRoleRule = (sides: readonly string[]) => HeaderFieldRole | null;

export const dateByForm: HeaderRoleRule = (sides) => (sides.some(isDateLine) ? 'date' : null);
export const subtitleByDash: HeaderRoleRule = (sides) =>
  sides.some((text) => SUBTITLE_MARK.test(text)) ? 'subtitle' : null;
export const bylineByMark: HeaderRoleRule = (sides) =>
  sides.some((text) => BYLINE_MARK.test(text)) ? 'byline' : null;

const CHINESE_NAME = /^\p{Script=Han}{2,4}$/u;
const ENGLISH_NAME = /^\p{Lu}[\p{Ll}'-]*(?:\s+\p{Lu}[\p{Ll}'-]*){1,2}$/u;

/** A name written out in pinyin, family name first or last: "Zhang Wei" or "Wei Zhang" for 张伟. */
function spellsName(english: string, chinese: string): boolean {
  const words = english.toLowerCase().replace(/['-]/g, '').split(/\s+/);
  const sound = pinyinOf(chinese);
  return [words, [...words.slice(-1), ...words.slice(0, -1)]].some((order) => order.join('') === sound);
}

/** A bare name in both languages, the English its pinyin (Zhang Wei | 张伟): a byline without a mark. */
export const bylineByName: HeaderRoleRule = (sides) => {
  const chinese = sides.find((text) => CHINESE_NAME.test(text.replace(/[\s·]/g, '')));
  const english = sides.find((text) => ENGLISH_NAME.test(text.trim()));
  return chinese && english && spellsName(english.trim(), chinese) ? 'byline' : null;
};

/** The roles a header pair's form gives it, in order: a date before a dash, a dash before a byline mark or name. */
export const HEADER_ROLE_RULES: readonly HeaderRoleRule[] = [
  dateByForm,
  subtitleByDash,
  bylineByMark,
  bylineByName,
];

/** The role the first rule gives a pair by its form, or null when no rule does. */
export function roleByForm(
  pair: BilingualText,
  rules: readonly HeaderRoleRule[] = HEADER_ROLE_RULES,
): HeaderFieldRole | null {
  const sides = [pair.en, pair.zh].filter((text): text is string => text !== null);
  for (const rule of rules) {
    const role = rule(sides);
    if (role) return role;
  }
  return null;
}

/** Whether a line's form makes it a header field: a date, a subtitle's leading dash, a byline's "By"/"文/". */
export function looksLikeHeaderField(text: string): boolean {
  return HEADER_ROLE_RULES.some((rule) => rule([text.trim()]) !== null);
}

/** Whether a field read earlier (under the other language's title) awaits this pair as its counterpart. */
export type AwaitsPair = (role: HeaderFieldRole, pair: BilingualText) => boolean;

/**
 * Gives each header pair under a title its role: by its form first (a date; a subtitle's
 * leading dash, ——在…上的讲话; a byline's "By"/"文/"); the rest take, in order, whichever
 * of subtitle and byline is still free, a field awaiting the pair's language first.
 */
export function assignHeaderRoles(
  pairs: readonly BilingualText[],
  awaits: AwaitsPair = () => false,
): (HeaderFieldRole | null)[] {
  const roles: (HeaderFieldRole | null)[] = pairs.map((pair) => roleByForm(pair));
  const taken = new Set(roles.filter((role) => role !== null));
  for (const [i, pair] of pairs.entries()) {
    if (roles[i] !== null) continue;
    const open = (['subtitle', 'byline'] as const).filter((role) => !taken.has(role));
    const free = open.find((role) => awaits(role, pair)) ?? open[0];
    if (!free) continue;
    roles[i] = free;
    taken.add(free);
  }
  return roles;
}

/** A sentence's end, or a salutation's comma or colon ("各位同事：", "Dear colleagues,"). Abbreviations (`Co., Ltd.`) are no ends. */
const BODY_LINE_END = /(?:[。！？：，；!?:,;]|\b[a-z]{3,}\.)$/u;

/** Whether a line ends as running text does (a sentence, a salutation): never a header field. */
export function endsLikeBodyText(text: string): boolean {
  return BODY_LINE_END.test(text.trim());
}

const EDITORS_NOTE =
  /^(?:editor['’]s\s+note|editorial\s+note|note\s+from\s+the\s+editor|编者按|編者按|编者的话|編者的話)\s*[:：]?/iu;
/** An editor's note is a paragraph, but shorter than this. */
const EDITORS_NOTE_MAX_LENGTH = 1000;

/** Whether a paragraph is an editor's note ("Editor's note: …", "编者按：…"), which may stand among the header lines. */
export function isEditorsNote(text: string): boolean {
  return EDITORS_NOTE.test(text.trim()) && text.length <= EDITORS_NOTE_MAX_LENGTH;
}

const INTERVIEW_TURN = /^(?:Q|A|Question|Answer|问|答)\s*[:：]/iu;

/** Whether a line opens a question or an answer of an interview ("Q:", "答："): body text, never a header field. */
export function isInterviewTurn(text: string): boolean {
  return INTERVIEW_TURN.test(text.trim());
}

const CAPTION_START =
  /^(?:(?:photo|picture|image|figure|fig\.)\s*\d*\s*[:：]|\(?photo(?:graph)?\s+by\b|图为|图\s*\d*\s*[:：]|上图|下图|左图|右图)/iu;
const CAPTION_END =
  /[(（](?:(?:photo(?:graph)?|xinhua|reuters|ap|afp|cfp|vcg)\b[^)）]*|[^)）]*摄|新华社[^)）]*|中新社[^)）]*|视觉中国[^)）]*)[)）]$/iu;
/** Captions are short: a line longer than this is body text even if it looks like one. */
const CAPTION_MAX_LENGTH = 300;

/** Whether a paragraph is a picture's caption ("Photo: …", "图为…（新华社记者 摄）"). */
export function isCaption(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= CAPTION_MAX_LENGTH && (CAPTION_START.test(trimmed) || CAPTION_END.test(trimmed));
}

/** Header lines are short: a line longer than this in its language is body text. */
export const HEADER_MAX_LENGTH: Record<Lang, number> = { en: 300, zh: 120 };
