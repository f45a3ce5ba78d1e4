import { describe, expect, it } from 'vitest';
import { columnLetters, columnPosition } from './column-position.ts';

describe('columnPosition', () => {
  it.each([
    ['column 12', 12],
    ['Column12', 12],
    ['column L', 12],
    ['COLUMN aa', 27],
    ['第12列', 12],
    ['第 L 列', 12],
    ['column 0', 0],
  ])('%j names column %i', (key, column) => {
    expect(columnPosition(key)).toBe(column);
  });

  it.each(['Q1', 'column', 'columns 3', 'column 1a', '第12题', 'L'])('%j is a header, not a position', (key) => {
    expect(columnPosition(key)).toBeUndefined();
  });
});

describe('columnLetters', () => {
  it.each([
    [1, 'A'],
    [12, 'L'],
    [26, 'Z'],
    [27, 'AA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('%i is %s', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
    expect(columnPosition(`column ${letters}`)).toBe(column);
  });
});
