import { existsSync } from 'node:fs';
import { loadLexicon } from '../align/lexicon.js';
import { BitextError } from '../errors.js';
import { CorpusStore } from '../store/index.js';
import { realignDocument } from '../store/realign.js';

/** `bitext realign`: aligns a stored document again around its confirmed pairs; one line of what changed. */
export async function runRealignCommand(options: { db: string; document: string }): Promise<string> {
  if (!existsSync(options.db))
    throw new BitextError('no such corpus store (bitext import creates it)', options.db);
  const store = new CorpusStore(options.db);
  try {
    const [documentId] = store.documentIds([options.document]) as [number];
    const name = store.documentName(documentId);
    const { stretches, realigned, pairs } = await realignDocument(
      store,
      documentId,
      await loadLexicon(),
      'cli',
    );
    if (stretches === 0) return `bitext: ${name} has no confirmed pair to realign around: nothing changed\n`;
    return `bitext: ${name}: ${stretches} stretches aligned again, ${realigned} pairs became ${pairs} (one edit: undo in the studio)\n`;
  } finally {
    store.close();
  }
}
