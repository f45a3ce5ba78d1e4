import {
  type InstrumentDefinition,
  type ScoreIssueCode,
  type ScoreOptions,
  type ScoreValue,
  scoreInstrument,
} from '@triage/scales';
import { withoutTrailingMarks } from '../csv/end-of-file-mark.ts';
import { type CsvRecord, isBlankRecord, readCsv } from '../csv/read-csv.ts';
import { type ColumnIssue, type ColumnMap, mapColumns } from './column-map.ts';
import type { ItemColumn } from './item-columns.ts';

interface ScoredRow {
  /** Physical line of the record in the file (header = line 1 when it is the first line). */
  readonly line: number;
  /** The respondent id from the id column; null when the file has none or the cell is blank. */
  readonly id: string | null;
  readonly score: ScoreValue;
}

/** What is wrong with one row. Never carries the cell's value: error output must not echo answers. */
export interface RowIssue {
  readonly code: ScoreIssueCode | 'CLI_FIELD_COUNT';
  readonly item?: string;
  readonly column?: ItemColumn;
  readonly expected: string;
  /** CLI_FIELD_COUNT only: how many fields the row has (a count, not data). */
  readonly fields?: number;
}

interface RejectedRow {
  readonly line: number;
  readonly id: string | null;
  readonly issues: readonly RowIssue[];
}

export interface FileScores {
  readonly headers: readonly string[];
  readonly columns: ColumnMap;
  readonly scored: readonly ScoredRow[];
  readonly rejected: readonly RejectedRow[];
  readonly blankLines: number;
}

export type FileProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'no-rows' }
  | { readonly code: 'unterminated-quote'; readonly line: number }
  | { readonly code: 'columns'; readonly issues: readonly ColumnIssue[] };

function idOf(record: CsvRecord, columns: ColumnMap): string | null {
  if (!columns.id) return null;
  return record.fields[columns.id.index]?.trim() || null;
}

function scoreRecord(
  record: CsvRecord,
  width: number,
  columns: ColumnMap,
  definition: InstrumentDefinition,
  options: ScoreOptions,
): { ok: true; value: ScoredRow } | { ok: false; error: RejectedRow } {
  const id = idOf(record, columns);
  const { fields } = record;
  // A short row may have lost a cell anywhere, shifting answers into the wrong items: never guess.
  // Extra cells are fine only when empty (spreadsheets pad rows with trailing delimiters).
  if (fields.length < width || fields.slice(width).some((f) => f.trim() !== '')) {
    const issue: RowIssue = { code: 'CLI_FIELD_COUNT', expected: String(width), fields: fields.length };
    return { ok: false, error: { line: record.line, id, issues: [issue] } };
  }
  const answers: Record<string, string> = {};
  for (const column of columns.items) answers[column.item] = fields[column.index] ?? '';
  const result = scoreInstrument(definition, answers, options);
  if (result.ok) return { ok: true, value: { line: record.line, id, score: result.value } };
  const issues = result.error.issues.map((issue): RowIssue => {
    const column = columns.items.find((c) => c.item === issue.item);
    return {
      code: issue.code,
      expected: issue.expected,
      ...(issue.item === undefined ? {} : { item: issue.item }),
      ...(column ? { column } : {}),
    };
  });
  return { ok: false, error: { line: record.line, id, issues } };
}

/**
 * Scores every data row of a CSV text: the first non-blank record is the header, blank records are skipped and
 * counted, and every other record ends up either scored or rejected with its line and the columns at fault. `known`:
 * every instrument, so that another one's columns (`Q7:GAD-7 1` beside PHQ-9) are never read as this one's.
 */
export function scoreCsvText(
  text: string,
  options: {
    readonly delimiter: string;
    readonly definition: InstrumentDefinition;
    readonly known: readonly InstrumentDefinition[];
    readonly score: ScoreOptions;
  },
): { ok: true; value: FileScores } | { ok: false; error: FileProblem } {
  let headers: readonly string[] | undefined;
  let columns: ColumnMap | undefined;
  const scored: ScoredRow[] = [];
  const rejected: RejectedRow[] = [];
  let blankLines = 0;
  // A DOS end-of-file mark (Ctrl-Z) after the last line, or stuck to its last cell, is no part of the data.
  for (const record of readCsv(withoutTrailingMarks(text), { delimiter: options.delimiter })) {
    if (record.unterminated) return { ok: false, error: { code: 'unterminated-quote', line: record.line } };
    if (isBlankRecord(record)) {
      if (headers) blankLines++;
      continue;
    }
    if (!headers || !columns) {
      headers = record.fields;
      const mapped = mapColumns(headers, options);
      if (!mapped.ok) return { ok: false, error: { code: 'columns', issues: mapped.error } };
      columns = mapped.value;
      continue;
    }
    const result = scoreRecord(record, headers.length, columns, options.definition, options.score);
    if (result.ok) scored.push(result.value);
    else rejected.push(result.error);
  }
  if (!headers || !columns) return { ok: false, error: { code: 'empty' } };
  if (scored.length + rejected.length === 0) return { ok: false, error: { code: 'no-rows' } };
  return { ok: true, value: { headers, columns, scored, rejected, blankLines } };
}
