import { Option } from 'commander';
import type { Store } from '../store/corpus.js';
import { parsePath } from './options.js';

/** Whether a `--db` value names a PostgreSQL server rather than a SQLite file. */
export const isPostgresUrl = (db: string): boolean => /^postgres(?:ql)?:\/\//i.test(db);

/** The SQLite file commands use when given no --db. */
export const DEFAULT_DATABASE = 'bitext.db';

/** `--db`: a SQLite file (the default) or a PostgreSQL URL, also from BITEXT_DB_URL so that a password stays out of `ps`. */
export function databaseOption(): Option {
  return new Option(
    '--db <file|url>',
    'the corpus store: a SQLite file, or a PostgreSQL server (postgres://…)',
  )
    .env('BITEXT_DB_URL')
    .argParser(parsePath)
    .default(DEFAULT_DATABASE);
}

/**
 * Opens the store a `--db` value names; each kind's code is loaded only when used. A store
 * that must already exist (export, search) is not made afresh from a mistyped file name.
 */
export async function openStore(db: string, options: { mustExist?: boolean } = {}): Promise<Store> {
  if (isPostgresUrl(db)) {
    const { PostgresStore } = await import('../store/postgres/index.js');
    return PostgresStore.open(db);
  }
  const [{ SqliteStore }, { openSqliteStore }] = await Promise.all([
    import('../store/corpus.js'),
    import('./sqlite-store.js'),
  ]);
  return new SqliteStore(openSqliteStore(db, options));
}
