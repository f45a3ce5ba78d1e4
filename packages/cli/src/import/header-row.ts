import type { Column, GroupedName, SheetMapping } from './columns.ts';
import { looksLikeAnswers, mayBeData } from './header-text.ts';
import { personFieldOfHeader } from './person-header.ts';
import type { SourceRecord } from './read-row.ts';
import { holdsHeaderWords, namesOwnFields, repeatsHeader } from './repeated-header.ts';
import type { Source } from './source.ts';

const isBlank = (r: SourceRecord) => r.fields.every((f) => f.trim() === '');

/** Non-blank lines a header may sit under (a title, a date, notes): the first of them that maps is the header. */
const LINES_ABOVE_HEADER = 10;

/** A sheet's header row, and how many non-blank lines above it were skipped (a title row, notes). */
export interface HeaderRow {
  /** The header's (last) line: data starts below it. */
  readonly line: number;
  readonly fields: readonly string[];
  readonly above: number;
  /** The non-blank lines above it (at most {@link LINES_ABOVE_HEADER}): a title, notes, or students' rows. */
  readonly aboveRows?: readonly SourceRecord[];
  /** A header of two rows, a group row over the column names: the group row's line. */
  readonly from?: number;
  /** A header of two rows: by column, the group name over it and its own name. */
  readonly grouped?: readonly (GroupedName | undefined)[];
  /** A header of two rows: both as written (repeated under each class of a stacked sheet, neither is a student). */
  readonly rows?: { readonly group: readonly string[]; readonly names: readonly string[] };
  /** CSV only: the header that does not map has a quote that never closes (see {@link SourceRecord.unterminated}). */
  readonly unterminated?: true;
}

/** Whether a header row maps; `grouped` for a header of two rows (see {@link HeaderRow}). */
export type HeaderMaps = (fields: readonly string[], grouped?: readonly (GroupedName | undefined)[]) => boolean;

/**
 * Two header rows as one: each column's group name and its own name (`PHQ-A` over `1` → `PHQ-A 1`), one name where
 * they are the same (a person column merged down both rows) or one is blank. A group name stands over the columns to
 * its right until the next one, as Excel's merged cells (and "centre across") come out in a CSV: `PHQ-A,,,` over
 * `1,2,3`. A person column's own name is never prefixed (`基本信息` over `学号` is `学号`). With `short`, each group
 * is read by the short name in it (`PHQ-A 青少年抑郁量表` → `PHQ-A`), each group on its own: one group's long name
 * must not drop another's. Undefined when the rows cannot be a header (no name at all).
 */
export function joinHeaderRows(
  group: readonly string[],
  names: readonly string[],
  short = false,
): { fields: string[]; grouped: (GroupedName | undefined)[] } | undefined {
  const width = Math.max(group.length, names.length);
  const fields: string[] = [];
  const grouped: (GroupedName | undefined)[] = [];
  let over = '';
  let overAsWritten = '';
  for (let i = 0; i < width; i++) {
    const text = (group[i] ?? '').trim();
    const own = short ? shortName(text) : text;
    if (own !== '') {
      over = own;
      overAsWritten = text;
    }
    const b = (names[i] ?? '').trim();
    const a = own !== '' || b === '' ? own : over;
    const prefixed = !(a === b || b === '' || a === '' || personFieldOfHeader(b));
    fields.push(prefixed ? `${a} ${b}` : a === b || b === '' ? a : b);
    grouped.push(prefixed ? { group: own !== '' ? text : overAsWritten, own: b } : undefined);
  }
  return fields.some((h) => h !== '') ? { fields, grouped } : undefined;
}

/**
 * The short name in a group name: `GAD-7` of `GAD-7 广泛性焦虑量表`, `SCL-90症状自评量表` or `广泛性焦虑量表（GAD-7）`;
 * else the name as it is. An instrument's own name gives a name of the same instrument (`C-SSRS Screener` →
 * `C-SSRS`), so the short reading never loses one.
 */
export function shortName(group: string): string {
  const name = '[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*';
  const lead = new RegExp(`^(${name})(?![A-Za-z0-9])`).exec(group);
  const inParens = new RegExp(`[(（]\\s*(${name})\\s*[)）]`).exec(group);
  return lead?.[1] ?? inParens?.[1] ?? group;
}

/**
 * Whether `names`, under a header candidate `group`, is a student's row and never a header's second row: it holds an
 * id, a date, a grade or an answer (header-text.ts), or a cell that may be data under a person column (`13` under
 * `年龄`, `1` under `sex`). Joined under a header that does not map (two sex columns), a student's row can map.
 */
export function isStudentRow(
  group: readonly string[],
  names: readonly string[],
  answers: ReadonlySet<string>,
): boolean {
  return (
    (looksLikeAnswers(names, answers) && !numbersItems(group, names, answers)) ||
    names.some((cell, i) => personFieldOfHeader(group[i] ?? '') !== undefined && mayBeData(cell, answers))
  );
}

