import { normalizeHeader } from '../responses/item-columns.ts';
import type { MappingIssue } from './columns.ts';
import { mayBeData } from './header-text.ts';
import type { MappingFile } from './mapping-file.ts';
import { personFieldOfHeader } from './person-header.ts';
import type { Source } from './source.ts';

/*
 * A class workbook often holds more than the classes: a visible sheet of instructions (填写说明), a hidden option list
 * (选项) behind a drop-down. Neither holds students, and reading them would send their lines to errors.csv and make the
 * import look failed. Such a sheet is not read unless `--sheet` names it, and the import says so, with its row count.
 */

/** A sheet left unread: hidden in the workbook, or nothing in it is recognised; `rows`: its non-blank rows. */
export interface SkippedSheet {
  readonly sheet: string;
  readonly rows: number;
  readonly reason: 'hidden' | 'no-columns';
}

/**
 * Whether a sheet's header recognises nothing at all: no item-like column, no person column, no column a mapping file
 * names, and no cell that may be a student's data (a class pasted without its header is data: its rows are rejected,
 * never skipped).
 */
export function recognisesNothing(
  fields: readonly string[],
  issues: readonly MappingIssue[],
  options: { readonly answers: ReadonlySet<string>; readonly mapping?: MappingFile | undefined },
): boolean {
  const [issue, ...more] = issues;
  if (more.length > 0 || issue?.code !== 'no-instrument' || issue.itemLike.length > 0) return false;
  const named = (field: string, index: number) =>
    options.mapping?.columns.has(normalizeHeader(field)) === true || options.mapping?.positions.has(index) === true;
  return !fields.some(
    (field, index) =>
      field.trim() !== '' &&
      (personFieldOfHeader(field) !== undefined || named(field, index) || mayBeData(field, options.answers)),
  );
}

/** The non-blank rows of one sheet (it is read through, cells converted, nothing kept). */
export async function rowsOf(source: Source, sheet: string): Promise<number> {
  let rows = 0;
  for await (const batch of source.read([sheet])) {
    for (const record of batch) if (record.fields.some((f) => f.trim() !== '')) rows++;
  }
  return rows;
}
