import { basename } from 'node:path';
import { BitextError } from '../errors.js';
import type { InputFormat, Lang, ReaderKind } from '../model/document.js';
import { median } from '../quantile.js';
import { countScripts, languageOf } from '../text/language.js';
import { type Block, lineBlocks } from './blocks.js';
import { readFileContent } from './formats.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

export type ReaderChoice = 'auto' | ReaderKind;

/** One decoded input file with what the reader learnt about it. */
export interface InputFile {
  path: string;
  format: InputFormat;
  text: string;
  encoding: string;
  blocks: Block[];
  /** The language the file is mostly in. */
  lang: Lang;
  bilingual: boolean;
}

/** The files that make one document, and the reader that will read them. */
export type InputGroup =
  | { reader: 'magazine'; file: InputFile }
  | { reader: 'pair' | 'presplit'; en: InputFile; zh: InputFile };

/** A language is present in a file when it has at least this share of the file's letters' weight. */
const MIN_LANGUAGE_SHARE = 0.1;
const HAN_WEIGHT = 3;

export async function loadInputFile(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<InputFile> {
  const { format, text, encoding, blocks } = await readFileContent(path, limits);
  const visible = blocks.map((block) => block.text).join('\n');
  refuseOtherCjk(visible, path);
  const lang = languageOf(visible);
  if (lang === null) throw new BitextError('has no English or Chinese text', path);
  const { han, latin } = countScripts(visible);
  const hanShare = (han * HAN_WEIGHT) / (han * HAN_WEIGHT + latin);
  const blockLangs = new Set(blocks.map((block) => languageOf(block.text)));
  const bilingual =
    blockLangs.has('en') && blockLangs.has('zh') && Math.min(hanShare, 1 - hanShare) >= MIN_LANGUAGE_SHARE;
  return { path, format, text, encoding, blocks, lang, bilingual };
}

const NAMED_LANG = /(?:^|[._-])(en|eng|english|zh|zho|chi|cn|chinese|tw|hk)(?=$|[._-])/i;

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
/** Japanese and Korean are told from Chinese by kana and hangul: this many of them… */
const MIN_OTHER_CJK = 10;
/** …making at least this share of the East Asian characters. */
const OTHER_CJK_SHARE = 0.2;

/** Japanese or Korean text is refused by name, rather than aligned as if it were Chinese. */
function refuseOtherCjk(text: string, path: string): void {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  for (const [pattern, language] of [
    [KANA, 'Japanese (kana)'],
    [HANGUL, 'Korean (hangul)'],
  ] as const) {
    const count = text.match(pattern)?.length ?? 0;
    if (count >= MIN_OTHER_CJK && count >= (count + han) * OTHER_CJK_SHARE)
      throw new BitextError(`is ${language} text: bitext aligns English with Chinese only`, path);
  }
}

/** The language a file's name claims (`x.en.txt`, `001.zh`, `report_cn.txt`), if any. */
export function languageInName(path: string): Lang | null {
  const match = NAMED_LANG.exec(basename(path));
  if (!match) return null;
  return /^(en|eng|english)$/i.test(match[1] ?? '') ? 'en' : 'zh';
}

/**
 * The name with its language tag removed: what `x.en.txt` and `x.zh.txt` share. The
 * extension stays, so that `x.en.pdf` pairs with `x.zh.pdf` beside `x.en.docx` and `x.zh.docx`.
 */
export function pairStem(path: string): string {
  return basename(path).replace(NAMED_LANG, '').toLowerCase();
}

function textLines(file: InputFile): string[] {
  return file.text.replace(/\s+$/, '').split(/\r\n|\r|\n/);
}

/** One line after another: no blank line inside the text, and more than one line. */
function hasNoBlankLines(file: InputFile): boolean {
  if (file.format !== 'text') return false;
  const lines = textLines(file);
  return lines.length > 1 && lines.every((line) => line.trim() !== '');
}

/** Lines this long (the median) hold paragraphs, not sentences… */
const PARAGRAPH_LINE_LENGTH: Record<Lang, number> = { en: 150, zh: 50 };
/** …when at least this share of them hold more than one sentence. */
const MULTI_SENTENCE_SHARE = 0.5;
const SENTENCE_INSIDE: Record<Lang, RegExp> = {
  en: /[.!?]["”’)]?\s+["“‘(]?\p{Lu}/u,
  zh: /[。！？][”’」』）]?[^\s”’」』）]/u,
};

/** A paragraph on each line, with no blank line between: long lines, most of several sentences. */
function looksParagraphPerLine(file: InputFile): boolean {
  const lines = textLines(file).filter((line) => line.trim() !== '');
  const typicalLength = median(lines.map((line) => line.trim().length)) ?? 0;
  const multi = lines.filter((line) => SENTENCE_INSIDE[file.lang].test(line)).length;
  return typicalLength >= PARAGRAPH_LINE_LENGTH[file.lang] && multi >= lines.length * MULTI_SENTENCE_SHARE;
}

/** The file with a block for each of its lines, which are its paragraphs. */
function withLineParagraphs(file: InputFile): InputFile {
  return { ...file, blocks: lineBlocks(file.text, file.path) };
}

function checkSide(file: InputFile, expected: Lang): void {
  if (file.lang !== expected) {
    const named = languageInName(file.path);
    const hint = named && named !== file.lang ? ': are the two sides swapped?' : '';
    throw new BitextError(
      `should be ${expected === 'en' ? 'English' : 'Chinese'} but its text is ${file.lang === 'en' ? 'English' : 'Chinese'}${hint}`,
      file.path,
    );
  }
}

/** Makes a pair of monolingual files, checking that each holds the language it stands for. */
export function makePair(first: InputFile, second: InputFile, reader: ReaderChoice): InputGroup {
  const namedFirst = languageInName(first.path);
  const firstIsEnglish = namedFirst ? namedFirst === 'en' : first.lang === 'en';
  const en = firstIsEnglish ? first : second;
  const zh = firstIsEnglish ? second : first;
  checkSide(en, 'en');
  checkSide(zh, 'zh');
  const lineByLine = hasNoBlankLines(en) && hasNoBlankLines(zh);
  // Both sides must look so: a few long lines of several sentences do not make a file of paragraphs.
  const paragraphLines = lineByLine && looksParagraphPerLine(en) && looksParagraphPerLine(zh);
  if (reader === 'presplit' || (reader === 'auto' && lineByLine && !paragraphLines))
    return { reader: 'presplit', en, zh };
  return paragraphLines
    ? { reader: 'pair', en: withLineParagraphs(en), zh: withLineParagraphs(zh) }
    : { reader: 'pair', en, zh };
}

export interface GroupedInputs {
  groups: InputGroup[];
  failures: BitextError[];
}

/**
 * Groups input files into documents: a bilingual file is a magazine on its own;
 * monolingual files pair up by name (`x.en.txt` with `x.zh.txt`), or, when exactly two
 * are left, with each other. Files that fail are reported, and the rest go on.
 */
export async function groupInputs(
  paths: readonly string[],
  reader: ReaderChoice = 'auto',
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<GroupedInputs> {
  const failures: BitextError[] = [];
  const files: InputFile[] = [];
  for (const path of paths) {
    try {
      files.push(await loadInputFile(path, limits));
    } catch (error) {
      if (!(error instanceof BitextError)) throw error;
      failures.push(error);
    }
  }
  const groups: InputGroup[] = [];
  const single: InputFile[] = [];
  for (const file of files) {
    if (reader === 'magazine' || (reader === 'auto' && file.bilingual))
      groups.push({ reader: 'magazine', file });
    else single.push(file);
  }
  pairByName(single, reader, groups, failures);
  return { groups, failures };
}

function pairByName(
  files: InputFile[],
  reader: ReaderChoice,
  groups: InputGroup[],
  failures: BitextError[],
): void {
  const byStem = new Map<string, InputFile[]>();
  for (const file of files)
    byStem.set(pairStem(file.path), [...(byStem.get(pairStem(file.path)) ?? []), file]);
  let leftover: InputFile[] = [];
  for (const group of byStem.values()) {
    if (group.length === 2) tryPair(group[0] as InputFile, group[1] as InputFile, reader, groups, failures);
    else leftover.push(...group);
  }
  if (leftover.length === 2) {
    tryPair(leftover[0] as InputFile, leftover[1] as InputFile, reader, groups, failures);
    leftover = [];
  }
  for (const file of leftover) failures.push(new BitextError(unpairedMessage(file), file.path));
}

/** Fewer words of the other language than this, and a file holds too little of it to pair. */
const FEW_WORDS = 50;

/** Why a monolingual file cannot be aligned: no other language at all, or too little of it. */
function unpairedMessage(file: InputFile): string {
  const [language, other] = file.lang === 'en' ? ['English', 'Chinese'] : ['Chinese', 'English'];
  const otherText = file.blocks
    .map((block) => block.text)
    .filter((text) => languageOf(text) !== file.lang)
    .join(' ');
  const otherWords =
    file.lang === 'en'
      ? (otherText.match(/\p{Script=Han}/gu)?.length ?? 0)
      : (otherText.match(/\p{Script=Latin}+/gu)?.length ?? 0);
  const counterpart = 'and no counterpart file (name them x.en.txt and x.zh.txt)';
  if (otherWords === 0) return `has only ${language} text ${counterpart}`;
  const unit = file.lang === 'en' ? 'characters' : 'words';
  const amount = otherWords < FEW_WORDS ? `${otherWords} ${other} ${unit}` : `a little ${other}`;
  return `is mixed: mostly ${language}, with little ${other} (${amount}), too little to align, ${counterpart}`;
}

function tryPair(
  a: InputFile,
  b: InputFile,
  reader: ReaderChoice,
  groups: InputGroup[],
  failures: BitextError[],
): void {
  try {
    groups.push(makePair(a, b, reader));
  } catch (error) {
    if (!(error instanceof BitextError)) throw error;
    failures.push(error);
  }
}
