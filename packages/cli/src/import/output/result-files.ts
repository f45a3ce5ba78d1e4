import { existsSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InstrumentDefinition } from '@triage/scales';
import { csvLine, UTF8_BOM } from './csv-cell.ts';
import { makePrivateDirs } from './private-dir.ts';
import { PrivateFile } from './private-file.ts';
import { type RowText, writeCsvRow, writeJsonRow } from './row-text.ts';

/** The files an import writes into its output folder. */
export const OUTPUT_FILES = {
  results: 'results.csv',
  json: 'results.json',
  errors: 'errors.csv',
  report: 'report.html',
  journal: '.triage-import.json',
} as const;

/** Files written row by row carry this suffix until the import completes, then are renamed. */
export const PARTIAL = '.partial';

type StreamedFile = 'results' | 'json' | 'errors';

/**
 * The partial files of an interrupted import cannot be resumed: one is missing, or shorter than its checkpoint says
 * (deleted, cut, copied in part). Only a fresh import can make the results again.
 */
export class WorkFilesError extends Error {
  constructor(
    readonly code: 'missing' | 'damaged',
    /** The partial file at fault. */
    readonly path: string,
  ) {
    super(`${path}: ${code === 'missing' ? 'missing' : 'shorter than its checkpoint'}`);
    // Said by name across the writer thread (result-output.ts), which passes errors on as plain data.
    this.name = 'WorkFilesError';
  }
}
const STREAMED: readonly StreamedFile[] = ['results', 'json', 'errors'];

export type FileSizes = Readonly<Record<StreamedFile, number>>;

/** One output row of results.csv, as cells in {@link ResultFiles.resultHeader} order. */
export type Cells = readonly (string | number | null)[];

export interface ResultLayout {
  readonly instruments: readonly InstrumentDefinition[];
  /** The input is a workbook: rows are named by sheet and row. */
  readonly sheets: boolean;
  readonly pseudonymize: boolean;
  /** Header of the (first) source sheet: errors.csv repeats rejected rows under it. */
  readonly sourceHeader: readonly string[];
}

/** results.csv columns: where the row came from, who (never a name), the decision, then each instrument's result. */
function resultHeader(layout: ResultLayout): string[] {
  return [
    ...(layout.sheets ? ['sheet'] : []),
    'line',
    layout.pseudonymize ? 'pseudonym' : 'student_id',
    'sex',
    'age',
    'grade',
    'class',
    'school',
    'level',
    'level_name',
    'category',
    'actions',
    'referrals',
    'follow_up',
    ...layout.instruments.flatMap((d) => instrumentColumns(d).map((c) => `${d.id}_${c}`)),
    'duplicate_of',
    'reasons',
  ];
}

/**
 * An instrument's columns (after `<id>_`), in the order `scoreCells` (result-cells.ts) fills them: total, index, total mean (SCL-90
 * GSI), band, positive items and their mean, each screening rule (true/false, empty when undecided), protocol
 * validity, then each subscale's score and its band where it has bands of its own (DASS-21, SCL-90 factors).
 */
function instrumentColumns(d: InstrumentDefinition): string[] {
  return [
    'total',
    ...(d.index ? ['index'] : []),
    ...(d.mean ? ['mean'] : []),
    'band',
    ...(d.positiveItems ? ['positive_items', 'positive_mean'] : []),
    ...(d.screens ?? []).map((s) => s.id),
    ...(d.validity ? ['valid'] : []),
    ...(d.subscales ?? []).flatMap((s) => (s.bandSets?.length ? [s.id, `${s.id}_band`] : [s.id])),
    'flags',
    'missing',
  ];
}

function errorHeader(layout: ResultLayout): string[] {
  return [
    ...(layout.sheets ? ['_sheet'] : []),
    '_line',
    '_code',
    '_column',
    '_message',
    '_urgent',
    ...layout.sourceHeader,
  ];
}

/**
 * results.csv, results.json and errors.csv, written as `*.partial` row by row and renamed when the import completes.
 * Their byte sizes are the checkpoint: a resumed import cuts them back to the last checkpoint and writes on.
 */
export class ResultFiles {
  private constructor(
    private readonly dir: string,
    private readonly files: Readonly<Record<StreamedFile, PrivateFile>>,
    private jsonRows: number,
  ) {}

  static create(dir: string, layout: ResultLayout, meta: unknown): ResultFiles {
    makePrivateDirs(dir);
    const open = (name: StreamedFile) => PrivateFile.create(partialPath(dir, name));
    const files = { results: open('results'), json: open('json'), errors: open('errors') };
    files.results.write(UTF8_BOM + csvLine(resultHeader(layout)));
    files.errors.write(UTF8_BOM + csvLine(errorHeader(layout)));
    files.json.write(`{\n"import": ${JSON.stringify(meta)},\n"results": [`);
    return new ResultFiles(dir, files, 0);
  }

