import { CsvParser, type CsvRecord } from './csv-parser.ts';
import { type Delimiter, delimiterOf } from './delimiter.ts';

export type { CsvRecord };

const BATCH = 256;

export interface CsvOptions {
  readonly delimiter: string;
}

/**
 * Reads RFC 4180 CSV record by record from a whole text (the one-piece case of {@link CsvParser}): quoted fields,
 * doubled quotes, CRLF, LF or CR line ends, line breaks inside quotes. Each record carries the physical line it starts
 * on, so errors can point into the file. Lenient where spreadsheets are sloppy: a quote inside an unquoted field, or
 * text after a closing quote, is kept as text.
 * @see https://www.rfc-editor.org/rfc/rfc4180 §2
 */
export function* readCsv(text: string, options: CsvOptions): Generator<CsvRecord, void, undefined> {
  const parser = new CsvParser(options);
  parser.push(text);
  parser.end();
  // A few hundred at a time: all at once would hold every record of a large text, and measured 2–3× slower for it.
  for (let batch = parser.read(BATCH); batch.length > 0; batch = parser.read(BATCH)) yield* batch;
}

/** The delimiter of a whole text: see {@link delimiterOf}. */
export function detectDelimiter(text: string): Delimiter {
  return delimiterOf(text, true) ?? ',';
}

/** A record with nothing in it: an empty line, or only delimiters (spreadsheets pad rows like `,,,`). */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.fields.every((f) => f.trim() === '');
}
