import { type Journal, writeJournal } from '../journal.ts';
import type { FileSizes, ResultFiles } from './result-files.ts';
import type { RowText } from './row-text.ts';

/** What a checkpoint records beyond the files' sizes, which the output fills in. */
export type JournalDraft = Pick<Journal, 'input' | 'options' | 'records'>;

interface DecisionEntry {
  readonly id: string;
  readonly json: string;
}

/** Where an import's results go: results.csv, results.json and errors.csv, with the journal saying how far they got. */
export class ResultOutput {
  constructor(
    private readonly files: ResultFiles,
    private readonly dir: string,
  ) {}

  writeRow(row: RowText): void {
    this.files.writeRow(row);
  }

  /** One errors.csv line. */
  writeRejection(line: string): void {
    this.files.writeRejection(line);
  }

  /** Everything so far on disk, and the journal saying so. */
  checkpoint(journal: JournalDraft): void {
    this.record('running', journal, this.files.checkpoint());
  }

  /** A checkpoint marked interrupted; the partial files stay for `--resume`. */
  suspend(journal: JournalDraft): void {
    this.record('interrupted', journal, this.files.suspend());
  }

  /** Closes results.json with the decisions table and summary, renames the files into place, journal complete. */
  complete(decisions: readonly DecisionEntry[], summary: unknown, journal: JournalDraft): void {
    this.files.complete(decisions, summary);
    this.record('complete', journal, { results: 0, json: 0, errors: 0 });
  }

  private record(status: Journal['status'], journal: JournalDraft, sizes: FileSizes): void {
    writeJournal(this.dir, { version: 1, status, ...journal, jsonRows: this.files.rowsInJson, sizes: { ...sizes } });
  }
}
