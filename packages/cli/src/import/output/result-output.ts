import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Journal, writeJournal } from '../journal.ts';
import { type PackedBatch, RowPacker } from './packed-rows.ts';
import { type FileSizes, type ResultFiles, WorkFilesError } from './result-files.ts';
import type { RowText } from './row-text.ts';

/** What a checkpoint records beyond the files' sizes, which the output fills in. */
export type JournalDraft = Pick<Journal, 'input' | 'options' | 'records'>;

export interface DecisionEntry {
  readonly id: string;
  readonly json: string;
}

/**
 * Where an import's results go: results.csv, results.json and errors.csv with their journal. Written in this thread
 * (small files) or by a writer thread (large ones, see {@link openResultOutput}), in the same order with the same bytes.
 */
export interface ResultOutput {
  writeRow(row: RowText): void;
  /** One errors.csv line. */
  writeRejection(line: string): void;
  /** After each batch of records: hands the batch on, and waits while the writer is behind. */
  endBatch(): Promise<void>;
  /** Everything so far on disk, and the journal saying so. */
  checkpoint(journal: JournalDraft): Promise<void>;
  /** A checkpoint marked interrupted; the partial files stay for `--resume`. */
  suspend(journal: JournalDraft): Promise<void>;
  /**
   * Closes results.json with the decisions table and summary and renames the files into place; the journal still says
   * running (its checkpoint holds every row) until report.html is written too (see {@link markComplete}).
   */
  complete(decisions: readonly DecisionEntry[], summary: unknown, journal: JournalDraft): Promise<void>;
  /** Stops a writer thread after a failure elsewhere; files stay as they are. */
  abort(): Promise<void>;
}

/**
 * Writes in the calling thread. Also what the writer thread runs. A checkpoint waits for the disk on one of the
 * system's threads while rows go on being written; its journal is written when the disk is done, checkpoints in
 * order, and suspend and complete wait for the last one.
 */
export class LocalResultOutput implements ResultOutput {
  private journaled: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly files: ResultFiles,
    private readonly dir: string,
  ) {}

  writeRow(row: RowText): void {
    this.files.writeRow(row);
  }

  writeRejection(line: string): void {
    this.files.writeRejection(line);
  }

  async endBatch(): Promise<void> {
    this.check();
  }

  async checkpoint(journal: JournalDraft): Promise<void> {
    this.check();
    // Taken now, before any await: what the journal will say is what was written up to this call.
    const { sizes, jsonRows, synced } = this.files.checkpointLater();
    this.journaled = Promise.all([this.journaled, synced])
      .then(() => {
        if (this.failure === undefined) this.record('running', journal, sizes, jsonRows);
      })
      .catch((error: unknown) => {
        this.failure ??= error;
      });
  }

  async suspend(journal: JournalDraft): Promise<void> {
    await this.settle();
    this.record('interrupted', journal, this.files.suspend(), this.files.rowsInJson);
  }

  async complete(decisions: readonly DecisionEntry[], summary: unknown, journal: JournalDraft): Promise<void> {
    await this.settle();
    // Every row on disk first, in a checkpoint: a kill while the files are closed and renamed below leaves an
    // import that --resume finishes (ResultFiles.recover), never some final files beside partial ones.
    this.record('running', journal, this.files.syncAll(), this.files.rowsInJson);
    this.files.complete(decisions, summary);
  }

  /** Waits for the checkpoints under way (the files stay open meanwhile): on abort, the journal is then as it is. */
  async abort(): Promise<void> {
    await this.journaled;
  }

  private async settle(): Promise<void> {
    await this.journaled;
    this.check();
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private record(status: Journal['status'], journal: JournalDraft, sizes: FileSizes, jsonRows: number): void {
    writeJournal(this.dir, { version: 1, status, ...journal, jsonRows, sizes: { ...sizes } });
  }
}

/** Messages to the writer thread, in order. */
export type WriterMessage =
  | { readonly kind: 'batch'; readonly batch: PackedBatch }
  | { readonly kind: 'checkpoint'; readonly journal: JournalDraft }
  | { readonly kind: 'suspend'; readonly journal: JournalDraft }
  | {
      readonly kind: 'complete';
      readonly decisions: readonly DecisionEntry[];
      readonly summary: unknown;
      readonly journal: JournalDraft;
    };

/** Replies: a batch written, a suspend or complete done, or what went wrong (then nothing more is written). */
export type WriterReply =
  | { readonly kind: 'written' }
  | { readonly kind: 'done' }
  | {
      readonly kind: 'failed';
      readonly error: { message: string; code?: string; name?: string; syscall?: string; path?: string };
    };

