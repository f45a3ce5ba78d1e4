import { extname } from 'node:path';
import type { EncodingLabel } from '../csv/decode.ts';
import type { CsvDialect } from '../csv/open-csv.ts';
import { startsAsUtf32 } from '../csv/sniff-encoding.ts';
import type { SourceRecord } from './read-row.ts';

/** A screening file opened for reading: CSV (any encoding, any delimiter) or an Excel workbook. */
export type Source = (
  | { readonly kind: 'csv'; readonly dialect: CsvDialect }
  | {
      readonly kind: 'xlsx';
      readonly sheets: readonly string[];
      /** Sheets hidden in the workbook and so not among `sheets` (none when `--sheet` chose them). */
      readonly hidden: readonly string[];
      /** Sheets hidden in the workbook but among `sheets`: classes, read as such (see skipped-sheets.ts). */
      readonly hiddenRead: readonly string[];
      /** Every worksheet, in tab order. */
      readonly tabs: readonly string[];
    }
) & {
  /**
   * The records from the start, a batch at a time; each call reads the file anew. Workbooks: only `sheets` when given
   * (the others are skipped undecoded), else every selected sheet.
   */
  readonly read: (sheets?: readonly string[]) => AsyncIterable<readonly SourceRecord[]>;
};

export interface SourceOptions {
  readonly encoding?: EncodingLabel | undefined;
  readonly delimiter?: string | undefined;
  /**
   * Workbooks only: these sheets, by exact name or as headers are matched (see sheet-names.ts). Default: every sheet,
   * or with `visibleOnly` every sheet the workbook does not hide, the hidden ones listed apart for the caller to sort
   * (a class is read, an option list or lookups not: see skipped-sheets.ts).
   */
  readonly sheets?: readonly string[] | undefined;
  readonly visibleOnly?: boolean;
}

/** Whether a path names an Excel workbook (by extension; the reader checks the content). */
function isWorkbook(path: string): boolean {
  return ['.xlsx', '.xlsm'].includes(extname(path).toLowerCase());
}

/** A file that is neither CSV text nor an .xlsx workbook. */
export class SourceError extends Error {
  constructor(readonly code: 'old-excel' | 'not-text' | 'utf-32') {
    super(code);
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/**
 * Old binary workbooks (.xls, WPS .et: OLE compound files), zip archives and UTF-32 text (no spreadsheet writes it) are
 * caught by their first bytes, not read as text.
 */
async function checkNotBinary(path: string): Promise<void> {
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    const starts = (magic: readonly number[]) => bytesRead >= magic.length && magic.every((b, i) => buffer[i] === b);
    if (starts(OLE)) throw new SourceError('old-excel');
    if (starts(ZIP)) throw new SourceError('not-text');
    if (startsAsUtf32(buffer.subarray(0, bytesRead))) throw new SourceError('utf-32');
  } finally {
    await handle.close();
  }
}

/**
 * Records whose bytes are not valid in the file's encoding that are rejected one by one (IMPORT_CELL_UNREADABLE where
 * a cell that is read is hit): a download cut off inside a character, a byte damaged in transit. Past this many the
 * file is refused at the first bad line, as a file with a part in another encoding (pasted together) would be.
 */
const DAMAGED_RECORDS_REJECTED = 5;

/** Opens the file the right way for its kind. Libraries load only for the kind in hand. */
export async function openSource(path: string, options: SourceOptions): Promise<Source> {
  if (isWorkbook(path)) {
    const { listWorksheets, readXlsxRows } = await import('../xlsx/read-xlsx.ts');
    const { resolveSheetNames } = await import('./sheet-names.ts');
    const all = await listWorksheets(path);
    const names = all.map((s) => s.name);
    const named = options.sheets && options.sheets.length > 0;
    const hidden = named || options.visibleOnly !== true ? [] : all.filter((s) => s.hidden).map((s) => s.name);
    const sheets = named ? resolveSheetNames(options.sheets ?? [], names) : names.filter((n) => !hidden.includes(n));
    return {
      kind: 'xlsx',
      sheets,
      hidden,
      hiddenRead: [],
      tabs: names,
      read: (only = sheets) => readXlsxRows(path, { sheets: only }),
    };
  }
  await checkNotBinary(path);
  const { openCsv } = await import('../csv/open-csv.ts');
  // 64 KiB batches: records die young, before V8 would move them to the old generation (peak memory stays flat).
  const csv = await openCsv(path, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    chunkSize: 1 << 16,
    damagedRecords: DAMAGED_RECORDS_REJECTED,
  });
  const [{ withShownText }, { withoutEndOfFileMark }] = await Promise.all([
    import('../csv/string-formula.ts'),
    import('../csv/end-of-file-mark.ts'),
  ]);
  // `="202501110001"` is the id as Excel shows it on opening the file, not a formula saved without its value. A Ctrl-Z
  // after the last line is the end of the file, not a row.
  return { kind: 'csv', dialect: csv.dialect, read: () => withShownText(withoutEndOfFileMark(csv.batches)) };
}

/** The source without some of its sheets: they are neither listed nor read. */
export function withoutSheets(source: Source, names: ReadonlySet<string>): Source {
  if (source.kind !== 'xlsx' || names.size === 0) return source;
  const sheets = source.sheets.filter((name) => !names.has(name));
  return { ...source, sheets, read: (only = sheets) => source.read(only) };
}

/** The source with some of its hidden sheets read as well, in tab order among the others. */
export function withHiddenSheets(source: Source, names: ReadonlySet<string>): Source {
  if (source.kind !== 'xlsx' || names.size === 0) return source;
  const sheets = source.tabs.filter((name) => source.sheets.includes(name) || names.has(name));
  return {
    ...source,
    sheets,
    hidden: source.hidden.filter((name) => !names.has(name)),
    hiddenRead: [...source.hiddenRead, ...source.hidden.filter((name) => names.has(name))],
    read: (only = sheets) => source.read(only),
  };
}
