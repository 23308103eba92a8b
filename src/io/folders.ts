import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BitextError } from '../errors.js';

/**
 * Makes a folder and the folders above it that are missing, one level at a time, and
 * names the folder in one line when it cannot be made. Node's `mkdirSync(…, { recursive })`
 * loops for ever where a parent exists but refuses children (`/proc/x`).
 */
export function makeFolders(path: string): void {
  const missing: string[] = [];
  let folder = path;
  for (; !existsSync(folder) && dirname(folder) !== folder; folder = dirname(folder)) missing.unshift(folder);
  if (existsSync(folder) && !statSync(folder).isDirectory())
    throw new BitextError('is a file, not a folder the output can go in', folder);
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new BitextError(`the folder cannot be made (${code})`, level, { cause: error });
    }
  }
}