  /** Reopens the partial files of an interrupted import at the sizes its last checkpoint recorded. */
  static resume(dir: string, sizes: FileSizes, jsonRows: number): ResultFiles {
    for (const name of STREAMED) {
      const path = partialPath(dir, name);
      const size = statSync(path, { throwIfNoEntry: false })?.size;
      if (size === undefined) throw new WorkFilesError('missing', path);
      if (size < sizes[name]) throw new WorkFilesError('damaged', path);
    }
    const open = (name: StreamedFile) => PrivateFile.resume(partialPath(dir, name), sizes[name]);
    return new ResultFiles(dir, { results: open('results'), json: open('json'), errors: open('errors') }, jsonRows);
  }

  /** Whether an interrupted import left partial files here. */
  static hasPartial(dir: string): boolean {
    return STREAMED.every((name) => existsSync(partialPath(dir, name)));
  }

  /** Whether any of the work files is there (an import killed while it made them has some). */
  static hasAnyPartial(dir: string): boolean {
    return STREAMED.some((name) => existsSync(partialPath(dir, name)));
  }

  /**
   * An import killed while its files were moved to their final names (after its last checkpoint, which holds every
   * row): the files already moved go back to their partial names, so `--resume` cuts them back and completes again.
   * For a journal that is not `complete` only. Throws {@link WorkFilesError} when a partial file is not there either.
   */
  static recover(dir: string): void {
    for (const name of STREAMED) {
      const final = join(dir, OUTPUT_FILES[name]);
      if (!existsSync(partialPath(dir, name)) && existsSync(final)) renameSync(final, partialPath(dir, name));
    }
    const missing = STREAMED.map((name) => partialPath(dir, name)).find((path) => !existsSync(path));
    if (missing !== undefined) throw new WorkFilesError('missing', missing);
    // The report is made again from every row when the import completes (a kill may have left it half-written).
    rmSync(join(dir, OUTPUT_FILES.report), { force: true });
    rmSync(join(dir, `${OUTPUT_FILES.report}.tmp`), { force: true });
  }

  /** Results of an earlier completed import, removed before a fresh one starts writing. */
  static discardComplete(dir: string): void {
    for (const name of [...STREAMED, 'report'] as const) rmSync(join(dir, OUTPUT_FILES[name]), { force: true });
  }

  /** An import that cannot finish: its partial files and journal removed, and the folder if that leaves it empty. */
  static discardUnfinished(dir: string): void {
    ResultFiles.discardPartial(dir);
    rmSync(join(dir, OUTPUT_FILES.journal), { force: true });
    try {
      rmdirSync(dir);
    } catch {
      // Not empty: something else lives there; leave it.
    }
  }

  /** Partial files of an abandoned import, removed before a fresh one starts. */
  static discardPartial(dir: string): void {
    for (const name of STREAMED) rmSync(partialPath(dir, name), { force: true });
  }

  get rowsInJson(): number {
    return this.jsonRows;
  }

  /** One result: its results.csv line and its results.json entry. */
  writeRow(row: RowText): void {
    writeCsvRow(this.files.results, row);
    this.files.json.write(this.jsonRows === 0 ? '\n' : ',\n');
    writeJsonRow(this.files.json, row);
    this.jsonRows++;
  }

  /** One errors.csv line (see `csvLine`). */
  writeRejection(line: string): void {
    this.files.errors.write(line);
  }

  /**
   * A checkpoint that does not wait for the disk: the sizes now (flushed), and a promise that they are on disk.
   * Writing may go on meanwhile; the files must not be closed before the promise settles.
   */
  checkpointLater(): { readonly sizes: FileSizes; readonly jsonRows: number; readonly synced: Promise<void> } {
    for (const name of STREAMED) this.files[name].flush();
    const synced = Promise.all(STREAMED.map((name) => this.files[name].syncLater())).then(() => undefined);
    return { sizes: this.sizes(), jsonRows: this.jsonRows, synced };
  }

  /** Flushes and syncs every file: their sizes, all on disk. */
  syncAll(): FileSizes {
    for (const name of STREAMED) this.files[name].sync();
    return this.sizes();
  }

  private sizes(): FileSizes {
    return { results: this.files.results.bytes, json: this.files.json.bytes, errors: this.files.errors.bytes };
  }

  /** Closes results.json with the decisions its rows point to and the summary; moves every file to its final name. */
  complete(decisions: readonly { readonly id: string; readonly json: string }[], summary: unknown): void {
    const table = decisions.map((d) => `${JSON.stringify(d.id)}: ${d.json}`).join(',\n');
    this.files.json.write(
      `${this.jsonRows === 0 ? '' : '\n'}],\n"decisions": {${table ? `\n${table}\n` : ''}},\n"summary": ${JSON.stringify(summary)}\n}\n`,
    );
    for (const name of STREAMED) {
      this.files[name].close();
      renameSync(partialPath(this.dir, name), join(this.dir, OUTPUT_FILES[name]));
    }
  }

  /** Stops writing, leaving the partial files for `--resume`. */
  suspend(): FileSizes {
    // Closing flushes and syncs each file: the sizes are those on disk.
    for (const name of STREAMED) this.files[name].close();
    return this.sizes();
  }
}

function partialPath(dir: string, name: StreamedFile): string {
  return join(dir, OUTPUT_FILES[name] + PARTIAL);
}
