import { describe, expect, it } from 'vitest';
import type { TooManyRequestsError } from '../src/errors.js';
import { SignInThrottle, TRACKED_ADDRESSES } from '../src/server/throttle.js';

/** The seconds `address` must wait, 0 when it may try now. */
function waitOf(throttle: SignInThrottle, address: string): number {
  try {
    throttle.check(address);
    return 0;
  } catch (error) {
    return (error as TooManyRequestsError).retryAfterSeconds;
  }
}

describe('the sign-in throttle', () => {
  it('lets five wrong tokens through, then doubles the wait with each, up to a quarter of an hour', () => {
    const throttle = new SignInThrottle(() => 0);
    const waits: number[] = [];
    for (let failure = 0; failure < 16; failure++) {
      throttle.failed('a');
      waits.push(waitOf(throttle, 'a'));
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]);
  });

  it('clears an address on a right token, and forgets one quiet for an hour', () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let failure = 0; failure < 6; failure++) throttle.failed('a');
    expect(waitOf(throttle, 'a')).toBe(1);
    throttle.succeeded('a');
    expect(waitOf(throttle, 'a')).toBe(0);
    for (let failure = 0; failure < 5; failure++) throttle.failed('b');
    now += 60 * 60 * 1000;
    throttle.failed('b');
    expect(waitOf(throttle, 'b')).toBe(0);
  });

  it('tracks a bounded number of addresses, forgetting the longest quiet first', () => {
    const throttle = new SignInThrottle();
    for (let failure = 0; failure < 6; failure++) throttle.failed('guesser');
    for (let address = 0; address < TRACKED_ADDRESSES - 1; address++) throttle.failed(`other-${address}`);
    expect(throttle.size).toBe(TRACKED_ADDRESSES);
    throttle.failed('guesser');
    throttle.failed('one-more');
    expect(throttle.size).toBe(TRACKED_ADDRESSES);
    expect(waitOf(throttle, 'guesser')).toBeGreaterThan(0);
    expect(waitOf(throttle, 'other-0')).toBe(0);
  });
});
