import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdShapes, namesGrade } from './tally.ts';

function shapesOf(ids: readonly string[]): IdShapes {
  const shapes = new IdShapes((_sheet, line) => String(line));
  ids.forEach((id, i) => {
    shapes.add(id, null, i + 2);
  });
  return shapes;
}

describe('IdShapes.strippedZeros', () => {
  it('warns about 11-digit ids beside 12-digit ones that start with 0, with a count and sample lines', () => {
    const ids = [
      '012345678901',
      '012345678902',
      '12345678903',
      '012345678904',
      '12345678905',
      '12345678906',
      '12345678907',
    ];
    expect(shapesOf(ids).strippedZeros()).toEqual({ count: 4, length: 12, lines: ['4', '6', '7'] });
  });

  it('counts every shorter numeric id, of any length, but samples at most three lines', () => {
    const ids = ['0012345', '12345', '2345', '345', '45', '5'];
    const found = shapesOf(ids).strippedZeros();
    expect(found?.count).toBe(5);
    expect(found?.length).toBe(7);
    expect(found?.lines).toHaveLength(3);
  });

  it('compares with the longest zero-led ids', () => {
    const ids = ['0123', '00123456', '123', '123456', '1234567'];
    // Shorter than "00123456" and without a zero of their own: "123", "123456", "1234567".
    expect(shapesOf(ids).strippedZeros()).toEqual({ count: 3, length: 8, lines: ['4', '5', '6'] });
  });

  it.each<[string, string[]]>([
    ['no ids', []],
    ['no zero-led ids', ['202501', '202502', '2025031', '20250']],
    ['zero-led ids, nothing shorter', ['012345678901', '112345678902', '212345678903']],
    ['only longer ids beside the zero-led', ['0123', '12345', '123456']],
    ['non-numeric ids are not looked at', ['0123', 'S12', '12a', '１２', '']],
    ['zero-led ids all alone', ['0', '00', '007']],
  ])('%s → null', (_, ids) => {
    expect(shapesOf(ids).strippedZeros()).toBeNull();
  });

  it('counts only ids without a leading zero among the shorter ones', () => {
    // "0123" is shorter than "012345" but kept its zero: not a candidate.
    expect(shapesOf(['012345', '0123', '123']).strippedZeros()).toEqual({ count: 1, length: 6, lines: ['4'] });
  });

  it('counts duplicate ids each time (rows, not students)', () => {
    expect(shapesOf(['0123', '12', '12', '12']).strippedZeros()?.count).toBe(3);
  });

  it('finds lost zeros whatever the order of the rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('012345678901', '012345678902', '12345678903', '12345678904', 'S1', '999'), {
          maxLength: 30,
        }),
        (ids) => {
          const zeroLed = ids.filter((id) => id.startsWith('0')).length;
          const shorter = ids.filter((id) => /^[1-9]\d*$/.test(id) && id.length < 12).length;
          const found = shapesOf(ids).strippedZeros();
          if (zeroLed === 0 || shorter === 0) expect(found).toBeNull();
          else {
            expect(found?.count).toBe(shorter);
            expect(found?.length).toBe(12);
            expect(found?.lines.length).toBe(Math.min(3, shorter));
          }
        },
      ),
    );
  });
});

describe('IdShapes.onlyShortNumbers', () => {
  it.each<[string, string[], boolean]>([
    ['response numbers', ['1', '2', '3', '40'], true],
    ['seat numbers', ['01', '02', '45'], true],
    ['four digits', ['1001', '1002'], true],
    ['student ids', ['202501110001', '202501110002'], false],
    ['one student id among numbers', ['1', '2', '202501110003'], false],
    ['five digits', ['10001', '2'], false],
    ['ids with letters', ['A1', 'A2'], false],
    ['no ids', [], false],
  ])('%s: %j → %s', (_, ids, short) => {
    expect(shapesOf(ids).onlyShortNumbers()).toBe(short);
  });
});

describe('namesGrade (a class name that already says its grade)', () => {
  it.each<[string, string, number | null, boolean]>([
    ['初一(1)班', '初一', 7, true],
    ['初一(1)班', '七年级', 7, true],
    ['七年级1班', '初一', 7, true],
    ['初中一年级(3)班', 'Grade 7', 7, true],
    ['初一年级第三班心理健康筛查结果汇总表一', '七年级', 7, true],
    ['Grade 7 Class 1', '初一', 7, true],
    ['七（1）班', '初一', 7, true],
    ['八(1)班', '初一', 7, false],
    ['初二(1)班', '七年级', 7, false],
    ['1班', '一年级', 1, false],
    ['7-1', '初一', 7, false],
    ['7-1', '7', 7, true],
    ['3班', '预备班', null, false],
    ['预备班3班', '预备班', null, true],
  ])('%s in grade %s (year %s) → %s', (klass, grade, year, says) => {
    expect(namesGrade(klass, grade, year)).toBe(says);
  });
});
