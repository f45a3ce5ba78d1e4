import { extname } from 'node:path';
import type { EncodingLabel } from '../csv/decode.ts';
import type { CsvDialect } from '../csv/open-csv.ts';
import type { SourceRecord } from './read-row.ts';

/** A screening file opened for reading: CSV (any encoding, any delimiter) or an Excel workbook. */
export type Source = (
  | { readonly kind: 'csv'; readonly dialect: CsvDialect }
  | { readonly kind: 'xlsx'; readonly sheets: readonly string[] }
) & {
  /** The records from the start, a batch at a time; each call reads the file anew. */
  readonly read: () => AsyncIterable<readonly SourceRecord[]>;
};

export interface SourceOptions {
  readonly encoding?: EncodingLabel | undefined;
  readonly delimiter?: string | undefined;
  /** Workbooks only: these sheets (default all). */
  readonly sheets?: readonly string[] | undefined;
}

/** Whether a path names an Excel workbook (by extension; the reader checks the content). */
function isWorkbook(path: string): boolean {
  return ['.xlsx', '.xlsm'].includes(extname(path).toLowerCase());
}

/** Opens the file the right way for its kind. Libraries load only for the kind in hand. */
export async function openSource(path: string, options: SourceOptions): Promise<Source> {
  if (isWorkbook(path)) {
    const { listSheets, readXlsxRows } = await import('../xlsx/read-xlsx.ts');
    const all = await listSheets(path);
    const sheets = options.sheets && options.sheets.length > 0 ? options.sheets : all;
    return { kind: 'xlsx', sheets, read: () => readXlsxRows(path, { sheets }) };
  }
  const { openCsv } = await import('../csv/open-csv.ts');
  // 64 KiB batches: records die young, before V8 would move them to the old generation (peak memory stays flat).
  const csv = await openCsv(path, { encoding: options.encoding, delimiter: options.delimiter, chunkSize: 1 << 16 });
  return { kind: 'csv', dialect: csv.dialect, read: () => csv.batches };
}
