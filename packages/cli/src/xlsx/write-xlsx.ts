import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { encodeXstring } from './cell-text.ts';
import { loadExcelJs } from './load-exceljs.ts';
import { columnWidths, sheetNames } from './sheet-layout.ts';

type XlsxCell = string | number | null;

export interface XlsxSheet {
  readonly name: string;
  /** The first row is the header. `null` and '' leave the cell empty. */
  readonly rows: readonly (readonly XlsxCell[])[];
}

export interface WriteXlsxOptions {
  /** File mode of the workbook; default 0o600, since exports hold students' answers. */
  readonly mode?: number;
}

/** Excel's limit on the characters in one cell. */
const MAX_CELL_TEXT = 32_767;
/** What a spreadsheet would take for the start of a formula (or of a DDE payload) when the cell is edited. */
const FORMULA_LIKE = /^[=+\-@\t\r]/;

/**
 * Writes a workbook: one worksheet per entry, sheet names made valid and distinct (see sheet-layout.ts), the header
 * row bold and frozen, columns fitted to their content. Strings are always written as text, never as formulas; those
 * that look like one also get the Text format so that editing the cell in Excel keeps them text. The file is written
 * beside `path` with `options.mode` from its creation, then renamed over `path`: never readable by others, never
 * half-written.
 */
export async function writeXlsx(
  path: string,
  sheets: readonly XlsxSheet[],
  options: WriteXlsxOptions = {},
): Promise<void> {
  if (sheets.length === 0) throw new RangeError('writeXlsx: a workbook needs at least one sheet');
  const names = sheetNames(sheets.map((s) => s.name));
  // Bad values are bugs of the caller: found before any file exists.
  for (const [i, sheet] of sheets.entries()) validate(names[i] ?? sheet.name, sheet.rows);
  const ExcelJS = await loadExcelJs();
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temp, 'wx', options.mode ?? 0o600);
  // The stream owns the handle from here: it syncs the data to disk, then closes the handle when it ends or fails.
  const stream = file.createWriteStream({ flush: true });
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  // exceljs listens for write errors only once it finalizes; one before that would go unheard and hang the commit.
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
    for (const [i, sheet] of sheets.entries()) {
      const worksheet = workbook.addWorksheet(names[i] ?? sheet.name, {
        views: sheet.rows.length > 1 ? [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }] : [],
      });
      worksheet.columns = columnWidths(sheet.rows).map((width) => ({ width }));
      for (const [r, values] of sheet.rows.entries()) {
        const row = worksheet.addRow([]);
        values.forEach((value, c) => {
          if (value === null || value === '') return;
          const cell = row.getCell(c + 1);
          if (typeof value === 'number') {
            cell.value = value;
            return;
          }
          cell.value = encodeXstring(value);
          if (FORMULA_LIKE.test(value)) cell.numFmt = '@';
        });
        if (r === 0) row.font = { bold: true };
        row.commit();
        // Lets the zip drain what the rows so far have written, so a large sheet is not held whole in memory.
        if (r % 1000 === 999) await Promise.race([new Promise(setImmediate), failed]);
      }
      worksheet.commit();
    }
    await Promise.race([workbook.commit(), failed]);
    await Promise.race([closed, failed]);
    await rename(temp, path);
  } catch (error) {
    stream.destroy();
    await closed;
    await rm(temp, { force: true });
    throw error;
  }
}

function validate(name: string, rows: readonly (readonly XlsxCell[])[]): void {
  for (const [r, values] of rows.entries()) {
    for (const [c, value] of values.entries()) {
      const where = `${name} row ${r + 1} column ${c + 1}`;
      if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`writeXlsx: ${where} is ${value}`);
      if (typeof value === 'string' && value.length > MAX_CELL_TEXT) {
        throw new RangeError(`writeXlsx: ${where} is longer than Excel's ${MAX_CELL_TEXT} characters`);
      }
    }
  }
}
