import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BitextError } from '../errors.js';

/**
 * Writes a file so that it is either whole or absent: the text goes to a temporary file
 * beside it, which is renamed over the target only once complete.
 */
export function writeFileAtomic(path: string, text: string, options: { force?: boolean } = {}): void {
  if (!options.force && existsSync(path))
    throw new BitextError('already exists (use --force to replace it)', path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot be written (${code})`;
    throw new BitextError(reason, path, { cause: error });
  }
}
