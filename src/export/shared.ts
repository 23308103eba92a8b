import { basename, extname } from 'node:path';
import type { AlignedDocument, Lang, Pair, PairRole } from '../model/document.js';

export interface ExportOptions {
  /** Pairs scoring below this are left out. */
  minScore?: number;
  /** Only pairs with these roles are written. */
  roles?: readonly PairRole[];
  /** The language that is the source of translation units (TMX srclang, XLIFF source). */
  sourceLang?: Lang;
}

/** One file an export writes: the suffix goes after the output's base name (`.tmx`, `.en`). */
export interface ExportFile {
  suffix: string;
  text: string;
}

/** The short name of a document: its first input file without folder and extension. */
export function documentName(document: AlignedDocument): string {
  return documentNameOf(document.source.files[0] ?? 'document');
}

/** The name a document read from this file goes by: `x` for `x.pdf` and `x.en.txt`. */
export function documentNameOf(file: string): string {
  return basename(file, extname(file)).replace(/\.(en|zh)$/i, '');
}

/**
 * Names for documents written side by side, one for each document's first file, all
 * different: the document's name, or where two share it (`review.pdf`, `review.docx`;
 * `a/x.txt`, `b/x.txt`) the name with the file's extension, then with a number.
 */
export function distinctNames(files: readonly string[]): string[] {
  const count = (names: readonly string[], name: string) => names.filter((other) => other === name).length;
  const names = files.map(documentNameOf);
  const withExtension = names.map((name, i) =>
    count(names, name) > 1
      ? `${name}-${extname(files[i] ?? '')
          .slice(1)
          .toLowerCase()}`
      : name,
  );
  const seen = new Map<string, number>();
  return withExtension.map((name) => {
    if (count(withExtension, name) === 1) return name;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    return `${name}-${seen.get(name)}`;
  });
}

/** The pairs an export writes: of the roles asked for, scoring at least the minimum unless a person confirmed them. */
export function selectedPairs(document: AlignedDocument, options: ExportOptions): Pair[] {
  return document.pairs.filter(
    (pair) =>
      (pair.status === 'confirmed' || pair.score >= (options.minScore ?? 0)) &&
      (!options.roles || options.roles.includes(pair.role)),
  );
}

export function bothSides(pair: Pair): boolean {
  return pair.en !== '' && pair.zh !== '';
}

/** The BCP 47 code of a side: Chinese as its script was detected. */
export function languageCode(document: AlignedDocument, lang: Lang): string {
  if (lang === 'en') return 'en';
  return document.source.chineseScript === 'traditional' ? 'zh-TW' : 'zh-CN';
}

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters, so they are dropped.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

/** One line of a tab-separated or line-parallel file: no tabs or line breaks inside. */
export function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

export const TOOL_VERSION = '0.1.0';
