import { describe, expect, it } from 'vitest';
import type { SheetMapping } from './columns.ts';
import { isStatisticsRow } from './statistics-row.ts';

/** 序号, 学号, 姓名, then answers: the person columns a class sheet has. */
function sheet(withId: boolean): SheetMapping {
  return {
    width: 6,
    person: {
      ...(withId ? { studentId: { index: 1, header: '学号' } } : {}),
      name: { index: 2, header: '姓名' },
    },
    instruments: [],
    ignored: [],
    unknownItems: [],
    how: 'prefix',
  };
}

describe('isStatisticsRow', () => {
  it.each([
    ['合计 in the id column', ['', '合计', '', '4', '5', '7']],
    ['平均分 with a full-width colon', ['', '平均分：', '', '0.67', '0.83', '1.17']],
    ['最高分 with spaces around', ['', ' 最高分 ', '', '2', '3', '3']],
    ['a label spaced out (合 计)', ['', '合  计', '', '4', '5', '7']],
    ['an English label in any case, with a colon', ['', 'AVERAGE:', '', '1', '1', '1']],
    ['a traditional form (總計)', ['', '總計', '', '4', '5', '7']],
    ['the label in the first column, id blank', ['合计', '', '', '4', '5', '7']],
    ['the label in the name column, id blank', ['', '', '最低分', '0', '0', '0']],
    ['Total in the name column, id blank', ['', '', 'Total', '4', '5', '7']],
  ])('is true for %s', (_, fields) => {
    expect(isStatisticsRow(fields, sheet(true))).toBe(true);
  });

  it.each([
    ['a student', ['1', '20250001', '测一', '1', '0', '1']],
    ['a student with a label elsewhere in the row', ['1', '20250001', '合计', '1', '0', '1']],
    ['a student named Max, id blank', ['', '', 'Max', '1', '0', '1']],
    ['a student named Min, id blank', ['', '', ' min ', '1', '0', '1']],
    ['a label inside longer words', ['', '合计（不含缺考）', '', '4', '5', '7']],
    ['a label that is not the first non-empty cell', ['', '', '测一', '合计', '5', '7']],
    ['a blank row', ['', '', '', '', '', '']],
  ])('is false for %s', (_, fields) => {
    expect(isStatisticsRow(fields, sheet(true))).toBe(false);
  });

  it('reads the first non-empty cell in a sheet without an id column', () => {
    expect(isStatisticsRow(['平均', '', '1', '1', '1', '1'], sheet(false))).toBe(true);
    expect(isStatisticsRow(['1', '测一', '1', '1', '1', '1'], sheet(false))).toBe(false);
  });
});
