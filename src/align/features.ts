import { traditionalToSimplified } from '../text/script.js';
import { CHINESE_STOPWORDS, chineseWords } from './chinese.js';
import { englishContentWords } from './english.js';
import type { Lexicon } from './lexicon.js';
import { chineseNameKeys, englishNameKey } from './names.js';
import { chineseNumbers, englishNumbers } from './numbers.js';

/**
 * A sentence as evidence for alignment: tokens, each with the keys it can be matched by
 * and a weight. A Chinese token's keys are the English stems it may translate to (plus
 * name and number keys); an English token's key is its own stem. A token is covered by a
 * sentence of the other language when one of its keys is among that sentence's keys.
 */
export interface SentenceEvidence {
  /** Key ids of each token. */
  tokenKeys: Int32Array[];
  /** The surface word of each token, for learning new translations. */
  words: string[];
  weights: Float64Array;
  totalWeight: number;
  /** Union of the keys of all tokens. */
  keys: Int32Array;
  /** Characters that count for length: letters, digits and CJK, no spaces. */
  length: number;
}

/** Interns strings as small integers, so that matching compares numbers. */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

interface RawToken {
  word: string;
  keys: string[];
  /** How much the token counts: 1 for a word, more for strong evidence such as numbers. */
  weight: number;
}

/** Numbers and punctuation of the same kind are strong, rare agreements. */
const NUMBER_WEIGHT = 2;
const PUNCTUATION_WEIGHT = 0.5;

/** Quotation marks of either language, single English quotes included, but not apostrophes. */
const QUOTATION = /["“”「」『』]|(?:^|\s)['‘]\S|\S['’](?:\s|$)(?<!s['’](?:\s|$))/;

function punctuationTokens(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  if (/[?？]/.test(text)) tokens.push({ word: '?', keys: ['p:?'], weight: PUNCTUATION_WEIGHT });
  if (/[!！]/.test(text)) tokens.push({ word: '!', keys: ['p:!'], weight: PUNCTUATION_WEIGHT });
  if (QUOTATION.test(text)) tokens.push({ word: '"', keys: ['p:"'], weight: PUNCTUATION_WEIGHT });
  return tokens;
}

function numberTokens(numbers: string[]): RawToken[] {
  return numbers.map((key) => ({ word: key, keys: [key], weight: NUMBER_WEIGHT }));
}

/** Translations of a Chinese word: its own entry, else the entries of its parts (longest first), else its characters'. */
function translationsOf(word: string, lexicon: Lexicon): string[] {
  const whole = lexicon.translations.get(word);
  if (whole) return [...whole];
  const chars = Array.from(word);
  const stems: string[] = [];
  for (let start = 0; start < chars.length; ) {
    let end = chars.length;
    while (end > start + 1 && !lexicon.translations.has(chars.slice(start, end).join(''))) end--;
    stems.push(...(lexicon.translations.get(chars.slice(start, end).join('')) ?? []));
    start = end;
  }
  return stems;
}

/** Tokens of a Chinese sentence; Traditional text is looked up in Simplified form, as jieba's dictionary has it. */
export function chineseTokens(text: string, lexicon: Lexicon, traditional: boolean): RawToken[] {
  const simplified = traditional ? traditionalToSimplified(text) : text;
  const words = chineseWords(simplified).filter(
    (word) => !CHINESE_STOPWORDS.has(word) && !/^[\d０-９.,]+$/.test(word),
  );
  const tokens: RawToken[] = words.map((word) => ({
    word,
    keys: [...translationsOf(word, lexicon), ...chineseNameKeys(word)],
    weight: 1,
  }));
  return [...tokens, ...numberTokens(chineseNumbers(simplified)), ...punctuationTokens(text)];
}

export function englishTokens(text: string): RawToken[] {
  const tokens: RawToken[] = englishContentWords(text).map(({ stem, name }) => ({
    word: stem,
    keys: name ? [stem, englishNameKey(name)] : [stem],
    weight: 1,
  }));
  return [...tokens, ...numberTokens(englishNumbers(text)), ...punctuationTokens(text)];
}

function countLength(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** Turns the sentences of one side into evidence. */
export function buildEvidence(
  texts: readonly string[],
  tokenize: (text: string) => RawToken[],
  table: KeyTable,
): SentenceEvidence[] {
  return texts.map((text) => {
    const tokens = tokenize(text);
    const weights = Float64Array.from(tokens, (token) => token.weight);
    const tokenKeys = tokens.map((token) => Int32Array.from(new Set(token.keys.map((key) => table.id(key)))));
    const keys = Int32Array.from(new Set(tokenKeys.flatMap((ids) => [...ids])));
    return {
      tokenKeys,
      words: tokens.map((token) => token.word),
      weights,
      totalWeight: weights.reduce((sum, weight) => sum + weight, 0),
      keys,
      length: countLength(text),
    };
  });
}

/** The same evidence with learnt translations added to the keys of the words they translate. */
export function withLearnedKeys(
  side: readonly SentenceEvidence[],
  learned: ReadonlyMap<string, readonly string[]>,
  table: KeyTable,
): SentenceEvidence[] {
  return side.map((sentence) => {
    const tokenKeys = sentence.tokenKeys.map((keys, t) => {
      const extra = learned.get(sentence.words[t] ?? '');
      return extra ? Int32Array.from(new Set([...keys, ...extra.map((key) => table.id(key))])) : keys;
    });
    const keys = Int32Array.from(new Set(tokenKeys.flatMap((ids) => [...ids])));
    return { ...sentence, tokenKeys, keys };
  });
}