/**
 * Whether `names` numbers the items under each group name of `group`: `1 … 9, a, b, c, d` under `PHQ-A`. Letters are
 * answers too (Zung scales exported as A–D), but a student's answers repeat within an instrument, and item numbers
 * never do: under each group (a run of one name, as merged cells read, or a name and the blanks after it), every cell
 * is an item number or letter, all different, at least two in all; beside the groups, only header text (`学号`),
 * never what may be data (an id, an age). A person header merged down both rows reads the same in both: skipped.
 */
function numbersItems(group: readonly string[], names: readonly string[], answers: ReadonlySet<string>): boolean {
  let seen: Set<string> | undefined;
  let over = '';
  let numbered = 0;
  for (let i = 0; i < names.length; i++) {
    const above = (group[i] ?? '').trim();
    if (above !== '' && above !== over) {
      over = above;
      seen = personFieldOfHeader(above) === undefined ? new Set() : undefined;
    }
    const name = (names[i] ?? '').trim();
    if (name === '' || name === above) continue;
    const id = name.toLowerCase();
    if (!seen || !ITEM_NUMBER.test(id)) {
      if (mayBeData(name, answers)) return false;
      continue;
    }
    if (seen.has(id)) return false;
    seen.add(id);
    numbered++;
  }
  return numbered >= 2;
}

/** An item's own name in a group's second header row: a number or a single letter (`1`, `12`, `c`). */
const ITEM_NUMBER = /^(?:\d{1,3}|[a-z])$/;

/**
 * The header of every sheet, read before any output is written: the first of its first non-blank records that
 * `maps`, so a title row above the header ("某某中学心理健康筛查", merged across the columns in Excel) is skipped; when
 * none maps, the first non-blank record, whose mapping problems are then reported. `answers`: the candidate
 * instruments' answers as written (header-text.ts), so a student's row is never taken for a header row.
 */
export async function headersOf(
  source: Source,
  maps: HeaderMaps,
  answers: ReadonlySet<string>,
): Promise<Map<string | null, HeaderRow>> {
  const headers = new Map<string | null, HeaderRow>();
  // A workbook's sheets one at a time: reaching sheet 3's header then skips sheets 1 and 2 undecoded instead of
  // parsing every row of them (exceljs parses ~10k rows/s).
  const passes = source.kind === 'xlsx' ? source.sheets.map((sheet) => [sheet]) : [undefined];
  for (const sheets of passes) {
    const seen: SourceRecord[] = [];
    outer: for await (const batch of source.read(sheets)) {
      for (const record of batch) {
        if (isBlank(record)) continue;
        seen.push(record);
        // A group row over the column names ("PHQ-A" merged across its items, then 1, 2, 3 …): read as one header,
        // each group by its short name (`GAD-7 广泛性焦虑量表` → `GAD-7`), then as written.
        const above = seen[seen.length - 2];
        const group = above && !isStudentRow(above.fields, record.fields, answers) ? above : undefined;
        const joinings = group
          ? [true, false].flatMap((short) => joinHeaderRows(group.fields, record.fields, short) ?? [])
          : [];
        const named = joinings.find((j) => maps(j.fields, j.grouped));
        if (maps(record.fields)) {
          // Item numbers alone may map too (`1 … 9` as PHQ-9), but the group above says whose items they are
          // (`PHQ-A` over `1 … 9, a … d`): read with it where it names the instrument.
          const withGroup = group && named && numbersItems(group.fields, record.fields, answers);
          headers.set(
            record.sheet ?? null,
            withGroup
              ? {
                  line: record.line,
                  ...named,
                  above: seen.length - 2,
                  aboveRows: seen.slice(0, -2),
                  from: group.line,
                  rows: { group: group.fields, names: record.fields },
                }
              : { line: record.line, fields: record.fields, above: seen.length - 1, aboveRows: seen.slice(0, -1) },
          );
          break outer;
        }
        const joined =
          named ??
          // Maps but for a group naming no instrument over item columns: still the header, so that its mapping
          // reports the group instead of reading the other instruments alone.
          joinings.find((j) => maps(j.fields));
        if (group && joined) {
          const aboveRows = seen.slice(0, -2);
          const rows = { group: group.fields, names: record.fields };
          const header = { line: record.line, ...joined, above: aboveRows.length, aboveRows, from: group.line, rows };
          headers.set(record.sheet ?? null, header);
          break outer;
        }
        if (seen.length > LINES_ABOVE_HEADER) break outer;
      }
    }
    const first = seen[0];
    if (first && !headers.has(first.sheet ?? null)) {
      const quote = first.unterminated ? { unterminated: true as const } : {};
      headers.set(first.sheet ?? null, { line: first.line, fields: first.fields, above: 0, ...quote });
    }
  }
  return headers;
}

