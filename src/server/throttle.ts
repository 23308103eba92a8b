import { TooManyRequestsError } from '../errors.js';

/** Wrong tokens an address may send before it has to wait: enough for a person’s typing slips. */
const FREE_FAILURES = 5;
/** The wait after the first failure past the free ones; each further failure doubles it. */
const FIRST_WAIT_MS = 1000;
/** The longest wait: a quarter of an hour. */
const LONGEST_WAIT_MS = 15 * 60 * 1000;
/** An address quiet for this long starts again from its free failures. */
const FORGET_AFTER_MS = 60 * 60 * 1000;
/** Addresses tracked at most; past it the longest quiet one is forgotten, so memory stays bounded. */
export const TRACKED_ADDRESSES = 10_000;

interface Failures {
  count: number;
  last: number;
  /** When the address may try again (epoch ms). */
  until: number;
}

/**
 * Slows down guessing of the studio's token: after a few wrong tokens from one address,
 * each further one doubles the time that address must wait before its next try (429 with
 * Retry-After). A right token clears its address.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws 429 while `address` must still wait. */
  check(address: string): void {
    const entry = this.failures.get(address);
    const waitMs = entry ? entry.until - this.now() : 0;
    if (waitMs > 0)
      throw new TooManyRequestsError(
        `too many wrong tokens from ${address}: try again in ${Math.ceil(waitMs / 1000)} s`,
        Math.ceil(waitMs / 1000),
      );
  }

  failed(address: string): void {
    const now = this.now();
    const previous = this.failures.get(address);
    const count = previous && now - previous.last < FORGET_AFTER_MS ? previous.count + 1 : 1;
    const over = count - FREE_FAILURES;
    const until = over > 0 ? now + Math.min(FIRST_WAIT_MS * 2 ** (over - 1), LONGEST_WAIT_MS) : 0;
    // Deleted and set again, so that the map's order is from the longest quiet address to the latest.
    this.failures.delete(address);
    this.failures.set(address, { count, last: now, until });
    this.forgetOldest();
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }

  /** Addresses tracked now. */
  get size(): number {
    return this.failures.size;
  }

  private forgetOldest(): void {
    for (const address of this.failures.keys()) {
      if (this.failures.size <= TRACKED_ADDRESSES) return;
      this.failures.delete(address);
    }
  }
}
