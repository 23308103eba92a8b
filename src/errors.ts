/**
 * The one error class for input the program cannot work with. The CLI prints its
 * message on one line and exits non-zero; every other error is a bug.
 */
export class BitextError extends Error {
  override readonly name = 'BitextError';

  constructor(
    message: string,
    /** The file the problem is in, when there is one; the CLI puts it first. */
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The message as the CLI prints it: `file: problem`. */
  get oneLine(): string {
    const text = this.file ? `${this.file}: ${this.message}` : this.message;
    return text.replace(/\s+/g, ' ').trim();
  }
}

/** A command line that cannot work as given (a file where a folder is needed, two options at odds): exit 2. */
export class UsageError extends BitextError {}
