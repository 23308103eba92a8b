/**
 * A second process editing a corpus store, for the test of two processes at once: it
 * confirms the pairs of one parity, each on the version it reads, and reports how many
 * went through and how many were refused as stale.
 */
import { CorpusStore, StaleEditError } from '../src/store/index.js';

const [database, document, parity, contestedVersion] = process.argv.slice(2);
const store = new CorpusStore(database as string);
let confirmed = 0;
let stale = 0;
const rows = store.rows(Number(document));
// Both processes first confirm the same pair on the version the test read: one of them loses.
const contested = rows[0] && { ...rows[0], version: Number(contestedVersion) };
const mine = rows.filter((_, k) => k > 0 && k % 2 === Number(parity));
for (const row of contested ? [contested, ...mine] : mine) {
  try {
    await store.editor().confirm({ id: row.id, version: row.version }, `process ${parity}`);
    confirmed++;
  } catch (error) {
    if (!(error instanceof StaleEditError)) throw error;
    stale++;
  }
}
store.close();
process.stdout.write(JSON.stringify({ confirmed, stale }));
