import { describe, expect, it } from 'vitest';
import { columnWidths, sheetNames, textWidth } from './sheet-layout.ts';

describe('sheetNames', () => {
  it.each([
    { name: 'valid names pass', requested: ['初一(3)班', 'Sheet 2'], names: ['初一(3)班', 'Sheet 2'] },
    { name: 'forbidden characters', requested: ['a/b:c*d?[e]\\f'], names: ['a_b_c_d__e__f'] },
    { name: 'control characters', requested: ['a\tb\nc'], names: ['a_b_c'] },
    { name: 'apostrophes at the ends', requested: ["'x'", "it's"], names: ['x', "it's"] },
    { name: 'empty', requested: ['', "''"], names: ['Sheet1', 'Sheet2'] },
    { name: 'reserved', requested: ['history'], names: ['history_'] },
    { name: 'duplicates, ignoring case', requested: ['Data', 'data', 'DATA'], names: ['Data', 'data (2)', 'DATA (3)'] },
    { name: 'too long', requested: ['x'.repeat(40), 'x'.repeat(35)], names: ['x'.repeat(31), `${'x'.repeat(27)} (2)`] },
    { name: 'astral characters are not split', requested: [`${'x'.repeat(30)}😀`], names: ['x'.repeat(30)] },
  ])('$name', ({ requested, names }) => {
    expect(sheetNames(requested)).toEqual(names);
  });
});

describe('textWidth', () => {
  it.each([
    ['abc', 3],
    ['学号', 4],
    ['ＡＢ', 4],
    ['한국', 4],
    ['😀x', 3],
    ['short\nlonger line', 11],
    ['', 0],
  ] as const)('%j → %i', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });
});

describe('columnWidths', () => {
  it('fits the widest cell of each column, between 8 and 60', () => {
    expect(columnWidths([['id', '中文标题中文标题中文标题', null, 'x'.repeat(100)], [202301010012]])).toEqual([
      14, 26, 8, 60,
    ]);
  });
});
