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
 * the blank line it stands for: read as a row, its blank critical items would make it urgent. A mark stuck to the end
 * of the file's last cell (no line end before it) is taken off that cell, which is otherwise unreadable. Only such
 * records are copied; a mark anywhere else beside text is left as written.
 */
export async function* withoutEndOfFileMark(
  batches: AsyncIterable<readonly CsvRecord[]>,
): AsyncIterable<readonly CsvRecord[]> {
  // A batch whose last cell ends with a mark is held until the next one comes: if none does, the mark ends the file.
  // Any other batch goes on at once (a batch kept alive longer would outlive V8's young generation, see open-csv.ts).
  let held: readonly CsvRecord[] | undefined;
  for await (const batch of batches) {
    if (held) yield held;
    held = undefined;
    // Most records start with an id or a number: their first field rules them out at once.
    const read = batch.map((r) => (mayBeMark(r.fields[0]) && onlyEndOfFileMark(r.fields) ? { ...r, fields: [''] } : r));
    if (read.at(-1)?.fields.at(-1)?.endsWith(SUB)) held = read;
    else yield read;
  }
  if (held) yield withoutTrailingMark(held);
}

/** The batch with a mark at the end of its last record's last cell taken off (`0\x1a` is `0`). */
function withoutTrailingMark(batch: readonly CsvRecord[]): readonly CsvRecord[] {
  const last = batch.at(-1);
  const cell = last?.fields.at(-1);
  if (!last || cell === undefined || !cell.endsWith(SUB)) return batch;
  const fields = [...last.fields.slice(0, -1), withoutTrailingMarks(cell)];
  return [...batch.slice(0, -1), { ...last, fields }];
}

/** Text without the end-of-file marks at its end (and the spaces or line ends among them). */
export function withoutTrailingMarks(text: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text[end - 1] as string;
    if (c !== SUB && c.trim() !== '') break;
    end--;
  }
  const stripped = text.slice(0, end);
  // Only when a mark was there: trailing spaces or line ends alone are the text's own.
  return text.slice(end).includes(SUB) ? stripped : text;
}

function mayBeMark(first: string | undefined): boolean {
  return first !== undefined && (first === '' || first.charCodeAt(0) <= 0x20 || first.includes(SUB));
}
