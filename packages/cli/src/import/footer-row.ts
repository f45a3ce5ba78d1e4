import { simplifiedHan } from '@triage/scales';
import type { SheetMapping } from './columns.ts';

/*
 * Exports from 教务 and 测评 systems end with lines under the students: who made the table and when (制表人：王老师,
 * 导出时间：2025-09-10), who checked it (审核人), a note (注：以上数据仅供参考) or the count (共40人). Such a line holds
 * no answer: read as a student, its blank critical items are unknown and it would be rejected as urgent. It is told
 * by its first non-empty cell, which says what it is, with a label and a colon or as a count; a line of a student
 * starts with an id, a number or a name, which says nothing of the sort.
 */

/** What a footer's label does: make, check or export the table (traditional forms that simplifiedHan leaves). */
const DONE =
  '制表|填表|填报|审核|审批|复核|统计|导出|打印|录入|生成|报送|上报|製表|填報|審核|審批|複核|覆核|導出|匯出|列印|錄入|報送|上報';

/** What a footer's label names: who made, checked or exported the table, when, or a note on it. */
const LABEL = `(?:${DONE})(?:人|者|时间|日期|单位|單位)?|负责人|負責人|經辦人|经办人|联系人|聯繫人|聯絡人|日期|时间|注|注意|备注|備注|说明|数据来源|来源`;

/** A label with a colon after it (制表人：王老师, 注：…), or alone in its cell with the text in the next (审核人 | 张三). */
const LABELLED = new RegExp(`^(?:${LABEL})\\s*(?:[:：]|$)`);

/** A label naming a person, a time or a date, then a space and its value (打印时间 2025-09-10, 制表人 王老师). */
const SPACED = new RegExp(`^(?:${DONE})(?:人|时间|日期)\\s+\\S`);

/** The count of the students above: 共40人, 共计 40 名, 总人数：40, 实到 38 人. */
const COUNT =
  /^(?:共计?|合计|总计|总共|实到|应到|應到|实考|应考|應考|参测|参考|缺考|总?人数\s*[:：]?)\s*\d+\s*(?:人|名(?:学生)?)?$/;

/** The same in English, with a colon: Prepared by:, Exported:, Printed on:, Note:, Total: 40 students. */
const ENGLISH =
  /^(?:(?:prepared|reviewed|checked|approved|exported|printed|generated|created)(?:\s+(?:by|on|at))?|(?:export|print)\s+(?:time|date)|notes?|source)\s*:|^total\s*:?\s*\d+\s*(?:students|pupils|people)?$/i;

/** Cells longer than this are notes too (注：以上数据仅供参考，…): only the start is looked at. */
const START = 24;

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Whether a cell is a footer's: a label with its value, or the count. */
function isFooterNote(cell: string): boolean {
  const start = cell.trim().slice(0, START);
  // Most cells read here are a student's id or number: no footer starts with a digit.
  if (start === '' || isDigit(start.charCodeAt(0))) return false;
  const text = simplifiedHan(start);
  return LABELLED.test(text) || SPACED.test(text) || COUNT.test(text) || ENGLISH.test(text);
}

/**
 * Whether a row is a line under the table (制表人：王老师, 导出时间：…, 共40人, 注：…) rather than a student: its first
 * non-empty cell is a footer's note, and no answer cell holds anything but another (the text beside the label, a
 * name next to 审核人, may stand in a person column). Never a row with an answer.
 */
export function isFooterRow(fields: readonly string[], mapping: SheetMapping): boolean {
  // Almost every row: a first cell that starts with a digit (an id) is no footer's, at one comparison.
  if (isDigit((fields[0] ?? '').charCodeAt(0))) return false;
  let i = 0;
  while (i < fields.length && (fields[i] as string).trim() === '') i++;
  if (i === fields.length || !isFooterNote(fields[i] as string)) return false;
  return mapping.instruments.every(({ items }) =>
    items.every(({ index }) => {
      const cell = fields[index] ?? '';
      return cell.trim() === '' || isFooterNote(cell);
    }),
  );
}
