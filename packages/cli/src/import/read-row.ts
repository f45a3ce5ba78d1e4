import type { Decision, DecisionMemo } from '@triage/core';
import {
  type Answer,
  type InstrumentDefinition,
  type ScoreIssueCode,
  type ScoreOptions,
  scoreInstrument,
} from '@triage/scales';
import type { ItemColumn } from '../responses/item-columns.ts';
import type { ColumnSpan } from '../xlsx/merged-cells.ts';
import { AnswerPatterns } from './answer-patterns.ts';
import { type CodingSigns, codingSigns, noteCoding } from './coding-signs.ts';
import type { Column, SheetMapping } from './columns.ts';
import { type CopiedAnswers, ownAnswers } from './copied-answers.ts';
import { isFooterRow } from './footer-row.ts';
import { isClassHeading, isTitleRow, onlyAbsenceNote, onlyMergedNote } from './merged-row.ts';
import type { Person, PersonCells, PersonIssueCode, PersonReading, PersonShape } from './person.ts';
import { holdsHeaderWords, isGroupRow, namesOwnFields, repeatsEveryHeader, repeatsHeader } from './repeated-header.ts';
import { decide, type RowDecisions } from './row-decisions.ts';
import { type InstrumentScore, type SharedResults, sameResult } from './shared-results.ts';
import { isStatisticsRow } from './statistics-row.ts';

/** One source record: a CSV line or a spreadsheet row. */
export interface SourceRecord {
  /** Workbooks only: the sheet's name. */
  readonly sheet?: string;
  readonly line: number;
  readonly fields: readonly string[];
  /** CSV only: a quoted field opened here never closes. */
  readonly unterminated?: true;
  /** CSV only: bytes of this record are not valid in the file's encoding (they read as U+FFFD). */
  readonly damaged?: true;
  /** Workbooks only: cells filled from a range merged across columns (a title, a note across the answers). */
  readonly merged?: readonly ColumnSpan[];
  /** Workbooks only: cells showing the value of a merged range's top-left cell in another row or column. */
  readonly copied?: readonly number[];
}

export type RowIssueCode =
  | ScoreIssueCode
  | PersonIssueCode
  | 'IMPORT_FIELD_COUNT'
  | 'IMPORT_UNTERMINATED_QUOTE'
  | 'IMPORT_SHEET_UNMAPPED'
  | 'IMPORT_HEADER_REPEATED'
  | 'IMPORT_HEADER_ROW'
  | 'IMPORT_HEADER_UNMAPPED'
  | 'IMPORT_UNDER_UNMAPPED_HEADER'
  | 'IMPORT_ABOVE_HEADER'
  | 'IMPORT_SUMMARY_ROW'
  | 'IMPORT_TITLE_ROW'
  | 'IMPORT_CELL_ERROR'
  | 'IMPORT_CELL_FORMULA'
  | 'IMPORT_CELL_UNREADABLE'
  | 'IMPORT_NO_ANSWERS';

/** What is wrong with a row; never the cell's value. */
export interface RowIssue {
  readonly code: RowIssueCode;
  readonly column?: Column;
  readonly instrument?: string;
  readonly item?: string;
  /** Values only ("0–3", "男, 女, M, F"), so the message can be said in either language. */
  readonly expected: string;
}

export interface RowResult {
  readonly ok: true;
  readonly record: SourceRecord;
  readonly person: Person;
  /** Shared by every row with the same person cells (all but the id). */
  readonly personShape: PersonShape;
  readonly scores: readonly InstrumentScore[];
  readonly decision: Decision;
}

export interface RowRejection {
  readonly ok: false;
  readonly record: SourceRecord;
  readonly issues: readonly RowIssue[];
  /** An instrument that could be scored shows a positive or unknown critical item: this row is urgent to fix. */
  readonly riskSignal: boolean;
}

