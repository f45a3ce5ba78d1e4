/** One CSV record and the physical line (1-based) it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  /** A quoted field opened in this record is never closed: the record runs to the end of the text. */
  readonly unterminated?: true;
}

export interface CsvOptions {
  readonly delimiter: string;
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Reads RFC 4180 CSV record by record: quoted fields, doubled quotes, CRLF, LF or CR line ends, line breaks inside
 * quotes. Each record carries the physical line it starts on, so errors can point into the file. Lenient where
 * spreadsheets are sloppy: a quote inside an unquoted field, or text after a closing quote, is kept as text.
 * @see https://www.rfc-editor.org/rfc/rfc4180 §2
 */
export function* readCsv(text: string, options: CsvOptions): Generator<CsvRecord, void, undefined> {
  const delimiter = options.delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let field = '';
      if (text.charCodeAt(i) === QUOTE) {
        i++;
        let closed = false;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === CR || c === LF) {
            if (c === CR && text.charCodeAt(i + 1) === LF) {
              field += '\r\n';
              i += 2;
            } else {
              field += text[i];
              i++;
            }
            line++;
            continue;
          }
          field += text[i];
          i++;
        }
        if (!closed) {
          fields.push(field);
          yield { line: start, fields, unterminated: true };
          return;
        }
      }
      // Unquoted field, or what follows a closing quote up to the delimiter or line end.
      const from = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delimiter || c === CR || c === LF) break;
        i++;
      }
      field += text.slice(from, i);
      fields.push(field);
      const c = text.charCodeAt(i);
      if (c === delimiter) {
        i++;
        // A delimiter at the very end of the text still opens one more (empty) field.
        if (i === n) fields.push('');
        else continue;
      }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      if (c === CR || c === LF) line++;
      endOfRecord = true;
    }
    yield { line: start, fields };
  }
}

/** `\t` when the first line has tabs and no commas (Excel "Unicode Text" export), otherwise `,`. */
export function detectDelimiter(text: string): ',' | '\t' {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

/** A record with nothing in it: an empty line, or only delimiters (spreadsheets pad rows like `,,,`). */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.fields.every((f) => f.trim() === '');
}
