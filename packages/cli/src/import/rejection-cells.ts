import { formatIssue, type InstrumentDefinition, type Lang, type ScoreIssue } from '@triage/scales';
import type { SheetMapping } from './columns.ts';
import { importMessages } from './messages.ts';
import type { Cells, ResultLayout } from './output/result-files.ts';
import { pseudonymOf } from './pseudonym.ts';
import type { RowIssue, RowIssueCode, RowRejection } from './read-row.ts';

/** One problem in words: where (column and header), which item, what was expected. Never the cell's value. */
function issueMessage(issue: RowIssue, lang: Lang, instruments: readonly InstrumentDefinition[]): string {
  const text = importMessages(lang);
  const column = issue.column ? `${text.column(issue.column)}: ` : '';
  if (issue.code.startsWith('SCALES_')) {
    const abbreviation = instruments.find((d) => d.id === issue.instrument)?.abbreviation ?? issue.instrument ?? '';
    const scoreIssue = {
      code: issue.code,
      expected: issue.expected,
      ...(issue.item ? { item: issue.item } : {}),
    } as ScoreIssue;
    return `${column}${abbreviation} ${formatIssue(scoreIssue, lang)}`;
  }
  const say = text.rowIssues[issue.code as keyof typeof text.rowIssues];
  return `${column}${say(issue.expected)}`;
}

/** A rejected row as errors.csv shows it: `withheld` when its cells were left out under `--pseudonymize`. */
export type ShownRejection = RowRejection & { readonly withheld?: boolean };

/**
 * An errors.csv row: where, what (codes and words), whether urgent, then the row's own fields (as `--pseudonymize`
 * left them).
 */
export function rejectionCells(
  rejection: ShownRejection,
  layout: ResultLayout,
  lang: Lang,
  instruments: readonly InstrumentDefinition[],
): Cells {
  const { record, issues } = rejection;
  return [
    ...(layout.sheets ? [record.sheet ?? ''] : []),
    record.line,
    [...new Set(issues.map((i) => i.code))].join(';'),
    issues
      .flatMap((i) => (i.column ? [i.column.index + 1] : []))
      .filter((c, n, all) => all.indexOf(c) === n)
      .join(';'),
    [
      ...issues.map((i) => issueMessage(i, lang, instruments)),
      ...(rejection.withheld ? [importMessages(lang).cellsWithheld] : []),
    ].join(' | '),
    rejection.riskSignal ? 'yes' : '',
    ...record.fields,
  ];
}

/** Issues that say a row's cells may not sit under their own columns: a cell lost or added, a quote never closed. */
const MOVED_CELLS: ReadonlySet<RowIssueCode> = new Set(['IMPORT_FIELD_COUNT', 'IMPORT_UNTERMINATED_QUOTE']);

/**
 * A rejected row for errors.csv under `--pseudonymize`: no cell that may hold a name or a student id. Where the
 * columns are known and in place, the student id becomes its pseudonym and the name is left out; everything else
 * stays, so the row can be fixed. Where they are not known (a sheet whose header was not read) or cells may have moved
 * (`Zhang, Fangfang` unquoted puts half a name under sex), any cell may hold one: every cell is withheld (written
 * empty) but a pseudonym for the id when the id is the first cell, which nothing before it can have moved. The row
 * keeps its sheet and line, so it can be found in the source file.
 */
export function withoutIdentity(
  rejection: RowRejection,
  mapping: SheetMapping | null | undefined,
  key: Buffer,
): ShownRejection {
  const { record } = rejection;
  const pseudonym = (cell: string | undefined) =>
    (cell ?? '').trim() === '' ? '' : pseudonymOf(key, (cell ?? '').trim());
  const id = mapping?.person.studentId;
  if (!mapping || rejection.issues.some((issue) => MOVED_CELLS.has(issue.code))) {
    const fields = record.fields.map(() => '');
    // A quote never closed ends the record with the rest of its line: a first cell that is that is no id.
    const idFirst = id?.index === 0 && !(record.unterminated && record.fields.length === 1);
    if (idFirst && fields.length > 0) fields[0] = pseudonym(record.fields[0]);
    return { ...rejection, record: { ...record, fields }, withheld: true };
  }
  const fields = [...record.fields];
  if (id && id.index < fields.length) fields[id.index] = pseudonym(fields[id.index]);
  const name = mapping.person.name;
  if (name && name.index < fields.length) fields[name.index] = '';
  // Columns not read may hold identity too (家长姓名, 手机号, 来自IP, 备注): not needed to fix the row, withheld.
  for (const column of mapping.ignored) if (column.index < fields.length) fields[column.index] = '';
  return { ...rejection, record: { ...record, fields } };
}