/**
 * What a two-row header's note shows of it: the group name over the first item column the mapping reads, that column's
 * own name, and the item it was read as. Header cells only (header-text.ts): a group name or own name that may be a
 * student's data (an item number such as `1` may be an age) is left out (null), and the column number said instead.
 */
export interface GroupExample {
  readonly group: string | null;
  readonly own: string | null;
  /** 1-based. */
  readonly column: number;
  readonly instrument: string;
  readonly item: string;
}

/** The example of `header` under `mapping`, or undefined when the header is one row or no grouped column is read. */
export function groupExample(
  header: HeaderRow,
  mapping: SheetMapping,
  answers: ReadonlySet<string>,
): GroupExample | undefined {
  const { grouped } = header;
  if (!grouped) return undefined;
  let first: { index: number; instrument: string; item: string } | undefined;
  for (const { definition, items } of mapping.instruments) {
    for (const { index, item } of items) {
      if (grouped[index] !== undefined && (!first || index < first.index)) {
        first = { index, instrument: definition.abbreviation, item };
      }
    }
  }
  const names = first && grouped[first.index];
  if (!first || !names) return undefined;
  const shown = (cell: string) => (mayBeData(cell, answers) ? null : cell);
  return {
    group: shown(names.group),
    own: shown(names.own),
    column: first.index + 1,
    instrument: first.instrument,
    item: first.item,
  };
}

/**
 * The lines above a sheet's header that are not a title or notes: students' rows (see {@link isStudentAbove}), and
 * above the first of them, a header that cannot be read (a class pasted above another with a header of its own,
 * PHQA1 … PHQA9 without c and d): the rows under it are its rows, never read by the header below.
 */
export function linesAbove(
  header: HeaderRow,
  mapping: SheetMapping,
  answers: ReadonlySet<string>,
): { readonly students: ReadonlySet<number>; readonly headers: ReadonlySet<number> } {
  const students = new Set<number>();
  const headers: number[] = [];
  for (const r of header.aboveRows ?? []) {
    if (isStudentAbove(r, mapping, answers)) students.add(r.line);
    else if (holdsHeaderWords(r.fields, mapping) || namesOwnFields(r.fields, mapping)) headers.push(r.line);
  }
  const first = Math.min(...students);
  return { students, headers: new Set(headers.filter((line) => line < first)) };
}

/** A title or notes line holds a few cells (a title, a date, `说明：`, `0=完全不会`); a student's row holds more. */
const STUDENT_CELLS = 4;

/**
 * Whether a line above the header is a student's row (a class pasted above the header, an Excel sort that moved the
 * header down), not a title or notes: at least half the mapped columns (person and items) and at least
 * {@link STUDENT_CELLS} of them hold a cell, a range merged across columns counting once (a title merged across the
 * table fills every cell), not all the same text, one of them what may be a student's data (an id, an age, an answer:
 * header-text.ts), and it is no header in other words (学号 … Q1 …). A title or notes line, of one to three cells, is
 * never one.
 */
export function isStudentAbove(record: SourceRecord, mapping: SheetMapping, answers: ReadonlySet<string>): boolean {
  const { fields } = record;
  const columns: Column[] = [
    ...Object.values(mapping.person).filter((c): c is Column => c !== undefined),
    ...mapping.instruments.flatMap(({ items }) => items),
  ];
  const spans = new Set<unknown>();
  let filled = 0;
  let data = false;
  let first: string | undefined;
  let differ = false;
  for (const { index } of columns) {
    const cell = fields[index] ?? '';
    if (cell.trim() === '') continue;
    first ??= cell.trim();
    if (cell.trim() !== first) differ = true;
    const span = record.merged?.find((m) => index >= m.first && index <= m.last);
    if (!span || !spans.has(span)) filled++;
    if (span) spans.add(span);
    if (mayBeData(cell, answers)) data = true;
  }
  if (filled < Math.max(STUDENT_CELLS, Math.ceil(columns.length / 2)) || !data || !differ) return false;
  return !repeatsHeader(fields, mapping) && !holdsHeaderWords(fields, mapping);
}

/**
 * Whether a row is one of the rows of a header of two rows again (the group row or the names row, as written; blank
 * cells past the end count as absent): a stacked sheet repeats both under each class.
 */
export function repeatsHeaderRows(fields: readonly string[], rows: NonNullable<HeaderRow['rows']>): boolean {
  return sameCells(fields, rows.names) || sameCells(fields, rows.group);
}

function sameCells(fields: readonly string[], header: readonly string[]): boolean {
  const n = Math.max(fields.length, header.length);
  for (let i = 0; i < n; i++) if ((fields[i] ?? '').trim() !== (header[i] ?? '').trim()) return false;
  return true;
}
