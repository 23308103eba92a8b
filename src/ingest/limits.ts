/**
 * How much a reader takes on before it refuses an input. Each is checked before the work
 * it bounds, so a hostile or broken file costs one line of error, not the memory or time
 * of the batch. Callers that read untrusted uploads (the studio) may set lower ones.
 */
export interface ReadLimits {
  /** Bytes of one input file, as stored. */
  inputBytes: number;
  /** Bytes a Word file's parts add up to once decompressed. */
  wordExpandedBytes: number;
  /** Parts (zip entries) in a Word file. */
  wordEntries: number;
  /** XML elements in a Word file's parts: the Word reader keeps an object of some 1 KB for each. */
  wordElements: number;
  /** Pages of a PDF. */
  pdfPages: number;
  /** Pieces of text on one page of a PDF: the layout compares them with one another. */
  pdfPageRuns: number;
  /** Elements nested inside one another in a web page (or a Word file's converted HTML). */
  htmlDepth: number;
  /** Attributes in one tag of a web page: the HTML parser checks each against the others. */
  htmlAttributes: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = {
  inputBytes: 200 * 1024 * 1024,
  wordExpandedBytes: 100 * 1024 * 1024,
  wordEntries: 5000,
  wordElements: 1_000_000,
  pdfPages: 2000,
  pdfPageRuns: 20_000,
  htmlDepth: 1000,
  htmlAttributes: 1000,
};

/** The default limits, with any the caller sets in their place. */
export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/** A size in bytes as a person reads it: `300 MB`, `12 KB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
