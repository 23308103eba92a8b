/**
 * Whether a test that needs something from the machine (Chromium, CJK fonts, PostgreSQL)
 * must skip for want of it. On a developer's laptop a missing requirement skips the test;
 * with `CI` set nothing may hide, so a missing one fails the test file, naming it.
 *
 *     describe.skipIf(unavailable({ 'CJK fonts': cjkFontsInstalled() }))('…', () => { … });
 */
export function unavailable(requirements: Record<string, boolean>): boolean {
  const missing = Object.entries(requirements)
    .filter(([, present]) => !present)
    .map(([name]) => name);
  if (missing.length === 0) return false;
  if (process.env.CI)
    throw new Error(
      `CI is set, so nothing may skip, but ${missing.join(' and ')} missing: install it in .ci/run`,
    );
  return true;
}