/** How to read one instrument from a row: for each of its items in order, the column (or -1 when absent). */
export interface InstrumentPlan extends SharedResults {
  readonly definition: InstrumentDefinition;
  readonly items: readonly ItemColumn[];
  readonly positions: readonly number[];
  /** Reused for every row; the engine does not keep it. */
  readonly answers: string[];
  readonly score: ScoreOptions;
  /** What the answers look like, to notice a file coded 1–4 read as 0–3 (or the other way round). */
  readonly coding: CodingSigns;
  /**
   * Results by the answers as written: rows repeat answer patterns (1M synthetic rows have 175k PHQ-A patterns; the
   * first 16,384 cover about 69% of rows, all of them 82%). The first {@link SCORED_KEPT} stay; each points to a
   * shared result, so this holds keys, not results.
   */
  readonly scored: AnswerPatterns<InstrumentScore>;
}

/**
 * Answer patterns remembered per instrument: of up to 14 single-digit answers, 12–24 bytes each (6 MB when full);
 * of others (text answers, long scales), a string each, so fewer.
 */
const SCORED_KEPT = 262_144;
const SCORED_AS_TEXT_KEPT = 16_384;

/** Plans for every instrument of a mapping; item answers are kept in results only where a rule reads them. */
export function instrumentPlans(
  mapping: SheetMapping,
  score: ScoreOptions,
  readsItems: (instrument: string) => boolean,
): InstrumentPlan[] {
  return mapping.instruments.map(({ definition, items }) => {
    const positions = definition.items.map((item) => items.find((c) => c.item === item.id)?.index ?? -1);
    return {
      definition,
      items,
      positions,
      answers: positions.map(() => ''),
      coding: codingSigns(definition),
      score: readsItems(definition.id) ? { ...score, includeItems: true } : score,
      scored: new AnswerPatterns(SCORED_KEPT, SCORED_AS_TEXT_KEPT),
      results: new Map(),
      kept: 0,
    };
  });
}

export interface RowContext {
  readonly mapping: SheetMapping;
  readonly plans: readonly InstrumentPlan[];
  /**
   * Decisions of rows by what their facts are made of (for these plans only). Left out where the memo must see every
   * row (simulate cohort's paired memo decides with a second rule set as it goes).
   */
  readonly decisions?: RowDecisions;
  /** Validates a row's person cells (see `personReader`). */
  readonly person: (cells: PersonCells) => PersonReading;
  readonly memo: DecisionMemo;
  /** Spreadsheet rows are positional: a short row only lacks trailing blanks. CSV rows must match the header. */
  readonly strictWidth: boolean;
  /** Where answer cells filled from another cell by a merged range are counted, to be said; left out, not counted. */
  readonly copiedAnswers?: CopiedAnswers;
}

/** A person cell; a skip mark (a question the platform's logic did not show) is blank, as for answers. */
const cellOf = (fields: readonly string[], column: Column | undefined) =>
  column === undefined ? '' : unlessSkipped(fields[column.index] ?? '');

/**
 * Whether a row of the wrong width may hide a risk: its critical items' columns read where the header puts them, and
 * shifted by the cells it has too many or too few (a name split by a comma, `张,三`, moves every answer after it one
 * column right: item 9 = 3 is then one column further). Urgent when the first reading shows a positive or unknown
 * answer, or the shifted one a positive answer.
 */
function shiftedCriticalCells(fields: readonly string[], width: number, context: RowContext): boolean {
  if (criticalCells(fields, context)) return true;
  let end = fields.length;
  while (end > width && (fields[end - 1] ?? '').trim() === '') end--;
  const delta = end - width;
  if (delta === 0) return false;
  const shifted = delta > 0 ? fields.slice(delta) : [...Array.from({ length: -delta }, () => ''), ...fields];
  // Shifted, only a positive answer counts: a note after the answers would read as an unknown last item.
  return criticalCells(shifted, context, 'positive');
}

function widthIssue(record: SourceRecord, width: number): RowIssue | undefined {
  const { fields } = record;
  // A short row may have lost a cell anywhere, shifting answers into the wrong items: never guess.
  if (fields.length < width) return { code: 'IMPORT_FIELD_COUNT', expected: String(width) };
  for (let i = width; i < fields.length; i++) {
    if ((fields[i] as string).trim() !== '') return { code: 'IMPORT_FIELD_COUNT', expected: String(width) };
  }
  return undefined;
}

