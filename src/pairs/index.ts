/**
 * The pairs stage: an aligned document's translation units, each with its role, score and flags.
 * Export, the store and the batch runner take pairs from here.
 */
export { DOUBTFUL_SQL, isDoubtful } from './doubtful.js';
export { chineseNamesInEnglish, flagsOf, LOW_CONFIDENCE } from './flags.js';
export { pairDocument } from './pairs.js';
