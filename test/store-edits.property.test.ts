import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/align/index.js';
import { BitextError } from '../src/errors.js';
import { renderDocument } from '../src/export/index.js';
import type { AlignedDocument } from '../src/model/document.js';
import { pairDocument } from '../src/pairs/pairs.js';
import { readDocuments } from '../src/read.js';
import { CorpusStore, NotFoundError, StaleEditError, type StoredRow } from '../src/store/index.js';

let originals: AlignedDocument[] = [];
/** Edits that went through, so that the property is known to test more than refusals. */
let applied = 0;

beforeAll(async () => {
  const lexicon = await loadLexicon();
  const { documents } = await readDocuments([
    'test/fixtures/magazine/harbour-review.md',
    'test/fixtures/pair/garden.en.txt',
    'test/fixtures/pair/garden.zh.txt',
  ]);
  originals = await Promise.all(documents.map((document) => pairDocument(document, lexicon)));
  expect(originals).toHaveLength(2);
});

type Command =
  | { kind: 'merge' | 'confirm' | 'split' | 'stale-confirm'; doc: number; at: number }
  | { kind: 'move'; doc: number; at: number; lang: 'en' | 'zh'; forward: boolean }
  | { kind: 'correct'; doc: number; at: number; n: number }
  | { kind: 'undo' | 'redo'; doc: number };

const doc = fc.integer({ min: 0, max: 1 });
const at = fc.nat({ max: 60 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constantFrom('merge', 'confirm', 'split', 'stale-confirm'), doc, at }),
  fc.record({ kind: fc.constant('move'), doc, at, lang: fc.constantFrom('en', 'zh'), forward: fc.boolean() }),
  fc.record({ kind: fc.constant('correct'), doc, at, n: fc.nat({ max: 9 }) }),
  fc.record({ kind: fc.constantFrom('undo', 'redo'), doc }),
) as fc.Arbitrary<Command>;

const seen = (row: StoredRow) => ({ id: row.id, version: row.version });
const ids = (row: StoredRow, lang: 'en' | 'zh') => JSON.parse(row[`${lang}_ids`]) as string[];

/** Runs one command as a view holding the store's current rows would; refusals of impossible edits are fine. */
async function run(store: CorpusStore, documents: number[], command: Command, oldView: StoredRow[][]) {
  const id = documents[command.doc] as number;
  const rows = store.rows(id);
  const editor = store.editor();
  if (!('at' in command)) {
    editor[command.kind](id, editor.history(id)[command.kind] ?? undefined);
    return;
  }
  const row = rows[command.at % rows.length] as StoredRow;
  const before = editor.history(id).undo;
  const beside = (forward: boolean) => rows[rows.indexOf(row) + (forward ? 1 : -1)];
  try {
    if (command.kind === 'confirm') await editor.confirm(seen(row), 'p');
    if (command.kind === 'merge') {
      const next = beside(true);
      if (next) await editor.mergeWithNext(seen(row), seen(next), 'p');
    }
    if (command.kind === 'split') await editor.split(seen(row), Math.min(1, ids(row, 'en').length), 0, 'p');
    if (command.kind === 'move') {
      const other = beside(command.forward);
      if (other)
        await editor.moveSentence(
          seen(row),
          command.lang,
          command.forward ? 'next' : 'previous',
          seen(other),
          'p',
        );
    }
    if (command.kind === 'correct') {
      const [lang, sentence] =
        ids(row, 'en').length > 0 ? ['en', ids(row, 'en')[0]] : ['zh', ids(row, 'zh')[0]];
      if (sentence) {
        const text = lang === 'en' ? `Corrected sentence ${command.n}.` : `改正的第${command.n}句。`;
        await editor.editSentence(id, sentence, text, seen(row), 'p');
      }
    }
    if (command.kind === 'stale-confirm') {
      const old = oldView[command.doc] ?? [];
      const stale = old[command.at % Math.max(1, old.length)];
      if (!stale) return;
      const unchanged = rows.some((other) => other.id === stale.id && other.version === stale.version);
      const attempt = editor.confirm(seen(stale), 'p');
      if (unchanged) await attempt;
      else
        await expect(attempt).rejects.toSatisfy(
          (error) => error instanceof StaleEditError || error instanceof NotFoundError,
        );
    }
    if (editor.history(id).undo !== before) applied++;
  } catch (error) {
    // Impossible edits (no neighbour of the same kind, nothing to split) are refused with a message.
    if (!(error instanceof BitextError) || error instanceof StaleEditError) throw error;
  }
}