/**
 * One record through validate → score → triage. Every record comes out as a result or a rejection, with all of
 * its problems at once, so a user fixes a row in one pass.
 */
export function readRow(record: SourceRecord, context: RowContext): RowResult | RowRejection {
  const { mapping } = context;
  if (record.unterminated) {
    const riskSignal = criticalCells(record.fields, context);
    return { ok: false, record, issues: [{ code: 'IMPORT_UNTERMINATED_QUOTE', expected: '"' }], riskSignal };
  }
  // 合计, 平均分, 最高分 … under the students: set aside whole, whatever its cells (never scored, never urgent). So are the
  // lines under the table (制表人：…, 导出时间：…, 共40人), which hold no answer.
  // Statistics are numbers: a row whose answers are option words (是, 没有) is a student's, whatever its id cell says.
  if (isStatisticsRow(record.fields, mapping) && !answersInWords(record.fields, context.plans)) {
    return statisticsRow(record);
  }
  if (isFooterRow(record.fields, mapping)) return statisticsRow(record);
  // 初一(2)班 merged across the table above its class (or its first cell alone, as a CSV keeps it): set aside the same way.
  if (isTitleRow(record, context.plans) || isClassHeading(record)) return titleRow(record);
  if (record.damaged) {
    const unreadable = unreadableColumns(record.fields, context);
    if (unreadable.length > 0) {
      const issues = unreadable.map((column): RowIssue => ({ code: 'IMPORT_CELL_UNREADABLE', column, expected: '' }));
      return { ok: false, record, issues, riskSignal: criticalCells(record.fields, context) };
    }
  }
  const { fields } = record;
  // The header again (classes or files pasted one under the other): skipped when it is the one in force in every mapped
  // column, else a header to map (see isHeaderAgain). Before the width: a class's header may have more columns.
  if (repeatsHeader(fields, mapping)) return sameHeader(fields, context) ? headerRow(record) : headerAgain(record);
  // The group row of a header of two rows again (PHQ-A over the items, however written): no student, skipped.
  if (isGroupRow(fields, mapping)) return headerRow(record);
  // Its person columns named as a header names them (学号 in the id column): a header in another layout, whatever its
  // item columns hold (bare numbers in another order read as answers, and a positive item 9 would be lost).
  if (namesOwnFields(fields, mapping)) return headerAgain(record);
  if (context.strictWidth) {
    const issue = widthIssue(record, mapping.width);
    if (issue) {
      // A header in another layout, wider or narrower (PHQA_a, PHQA_b added): header words, no answer.
      if (holdsHeaderWords(fields, mapping) && !readsAnswer(fields, context.plans)) return headerAgain(record);
      return { ok: false, record, issues: [issue], riskSignal: shiftedCriticalCells(fields, mapping.width, context) };
    }
  }
  const issues: RowIssue[] = [];
  const p = mapping.person;
  const cells: { -readonly [K in keyof PersonCells]: PersonCells[K] } = {
    studentId: cellOf(fields, p.studentId),
    sex: cellOf(fields, p.sex),
    age: cellOf(fields, p.age),
    grade: cellOf(fields, p.grade),
    class: cellOf(fields, p.class),
    school: cellOf(fields, p.school),
  };
  // A formula saved without its value (`=…`, as the workbook reader shows one) is no id, age or class: said as such,
  // and read as blank so that no second, misleading issue ("sex not recognised") is added for it.
  const formulas = formulaFields(cells);
  if (formulas) {
    for (const field of formulas) {
      const column = p[field];
      issues.push({ code: 'IMPORT_CELL_FORMULA', expected: '', ...(column ? { column } : {}) });
      cells[field] = '';
    }
  }
  const person = context.person(cells);
  if (!person.ok) {
    for (const i of person.error) {
      if (formulas?.includes(i.field)) continue;
      const column = p[i.field];
      issues.push({ code: i.code, expected: i.expected, ...(column ? { column } : {}) });
    }
  }
  // A note merged across the answers (缺考), which would read as an unreadable answer in every item, and a word for
  // absence in the first answer cell with the rest blank (a CSV saved from such a sheet keeps only the first cell): a
  // student who did not take the screening, not one with unknown risk.
  if (onlyMergedNote(record, context.plans) || onlyAbsenceNote(fields, context.plans)) {
    return noAnswers(record, issues, mapping);
  }
  // A workbook's answer cell that a merged range filled from another row or column (an answer merged down over the
  // next student's) is not this student's answer: blank, so unknown (copied-answers.ts).
  // Only workbook rows with merged cells have any (`record.copied`): every other row reads its own cells as they are.
  const own = record.copied ? ownAnswers(record, context.plans) : undefined;
  const first = own?.copied[0];
  if (own && first) context.copiedAnswers?.note(record, first, own.copied.length);
  const answerCells = own ? own.fields : fields;
  // So is a row without one answer (blank or skip marks).
  const blank = context.plans.every((plan) =>
    plan.positions.every((i) => i < 0 || unlessSkipped(answerCells[i] ?? '').trim() === ''),
  );
  if (blank) return noAnswers(record, issues, mapping);
  const scores: InstrumentScore[] = [];
  let riskSignal = false;
  for (const plan of context.plans) {
    const { definition, items, positions, answers } = plan;
    // Positional answers, one reused array per instrument: no object per row, no key lookups in the engine.
    let skips = false;
    for (let p = 0; p < positions.length; p++) {
      const index = positions[p] as number;
      const cell = index < 0 ? '' : (answerCells[index] ?? '');
      const answer = unlessSkipped(cell);
      if (answer !== cell) skips = true;
      answers[p] = answer;
    }
    if (skips) plan.coding.skipMarks++;
    noteCoding(plan.coding, answers);
    let score = plan.scored.find(answers);
    if (!score) {
      const result = scoreInstrument(definition, answers, plan.score);
      if (!result.ok) {
        for (const issue of result.error.issues) {
          const column = items.find((c) => c.item === issue.item);
          const formula =
            issue.code === 'SCALES_UNKNOWN_LABEL' ? formulaIssue(answers, definition, issue.item) : undefined;
          issues.push({
            ...(formula ?? { code: issue.code, expected: issue.expected }),
            instrument: definition.id,
            ...(issue.item === undefined ? {} : { item: issue.item }),
            ...(column ? { column } : {}),
          });
        }
        // The engine's flags of the answers it could read: an unreadable critical item is unknown, as a blank is.
        if (result.error.flags.length > 0) riskSignal = true;
        continue;
      }
      score = sameResult(plan, result.value);
      // Only results kept by their text: a pattern then holds a number, not a result of its own.
      if (score.shared) plan.scored.remember(score);
    }
    scores.push(score);
    if (score.value.flags.length > 0) riskSignal = true;
  }
  if (issues.length > 0 || !person.ok) {
    // A header in other words than the file's (a class pasted below with its own): no answer to read, header words.
    if (!holdsAnswer(answerCells, context.plans, issues) && holdsHeaderWords(fields, mapping))
      return headerAgain(record);
    return { ok: false, record, issues, riskSignal };
  }
  return {
    ok: true,
    record,
    person: person.value,
    personShape: person.shape,
    scores,
    decision: decide(scores, person.shape, context),
  };
}

