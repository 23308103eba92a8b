/**
 * The one error class for input the program cannot work with. The CLI prints its
 * message on one line and exits non-zero; every other error is a bug. The studio
 * answers it with its `status`: 400 here, more precise in the subclasses below.
 */
export class BitextError extends Error {
  override readonly name: string = 'BitextError';
  /** The HTTP status the studio answers with. */
  readonly status: number = 400;

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

/** A document, pair or sentence that does not exist. */
export class NotFoundError extends BitextError {
  override readonly name = 'NotFoundError';
  override readonly status = 404;
}

/** A request that contradicts the stored state: a stale edit, say. */
export class ConflictError extends BitextError {
  override readonly name: string = 'ConflictError';
  override readonly status = 409;
}

/** An output file that exists: never replaced unless the caller says so (`force`). */
export class OutputExistsError extends ConflictError {
  override readonly name = 'OutputExistsError';

  constructor(path: string) {
    super('already exists', path);
  }

  /** On the command line, with the option that replaces it. */
  override get oneLine(): string {
    return `${super.oneLine} (use --force to replace it)`;
  }
}

/** Input over a limit (bytes, memory): refused rather than worked on. */
export class TooLargeError extends BitextError {
  override readonly name = 'TooLargeError';
  override readonly status = 413;
}

/** Well-formed input that cannot be worked with in the time allowed. */
export class UnprocessableError extends BitextError {
  override readonly name = 'UnprocessableError';
  override readonly status = 422;
}

/** A request the studio cannot take now (too much work in hand); the same request may succeed later. */
export class BusyError extends BitextError {
  override readonly name = 'BusyError';
  override readonly status = 503;
}

/** A request without valid credentials. */
export class UnauthorizedError extends BitextError {
  override readonly name = 'UnauthorizedError';
  override readonly status = 401;
}

/** A request refused whatever its credentials: from another site, for another host. */
export class ForbiddenError extends BitextError {
  override readonly name = 'ForbiddenError';
  override readonly status = 403;
}

/** A command line that cannot work as given (a file where a folder is needed, two options at odds): exit 2. */
export class UsageError extends BitextError {
  override readonly name = 'UsageError';
}

/** A client that must wait before it asks again: too many wrong tokens, say. */
export class TooManyRequestsError extends BitextError {
  override readonly name = 'TooManyRequestsError';
  override readonly status = 429;

  constructor(
    message: string,
    /** Whole seconds until the client may ask again, as the Retry-After header says. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
