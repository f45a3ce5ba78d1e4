import { open } from 'node:fs/promises';
import { streamSheets } from './exceljs-stream.ts';
import { type ColumnSpan, MergeFill, readMergedRanges } from './merged-cells.ts';
import { readWorkbookCatalog, type WorkbookCatalog } from './workbook-catalog.ts';
import { isXlsxError, XlsxError } from './xlsx-error.ts';

/** One non-empty row of a worksheet. */
export interface XlsxRow {
  readonly sheet: string;
  /** The Excel row number (1-based), for messages like "sheet 初一(3)班, row 17". */
  readonly line: number;
  /** Cell texts: index i is column i + 1; cells without a value are ''; trailing empty cells are dropped. */
  readonly fields: readonly string[];
  /** Cells filled from a merged range across two or more columns (a title, a note across the answers); else absent. */
  readonly merged?: readonly ColumnSpan[];
  /**
   * Cells (0-based) that show the value of a merged range's top-left cell in another row or column, not their own (a
   * class merged down its students, an answer merged over the next student's); else absent.
   */
  readonly copied?: readonly number[];
}

export interface ReadXlsxOptions {
  /** Only these worksheets, by exact name; absent or empty means all. */
  readonly sheets?: readonly string[];
}

/** Rows per batch: large enough that per-batch costs vanish, small enough to keep memory flat. */
const BATCH_SIZE = 1000;

/**
 * The worksheets of an .xlsx workbook, in tab order, hidden ones included and said (chart sheets are not worksheets).
 * Reads the zip directory and the workbook part only, so it costs the same for any size of workbook.
 * Throws `XlsxError` `XLSX_INVALID` when the file is not a workbook, and Node's own errors (`ENOENT`…) when it cannot
 * be read.
 */
export async function listWorksheets(
  path: string,
): Promise<readonly { readonly name: string; readonly hidden: boolean }[]> {
  const file = await open(path, 'r');
  try {
    const catalog = await readWorkbookCatalog(file);
    return catalog.sheets.map((s) => ({ name: s.name, hidden: s.state !== 'visible' }));
  } finally {
    await file.close();
  }
}

/** Names of the worksheets of an .xlsx workbook, in tab order, hidden ones included (see {@link listWorksheets}). */
export async function listSheets(path: string): Promise<readonly string[]> {
  return (await listWorksheets(path)).map((s) => s.name);
}

/**
 * Streams the non-empty rows of an .xlsx workbook's worksheets, in batches of up to 1,000 rows that never span two
 * sheets, with every cell as text (see cell-text.ts for the conversions). Memory stays flat whatever the size of the
 * workbook. Sheets come in the order the zip stores them, which is tab order for every writer we know of. Hidden and
 * very hidden sheets are read like visible ones when asked for (the import asks for a class, or one --sheet names).
 * Throws `XlsxError`: `XLSX_NO_SUCH_SHEET` (before reading any cell) for a name in `options.sheets` the workbook does
 * not have, `XLSX_INVALID` for a file that is not a readable workbook; Node's own errors for I/O failures.
 */
export async function* readXlsxRows(path: string, options: ReadXlsxOptions = {}): AsyncGenerator<readonly XlsxRow[]> {
  const file = await open(path, 'r');
  try {
    const catalog = await readWorkbookCatalog(file);
    const wanted = selectSheets(catalog, options.sheets);
    const seen = new Set<string>();
    /** The sheet being read, to name in a damage found in its rows. */
    let current: string | undefined;
    try {
      for await (const streamed of streamSheets(file, catalog)) {
        const { name, entry } = streamed.sheet;
        // Not reading a sheet's rows skips it: its part is never opened.
        if (!wanted.has(name) || seen.has(name)) continue;
        seen.add(name);
        current = name;
        const merged = new MergeFill(entry ? await readMergedRanges(file, entry) : []);
        let batch: XlsxRow[] = [];
        for await (const { line, fields } of streamed.rows()) {
          if (fields.length === 0) continue;
          if (merged.empty) batch.push({ sheet: name, line, fields });
          else {
            const filled = merged.apply(line, fields);
            batch.push({
              sheet: name,
              line,
              fields: filled.fields,
              ...(filled.across ? { merged: filled.across } : {}),
              ...(filled.copied ? { copied: filled.copied } : {}),
            });
          }
          if (batch.length === BATCH_SIZE) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      }
    } catch (cause) {
      throw isXlsxError(cause) ? inSheet(cause, current) : isSystemError(cause) ? cause : invalid('corrupt', cause);
    }
    // A sheet the workbook lists whose part is not in the zip: a damaged file. Never fewer rows, silently.
    if (seen.size < wanted.size) throw invalid('corrupt');
  } finally {
    await file.close();
  }
}

/** The names to read; throws when a requested name is unknown or a wanted sheet cannot be streamed. */
function selectSheets(catalog: WorkbookCatalog, requested: readonly string[] | undefined): ReadonlySet<string> {
  const names = catalog.sheets.map((s) => s.name);
  const wanted = new Set(requested && requested.length > 0 ? requested : names);
  const missing = [...wanted].filter((n) => !names.includes(n));
  if (missing.length > 0) throw new XlsxError({ code: 'XLSX_NO_SUCH_SHEET', missing, sheets: names });
  if (catalog.sheets.some((s) => wanted.has(s.name) && !s.readable)) {
    throw new XlsxError({ code: 'XLSX_INVALID', reason: 'unsupported' });
  }
  return wanted;
}

/** A damage found in a sheet's rows, with the sheet's name (sheet-rows.ts does not know it). */
function inSheet(error: XlsxError, sheet: string | undefined): XlsxError {
  const { damage } = error;
  if (!damage || damage.sheet !== undefined || sheet === undefined) return error;
  return new XlsxError({ code: 'XLSX_INVALID', reason: 'corrupt', damage: { ...damage, sheet } }, { cause: error });
}

/** Node's I/O errors (`EIO`, `EACCES`…) stay what they are: the file is not at fault. */
function isSystemError(error: unknown): boolean {
  return error instanceof Error && 'syscall' in error;
}

function invalid(reason: 'corrupt', cause?: unknown): XlsxError {
  return new XlsxError({ code: 'XLSX_INVALID', reason }, cause === undefined ? undefined : { cause });
}