/**
 * The columns the import reads (person cells, answers) whose cell holds U+FFFD: bytes the file's encoding cannot read
 * (a download cut off inside a character, a damaged byte). A damaged name or ignored column does not matter.
 */
function unreadableColumns(fields: readonly string[], context: RowContext): Column[] {
  const person = context.mapping.person;
  const columns: Column[] = [];
  for (const field of PERSON_FIELDS) {
    const column = person[field];
    if (column && (fields[column.index] ?? '').includes(REPLACEMENT)) columns.push(column);
  }
  for (const { items } of context.plans) {
    for (const column of items) if ((fields[column.index] ?? '').includes(REPLACEMENT)) columns.push(column);
  }
  return columns;
}

const REPLACEMENT = '\uFFFD';

/**
 * Whether a row that repeats the header in force is it in every mapped column, and, in a CSV, as wide: a header with
 * a column more is mapped again, so the rows under it, as wide, are read.
 */
function sameHeader(fields: readonly string[], context: RowContext): boolean {
  if (!repeatsEveryHeader(fields, context.mapping)) return false;
  return !context.strictWidth || widthIssue({ line: 0, fields }, context.mapping.width) === undefined;
}

/** No answer at all, whatever else is wrong with the row (`issues`): a student who did not take the screening. */
function noAnswers(record: SourceRecord, issues: RowIssue[], mapping: SheetMapping): RowRejection {
  // A header in other words than the file's (a class pasted below with its own) holds no answer either.
  if (holdsHeaderWords(record.fields, mapping)) return headerAgain(record);
  issues.push({ code: 'IMPORT_NO_ANSWERS', expected: '' });
  return { ok: false, record, issues, riskSignal: false };
}

