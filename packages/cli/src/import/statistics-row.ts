import { simplifiedHan } from '@triage/scales';
import type { SheetMapping } from './columns.ts';

/*
 * A class sheet from Excel or WPS often ends with rows that sum up the students above: 合计, 平均分, 最高分, 最低分.
 * Such a row holds numbers in the item columns, so read as a student it may be scored (最高分 with item 9 = 1 is an
 * R3 "student") or rejected as urgent. It is told by its label, in the id column or, with no id in the row, in its
 * first non-empty cell: the label column of a hand-made sheet (序号, 姓名).
 */

/** Labels of statistics rows, compared trimmed, lower case, without spaces and a trailing colon, traditional forms folded. */
const LABELS = new Set([
  '合计',
  '总计',
  '小计',
  '平均',
  '平均分',
  '平均值',
  '均值',
  '最高分',
  '最低分',
  '最大值',
  '最小值',
  '标准差',
  '人数',
  '统计',
  'total',
  'sum',
  'average',
  'mean',
  'max',
  'min',
  'sd',
  'count',
]);

/** Also given names (Max; Min for 敏): in a name column, never a label. */
const ALSO_NAMES = new Set(['max', 'min']);

/** The longest label, with room for spaces and a colon: longer cells (ids, texts) are no label, read no further. */
const LONGEST = 12;

const SPACES_AND_COLON = /\s+|[:：]\s*$/g;
const isDigit = (code: number) => code >= 48 && code <= 57;

function label(cell: string): string | undefined {
  // Most cells read here are ids: no label starts with a digit.
  if (cell.length === 0 || cell.length > LONGEST || isDigit(cell.charCodeAt(0))) return undefined;
  const word = simplifiedHan(cell.replace(SPACES_AND_COLON, '').toLowerCase());
  return LABELS.has(word) ? word : undefined;
}

/**
 * Whether a row sums up the students (合计, 平均分, 最高分, Total …) rather than being one: its id cell holds such a label,
 * or, when the id cell is blank (or the sheet has none), its first non-empty cell does.
 */
export function isStatisticsRow(fields: readonly string[], mapping: SheetMapping): boolean {
  const id = mapping.person.studentId;
  if (id) {
    const cell = (fields[id.index] ?? '').trim();
    if (cell !== '') return label(cell) !== undefined;
  }
  for (let i = 0; i < fields.length; i++) {
    const cell = (fields[i] ?? '').trim();
    if (cell === '') continue;
    const word = label(cell);
    if (word === undefined) return false;
    return !(i === mapping.person.name?.index && ALSO_NAMES.has(word));
  }
  return false;
}
