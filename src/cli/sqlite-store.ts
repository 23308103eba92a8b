import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BitextError } from '../errors.js';
import { CorpusStore } from '../store/index.js';

/**
 * Opens a SQLite corpus store, after checking, read-only, that a file already there is a sound
 * SQLite database: a damaged file, or one that is not a database at all, is named in one
 * line and never written into. `mustExist` for commands that only read the store.
 */
export function openSqliteStore(path: string, options: { mustExist?: boolean } = {}): CorpusStore {
  if (!existsSync(path)) {
    if (options.mustExist) throw new BitextError('no such corpus store (bitext import creates it)', path);
    return new CorpusStore(path);
  }
  if (statSync(path).isDirectory()) throw new BitextError('is a folder, not a corpus store', path);
  let problem: string | null;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const result = db.pragma('quick_check', { simple: true });
      problem = result === 'ok' ? null : String(result);
    } finally {
      db.close();
    }
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem) throw new BitextError(`is not a sound corpus store (${problem}): it was left untouched`, path);
  return new CorpusStore(path);
}
