import type { InstrumentDefinition } from '@triage/scales';
import { normalizeHeader } from '../responses/item-columns.ts';
import { type Column, itemOfHeader, type SheetMapping } from './columns.ts';
import { namesInstrument } from './instrument-names.ts';
import { personFieldOfHeader } from './person-header.ts';

/*
 * A header row in the middle of the data (files or classes pasted one under the other) is no student: read as one, its
 * unreadable critical items would mark it urgent. Three tests: the file's own header again in two columns (cheap, every
 * row); then, for a row that passes, in every mapped column, which sets it aside as no row at all, like the file's own
 * header; and, for rows already rejected that hold no valid answer, header words of any wording in the mapped columns.
 */

interface HeaderCell {
  readonly index: number;
  readonly name: string;
}

/**
 * Per sheet: `quick`, its first item column and its id column (if any); `every`, each mapped column (person fields and
 * items). Only header names that hold a letter tell a header from answers (a student may answer `1` under a header
 * `1`): `quick` falls back to `every` when neither of its names holds one, and both are empty when no name does.
 */
const headerProbes = new WeakMap<
  SheetMapping,
  { readonly quick: readonly HeaderCell[]; readonly every: readonly HeaderCell[] }
>();

const LETTER = /\p{L}/u;

function probesOf(mapping: SheetMapping) {
  let probe = headerProbes.get(mapping);
  if (!probe) {
    const cells = (columns: readonly (Column | undefined)[]) =>
      columns.flatMap((c) => (c ? [{ index: c.index, name: c.header.trim() }] : []));
    const every = cells([...Object.values(mapping.person), ...mapping.instruments.flatMap(({ items }) => items)]);
    const item = mapping.instruments[0]?.items[0];
    const quick = item ? cells([item, mapping.person.studentId]) : [];
    const tells = (c: readonly HeaderCell[]) => c.some(({ name }) => LETTER.test(name));
    probe = tells(every) ? { quick: tells(quick) ? quick : every, every } : { quick: [], every: [] };
    headerProbes.set(mapping, probe);
  }
  return probe;
}

function holdsNames(fields: readonly string[], cells: readonly HeaderCell[]): boolean {
  if (cells.length === 0) return false;
  for (const { index, name } of cells) {
    const cell = fields[index] ?? '';
    // Answers and ids are shorter or longer than most header names: most rows stop at the length.
    if (cell.length < name.length || (cell !== name && cell.trim() !== name)) return false;
  }
  return true;
}

/**
 * Whether a row holds the header's own names in its id column (if any) and its first item's column, or in every mapped
 * column where neither of those names holds a letter.
 */
export function repeatsHeader(fields: readonly string[], mapping: SheetMapping): boolean {
  return holdsNames(fields, probesOf(mapping).quick);
}

/**
 * Whether a row is the file's own header again, cell for cell in every mapped column (person fields and items, a name
 * with a letter among them): no student, and nothing in it to keep. Ignored columns may differ.
 */
export function repeatsEveryHeader(fields: readonly string[], mapping: SheetMapping): boolean {
  const { quick, every } = probesOf(mapping);
  return holdsNames(fields, quick) && holdsNames(fields, every);
}

/** A word before any digit (`Q1`, `PHQ-A 1`, `第1题`): an item header, never a bare number or answer such as `1`. */
const WORD_FIRST = /^\D*\p{L}/u;

/**
 * Whether a row's mapped cells hold header words in any wording: a person header in a person column (`学号` where the
 * file says `student_id`; never the name column, which is not read) or an item header of a mapped instrument in an
 * item column (`Q1`, `PHQ-A 1`). Only for a row holding no valid answer: a student's answers are never header words.
 */
