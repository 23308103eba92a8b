import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BitextError } from '../errors.js';

/** The files a folder is searched for: text, Markdown, web pages, PDF and Word files. */
const DOCUMENT_FILE = /\.(?:txt|md|markdown|text|en|zh|html?|xhtml|pdf|docx)$/i;

export interface ExpandedInputs {
  files: string[];
  /** One line per input or folder entry that could not be read, naming it. */
  failures: string[];
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a link that leads back to itself';
  return `cannot be read (${code ?? (error as Error).message})`;
}

/** Walks folders once per real path, so that links back up the tree (`self -> .`) end. */
class FolderWalk {
  readonly files: string[] = [];
  readonly failures: string[] = [];
  private readonly seen = new Set<string>();

  /** Adds a file once, or a folder's documents, its sub-folders walked without recursion. */
  add(path: string, given: boolean): void {
    const real = this.realPath(path);
    if (real === null || this.seen.has(real)) return;
    this.seen.add(real);
    if (!statSync(real).isDirectory()) {
      if (given || DOCUMENT_FILE.test(path)) this.files.push(path);
      return;
    }
    const found = this.files.length;
    const pending = [path];
    for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
      for (const entry of this.entries(folder)) {
        const inside = join(folder, entry.name);
        const isFolder = this.isFolder(entry, inside);
        if (isFolder === null) continue;
        if (isFolder) {
          const realFolder = this.realPath(inside);
          if (realFolder !== null && !this.seen.has(realFolder)) {
            this.seen.add(realFolder);
            pending.push(inside);
          }
        } else if (DOCUMENT_FILE.test(entry.name)) this.add(inside, false);
      }
    }
    this.files.push(...this.files.splice(found).sort());
    if (this.files.length === found)
      this.failures.push(new BitextError('holds no text, HTML, PDF or Word files', path).oneLine);
  }

  private realPath(path: string): string | null {
    try {
      return realpathSync(path);
    } catch (error) {
      this.failures.push(new BitextError(reason(error), path).oneLine);
      return null;
    }
  }

  private entries(folder: string): Dirent[] {
    try {
      return readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (error) {
      this.failures.push(new BitextError(`${reason(error)} (folder skipped)`, folder).oneLine);
      return [];
    }
  }

  /** Whether an entry is a folder, following a link; null, and reported, for a link that leads nowhere. */
  private isFolder(entry: Dirent, path: string): boolean | null {
    if (!entry.isSymbolicLink()) return entry.isDirectory();
    try {
      return statSync(path).isDirectory();
    } catch (error) {
      this.failures.push(new BitextError(`${reason(error)} (skipped)`, path).oneLine);
      return null;
    }
  }
}

/**
 * The files named on the command line, with folders expanded to the documents inside
 * them, in name order. Each real file and folder counts once however many links lead
 * to it; an entry that cannot be read is named in `failures`, and the rest go on.
 */
export function expandInputs(inputs: readonly string[]): ExpandedInputs {
  const walk = new FolderWalk();
  for (const input of inputs) walk.add(input, true);
  return { files: walk.files, failures: walk.failures };
}
