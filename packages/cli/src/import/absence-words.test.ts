import { describe, expect, it } from 'vitest';
import { isAbsenceWord } from './absence-words.ts';

describe('isAbsenceWord', () => {
  it.each([
    '缺考',
    '缺席',
    '请假',
    '病假',
    '未参加',
    '未参加测试',
    '休学',
    ' 缺考 ',
    '（缺考）',
    '(请假)',
    '【缺考】',
    '缺考。',
    '請假',
    '未參加',
    '轉學',
    'absent',
    'Absent',
    'ABSENT.',
    'did  not attend',
    'On leave',
  ])('reads %s as a word for absence', (cell) => {
    expect(isAbsenceWord(cell)).toBe(true);
  });

  it.each([
    ['blank', ''],
    ['an answer as a number', '0'],
    ['an answer as a label', '完全不会'],
    ['another note', '有时'],
    ['a refusal (an answer some items read)', '拒答'],
    ['a word inside a longer note', '缺考后补测'],
    ['a question', '缺考?'],
    ['a class title', '初一(2)班'],
    ['a long text', '该生当天请假，之后未补测，请班主任联系家长'],
  ])('does not read %s as one', (_, cell) => {
    expect(isAbsenceWord(cell)).toBe(false);
  });
});
