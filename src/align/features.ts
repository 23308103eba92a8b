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
 * Token t's keys are tokenKeys[keyStart[t] .. keyEnd[t]), where `tokenKeys` holds the key
 * lists of a whole side, each once: a word met a thousand times keeps one list.
 */
export interface SentenceEvidence {
  keyStart: Int32Array;
  keyEnd: Int32Array;
  tokenKeys: Int32Array;
  /** Each token's word as an id of the key table, or -1 for numbers and punctuation: what self-training learns from. */
  words: Int32Array;
  weights: Float32Array;
  totalWeight: number;
  /** Characters that count for length: letters, digits and CJK, no spaces. */
  length: number;
}

export function tokenCount(sentence: SentenceEvidence): number {
  return sentence.weights.length;
}

/** Interns strings as small integers, so that matching compares numbers. */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  /** Ids of key lists already seen, by the list itself: a word's keys are one shared list. */
  private readonly listIds = new WeakMap<readonly string[], readonly number[]>();

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }

  /** The distinct ids of a list of keys, in the order they first appear. */
  idsOf(keys: readonly string[]): readonly number[] {
    let ids = this.listIds.get(keys);
    if (!ids) {
      ids = [...new Set(keys.map((key) => this.id(key)))];
      this.listIds.set(keys, ids);
    }
    return ids;
  }

  get size(): number {
    return this.ids.size;
  }
}

interface RawToken {
  /** The word self-training may learn a translation for; null for numbers and punctuation. */
  word: string | null;
  keys: readonly string[];
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
  if (/[?？]/.test(text)) tokens.push({ word: null, keys: ['p:?'], weight: PUNCTUATION_WEIGHT });
  if (/[!！]/.test(text)) tokens.push({ word: null, keys: ['p:!'], weight: PUNCTUATION_WEIGHT });
  if (QUOTATION.test(text)) tokens.push({ word: null, keys: ['p:"'], weight: PUNCTUATION_WEIGHT });
  return tokens;
}

function numberTokens(numbers: string[]): RawToken[] {
  return numbers.map((key) => ({ word: null, keys: [key], weight: NUMBER_WEIGHT }));
}

/** Translations of a Chinese word: its own entry, else the entries of its parts (longest first), else its characters'. */
function translationsOf(word: string, lexicon: Lexicon): string[] {
  if (lexicon.has(word)) return [...lexicon.stemsOf(word)];
  const chars = Array.from(word);
  const stems: string[] = [];
  for (let start = 0; start < chars.length; ) {
    let end = chars.length;
    while (end > start + 1 && !lexicon.has(chars.slice(start, end).join(''))) end--;
    stems.push(...lexicon.stemsOf(chars.slice(start, end).join('')));
    start = end;
  }
  return stems;
}

/** The keys of each Chinese word met so far, by lexicon: a word's translations and name keys, worked out once. */
const wordKeysByLexicon = new WeakMap<Lexicon, Map<string, readonly string[]>>();

function chineseWordKeys(word: string, lexicon: Lexicon): readonly string[] {
  let known = wordKeysByLexicon.get(lexicon);
  if (!known) {
    known = new Map();
    wordKeysByLexicon.set(lexicon, known);
  }
  let keys = known.get(word);
  if (!keys) {
    keys = [...translationsOf(word, lexicon), ...chineseNameKeys(word)];
    known.set(word, keys);
  }
  return keys;
}

/** Tokens of a Chinese sentence; Traditional text is looked up in Simplified form, as jieba's dictionary has it. */
export function chineseTokens(text: string, lexicon: Lexicon, traditional: boolean): RawToken[] {
  const simplified = traditional ? traditionalToSimplified(text) : text;
  const words = chineseWords(simplified).filter(
    (word) => !CHINESE_STOPWORDS.has(word) && !/^[\d０-９.,]+$/.test(word),
  );
  const tokens: RawToken[] = words.map((word) => ({ word, keys: chineseWordKeys(word, lexicon), weight: 1 }));
  return [...tokens, ...numberTokens(chineseNumbers(simplified)), ...punctuationTokens(text)];
}

