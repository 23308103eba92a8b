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
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

/** One line of a tab-separated or line-parallel file: no tabs or line breaks inside. */
export function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

export const TOOL_VERSION = '0.1.0';
