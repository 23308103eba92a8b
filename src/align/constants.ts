/**
 * The aligner's numbers, in one place. The same values serve every input: nothing
 * here is tuned to a text.
 */

/** The most sentences one side of a bead may hold. */
export const MAX_BEAD_SIDE = 5;
/** The most sentences a bead may hold in all. */
export const MAX_BEAD_SENTENCES = 6;

/** Score of a bead that leaves a sentence without counterpart; every bead with both sides scores above 0. */
export const NULL_BEAD_SCORE = 0;

/** Candidate counterparts kept for each source sentence when looking for anchors. */
export const ANCHOR_CANDIDATES = 3;
/** Similarity a candidate needs to serve as an anchor. */
export const MIN_ANCHOR_SIMILARITY = 0.15;
/** Sentences of slack on either side of the anchor path. */
export const BAND_MARGIN = 6;
/** How far from the diagonal, as a share of the target length, candidates are looked for (at least MIN_SEARCH_WINDOW). */
export const SEARCH_WINDOW_SHARE = 0.1;
export const MIN_SEARCH_WINDOW = 60;

/** Spread of the log length ratio of translations, before it is estimated from the input. */
export const DEFAULT_LENGTH_SIGMA = 0.4;
/** Characters added to both lengths so that short sentences do not swing the ratio. */
export const LENGTH_SMOOTHING = 8;
/** How much the length fit counts against the lexical evidence in a bead's score. */
export const LENGTH_WEIGHT = 0.35;
