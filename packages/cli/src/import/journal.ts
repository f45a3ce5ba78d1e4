import { join } from 'node:path';
import { writePrivateFile } from './output/private-file.ts';
import { OUTPUT_FILES } from './output/result-files.ts';

/**
 * The import's journal in its output folder: which file with which options, and how far the output files got at the
 * last checkpoint. A resumed import checks both and cuts the files back to the recorded sizes; a re-run of the same
 * file and options replaces the results with identical ones. Read in read-journal.ts (with its schema, kept out of
 * here so the writer thread, which only writes it, does not load zod).
 */
export interface Journal {
  readonly version: 1;
  readonly status: 'running' | 'interrupted' | 'complete';
  readonly input: { readonly file: string; readonly size: number; readonly sha256: string };
  /** sha256 of the options that change results (instruments, mapping, rules, coding …). */
  readonly options: string;
  /** Source records (header, blank and data rows alike) fully written at the checkpoint. */
  readonly records: number;
  readonly jsonRows: number;
  readonly sizes: { readonly results: number; readonly json: number; readonly errors: number };
}

export function journalPath(dir: string): string {
  return join(dir, OUTPUT_FILES.journal);
}

/** Written whole and renamed into place, so a kill at any moment leaves the old or the new journal, never half. */
export function writeJournal(dir: string, journal: Journal): void {
  writePrivateFile(journalPath(dir), `${JSON.stringify(journal, null, 2)}\n`);
}
