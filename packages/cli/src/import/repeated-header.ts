import { itemOfHeader, type SheetMapping } from './columns.ts';
import { personFieldOfHeader } from './person-header.ts';

/*
 * A header row in the middle of the data (files or classes pasted one under the other) is no student: read as one, its
 * unreadable critical items would mark it urgent. Two tests: the file's own header again (cheap, every row), and, for
 * rows already rejected that hold no valid answer, header words of any wording in the mapped columns.
 */

/** Per sheet: its first item column and its id column (if any), with their header names trimmed. */
const headerProbes = new WeakMap<SheetMapping, { readonly columns: readonly { index: number; name: string }[] }>();

/** Whether a row holds the header's own names in its id column (if any) and its first item's column. */
export function repeatsHeader(fields: readonly string[], mapping: SheetMapping): boolean {
  let probe = headerProbes.get(mapping);
  if (!probe) {
    const item = mapping.instruments[0]?.items[0];
    const id = mapping.person.studentId;
    const columns = item ? [item, ...(id ? [id] : [])].map((c) => ({ index: c.index, name: c.header.trim() })) : [];
    probe = { columns };
    headerProbes.set(mapping, probe);
  }
  const { columns } = probe;
  if (columns.length === 0) return false;
  for (const { index, name } of columns) {
    const cell = fields[index] ?? '';
    // Answers and ids are shorter or longer than most header names: most rows stop at the length.
    if (cell.length < name.length || (cell !== name && cell.trim() !== name)) return false;
  }
  return true;
}

/** A word before any digit (`Q1`, `PHQ-A 1`, `第1题`): an item header, never a bare number or answer such as `1`. */
const WORD_FIRST = /^\D*\p{L}/u;

/**
 * Whether a row's mapped cells hold header words in any wording: a person header in a person column (`学号` where the
 * file says `student_id`; never the name column, which is not read) or an item header of a mapped instrument in an
 * item column (`Q1`, `PHQ-A 1`). Only for a row holding no valid answer: a student's answers are never header words.
 */
export function holdsHeaderWords(fields: readonly string[], mapping: SheetMapping): boolean {
  for (const [field, column] of Object.entries(mapping.person)) {
    if (field === 'name' || !column) continue;
    const cell = fields[column.index] ?? '';
    if (cell.trim() !== '' && personFieldOfHeader(cell) !== undefined) return true;
  }
  for (const { items } of mapping.instruments) {
    for (const { index } of items) {
      const cell = fields[index] ?? '';
      if (!WORD_FIRST.test(cell)) continue;
      if (mapping.instruments.some(({ definition }) => itemOfHeader(cell, definition) !== null)) return true;
    }
  }
  return false;
}
