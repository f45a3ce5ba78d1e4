import { type Journal, writeJournal } from '../journal.ts';
import type { FileSizes, ResultFiles } from './result-files.ts';
import type { RowText } from './row-text.ts';

/** What a checkpoint records beyond the files' sizes, which the output fills in. */
export type JournalDraft = Pick<Journal, 'input' | 'options' | 'records'>;

export interface DecisionEntry {
  readonly id: string;
  readonly json: string;
}

/**
 * Where an import's results go: results.csv, results.json and errors.csv with their journal. Asynchronous so that a
 * writer in another thread can stand behind it (tried: branch wip/writer-thread).
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
  /** Closes results.json with the decisions table and summary, renames the files into place, journal complete. */
  complete(decisions: readonly DecisionEntry[], summary: unknown, journal: JournalDraft): Promise<void>;
  /** Stops writing after a failure elsewhere; files stay as they are. */
  abort(): Promise<void>;
}

/** Writes in the calling thread. */
export class LocalResultOutput implements ResultOutput {
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

  async endBatch(): Promise<void> {}

  async checkpoint(journal: JournalDraft): Promise<void> {
    this.record('running', journal, this.files.checkpoint());
  }

  async suspend(journal: JournalDraft): Promise<void> {
    this.record('interrupted', journal, this.files.suspend());
  }

  async complete(decisions: readonly DecisionEntry[], summary: unknown, journal: JournalDraft): Promise<void> {
    this.files.complete(decisions, summary);
    this.record('complete', journal, { results: 0, json: 0, errors: 0 });
  }

  async abort(): Promise<void> {}

  private record(status: Journal['status'], journal: JournalDraft, sizes: FileSizes): void {
    writeJournal(this.dir, { version: 1, status, ...journal, jsonRows: this.files.rowsInJson, sizes: { ...sizes } });
  }
}
