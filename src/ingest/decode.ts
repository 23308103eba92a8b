import { readFileSync, type Stats, statSync } from 'node:fs';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { BitextError, TooLargeError } from '../errors.js';
import { DEFAULT_LIMITS, formatBytes, type ReadLimits } from './limits.js';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were decoded from, as iconv-lite names it. */
  encoding: string;
}

/** Encodings users really have for Chinese–English text, in the order they are tried. */
const LEGACY_CHINESE_ENCODINGS = ['gb18030', 'big5'] as const;
/** Above this share of control characters a file is binary, not text. */
const BINARY_CONTROL_SHARE = 0.01;
/** Above this share of undecodable characters a file is not in a known encoding. */
const UNDECODABLE_SHARE = 0.001;

/** What a path that is not a regular file is, for the error that refuses it. */
function notAFile(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'is a folder, not a file';
  if (stats.isFIFO()) return 'is a pipe (FIFO), not a file: only regular files are read';
  if (stats.isCharacterDevice() || stats.isBlockDevice())
    return 'is a device, not a file: only regular files are read';
  return 'is not a regular file: only regular files are read';
}

function unreadable(error: unknown, path: string): BitextError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code);
  return new BitextError(reason, path, { cause: error });
}

/**
 * Reads a file's bytes. Only regular files no larger than the limit are read: a device
 * (`/dev/zero`), a pipe or a huge file is refused before a byte is read. Throws
 * BitextError naming the file when it cannot be read or is empty.
 */
export function readFileBytes(path: string, limits: Pick<ReadLimits, 'inputBytes'> = DEFAULT_LIMITS): Buffer {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw unreadable(error, path);
  }
  const refusal = notAFile(stats);
  if (refusal) throw new BitextError(refusal, path);
  if (stats.size > limits.inputBytes)
    throw new TooLargeError(
      `is ${formatBytes(stats.size)}, more than the ${formatBytes(limits.inputBytes)} an input may be`,
      path,
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw unreadable(error, path);
  }
  if (bytes.length === 0) throw new BitextError('the file is empty', path);
  return bytes;
}

/** Reads a text file in any of the encodings bitext supports. Throws BitextError naming the file. */
export function readTextFile(path: string): DecodedText {
  return decodeTextFile(readFileBytes(path), path);
}

/** Decodes the bytes of a text file in any of the encodings bitext supports. */
export function decodeTextFile(bytes: Uint8Array, path: string): DecodedText {
  const decoded = decodeBytes(bytes, path);
  if (decoded.text.trim() === '') throw new BitextError('the file is empty', path);
  return decoded;
}

/** Decodes bytes, recognising a BOM, UTF-16, UTF-8, GB18030/GBK and Big5. */
export function decodeBytes(bytes: Uint8Array, name = 'input'): DecodedText {
  const bom = decodeByBom(bytes);
  if (bom) return bom;
  const utf16 = decodeBomlessUtf16(bytes);
  if (utf16) return utf16;
  refuseIso2022(bytes, name);
  if (looksBinary(bytes)) throw new BitextError('is a binary file, not text', name);
  const utf8 = tryStrictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return decodeLegacy(bytes, name);
}

function decodeByBom(bytes: Uint8Array): DecodedText | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return decodeWith(bytes.subarray(3), 'utf-8');
  if (a === 0xff && b === 0xfe) return decodeWith(bytes.subarray(2), 'utf-16le');
  if (a === 0xfe && b === 0xff) return decodeWith(bytes.subarray(2), 'utf-16be');
  return null;
}

/** UTF-16 without a BOM shows as a NUL byte in every other position for ASCII text. */
function decodeBomlessUtf16(bytes: Uint8Array): DecodedText | null {
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  const half = sample.length / 2;
  if (oddNuls > half * 0.3 && evenNuls < half * 0.05) return decodeWith(bytes, 'utf-16le');
  if (evenNuls > half * 0.3 && oddNuls < half * 0.05) return decodeWith(bytes, 'utf-16be');
  // Mostly Chinese: few NULs, all on one side; the reading that gives text is the right one.
  if (evenNuls + oddNuls === 0 || (evenNuls > 0 && oddNuls > 0) || sample.length % 2 !== 0) return null;
  return (
    (['utf-16le', 'utf-16be'] as const)
      .map((encoding) => decodeWith(bytes, encoding))
      .find((decoded) => textShare(decoded.text.slice(0, 2048)) > UTF16_TEXT_SHARE) ?? null
  );
}

/** A UTF-16 reading is text when this share of its characters are Chinese, Latin, digits, spaces or punctuation. */
const UTF16_TEXT_SHARE = 0.95;