/** The key list of each English word met so far, one array each, so that lists are interned by identity. */
const englishKeyLists = new Map<string, readonly string[]>();
/** Lists kept, at most: a book's vocabulary, bounded for any input. */
const MAX_ENGLISH_KEY_LISTS = 200_000;

function englishKeys(stem: string, name: string | null): readonly string[] {
  const id = name === null ? stem : `${stem} ${name}`;
  let keys = englishKeyLists.get(id);
  if (keys === undefined) {
    keys = name === null ? [stem] : [stem, englishNameKey(name)];
    if (englishKeyLists.size < MAX_ENGLISH_KEY_LISTS) englishKeyLists.set(id, keys);
  }
  return keys;
}

export function englishTokens(text: string): RawToken[] {
  const tokens: RawToken[] = englishContentWords(text).map(({ stem, name }) => ({
    word: stem,
    keys: englishKeys(stem, name),
    weight: 1,
  }));
  return [...tokens, ...numberTokens(englishNumbers(text)), ...punctuationTokens(text)];
}

function countLength(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** Elements in one block of an allocator: the arrays of a few thousand sentences. */
const BLOCK_ELEMENTS = 1 << 16;
/** Elements in an allocator's first block, doubled block by block up to BLOCK_ELEMENTS: a short text takes little. */
const FIRST_BLOCK_ELEMENTS = 256;

/**
 * Hands out typed arrays as views of large blocks. A book has hundreds of thousands of
 * sentences, each with a few small arrays: as arrays of their own, their headers and
 * separate buffers would weigh several times their contents.
 */
class BlockAllocator<T extends Int32Array | Float32Array> {
  private block: T;
  private used = 0;

  constructor(private readonly make: (length: number) => T) {
    this.block = make(0);
  }

  take(length: number): T {
    if (this.used + length > this.block.length) {
      const size = Math.min(BLOCK_ELEMENTS, Math.max(FIRST_BLOCK_ELEMENTS, this.block.length * 2));
      this.block = this.make(Math.max(size, length));
      this.used = 0;
    }
    const view = this.block.subarray(this.used, this.used + length) as T;
    this.used += length;
    return view;
  }

  copyOf(values: ArrayLike<number>): T {
    const copy = this.take(values.length);
    copy.set(values);
    return copy;
  }
}

/** Arrays (or lists) of numbers one after another, in one array made by `make`. */
function concatenated<T extends Int32Array | Float32Array>(
  parts: readonly ArrayLike<number>[],
  make: (length: number) => T,
): T {
  const all = make(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Where the evidence of one side keeps its numbers. */
class EvidenceArrays {
  readonly ints = new BlockAllocator((length) => new Int32Array(length));
  readonly floats = new BlockAllocator((length) => new Float32Array(length));
}

/** The key lists of a side's tokens, each stored once, and where each starts in the packed whole. */
class KeyLists {
  private readonly byList = new Map<readonly number[], number>();
  private readonly byContent = new Map<string, number>();
  private readonly lists: (readonly number[])[] = [];
  private size = 0;

  /** Where a list (of key ids) starts: the same list, or one with the same keys, is kept once. */
  offsetOf(list: readonly number[]): number {
    let offset = this.byList.get(list);
    if (offset !== undefined) return offset;
    const content = list.join(' ');
    offset = this.byContent.get(content);
    if (offset === undefined) {
      offset = this.size;
      this.byContent.set(content, offset);
      this.lists.push(list);
      this.size += list.length;
    }
    this.byList.set(list, offset);
    return offset;
  }

  packed(): Int32Array {
    return concatenated(this.lists, (length) => new Int32Array(length));
  }
}

/** A sentence's tokens: the keys of each as a list of key ids, the word, the weight. */
interface TokenLists {
  lists: readonly (readonly number[])[];
  words: Int32Array;
  weights: Float32Array;
  length: number;
}

/**
 * Packs the sentences of one side over one store of key lists: each sentence's lists are
 * stored as it comes, and the packed store is given to all sentences at the end.
 */
function packSide(sentences: Iterable<TokenLists>, arrays = new EvidenceArrays()): SentenceEvidence[] {
  const keyLists = new KeyLists();
  const unpacked = new Int32Array(0);
  const side: SentenceEvidence[] = [];
  for (const sentence of sentences) {
    const keyStart = arrays.ints.copyOf(sentence.lists.map((list) => keyLists.offsetOf(list)));
    const keyEnd = arrays.ints.copyOf(sentence.lists.map((list, t) => (keyStart[t] as number) + list.length));
    let totalWeight = 0;
    for (const weight of sentence.weights) totalWeight += weight;
    const { words, weights, length } = sentence;
    side.push({ keyStart, keyEnd, tokenKeys: unpacked, words, weights, totalWeight, length });
  }
  const tokenKeys = keyLists.packed();
  for (const sentence of side) sentence.tokenKeys = tokenKeys;
  return side;
}

/** Turns the sentences of one side into evidence. */
export function buildEvidence(
  texts: readonly string[],
  tokenize: (text: string) => RawToken[],
  table: KeyTable,
): SentenceEvidence[] {
  const arrays = new EvidenceArrays();
  return packSide(
    (function* () {
      for (const text of texts) {
        const tokens = tokenize(text);
        yield {
          lists: tokens.map((token) => table.idsOf(token.keys)),
          words: arrays.ints.copyOf(tokens.map((token) => (token.word === null ? -1 : table.id(token.word)))),
          weights: arrays.floats.copyOf(tokens.map((token) => token.weight)),
          length: countLength(text),
        };
      }
    })(),
    arrays,
  );
}

/**
 * The evidence of several sentences of one side taken together (a paragraph): their
 * tokens one after another, over the side's shared key lists.
 */
export function mergeEvidence(parts: readonly SentenceEvidence[]): SentenceEvidence {
  const ints = (pick: (part: SentenceEvidence) => Int32Array) =>
    concatenated(parts.map(pick), (length) => new Int32Array(length));
  return {
    keyStart: ints((part) => part.keyStart),
    keyEnd: ints((part) => part.keyEnd),
    tokenKeys: parts[0]?.tokenKeys ?? new Int32Array(0),
    words: ints((part) => part.words),
    weights: concatenated(
      parts.map((part) => part.weights),
      (length) => new Float32Array(length),
    ),
    totalWeight: parts.reduce((total, part) => total + part.totalWeight, 0),
    length: parts.reduce((total, part) => total + part.length, 0),
  };
}

/** The keys of token t. */
export function keysOfToken(sentence: SentenceEvidence, t: number): Int32Array {
  return sentence.tokenKeys.subarray(sentence.keyStart[t], sentence.keyEnd[t]);
}

/** The same evidence with learnt translations (key ids, by word id) added to the keys of the words they translate. */
export function withLearnedKeys(
  side: readonly SentenceEvidence[],
  learned: ReadonlyMap<number, readonly number[]>,
): SentenceEvidence[] {
  /** A token's new list, by its own list's place and its word: the same for every occurrence of a word. */
  const made = new Map<string, readonly number[]>();
  const listOf = (sentence: SentenceEvidence, t: number, word: number): readonly number[] => {
    const id = `${sentence.keyStart[t]} ${sentence.keyEnd[t]} ${word}`;
    let list = made.get(id);
    if (list === undefined) {
      const own = [...keysOfToken(sentence, t)];
      const extra = learned.get(word);
      list = extra ? [...new Set([...own, ...extra])] : own;
      made.set(id, list);
    }
    return list;
  };
  return packSide(
    (function* () {
      for (const sentence of side) {
        yield {
          lists: Array.from(sentence.words, (word, t) => listOf(sentence, t, word)),
          words: sentence.words,
          weights: sentence.weights,
          length: sentence.length,
        };
      }
    })(),
  );
}
