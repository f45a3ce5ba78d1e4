import { scoreInstrument } from '@triage/scales';
import type { ColumnSpan } from '../xlsx/merged-cells.ts';
import { isAbsenceWord } from './absence-words.ts';
import type { InstrumentPlan, SourceRecord } from './read-row.ts';

/*
 * A hand-made sheet merges cells across the table: a class sub-title (初一(2)班) above each class of a grade sheet, or
 * a note (缺考, 请假) across the answers of a student who was absent. The workbook reader fills a merged range as Excel
 * shows it, the one text in every cell, and says which cells it filled (`SourceRecord.merged`); read as answers, that
 * text is unreadable in every item, critical items included, and the row would be urgent. Only what the reader says
 * was merged is looked at: a CSV has no merged cells (a merged range is exported as its top-left cell, the rest blank).
 */

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** Whether the merged range holds a text that is neither a number nor an answer an item it covers reads (缺考, 初一(2)班). */
function holdsNote(fields: readonly string[], span: ColumnSpan, plans: readonly InstrumentPlan[]): boolean {
  const text = (fields[span.first] ?? '').trim();
  // A number may be an id, an age or an answer: such a row is read as it is, never set aside.
  return text !== '' && !NUMBER.test(text) && !readAsAnswer(text, span, plans);
}

/** Whether an item the span covers reads `text` as an answer (是, 从不 …). */
function readAsAnswer(text: string, span: ColumnSpan, plans: readonly InstrumentPlan[]): boolean {
  return plans.some(({ definition, positions, score }) => {
    const covered = positions.map((index) => index >= span.first && index <= span.last);
    if (!covered.includes(true)) return false;
    const result = scoreInstrument(
      definition,
      covered.map((inside) => (inside ? text : '')),
      score,
    );
    if (result.ok) return true;
    const unread = new Set(result.error.issues.map((issue) => issue.item));
    return definition.items.some((item, p) => covered[p] && !unread.has(item.id));
  });
}

/** The merged range holding every cell of `indexes` that is not blank, if one does. */
function holdingSpan(record: SourceRecord, indexes: Iterable<number>): ColumnSpan | undefined {
  const spans = record.merged;
  if (!spans) return undefined;
  const filled: number[] = [];
  for (const i of indexes) if ((record.fields[i] ?? '').trim() !== '') filled.push(i);
  if (filled.length === 0) return undefined;
  return spans.find((span) => filled.every((i) => i >= span.first && i <= span.last));
}

/**
 * Whether a row is a title (初一(2)班, 某某中学 2025 年春季筛查) rather than a student: its only content is the one text
 * of a range merged across columns, and that text is neither a number nor an answer. Such a row holds no student.
 */
export function isTitleRow(record: SourceRecord, plans: readonly InstrumentPlan[]): boolean {
  if (!record.merged) return false;
  const span = holdingSpan(record, record.fields.keys());
  return span !== undefined && holdsNote(record.fields, span, plans);
}

/**
 * Whether every answer cell that is not blank holds the one text of a range merged across them, not an answer (缺考,
 * 请假 across the items of an absent student): the student gave no answer, as with blank cells.
 */
export function onlyMergedNote(record: SourceRecord, plans: readonly InstrumentPlan[]): boolean {
  if (!record.merged) return false;
  const answers = plans.flatMap(({ positions }) => positions.filter((index) => index >= 0));
  const span = holdingSpan(record, answers);
  return span !== undefined && holdsNote(record.fields, span, plans);
}

/** Per sheet (its plans): the first answer column, left to right, or -1 when none is mapped. */
const firstAnswers = new WeakMap<readonly InstrumentPlan[], number>();

function firstAnswer(plans: readonly InstrumentPlan[]): number {
  let first = firstAnswers.get(plans);
  if (first === undefined) {
    first = -1;
    for (const { positions } of plans) for (const i of positions) if (i >= 0 && (first < 0 || i < first)) first = i;
    firstAnswers.set(plans, first);
  }
  return first;
}

/**
 * Whether the first answer cell holds a word for absence (缺考, 请假, absent …) that no item there reads as an answer,
 * and every other answer cell is blank: a note merged across the answers as a CSV keeps it (its top-left cell, the rest
 * blank), or typed in the first cell alone. The student gave no answer, as with blank cells. Only recognised words
 * (absence-words.ts): any other text with the rest blank may be a student's one answer, mistyped, and the blank
 * critical items keep that row urgent; so does a row with any answer beside the word.
 */
export function onlyAbsenceNote(fields: readonly string[], plans: readonly InstrumentPlan[]): boolean {
  const first = firstAnswer(plans);
  if (first < 0 || !isAbsenceWord(fields[first] ?? '')) return false;
  const blank = plans.every(({ positions }) =>
    positions.every((i) => i < 0 || i === first || (fields[i] ?? '').trim() === ''),
  );
  return blank && holdsNote(fields, { first, last: first }, plans);
}

/** A class or grade heading: 初一(2)班, 七年级 3 班, 高二年級, Class 7-2, Grade 8. */
const CLASS_HEADING = /班|年[级級]|^(?:class|grade|form)\b/i;

/**
 * A note beside a class heading: its teacher or its count (班主任：张老师, 人数：45, 共 45 人, Teacher: Ms Li). Said
 * with a label and a colon or in those words only: a student's name beside a class (初一(2)班, 甲, the answers blank) is
 * an absent student, never a title.
 */
const HEADING_NOTE = /[:：]|班主任|老师|教师|人数|共\s*\d+\s*人|teacher|tutor/i;

/**
 * Whether a row is a class heading as a CSV keeps a title merged across a stacked sheet: its first cell holds a short
 * heading that names a class or grade (初一(2)班), every other cell blank but at most one note on the class (班主任：
 * 张老师). No id, no answer: no student. Only the first cell, where a merged range's text lands, and only such
 * headings: any other lone text stays read as a row.
 */
export function isClassHeading(record: SourceRecord): boolean {
  if (record.merged) return false;
  const { fields } = record;
  const text = (fields[0] ?? '').trim();
  if (text === '' || text.length > 30 || NUMBER.test(text) || !CLASS_HEADING.test(text)) return false;
  let note: string | undefined;
  for (let i = 1; i < fields.length; i++) {
    const cell = (fields[i] as string).trim();
    if (cell === '') continue;
    if (note !== undefined) return false;
    note = cell;
  }
  return note === undefined || (note.length <= 30 && !NUMBER.test(note) && HEADING_NOTE.test(note));
}
