import { traditionalToSimplified } from '../text/script.js';
import { CHINESE_STOPWORDS, chineseWords } from './chinese.js';
import { englishCapitalised, englishContentStems } from './english.js';
import type { Lexicon } from './lexicon.js';
import { chineseNameKeys, englishNameKeys } from './names.js';
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
  /** Extra weight for strong evidence such as numbers. */
  boost: number;
}

/** Numbers and punctuation of the same kind are strong, rare agreements. */
const NUMBER_BOOST = 2;
const PUNCTUATION_BOOST = 0.5;

function punctuationTokens(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  if (/[?？]/.test(text)) tokens.push({ word: '?', keys: ['p:?'], boost: PUNCTUATION_BOOST });
  if (/[!！]/.test(text)) tokens.push({ word: '!', keys: ['p:!'], boost: PUNCTUATION_BOOST });
  if (/["“”「」『』]/.test(text)) tokens.push({ word: '"', keys: ['p:"'], boost: PUNCTUATION_BOOST });
  return tokens;
}

function numberTokens(numbers: string[]): RawToken[] {
  return numbers.map((key) => ({ word: key, keys: [key], boost: NUMBER_BOOST }));
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

export function chineseTokens(
  text: string,
  lexicon: Lexicon,
  learned?: ReadonlyMap<string, readonly string[]>,
): RawToken[] {
  const simplified = traditionalToSimplified(text);
  const words = chineseWords(simplified).filter(
    (word) => !CHINESE_STOPWORDS.has(word) && !/^[\d０-９.,]+$/.test(word),
  );
  const tokens: RawToken[] = words.map((word) => ({
    word,
    keys: [...translationsOf(word, lexicon), ...chineseNameKeys(word), ...(learned?.get(word) ?? [])],
    boost: 1,
  }));
  return [...tokens, ...numberTokens(chineseNumbers(simplified)), ...punctuationTokens(text)];
}

export function englishTokens(text: string): RawToken[] {
  const nameKeys = new Set(englishNameKeys(englishCapitalised(text)));
  const tokens: RawToken[] = englishContentStems(text).map((stem) => ({
    word: stem,
    keys: [stem],
    boost: 1,
  }));
  const names: RawToken[] = [...nameKeys].map((key) => ({ word: key, keys: [key], boost: 1 }));
  return [...tokens, ...names, ...numberTokens(englishNumbers(text)), ...punctuationTokens(text)];
}

function countLength(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/**
 * Turns the sentences of one side into evidence. Weights are inverse document
 * frequencies within the input, so that words every sentence has count for little.
 */
export function buildEvidence(
  texts: readonly string[],
  tokenize: (text: string) => RawToken[],
  table: KeyTable,
): SentenceEvidence[] {
  const tokenized = texts.map(tokenize);
  const documentFrequency = new Map<string, number>();
  for (const tokens of tokenized) {
    for (const word of new Set(tokens.map((token) => token.word))) {
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
  }
  const n = texts.length;
  return tokenized.map((tokens, s) => {
    const weights = Float64Array.from(
      tokens,
      (token) => token.boost * Math.log(1 + n / (documentFrequency.get(token.word) ?? 1)),
    );
    const tokenKeys = tokens.map((token) => Int32Array.from(new Set(token.keys.map((key) => table.id(key)))));
    const keys = Int32Array.from(new Set(tokenKeys.flatMap((ids) => [...ids])));
    return {
      tokenKeys,
      words: tokens.map((token) => token.word),
      weights,
      totalWeight: weights.reduce((sum, weight) => sum + weight, 0),
      keys,
      length: countLength(texts[s] ?? ''),
    };
  });
}