function checkInvariants(store: CorpusStore, id: number, original: AlignedDocument): void {
  const rows = store.rows(id);
  expect(new Set(rows.map((row) => row.pair_key)).size).toBe(rows.length);
  expect(rows.every((row) => Number.isInteger(row.position))).toBe(true);
  for (let k = 1; k < rows.length; k++)
    expect((rows[k] as StoredRow).position).toBeGreaterThan((rows[k - 1] as StoredRow).position);
  for (const lang of ['en', 'zh'] as const) {
    // Every sentence in exactly one pair, in reading order.
    const inOrder = rows.flatMap((row) => ids(row, lang));
    expect(inOrder).toEqual(original.pairs.flatMap((pair) => (lang === 'en' ? pair.enIds : pair.zhIds)));
  }
  const document = store.getDocument(id);
  const sentences = new Map(
    document.articles.flatMap((article) =>
      (['en', 'zh'] as const).flatMap((lang) =>
        article.paragraphs[lang].flatMap((paragraph) => {
          for (const sentence of paragraph.sentences)
            expect(paragraph.text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(
              sentence.text,
            );
          return paragraph.sentences.map((sentence) => [sentence.id, sentence.text] as const);
        }),
      ),
    ),
  );
  for (const row of rows.filter((row) => row.en_ids !== '[]')) {
    expect(row.en).toBe(
      ids(row, 'en')
        .map((sentence) => sentences.get(sentence))
        .join(' '),
    );
  }
}

function checkExports(document: AlignedDocument): void {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'tu' || name === 'trans-unit',
  });
  const [tmx] = renderDocument(document, 'tmx');
  const [xliff] = renderDocument(document, 'xliff');
  for (const file of [tmx, xliff]) expect(XMLValidator.validate(file?.text ?? '')).toBe(true);
  const tuids = (parser.parse(tmx?.text ?? '').tmx.body.tu ?? []).map(
    (tu: Record<string, string>) => tu['@_tuid'],
  );
  expect(new Set(tuids).size).toBe(tuids.length);
  const units = parser.parse(xliff?.text ?? '').xliff.file.body['trans-unit'] ?? [];
  const unitIds = units.map((unit: Record<string, string>) => unit['@_id']);
  expect(new Set(unitIds).size).toBe(unitIds.length);
}

describe('random edit sequences across two documents', () => {
  it('keep keys unique, order kept, each sentence in one pair, exports valid; undoing all restores the start', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
        const store = new CorpusStore(join(mkdtempSync(join(tmpdir(), 'bitext-property-')), 'corpus.db'));
        try {
          const documents = originals.map((original) => store.addDocument(original));
          let oldView = documents.map((id) => store.rows(id));
          for (const [k, next] of commands.entries()) {
            await run(store, documents, next, oldView);
            if (k % 5 === 4) oldView = documents.map((id) => store.rows(id));
          }
          documents.forEach((id, k) => {
            checkInvariants(store, id, originals[k] as AlignedDocument);
            checkExports(store.getDocument(id));
          });
          for (const id of documents) {
            while (store.editor().history(id).undo !== null) store.editor().undo(id);
            expect(store.getDocument(id)).toEqual(originals[documents.indexOf(id)]);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 60 },
    );
    expect(applied).toBeGreaterThan(100);
  });
});
