/**
 * A process storing a long document in steps, for the test of one killed halfway: it says
 * `started` once its first step is written, and goes on until the test kills it.
 */
import { CorpusStore } from '../src/store/index.js';
import { longDocument } from './long-document.js';

const [database, pairs] = process.argv.slice(2);
const store = new CorpusStore(database as string);
const storing = store.addDocumentInSteps(longDocument('half-stored', Number(pairs)));
process.stdout.write('started\n');
await storing;
