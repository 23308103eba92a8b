import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { BitextError, TooLargeError, UnprocessableError } from '../errors.js';
import { type StoredDocumentReport, storeDocuments } from '../pipeline/store.js';
import type { CorpusStore } from '../store/index.js';
import type { AlignedUpload, UploadedFile } from './upload-worker.js';

export type { UploadedFile } from './upload-worker.js';

export interface UploadLimits {
  /** Heap one upload may use while it is read and aligned, in MB. */
  memoryMb: number;
  /** Time one upload may take to read and align, in seconds. */
  seconds: number;
}

/** Enough for a 45 MB PDF or a 30,000-pair book; a Word file that inflates to gigabytes is stopped. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { memoryMb: 1536, seconds: 120 };

/** Run from the TypeScript sources (tests), the worker loads them through tsx. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * The worker module: the built one, or, from the sources, a stub written to a temporary
 * file that registers tsx in the thread before loading them (--import does not reach a
 * worker's own imports on Node 20, and Piscina takes no data: URL).
 */
function workerModule(): string {
  const worker = new URL(`./upload-worker.${FROM_SOURCES ? 'ts' : 'js'}`, import.meta.url).href;
  if (!FROM_SOURCES) return worker;
  // The ESM build of tsx's API, next to the CommonJS one that require.resolve finds.
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(tsxApi).href;
  const stub = `import { register } from '${tsx}'; register(); export default (await import('${worker}')).default;`;
  const file = join(mkdtempSync(join(tmpdir(), 'bitext-worker-')), 'upload-worker.mjs');
  writeFileSync(file, stub);
  return pathToFileURL(file).href;
}

/**
 * Reads and aligns uploads in a worker thread, one at a time, with a heap cap and a time
 * limit: a file that needs more is refused with a clear message, the thread is ended, and
 * the studio goes on answering everyone else meanwhile.
 */
export class UploadPool {
  private readonly pool: Piscina;

  constructor(private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {
    this.pool = new Piscina({
      filename: workerModule(),
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    });
  }

  /**
   * Stores the documents of uploaded files. When nothing could be stored the first failure
   * is the error; otherwise the failures come back with the ids.
   */
  async store(
    store: CorpusStore,
    files: readonly UploadedFile[],
  ): Promise<{ ids: number[]; existing: number[]; failures: string[] }> {
    const { documents, failures } = await this.align(files);
    if (documents.length === 0) throw new BitextError(failures[0] ?? 'the upload holds no document');
    const stored: StoredDocumentReport[] = storeDocuments(store, documents);
    const existing = stored.filter((document) => document.existing).map((document) => document.id);
    return { ids: stored.map((document) => document.id), existing, failures };
  }

  private async align(files: readonly UploadedFile[]): Promise<AlignedUpload> {
    try {
      return (await this.pool.run(files, {
        signal: AbortSignal.timeout(this.limits.seconds * 1000),
      })) as AlignedUpload;
    } catch (error) {
      throw this.limitError(error);
    }
  }

  /** The limit a failed upload ran into, as the error the client sees; anything else is a bug. */
  private limitError(error: unknown): unknown {
    const { name, code } = error as { name?: string; code?: string };
    if (code === 'ERR_WORKER_OUT_OF_MEMORY')
      return new TooLargeError(
        `the upload needs more than the ${this.limits.memoryMb} MB of memory the studio gives one upload`,
      );
    if (name === 'AbortError' || name === 'TimeoutError')
      return new UnprocessableError(
        `the upload took longer than the ${this.limits.seconds} s the studio gives one upload to read and align`,
      );
    return error;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
