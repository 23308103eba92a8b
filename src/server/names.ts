import { basename } from 'node:path';

/** Keeps only the base name of a client-given file name, without anything a path could use. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^\.+/, '');
  return base === '' ? 'upload.txt' : base.slice(0, 100);
}