export function holdsHeaderWords(fields: readonly string[], mapping: SheetMapping): boolean {
  // Two person header words at least: a student absent from the screening may have typed 学号 into the id box.
  let words = 0;
  for (const [field, column] of Object.entries(mapping.person)) {
    if (field === 'name' || !column) continue;
    const cell = fields[column.index] ?? '';
    // A class named with its number is a student's class, however it reads (（3）班 reads as the header word 班).
    if (field === 'class' && /\d/.test(cell)) continue;
    if (cell.trim() !== '' && personFieldOfHeader(cell) !== undefined && ++words >= 2) return true;
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

/**
 * Whether a row is a header by its item numbers, whatever they read as (bare numbers in another order, `9, 1, 2 …`,
 * are valid answers): `学号` in the id column and each instrument's item cells each a different item of it. Never by
 * person words alone: a student may type 学号 and 性别 into the boxes, and a class `（3）班` reads as the word 班. Digits
 * first (most ids) stop at one comparison.
 */
export function namesOwnFields(fields: readonly string[], mapping: SheetMapping): boolean {
  const id = mapping.person.studentId;
  if (!id) return false;
  const c = (fields[id.index] ?? '').charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return false;
  if (!itemNumbers(fields, mapping)) return false;
  // 学号 in any person column: the other header may put it elsewhere (姓名,学号,…).
  return Object.values(mapping.person).some((column) => {
    const cell = column ? (fields[column.index] ?? '') : '';
    return cell.trim() !== '' && personFieldOfHeader(cell) === 'studentId';
  });
}

/** Each instrument's item ids, lower case: made once, not for every row that asks. */
const ITEM_IDS = new WeakMap<InstrumentDefinition, ReadonlySet<string>>();
function itemIdsOf(definition: InstrumentDefinition): ReadonlySet<string> {
  let ids = ITEM_IDS.get(definition);
  if (!ids) {
    ids = new Set(definition.items.map((i) => i.id.toLowerCase()));
    ITEM_IDS.set(definition, ids);
  }
  return ids;
}

/**
 * Whether each instrument's item cells are each a different item id of it (`9, 1, 2 … 8, c, d`; five items at least in
 * all): a header's. Answers repeat: nine PHQ-A answers take at most four values.
 */
function itemNumbers(fields: readonly string[], mapping: SheetMapping): boolean {
  let items = 0;
  for (const { definition, items: columns } of mapping.instruments) {
    const ids = itemIdsOf(definition);
    const seen = new Set<string>();
    for (const { index } of columns) {
      const value = (fields[index] ?? '').trim().toLowerCase();
      if (!ids.has(value) || seen.has(value)) return false;
      seen.add(value);
    }
    items += seen.size;
  }
  return items >= 5;
}

/**
 * Whether a row may be the group row of a header of two rows in another layout (the file's instruments in another
 * order, `GAD-7` over the first items): every cell that holds something is a person header word (`学号`, as Excel
 * writes a header merged down both rows) or names one of the instruments, one name at least. Whose items stand where
 * only the names row under it says (see `HeaderChanges.below`).
 */
export function namesGroups(fields: readonly string[], mapping: SheetMapping): boolean {
  let named = 0;
  for (const cell of fields) {
    if (cell.trim() === '' || personFieldOfHeader(cell) !== undefined) continue;
    const folded = normalizeHeader(cell);
    if (!mapping.instruments.some(({ definition }) => namesInstrument(folded, definition))) return false;
    named++;
  }
  return named > 0;
}

/**
 * Whether a row is the group row of a header of two rows again, however written: no person cell, and every cell that
 * holds something names one of the instruments (`PHQ-A` over the first item or over each, `PHQ-A量表`). Rows with an id
 * (almost all) stop at the first comparison.
 */
export function isGroupRow(fields: readonly string[], mapping: SheetMapping): boolean {
  const id = mapping.person.studentId;
  if (id && (fields[id.index] ?? '').trim() !== '') return false;
  for (const column of Object.values(mapping.person)) {
    if (column && (fields[column.index] ?? '').trim() !== '') return false;
  }
  let named = 0;
  for (const cell of fields) {
    if (cell.trim() === '') continue;
    const folded = normalizeHeader(cell);
    if (!mapping.instruments.some(({ definition }) => namesInstrument(folded, definition))) return false;
    named++;
  }
  return named > 0;
}
