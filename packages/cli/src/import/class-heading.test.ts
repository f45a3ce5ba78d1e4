import { describe, expect, it } from 'vitest';
import { isClassHeading } from './merged-row.ts';

const row = (first: string, rest: readonly string[] = ['', '', '', '']) => ({ line: 5, fields: [first, ...rest] });

describe('isClassHeading: a class title a CSV keeps in its first cell', () => {
  it.each(['初一(2)班', ' 七年级3班 ', '高二年級', 'Class 7-2', 'grade 8', '初一（2）班'])(
    '%s, the rest blank',
    (text) => {
      expect(isClassHeading(row(text))).toBe(true);
    },
  );

  // QA round 15, 2: a note on the class in a cell of its own.
  it.each([
    ['初一(2)班', '班主任：张老师'],
    ['七年级3班', '人数: 45'],
    ['Class 7-2', 'Teacher: Ms Li'],
  ])('%s beside %s, the rest blank', (text, note) => {
    expect(isClassHeading(row(text, ['', note, '', '']))).toBe(true);
    expect(isClassHeading(row(text, [note, '', '', '']))).toBe(true);
  });

  it.each([
    ['a student id', row('2025010001')],
    ['a class beside a name (an absent student)', row('初一(2)班', ['甲', '', '', ''])],
    ['a class beside a number', row('初一(2)班', ['', '45', '', ''])],
    ['a class beside two notes', row('初一(2)班', ['班主任：张老师', '人数：45', '', ''])],
    ['an absence note', row('缺考')],
    ['a heading beside an answer', row('初一(2)班', ['', '', '1', ''])],
    ['a heading in another cell', { line: 5, fields: ['', '初一(2)班', '', ''] }],
    ['a long text', row('初一(2)班的同学请注意：本次筛查的结果只给心理老师看，不会告诉任何其他人')],
    ['a number', row('7')],
    [
      'a merged row (the workbook says so, merged-row.ts reads it)',
      { ...row('初一(2)班'), merged: [{ first: 0, last: 4 }] },
    ],
  ])('not %s', (_, record) => {
    expect(isClassHeading(record)).toBe(false);
  });
});
