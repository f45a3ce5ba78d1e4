import { describe, expect, it } from 'vitest';
import { ErrorColumns } from './error-columns.ts';

describe('ErrorColumns', () => {
  it('keeps a sheet with the first header as it is, and places a reordered one under the same names', () => {
    const columns = new ErrorColumns(['学号', '姓名', 'Q1', 'Q1']);
    columns.add('1班', ['学号', '姓名', 'Q1', 'Q1']);
    columns.add('2班', ['Q1', '姓名', ' 学号 ', 'Q1', '备注']);
    const first = ['1', '甲', '0', '1'];
    expect(columns.cells('1班', first)).toBe(first);
    expect(columns.header).toEqual(['学号', '姓名', 'Q1', 'Q1', '备注']);
    // The second 'Q1' of the sheet goes under the second 'Q1'; a cell past the sheet's header follows every column.
    expect(columns.cells('2班', ['a', '乙', '2', 'b', '请假', 'extra'])).toEqual([
      '2',
      '乙',
      'a',
      'b',
      '请假',
      'extra',
    ]);
    // Once errors.csv has more columns, a first-sheet row's extra cell goes after them, not under 备注.
    expect(columns.cells('1班', [...first, 'extra'])).toEqual([...first, '', 'extra']);
  });

  it('places a header met in the middle of the data by its names, the names errors.csv lacks after the others', () => {
    const columns = new ErrorColumns(['学号', 'PHQ9_9', 'GAD7_1']);
    const later = {};
    columns.addLater(later, ['学号', 'GAD7_1', 'PHQA_a', 'PHQ9_9']);
    expect(columns.header).toEqual(['学号', 'PHQ9_9', 'GAD7_1']);
    expect(columns.cells(later, ['1', '3', '0', '2'])).toEqual(['1', '2', '3', '0']);
  });

  it('leaves the cells of a sheet it was never given as they are', () => {
    const columns = new ErrorColumns(['学号']);
    const cells = ['填写说明'];
    expect(columns.cells('说明', cells)).toBe(cells);
  });
});
