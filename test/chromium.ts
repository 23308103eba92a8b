import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { unavailable } from './requirements.js';

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
 * with CI set they fail, naming what is missing.
 */
export const browserTestsSkip = unavailable({
  Chromium: existsSync(CHROMIUM),
  'the built web app (npm run build)': existsSync(WEB_ROOT),
});
