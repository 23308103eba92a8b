import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Debian's Chromium, which the browser tests drive through playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';
export const WEB_ROOT = resolve('web/dist');
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Browser tests skip without Chromium or the built web app on a developer's laptop only:
 * with CI set they run, and fail when either is missing.
 */
export const browserTestsSkip = !process.env.CI && (!existsSync(CHROMIUM) || !existsSync(WEB_ROOT));