/** The header row again: one issue, not one per column, and never urgent. */
function headerAgain(record: SourceRecord): RowRejection {
  return { ok: false, record, issues: [{ code: 'IMPORT_HEADER_REPEATED', expected: '' }], riskSignal: false };
}

/**
 * Whether a row is a header in the middle of the data other than the one its rows are read by (another column order,
 * other words, more columns): the rows under it are in its layout, so it must be mapped, never read past.
 */
export function isHeaderAgain(row: RowResult | RowRejection): boolean {
  return !row.ok && row.issues[0]?.code === 'IMPORT_HEADER_REPEATED';
}

/**
 * Whether a row is a header, as {@link readRow} tells it, without reading it as a student: `repeat`, the header of
 * `context` again in every mapped column; `again`, a header in another layout; undefined, neither. For rows no header
 * reads (under one that cannot be read): their answers must not count towards anything, the coding signs included.
 */
export function headerKind(fields: readonly string[], context: RowContext): 'repeat' | 'again' | undefined {
  const { mapping } = context;
  if (repeatsHeader(fields, mapping)) return sameHeader(fields, context) ? 'repeat' : 'again';
  if (namesOwnFields(fields, mapping)) return 'again';
  return holdsHeaderWords(fields, mapping) && !readsAnswer(fields, context.plans) ? 'again' : undefined;
}

/**
 * A row above the sheet's header (on line `header`) that holds a student's row, not a title or notes: never read by a
 * header below it, which may not be its own (an Excel sort moved the header down, a class pasted above it). Urgent
 * where its critical items' columns under that header show a positive or unknown answer: the best guess there is.
 */
export function aboveHeader(record: SourceRecord, context: RowContext, header: number): RowRejection {
  const issues: RowIssue[] = [{ code: 'IMPORT_ABOVE_HEADER', expected: String(header) }];
  return { ok: false, record, issues, riskSignal: criticalCells(record.fields, context) };
}

/**
 * A row under a header in the middle of the data (on line `header`) that cannot be read as the file's instruments:
 * never read by another header's columns. `other`: that header's own reading (other instruments), which says where
 * its critical items are; without one nothing says where they are, and an unknown critical answer is urgent.
 */
export function underUnmappedHeader(record: SourceRecord, header: number, other: RowContext | null): RowRejection {
  const issues: RowIssue[] = [{ code: 'IMPORT_UNDER_UNMAPPED_HEADER', expected: String(header) }];
  return { ok: false, record, issues, riskSignal: other ? criticalCells(record.fields, other) : true };
}

/**
 * A row of a workbook sheet that is not read (its header cannot be read as the file's instruments). `context` says
 * where its critical items are: its own header's reading (other instruments: an ASQ class beside PHQ-A ones), or the
 * first sheet's for a class pasted without its header; null for the header itself, and when nothing says. Urgent when
 * the row holds an answer there and a critical item shows a positive or unknown one; a title or notes hold none.
 */
export function unreadSheetRow(record: SourceRecord, context: RowContext | null): RowRejection {
  const issues: RowIssue[] = [{ code: 'IMPORT_SHEET_UNMAPPED', expected: '' }];
  const riskSignal =
    context !== null && readsAnswer(record.fields, context.plans) && criticalCells(record.fields, context);
  return { ok: false, record, issues, riskSignal };
}

