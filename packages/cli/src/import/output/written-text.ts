import { type RowText, writeCsvRow, writeJsonRow } from './row-text.ts';

/**
 * What a row writes to results.csv and results.json, as one text: the same for a row and any copy of it, whatever
 * objects carry its parts. For tests that compare rows across threads and packings.
 */
export function writtenText(row: RowText): string {
  let out = '';
  const sink = {
    write: (text: string) => {
      out += text;
    },
    writeBytes: (bytes: Uint8Array) => {
      out += Buffer.from(bytes).toString('utf8');
    },
  };
  writeCsvRow(sink, row);
  out += '\n';
  writeJsonRow(sink, row);
  return out;
}
