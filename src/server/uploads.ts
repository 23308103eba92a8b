import { type ChildProcess, fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BitextError, BusyError, TooLargeError, UnprocessableError } from '../errors.js';
import type { CorpusStore } from '../store/index.js';
import type { StoredUpload, UploadTask } from './align-upload.js';
import type { UploadOutcome } from './api-types.js';

export interface UploadLimits {
  /** Heap one upload may use while it is read and aligned, in MB. */
  memoryMb: number;
  /** Time one upload may take to read and align, in seconds. */
  seconds: number;
  /** Uploads read at once: each may take `memoryMb`, so together they must not exhaust the machine. */
  processes: number;
  /** Uploads that may wait for their turn; one more is refused (503) rather than kept waiting. */
  waiting: number;
}

/**
 * Enough for a 45 MB PDF or a 30,000-pair book; a Word file that inflates to gigabytes is
 * stopped. Two at once on a 2-core machine; the others wait.
 */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { memoryMb: 1536, seconds: 120, processes: 2, waiting: 8 };

/** Run from the TypeScript sources (tests), the upload process loads them through tsx. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const UPLOAD_PROCESS = fileURLToPath(
  new URL(`./upload-process.${FROM_SOURCES ? 'ts' : 'js'}`, import.meta.url),
);

/** What V8 prints when a heap runs out. */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit/i;
/** The end of an upload process's stderr is kept, to tell running out of memory from a crash. */
const KEPT_STDERR = 4096;

/** Uploads yield the processor to the studio's answers: nice 10, where the system allows it. */
function lowerPriority(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) setPriority(child.pid, 10);
  } catch {
    // Without the right to change priorities the upload runs at the studio's own.
  }
}

/** The process's answer: its outcome, or its error (`refused`: the upload's fault, a 400). */
type Message = { result: StoredUpload } | { error: string; refused: boolean };

/**
 * Lets the requests that came in meanwhile be answered: parsing a large upload, starting its
 * process and sending it the files each take tens of milliseconds, which one after another
 * would hold everyone else up for hundreds.
 */
function otherRequestsFirst(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Reads, aligns and stores each upload in a child process with a heap cap and a time limit. A file
 * that needs more is refused with a clear message and its process killed, while the studio
 * goes on answering everyone else. (A worker thread's heap cap is not enough: an allocation
 * past it aborts the whole process, studio included.)
 */
export class UploadRunner {
  private readonly running = new Set<ChildProcess>();
  /** Upload processes holding a turn, from their start to their exit. */
  private busy = 0;
  /** Uploads waiting for a turn, first come first served. */
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {}

  /**
   * Stores the documents of the files of an upload's request body (see readUploadBody), each
   * as the body's `duplicates` says where the library holds it already. When nothing could
   * be read the first failure is the error; otherwise the failures come back with the ids.
   */
  async store(store: CorpusStore, body: Uint8Array): Promise<UploadOutcome> {
    const { firstFailureStatus, ...outcome } = await this.run(store, { body, storePath: store.path });
    if (outcome.ids.length === 0 && outcome.duplicates.length === 0) {
      const message = outcome.failures[0] ?? 'the upload holds no document';
      throw firstFailureStatus === 413 ? new TooLargeError(message) : new BitextError(message);
    }
    return outcome;
  }

  /** Waits until fewer than `processes` upload processes run; refused at once when the queue is full. */
  private async takeTurn(): Promise<void> {
    if (this.busy < this.limits.processes) {
      this.busy++;
      return;
    }
    if (this.queue.length >= this.limits.waiting)
      throw new BusyError(
        `the studio already has ${this.busy + this.queue.length} uploads to read: try again when they are done`,
      );
    // The turn passes straight from the process that ends to this one: `busy` stays as it is.
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  private endTurn(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.busy--;
  }

  /**
   * Reads, aligns and stores files in a process of their own, once it is their turn; the turn
   * ends when the process does, and whatever it left half stored is deleted.
   */
  private async run(store: CorpusStore, task: UploadTask): Promise<StoredUpload> {
    await this.takeTurn();
    await otherRequestsFirst();
    const child = this.start();
    await otherRequestsFirst();
    return new Promise<StoredUpload>((resolve, reject) => {
      let stderr = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, this.limits.seconds * 1000);
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-KEPT_STDERR);
      });
      child.once('message', (message: Message) => {
        if ('result' in message) resolve(message.result);
        else reject(message.refused ? new BitextError(message.error) : new Error(message.error));
      });
      child.once('exit', () => {
        clearTimeout(timer);
        this.running.delete(child);
        // A cleanup that fails (the studio closing its store) is done when the store is next opened.
        const leftovers = child.pid === undefined ? Promise.resolve() : store.dropHeldBy(child.pid);
        leftovers
          .catch(() => undefined)
          .finally(() => {
            this.endTurn();
            reject(this.failure(timedOut, stderr));
          });
      });
      child.send(task);
    });
  }

  private start(): ChildProcess {
    const child = fork(UPLOAD_PROCESS, [], {
      execArgv: [
        `--max-old-space-size=${this.limits.memoryMb}`,
        ...(FROM_SOURCES ? ['--import', 'tsx'] : []),
      ],
      // The token stays with the studio: reading files needs no secret.
      env: { ...process.env, BITEXT_TOKEN: '' },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.running.add(child);
    lowerPriority(child);
    return child;
  }

  /** Why an upload process ended without an answer, as the error the client sees. */
  private failure(timedOut: boolean, stderr: string): Error {
    if (timedOut)
      return new UnprocessableError(
        `the upload took longer than the ${this.limits.seconds} s the studio gives one upload to read and align`,
      );
    if (OUT_OF_MEMORY.test(stderr))
      return new TooLargeError(
        `the upload needs more than the ${this.limits.memoryMb} MB of memory the studio gives one upload`,
      );
    return new Error(`the upload process ended unexpectedly: ${stderr.trim().split('\n').pop() ?? ''}`);
  }

  /** Ends the uploads still running (when the studio closes). */
  close(): void {
    for (const child of this.running) child.kill('SIGKILL');
  }
}