/** A header in the middle of the data that cannot be read as the file's instruments (`instruments`, as said). */
export function unmappedHeader(record: SourceRecord, instruments: string): RowRejection {
  return { ok: false, record, issues: [{ code: 'IMPORT_HEADER_UNMAPPED', expected: instruments }], riskSignal: false };
}

/** The file's own header again, in every mapped column: no student, skipped as the header itself is. */
function headerRow(record: SourceRecord): RowRejection {
  return { ok: false, record, issues: [{ code: 'IMPORT_HEADER_ROW', expected: '' }], riskSignal: false };
}

/**
 * Whether a row is the file's own header again (see {@link repeatsEveryHeader}): neither scored nor rejected nor set
 * aside in errors.csv, only counted, as blank rows are.
 */
export function isHeaderRow(row: RowResult | RowRejection): boolean {
  return !row.ok && row.issues[0]?.code === 'IMPORT_HEADER_ROW';
}

/** A row summing up the students (合计, 平均分 …) or a line under them (制表人：…): one issue, set aside, never urgent. */
function statisticsRow(record: SourceRecord): RowRejection {
  return { ok: false, record, issues: [{ code: 'IMPORT_SUMMARY_ROW', expected: '' }], riskSignal: false };
}

/** A title merged across the table (初一(2)班): one issue, set aside, never urgent. */
function titleRow(record: SourceRecord): RowRejection {
  return { ok: false, record, issues: [{ code: 'IMPORT_TITLE_ROW', expected: '' }], riskSignal: false };
}

/**
 * What a rejection that only sets a row aside counts as: a statistics row (合计, 平均分 …) or a title (初一(2)班); no
 * student, nothing to fix. Undefined for a rejected row.
 */
export function setAside(rejection: RowRejection): 'summaryRows' | 'titleRows' | undefined {
  const code = rejection.issues[0]?.code;
  return code === 'IMPORT_SUMMARY_ROW' ? 'summaryRows' : code === 'IMPORT_TITLE_ROW' ? 'titleRows' : undefined;
}

/** Whether any item cell holds an answer its instrument read (not blank, no issue of its own). */
function holdsAnswer(
  fields: readonly string[],
  plans: readonly InstrumentPlan[],
  issues: readonly RowIssue[],
): boolean {
  return plans.some(({ definition, positions }) => {
    const unread = new Set(issues.flatMap((i) => (i.instrument === definition.id ? [i.item] : [])));
    return positions.some(
      (index, p) => index >= 0 && (fields[index] ?? '').trim() !== '' && !unread.has(definition.items[p]?.id),
    );
  });
}

/**
 * A cell as an answer: 问卷星's marks for a question its skip logic did not show, `(跳过)` in a text download and `-3` in
 * a numeric one, are blank (not asked), as the same question left blank is; anything else as it is. Not asked is not
 * unknown: C-SSRS items 3–5 after item 2 "no", ASQ item 5 after four "no".
 */
function unlessSkipped(cell: string): string {
  const c = cell.charCodeAt(0);
  // Most cells are a digit or a label: one comparison each.
  if (c !== 0x28 && c !== 0xff08 && c !== 0x2d && c !== 0x20 && c !== 0x3000) return cell;
  const t = cell.trim();
  return t === '(跳过)' || t === '（跳过）' || t === '-3' ? '' : cell;
}

/** Answers of one instrument from a row's cells (skip marks blank, see {@link unlessSkipped}). */
const answersOf = (fields: readonly string[], positions: readonly number[]) =>
  positions.map((index) => (index < 0 ? '' : unlessSkipped(fields[index] ?? '')));

/**
 * Whether any answer cell holds a word its instrument reads as an option (是, 没有或很少时间, 拒绝回答): what no 合计 or
 * 平均分 row holds. Only asked of rows labelled as statistics.
 */
function answersInWords(fields: readonly string[], plans: readonly InstrumentPlan[]): boolean {
  return readsAnswerWhere(fields, plans, isWord);
}

/** A cell that is neither blank nor a number (statistics rows hold numbers: 23, 1.5, 87.5%). */
const isWord = (cell: string) => {
  const t = cell.trim();
  return t !== '' && !/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)%?$/.test(t);
};

