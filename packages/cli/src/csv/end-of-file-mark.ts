import type { CsvRecord } from './csv-parser.ts';

/** Ctrl-Z (SUB, 0x1A): DOS's end-of-file mark, which old programs still write after a text file's last line. */
const SUB = '\x1a';

/** Whether a record holds only end-of-file marks and spaces: the end of the file, no row. */
function onlyEndOfFileMark(fields: readonly string[]): boolean {
  let mark = false;
  for (const field of fields) {
    if (field.includes(SUB)) {
      if (field.replaceAll(SUB, '').trim() !== '') return false;
      mark = true;
    } else if (field.trim() !== '') return false;
  }
  return mark;
}

/**
 * The records with one that is only an end-of-file mark (Ctrl-Z after the last line, and spaces) read as blank, as
 * the blank line it stands for: read as a row, its blank critical items would make it urgent. Only such a record
 * is copied; a mark beside any other text is left as written.
 */
export async function* withoutEndOfFileMark(
  batches: AsyncIterable<readonly CsvRecord[]>,
): AsyncIterable<readonly CsvRecord[]> {
  for await (const batch of batches) {
    // Most records start with an id or a number: their first field rules them out at once.
    yield batch.map((r) => (mayBeMark(r.fields[0]) && onlyEndOfFileMark(r.fields) ? { ...r, fields: [''] } : r));
  }
}

function mayBeMark(first: string | undefined): boolean {
  return first !== undefined && (first === '' || first.charCodeAt(0) <= 0x20 || first.includes(SUB));
}
