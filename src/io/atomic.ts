import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BitextError, OutputExistsError } from '../errors.js';
import { isRunning } from './processes.js';

/** One file to write: where, and what. */
export interface OutputFile {
  path: string;
  text: string;
}

export interface WriteOptions {
  /** Replace files that exist. */
  force?: boolean;
  /** Files that must never be written over, whatever the name they are reached by: the inputs. */
  inputs?: readonly string[];
}

const PARTIAL = /^\.(.+)\.(\d+)\.partial$/;

function partialName(path: string, pid: number): string {
  return join(dirname(path), `.${basename(path)}.${pid}.partial`);
}

/** Removes what a run killed while writing this file left behind: its `.partial` files. */
function removeStalePartials(path: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const match = PARTIAL.exec(name);
    if (match?.[1] === basename(path) && !isRunning(Number(match[2])))
      rmSync(join(dirname(path), name), { force: true });
  }
}

/** The same file: one device and inode, whether reached by its name, a link or another path. */
function sameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [statSync(a), statSync(b)];
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}

function checkTarget(path: string, options: WriteOptions): void {
  if (options.inputs?.some((input) => sameFile(path, input)))
    throw new BitextError('is one of the inputs: choose another output', path);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new BitextError('is a folder: choose another output', path);
  if (!options.force && existsSync(path)) throw new OutputExistsError(path);
}

function writeError(path: string, error: unknown): BitextError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'its folder does not exist'
      : code === 'EACCES'
        ? 'permission denied'
        : code === 'ENOSPC'
          ? 'cannot be written: no space left on the device'
          : `cannot be written (${code})`;
  return new BitextError(reason, path, { cause: error });
}

/**
 * Writes files so that they are all whole or all absent (Moses' `.en` never without its
 * `.zh`): each text goes to a temporary file beside its target, and only once every one
 * is complete are they renamed over the targets. An input is never a target, and
 * temporaries a killed run left for these targets are removed first.
 */
export function writeFilesAtomic(files: readonly OutputFile[], options: WriteOptions = {}): void {
  for (const file of files) checkTarget(file.path, options);
  const written: string[] = [];
  for (const file of files) {
    removeStalePartials(file.path);
    const temporary = partialName(file.path, process.pid);
    try {
      writeFileSync(temporary, file.text);
      written.push(temporary);
    } catch (error) {
      for (const done of written) rmSync(done, { force: true });
      throw writeError(file.path, error);
    }
  }
  files.forEach((file, i) => {
    renameSync(written[i] as string, file.path);
  });
}

/** Writes one file so that it is either whole or absent. */
export function writeFileAtomic(path: string, text: string, options: WriteOptions = {}): void {
  writeFilesAtomic([{ path, text }], options);
}