/** Whether any item cell holds an answer its instrument reads: a header's cells hold none. */
function readsAnswer(fields: readonly string[], plans: readonly InstrumentPlan[]): boolean {
  return readsAnswerWhere(fields, plans, (a) => a.trim() !== '');
}

/** Whether any item cell that `counts` holds an answer its instrument reads (no issue of its own). */
function readsAnswerWhere(
  fields: readonly string[],
  plans: readonly InstrumentPlan[],
  counts: (answer: string) => boolean,
): boolean {
  return plans.some(({ definition, positions, score }) => {
    const answers = answersOf(fields, positions);
    if (!answers.some(counts)) return false;
    const result = scoreInstrument(definition, answers, score);
    const unread = new Set(result.ok ? [] : result.error.issues.map((i) => i.item));
    return answers.some((a, p) => counts(a) && !unread.has(definition.items[p]?.id));
  });
}

/** Excel's error values, as a workbook stores a failed formula's result or a CSV export writes it. */
const EXCEL_ERROR =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

/** The person cells that hold a formula saved without its value (`=…`), or undefined (as almost every row). */
function formulaFields(cells: PersonCells): (keyof PersonCells)[] | undefined {
  // Most rows hold none: six first characters, read without looking fields up by name.
  const none =
    cells.studentId.charCodeAt(0) !== EQUALS &&
    cells.sex.charCodeAt(0) !== EQUALS &&
    cells.age.charCodeAt(0) !== EQUALS &&
    cells.grade.charCodeAt(0) !== EQUALS &&
    cells.class.charCodeAt(0) !== EQUALS &&
    cells.school.charCodeAt(0) !== EQUALS;
  if (none) return undefined;
  let found: (keyof PersonCells)[] | undefined;
  for (const field of PERSON_FIELDS) {
    if (cells[field].charCodeAt(0) !== EQUALS) continue;
    found ??= [];
    found.push(field);
  }
  return found;
}

const PERSON_FIELDS = [
  'studentId',
  'sex',
  'age',
  'grade',
  'class',
  'school',
] as const satisfies readonly (keyof PersonCells)[];
const EQUALS = 61; // =

/**
 * An item's answer that is a formula's doing, not an answer: an Excel error value (`#N/A` from a failed VLOOKUP), or
 * a formula saved without its value (`=…`, as the workbook reader shows one).
 */
function formulaIssue(
  answers: readonly Answer[],
  definition: InstrumentDefinition,
  item: string | undefined,
): { code: 'IMPORT_CELL_ERROR' | 'IMPORT_CELL_FORMULA'; expected: string } | undefined {
  const answer = answers[definition.items.findIndex((i) => i.id === item)];
  const text = typeof answer === 'string' ? answer.trim() : '';
  if (EXCEL_ERROR.test(text)) return { code: 'IMPORT_CELL_ERROR', expected: text };
  return text.startsWith('=') ? { code: 'IMPORT_CELL_FORMULA', expected: '' } : undefined;
}

/**
 * Whether the critical items' own columns show a positive, blank or unreadable answer, in a row whose cells may have
 * moved (a cell lost or added): such a row is never scored, but one that may hide a risk is marked urgent to fix.
 * Critical items are those that raise flags: an instrument's critical items (PHQ-A 9, c, d) and every item of the
 * suicide screens (ASQ, C-SSRS), whose categories flag each positive or unknown answer.
 */
function criticalCells(fields: readonly string[], context: RowContext, only?: 'positive'): boolean {
  return context.plans.some(({ definition, positions, score }) => {
    if (!raisesFlags(definition)) return false;
    const answers = answersOf(fields, positions);
    const result = scoreInstrument(definition, answers, score);
    const flags = result.ok ? result.value.flags : result.error.flags;
    return only === undefined ? flags.length > 0 : flags.some((f) => f.status === only);
  });
}

/**
 * Whether an instrument's results can carry flags: it has critical items, or it is a categorical suicide screen (ASQ,
 * C-SSRS), whose every item is flagged when positive or unknown.
 */
function raisesFlags(definition: InstrumentDefinition): boolean {
  return (definition.critical?.length ?? 0) > 0 || definition.scoring !== 'sum';
}
