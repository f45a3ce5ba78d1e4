import { normalizeHeader } from '../responses/item-columns.ts';
import type { MappingIssue } from './columns.ts';
import { type HeaderRow, headersOf } from './header-row.ts';
import { mayBeData } from './header-text.ts';
import type { MappingFile } from './mapping-file.ts';
import { personFieldOfHeader } from './person-header.ts';
import type { Source } from './source.ts';

/*
 * A class workbook often holds more than the classes: a visible sheet of instructions (填写说明), a hidden option list
 * (选项) behind a drop-down. Neither holds students, and reading them would send their lines to errors.csv and make the
 * import look failed. Such a sheet is not read unless `--sheet` names it, and the import says so, with its row count.
 * A hidden sheet whose header maps to the same instruments as a sheet being read is a class, though (hidden by a
 * teacher done with it, or by mistake): it is read, and the import says it read a hidden sheet.
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
 * never skipped). So is a pivot table's (a 汇总 sheet): its groups (班级, 年级) and value fields (计数项:学号, Sum of GAD7_1)
 * only, which count students but hold none.
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
  if (isPivotHeader(fields) && !fields.some(named)) return true;
  return !fields.some(
    (field, index) =>
      field.trim() !== '' &&
      (personFieldOfHeader(field) !== undefined || named(field, index) || mayBeData(field, options.answers)),
  );
}

/** A pivot table's value field, as Excel and WPS name it in Chinese and English (`计数项:学号`, `Count of 学号`). */
const PIVOT_VALUE =
  /^(?:(?:计数|求和|平均值|最大值|最小值|乘积|数值计数|标准偏差|总体标准偏差|方差|总体方差)项\s*[:：]|(?:count|sum|average|max|min|product|count numbers|stddev|stddevp|var|varp) of\s)/i;
const GROUP_FIELDS = new Set(['grade', 'class', 'school']);

/** A header of a pivot table in tabular layout: groups (grade, class, school) and at least one value field, only. */
function isPivotHeader(fields: readonly string[]): boolean {
  const cells = fields.map((f) => f.trim()).filter((f) => f !== '');
  return (
    cells.some((f) => PIVOT_VALUE.test(f)) &&
    cells.every((f) => PIVOT_VALUE.test(f) || GROUP_FIELDS.has(personFieldOfHeader(f) ?? ''))
  );
}

/**
 * Sorts a workbook's hidden sheets: a class, whose header maps to the same instruments as a visible sheet's, is `read`
 * (its header joins `headers`, in tab order); any other (an option list, lookups) is `unread`. `headers`: those of the
 * sheets being read, as {@link headersOf} found them.
 */
export async function sortHiddenSheets(
  source: Source,
  headers: ReadonlyMap<string | null, HeaderRow>,
  options: {
    readonly answers: ReadonlySet<string>;
    /** The ids of the instruments a header maps to, or undefined when it does not map. */
    readonly instrumentsOf: (
      fields: readonly string[],
      grouped?: HeaderRow['grouped'],
    ) => readonly string[] | undefined;
  },
): Promise<{
  readonly headers: Map<string | null, HeaderRow>;
  readonly read: ReadonlySet<string>;
  readonly unread: readonly string[];
}> {
  if (source.kind !== 'xlsx' || source.hidden.length === 0)
    return { headers: new Map(headers), read: new Set(), unread: [] };
  const visible = [...headers.values()].flatMap((h) => {
    const ids = options.instrumentsOf(h.fields, h.grouped);
    return ids ? [ids] : [];
  });
  const found =
    visible.length === 0
      ? new Map<string | null, HeaderRow>()
      : await headersOf(
          { ...source, sheets: source.hidden },
          (fields, grouped) => options.instrumentsOf(fields, grouped) !== undefined,
          options.answers,
        );
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));
  const read = new Set(
    source.hidden.filter((sheet) => {
      const header = found.get(sheet);
      const ids = header && options.instrumentsOf(header.fields, header.grouped);
      // The first mapped sheet's instruments: only sheets that hold them are read (another visible sheet's may not be).
      const first = visible[0];
      return ids !== undefined && first !== undefined && same(first, ids);
    }),
  );
  const all = new Map([...headers, ...found]);
  return {
    headers: new Map(
      source.tabs.flatMap((sheet) => {
        const header = all.get(sheet);
        return header && (headers.has(sheet) || read.has(sheet)) ? [[sheet, header] as const] : [];
      }),
    ),
    read,
    unread: source.hidden.filter((sheet) => !read.has(sheet)),
  };
}

/** The non-blank rows of one sheet (it is read through, cells converted, nothing kept). */
export async function rowsOf(source: Source, sheet: string): Promise<number> {
  let rows = 0;
  for await (const batch of source.read([sheet])) {
    for (const record of batch) if (record.fields.some((f) => f.trim() !== '')) rows++;
  }
  return rows;
}
