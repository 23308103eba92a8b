import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../src/align/index.js';
import { pairDocument } from '../src/pairs/pairs.js';
import { readDocuments } from '../src/read.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** The inputs that have golden structure files: each magazine, and each pair folder read as one document. */
export function goldenCases(): { name: string; inputs: string[]; golden: string }[] {
  const magazines = readdirSync(join(FIXTURES, 'magazine'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({
      name,
      inputs: [join('test/fixtures/magazine', name)],
      golden: join(FIXTURES, 'magazine', name.replace(/\.md$/, '.golden.json')),
    }));
  const pairs = ['pair', 'presplit'].map((kind) => ({
    name: kind,
    inputs: readdirSync(join(FIXTURES, kind))
      .filter((name) => !name.endsWith('.json'))
      .sort()
      .map((name) => join('test/fixtures', kind, name)),
    golden: join(FIXTURES, kind, 'golden.json'),
  }));
  return [...magazines, ...pairs];
}

/** The magazines whose aligned pairs have golden files, beside their structure's. */
export function goldenPairCases(): { name: string; input: string; golden: string }[] {
  return readdirSync(join(FIXTURES, 'magazine'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({
      name,
      input: join('test/fixtures/magazine', name),
      golden: join(FIXTURES, 'magazine', name.replace(/\.md$/, '.pairs.golden.json')),
    }));
}

/** A document's pairs as the golden files hold them: role, both texts, score to two places, flags. */
export async function pairsAsJson(input: string): Promise<string> {
  const { documents, failures } = await readDocuments([input]);
  const document = documents[0];
  if (!document) throw new Error(failures.map((failure) => failure.oneLine).join('\n'));
  const { pairs } = await pairDocument(document, await loadLexicon());
  const shown = pairs.map(({ role, en, zh, score, flags }) => ({
    role,
    en,
    zh,
    score: Number(score.toFixed(2)),
    flags,
  }));
  return `${JSON.stringify(shown, null, 2)}\n`;
}

/** The document model as the golden files hold it (paths relative to the repository root). */
export async function structureAsJson(inputs: string[]): Promise<string> {
  const { documents, failures } = await readDocuments(inputs);
  if (failures.length > 0) throw new Error(failures.map((failure) => failure.oneLine).join('\n'));
  return `${JSON.stringify(documents, null, 2)}\n`;
}