/** The writer thread starts when a file is at least this big: below, starting it costs more than it saves. */
const THREAD_FROM_BYTES = 4 << 20;
/** Batches handed on and not yet written: past this, the reader waits (memory stays flat on a slow disk). */
const MAX_IN_FLIGHT = 4;
/**
 * Shared texts the thread keeps: a screening has a few thousand (person cells, results, decisions), but a file whose
 * person cells rarely repeat would make new ones without end.
 */
const MAX_HELD_TEXTS = 50_000;
/** The thread holds texts and a batch or two: small limits keep the process's peak memory down. */
const WRITER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 };

/**
 * The output for an import: a writer thread for large files on a machine with a second core (reading and scoring
 * then overlap with encoding and writing), else this thread. `TRIAGE_IMPORT_WRITER=thread` or `=local` overrides
 * the choice (tests, and a machine where the thread does not pay). `dir` must hold the files `ResultFiles.create` or
 * `ResultFiles.resume` opened; they are handed to the thread at their current sizes.
 */
export function openResultOutput(
  files: ResultFiles,
  dir: string,
  options: { readonly inputBytes: number },
): ResultOutput {
  const url = writerUrl();
  const forced = process.env.TRIAGE_IMPORT_WRITER;
  const threads =
    forced === 'thread' ||
    (forced !== 'local' && options.inputBytes >= THREAD_FROM_BYTES && availableParallelism() > 1);
  if (!threads || !url) return new LocalResultOutput(files, dir);
  const sizes = files.suspend();
  const workerData = { dir, sizes, jsonRows: files.rowsInJson };
  return new ThreadedResultOutput(new Worker(url, { workerData, resourceLimits: WRITER_LIMITS }));
}

/** The built writer (dist/import-writer.mjs); undefined when running from the TypeScript sources. */
function writerUrl(): URL | undefined {
  const here = import.meta.url;
  const dist = here.lastIndexOf('/dist/');
  return dist < 0 ? undefined : new URL('import-writer.mjs', here.slice(0, dist + '/dist/'.length));
}

/** Hands rows to a writer thread running result-writer.ts (exported for tests of a thread that fails). */
export class ThreadedResultOutput implements ResultOutput {
  private readonly packer = new RowPacker(MAX_HELD_TEXTS);
  private inFlight = 0;
  private closing = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WriterReply) => {
      if (reply.kind === 'failed') this.fail(fromThread(reply.error));
      else this.inFlight--;
      this.wake?.();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`the import writer stopped (exit code ${code})`));
      this.wake?.();
    });
  }

  writeRow(row: RowText): void {
    this.packer.row(row);
  }

  writeRejection(line: string): void {
    this.packer.rejection(line);
  }

  async endBatch(): Promise<void> {
    this.check();
    if (this.packer.empty) return;
    const batch = this.packer.take();
    this.worker.postMessage({ kind: 'batch', batch } satisfies WriterMessage, [batch.numbers.buffer]);
    this.inFlight++;
    while (this.inFlight > MAX_IN_FLIGHT && !this.failure) await this.reply();
    this.check();
  }

  async checkpoint(journal: JournalDraft): Promise<void> {
    await this.endBatch();
    this.post({ kind: 'checkpoint', journal });
  }

  async suspend(journal: JournalDraft): Promise<void> {
    await this.endBatch();
    this.inFlight++;
    this.post({ kind: 'suspend', journal });
    await this.drain();
  }

  async complete(decisions: readonly DecisionEntry[], summary: unknown, journal: JournalDraft): Promise<void> {
    await this.endBatch();
    this.inFlight++;
    // Only what the table needs: decision texts hold more, not all of it can pass to a thread.
    const table = decisions.map(({ id, json }) => ({ id, json }));
    this.post({ kind: 'complete', decisions: table, summary, journal });
    await this.drain();
  }

  async abort(): Promise<void> {
    this.closing = true;
    // A call still waiting for the thread ends too, with this.
    this.fail(new Error('the import writer was stopped'));
    this.wake?.();
    await this.worker.terminate();
  }

  private post(message: WriterMessage): void {
    this.worker.postMessage(message);
  }

  /** Until everything handed on is written, then the thread ends. */
  private async drain(): Promise<void> {
    try {
      while (this.inFlight > 0 && !this.failure) await this.reply();
      this.check();
    } finally {
      this.closing = true;
      await this.worker.terminate();
    }
  }

  private reply(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

/** An error the writer thread passed on as data, as the error it was where the importing thread tells them apart. */
function fromThread(error: { message: string; name?: string; code?: string; path?: string }): Error {
  if (error.name === 'WorkFilesError' && (error.code === 'missing' || error.code === 'damaged') && error.path)
    return new WorkFilesError(error.code, error.path);
  return Object.assign(new Error(error.message), error);
}
