/**
 * The aligner's numbers, in one place. The same values serve every input: nothing
 * here is tuned to a text.
 */

/** The most sentences one side of a bead may hold. */
export const MAX_BEAD_SIDE = 5;
/** The most sentences a bead may hold in all. */
export const MAX_BEAD_SENTENCES = 6;

/** Score of a bead that leaves a sentence without counterpart: omissions are rare, and must be clear. */
export const NULL_BEAD_SCORE = -0.4;
/** Subtracted from every bead with both sides: a split must earn its extra bead. */
export const BEAD_COST = 0.05;

/** Candidate counterparts kept for each source sentence when looking for anchors. */
export const ANCHOR_CANDIDATES = 3;
/** Similarity a candidate needs to serve as an anchor. */
export const MIN_ANCHOR_SIMILARITY = 0.15;
/** Sentences of slack on either side of the anchor path. */
export const BAND_MARGIN = 6;
/**
 * Sentences of slack on either side of an earlier pass's path, which is already close:
 * on the benchmarks a margin of 2 finds the same beads as the anchors' margin.
 */
export const PATH_BAND_MARGIN = 3;
/**
 * The most sentences a bead's side may hold in the first pass, which only has to find
 * the path roughly and trusted beads to learn from; the larger beads are rare and the
 * costliest to score.
 */
export const FIRST_PASS_MAX_SIDE = 3;
/** How far from the diagonal, as a share of the target length, candidates are looked for (at least MIN_SEARCH_WINDOW). */
export const SEARCH_WINDOW_SHARE = 0.1;
export const MIN_SEARCH_WINDOW = 60;
/**
 * Target sentences the window and the key limit are shares of, at most: beyond a book of
 * this length both stop growing, so that finding anchors stays linear in the length.
 */
export const MAX_ANCHOR_REACH = 25_000;

/** Spread of the log length ratio of translations. */
export const LENGTH_SIGMA = 0.55;
/** Characters added to both lengths so that short sentences do not swing the ratio. */
export const LENGTH_SMOOTHING = 8;
/** How much the length fit counts against the lexical evidence in a bead's score. */
export const LENGTH_WEIGHT = 0.15;
/** Length fit below which a bead of more than two sentences is not considered (lengths about 5:1 off). */
export const MIN_LENGTH_FIT = 0.005;
/** Keys held by more than this share of target sentences are too common to find anchor candidates with. */
export const MAX_ANCHOR_KEY_SHARE = 0.05;
/** ...but a key held by at most this many sentences is always used. */
export const MIN_ANCHOR_KEY_LIMIT = 50;
/** Rounds of self-training: learn word translations from trusted beads, then align again. */
export const SELF_TRAINING_ROUNDS = 1;
/** Beads with at most this many sentences a side may teach the next round. */
export const TRUSTED_MAX_SIDE = 3;

/** English letters per Chinese character in typical translations, for scoring a lone pair. */
export const TYPICAL_LENGTH_RATIO = 3;
