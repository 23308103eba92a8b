import stem from 'wink-porter2-stemmer';
import { isEnglishWord } from '../text/join.js';

/** Closed-class words that carry no translation evidence, in text and in dictionary glosses. */
export const ENGLISH_STOPWORDS = new Set(
  (
    'a an the of to and or but nor in on at by for with from into onto upon as than then so if ' +
    'is am are was were be been being do does did done have has had having will would shall should can could may might must ' +
    'it its this that these those there here which who whom whose what when where why how ' +
    'i me my mine myself we us our ours ourselves you your yours yourself yourselves ' +
    'he him his himself she her hers herself they them their theirs themselves ' +
    'yes all any some such very just also too only own same other another each every ' +
    "s t d ll m re ve don didn doesn isn wasn aren weren won wouldn couldn shouldn can't " +
    'sb sth someone something somebody one oneself etc esp lit fig abbr usu e g i variant'
  ).split(' '),
);

/**
 * Irregular forms that a stemmer cannot bring to their dictionary form. Literary text is
 * full of them ("went", "saw", "children"), and CC-CEDICT glosses use the base forms.
 */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    'went:go gone:go saw:see seen:see came:come took:take taken:take gave:give given:give told:tell ' +
    'said:say says:say thought:think knew:know known:know felt:feel left:leave got:get gotten:get made:make ' +
    'found:find ran:run sat:sit stood:stand heard:hear brought:bring began:begin begun:begin became:become ' +
    'kept:keep held:hold wrote:write written:write spoke:speak spoken:speak fell:fall fallen:fall ate:eat eaten:eat ' +
    'drank:drink drunk:drink slept:sleep met:meet paid:pay sent:send sold:sell taught:teach caught:catch ' +
    'bought:buy fought:fight built:build lost:lose lay:lie lain:lie laid:lay rose:rise risen:rise wore:wear worn:wear ' +
    'woke:wake hid:hide hidden:hide shot:shoot struck:strike threw:throw thrown:throw drew:draw drawn:draw ' +
    'drove:drive driven:drive flew:fly flown:fly grew:grow grown:grow led:lead meant:mean rode:ride ridden:ride ' +
    'rang:ring sang:sing sung:sing sank:sink shook:shake shaken:shake sought:seek swam:swim swore:swear tore:tear ' +
    'understood:understand won:win wept:weep broke:break broken:break chose:choose chosen:choose forgot:forget ' +
    'forgotten:forget froze:freeze bit:bite bitten:bite blew:blow blown:blow dug:dig fed:feed fled:flee hung:hang ' +
    'lent:lend slid:slide spent:spend spun:spin stole:steal stolen:steal stuck:stick stung:sting swung:swing ' +
    'beat:beat beaten:beat bore:bear born:bear borne:bear forgave:forgive forgiven:forgive ' +
    'men:man women:woman children:child feet:foot teeth:tooth mice:mouse geese:goose people:person ' +
    'better:good best:good worse:bad worst:bad elder:old eldest:old further:far farther:far'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Stems worked out so far: a text repeats its words, and stemming is the costly part of reading one. */
const knownStems = new Map<string, string>();
/** Words whose stems are kept, at most: enough for a book's vocabulary, bounded for any input. */
const MAX_KNOWN_STEMS = 200_000;

/** The dictionary form of an English word, as a stem shared by text and glosses. */
export function englishStem(word: string): string {
  const lower = word.toLowerCase();
  let known = knownStems.get(lower);
  if (known === undefined) {
    known = stem(IRREGULAR[lower] ?? lower);
    if (knownStems.size < MAX_KNOWN_STEMS) knownStems.set(lower, known);
  }
  return known;
}

/** Words, with hyphenated names ("Yu-cun", "Xi-feng") kept whole. */
const WORD = /\p{Lu}\p{Ll}+(?:-\p{Ll}+)+|[\p{L}][\p{L}'’]*|\d[\d,.]*/gu;

export interface EnglishWord {
  stem: string;
  /** The word as a name might be romanised (`yucun` for "Yu-cun"): capitalised inside a sentence, or at its start when not an English word. */
  name: string | null;
}

const END_MARKS = '.!?:';
const CLOSING_QUOTES = `"'’”`;
const OPENING_QUOTES = `"'‘“`;

/**
 * Whether a word at `index` starts a sentence: reading back, an opening quote, spaces, a
 * closing quote (each optional), then an end mark. Only the characters just before are read.
 */
function startsSentence(text: string, index: number): boolean {
  let at = index - 1;
  if (OPENING_QUOTES.includes(text[at] ?? '-')) at--;
  while (at >= 0 && /\s/.test(text[at] as string)) at--;
  if (CLOSING_QUOTES.includes(text[at] ?? '-')) at--;
  return END_MARKS.includes(text[at] ?? '-');
}

/** The content words of English text, as stems; closed-class words and numbers are left out. */
export function englishContentWords(text: string): EnglishWord[] {
  const words: EnglishWord[] = [];
  let first = true;
  for (const match of text.matchAll(WORD)) {
    const raw = match[0].replace(/['’]s?$/, '');
    const word = raw.toLowerCase();
    const sentenceStart = first || startsSentence(text, match.index);
    first = false;
    if (word === '' || /^\d/.test(word) || ENGLISH_STOPWORDS.has(word)) continue;
    const capitalised = /^\p{Lu}/u.test(raw) && (!sentenceStart || !isEnglishWord(word));
    words.push({ stem: englishStem(word), name: capitalised ? word.replace(/[-'’]/g, '') : null });
  }
  return words;
}

export function englishContentStems(text: string): string[] {
  return englishContentWords(text).map((word) => word.stem);
}
