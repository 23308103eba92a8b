/** What the studio's JSON API sends and takes, shared with the web app (no imports: the web app type-checks it alone). */

/**
 * What an upload does with a document the library holds already (the same content, or the
 * same name): asks (stores it not, and names the documents it would duplicate), replaces
 * them, or keeps both.
 */
export const DUPLICATE_CHOICES = ['ask', 'replace', 'keep'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

/** An uploaded document not stored, for the reviewer to choose: the stored ones it would duplicate. */
export interface UploadDuplicate {
  name: string;
  existing: { id: number; name: string }[];
}

/** The answer to an upload: the documents stored, those waiting for a choice, the files not read. */
export interface UploadOutcome {
  ids: number[];
  duplicates: UploadDuplicate[];
  failures: string[];
}
