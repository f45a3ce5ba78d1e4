import { simplifiedHan } from '@triage/scales';

/*
 * What a teacher writes in a student's answer cells when the student did not take the screening: 缺考, 请假 … A
 * workbook often merges it across the answers (merged-row.ts); a CSV saved from it keeps the note in the first answer
 * cell only, the rest blank. Without the merge to show it is a note, only these words say so: any other text there may
 * be a student's one answer, mistyped.
 */

/** Compared trimmed, lower case, spaces as one, without brackets around or a trailing full stop, traditional folded. */
const WORDS = new Set([
  '缺考',
  '缺测',
  '缺席',
  '缺勤',
  '请假',
  '病假',
  '事假',
  '未参加',
  '未参测',
  '未参加测试',
  '未参加筛查',
  '未测',
  '未考',
  '休学',
  '转学',
  'absent',
  'absence',
  'did not attend',
  'not attended',
  'on leave',
  'sick leave',
]);

/** The longest word with room for brackets and spaces: longer cells are no such word, read no further. */
const LONGEST = 20;

const isDigit = (code: number) => code >= 48 && code <= 57;
const AROUND = /^[(（[【]\s*|\s*[)）\]】]$|[.。]$/g;

/** Whether a cell holds a word for absence (缺考, 请假, absent …), not an answer. */
export function isAbsenceWord(cell: string): boolean {
  // Most cells read here are answers: no such word starts with a digit.
  if (cell.length === 0 || cell.length > LONGEST || isDigit(cell.charCodeAt(0))) return false;
  const word = simplifiedHan(cell.trim().replace(AROUND, '').trim().toLowerCase())
    .replaceAll('參', '参')
    .replaceAll('轉', '转')
    .replaceAll('測', '测')
    .replace(/\s+/g, ' ');
  return WORDS.has(word);
}