function textShare(text: string): number {
  const readable = text.match(/[\p{Script=Han}\p{Script=Latin}\p{N}\p{P}\s]/gu)?.length ?? 0;
  return readable / Math.max(1, text.length);
}

const ESCAPE = String.fromCharCode(0x1b);
/** ISO-2022 switches into Japanese or Korean with escape sequences, which would otherwise read as binary. */
const ISO_2022: readonly [string[], string][] = [
  [[`${ESCAPE}$B`, `${ESCAPE}$@`, `${ESCAPE}$(D`], 'Japanese (iso-2022-jp)'],
  [[`${ESCAPE}$)C`], 'Korean (iso-2022-kr)'],
];

function refuseIso2022(bytes: Uint8Array, name: string): void {
  const head = Buffer.from(bytes.subarray(0, 65536)).toString('latin1');
  for (const [escapes, language] of ISO_2022)
    if (escapes.some((sequence) => head.includes(sequence)))
      throw new BitextError(`is ${language} text: bitext aligns English with Chinese only`, name);
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * BINARY_CONTROL_SHARE;
}

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Legacy Chinese encodings. GB18030 decodes almost any bytes, so the choice between it and
 * Big5 rests on which reading yields the common characters of real Chinese text, with
 * chardet's guess breaking ties.
 */
function decodeLegacy(bytes: Uint8Array, name: string): DecodedText {
  const guess = chardet.detect(bytes)?.toLowerCase();
  refuseJapaneseOrKorean(bytes, guess, name);
  let best: { decoded: DecodedText; score: number } | null = null;
  for (const encoding of LEGACY_CHINESE_ENCODINGS) {
    const decoded = decodeWith(bytes, encoding);
    if (undecodableShare(decoded.text) > UNDECODABLE_SHARE) continue;
    const score = commonHanShare(decoded.text) + (guess === encoding ? 0.01 : 0);
    if (!best || score > best.score) best = { decoded, score };
  }
  if (!best) throw new BitextError('cannot be decoded: not UTF-8, UTF-16, GB18030/GBK or Big5 text', name);
  return best.decoded;
}

/** Legacy Japanese and Korean encodings, which GB18030 would decode into nonsense Chinese. */
const OTHER_CJK_ENCODINGS: Record<string, string> = {
  shift_jis: 'Japanese (kana)',
  'euc-jp': 'Japanese (kana)',
  'iso-2022-jp': 'Japanese (kana)',
  'euc-kr': 'Korean (hangul)',
  'iso-2022-kr': 'Korean (hangul)',
};
const KANA_OR_HANGUL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** A reading in a Japanese or Korean encoding is right when this share of its East Asian characters are kana or hangul. */
const KANA_OR_HANGUL_SHARE = 0.2;

/**
 * Checked before GB18030, which decodes almost any bytes: when chardet takes the bytes
 * for a Japanese or Korean encoding and they read cleanly so, with kana or hangul,
 * the file is refused by its language.
 */
function refuseJapaneseOrKorean(bytes: Uint8Array, guess: string | undefined, name: string): void {
  const language = guess ? OTHER_CJK_ENCODINGS[guess] : undefined;
  if (!guess || !language) return;
  const { text } = decodeWith(bytes, guess);
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const kanaOrHangul = text.match(KANA_OR_HANGUL)?.length ?? 0;
  if (
    undecodableShare(text) <= UNDECODABLE_SHARE &&
    kanaOrHangul >= (kanaOrHangul + han) * KANA_OR_HANGUL_SHARE
  )
    throw new BitextError(`is ${language} text (${guess}): bitext aligns English with Chinese only`, name);
}

/** The most frequent characters of Chinese prose, in both scripts. */
const COMMON_HAN = new Set(
  Array.from(
    '的一是不了人我在有他这這中大来來上个個国國和们們到说說时時地也子就要出会會可你对對生能而以' +
      '年着著发發成后後自之经經过過家下多天为為学學所起都好那然没沒如事里裡道行去得没看现現还還',
  ),
);

function commonHanShare(text: string): number {
  let han = 0;
  let common = 0;
  for (const char of text) {
    if (!/\p{Script=Han}/u.test(char)) continue;
    han++;
    if (COMMON_HAN.has(char)) common++;
  }
  return han === 0 ? 0 : common / han;
}

function undecodableShare(text: string): number {
  const replacements = text.match(/\uFFFD/g)?.length ?? 0;
  // Characters from the Private Use Area are what a wrong legacy table maps stray bytes to.
  const privateUse = text.match(/[\uE000-\uF8FF]/g)?.length ?? 0;
  return (replacements + privateUse) / Math.max(1, text.length);
}

function decodeWith(bytes: Uint8Array, encoding: string): DecodedText {
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}
