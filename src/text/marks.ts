/** A footnote mark as it follows the end of a sentence: `[1]`, `①`, `¹`. For building patterns. */
export const FOOTNOTE_MARK = String.raw`(?:\[\d{1,3}\]|[①-⑳]|[¹²³⁴-⁹⁰]+)`;
