import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from './report/model.ts';
import { suppressTable } from './suppress.ts';

const table = (...rows: number[][]) => rows.map((counts) => ({ counts }));
type Shown = { total: Cell; counts: Cell[] };

describe('suppressTable', () => {
  it.each<[string, number[][], number, Shown[]]>([
    ['nothing small: all shown', [[10, 0, 8]], 5, [{ total: 18, counts: [10, 0, 8] }]],
    ['zeros stay shown', [[0, 0, 0]], 5, [{ total: 0, counts: [0, 0, 0] }]],
    ['minCell 1 hides nothing', [[1, 0, 2]], 1, [{ total: 3, counts: [1, 0, 2] }]],
    [
      'one group is the whole file, shown whole (its counts are the whole-file counts)',
      [[10, 2, 8, 9]],
      5,
      [{ total: 29, counts: [10, 2, 8, 9] }],
    ],
    [
      'a small cell hides a second one in its row (the smallest other positive count) and in its column',
      [
        [10, 2, 8, 9],
        [20, 30, 40, 50],
      ],
      5,
      [
        { total: 29, counts: [10, null, null, 9] },
        { total: 140, counts: [20, null, null, 50] },
      ],
    ],
    [
      'a small cell with only zeros beside it hides a zero, which then needs a partner in its column too',
      [
        [0, 7, 0],
        [9, 8, 9],
      ],
      10,
      [
        { total: null, counts: [null, null, null] },
        { total: null, counts: [null, null, null] },
      ],
    ],
    [
      'a small total is hidden with its cells',
      [
        [1, 2, 0],
        [6, 7, 0],
      ],
      5,
      [
        { total: null, counts: [null, null, 0] },
        { total: null, counts: [null, null, 0] },
      ],
    ],
    [
      'two small cells cover each other in their row, and pull a partner in each column',
      [
        [3, 4, 20],
        [30, 40, 20],
      ],
      5,
      [
        { total: 27, counts: [null, null, 20] },
        { total: 90, counts: [null, null, 20] },
      ],
    ],
    ['minCell itself is not small', [[5, 6]], 5, [{ total: 11, counts: [5, 6] }]],
    [
      'a column with one hidden cell gets a second, and so does that row',
      [
        [10, 2, 8],
        [6, 9, 7],
      ],
      5,
      [
        { total: 20, counts: [10, null, null] },
        { total: 22, counts: [6, null, null] },
      ],
    ],
    [
      'complementary cells chain across rows and columns until nothing is alone',
      [
        [3, 0, 0],
        [10, 0, 7],
      ],
      5,
      // Row 0's 3 and its total are hidden; column 0 then pulls in row 1's 10, the totals column row 1's total.
      // Left: a + b = 13, a = T0, b + 7 = T1, T0 + T1 = 20: three equations, four unknowns.
      [
        { total: null, counts: [null, 0, 0] },
        { total: null, counts: [null, 0, 7] },
      ],
    ],
    ['no rows', [], 5, []],
    [
      'rows without columns',
      [[], []],
      5,
      [
        { total: 0, counts: [] },
        { total: 0, counts: [] },
      ],
    ],
  ])('%s', (_, rows, minCell, expected) => {
    expect(suppressTable(table(...rows), minCell)).toEqual(expected);
  });

  it('does not change its input', () => {
    const rows = table([10, 2, 8], [6, 9, 7]);
    const copy = structuredClone(rows);
    suppressTable(rows, 5);
    expect(rows).toEqual(copy);
  });
});

/** Small tables of small counts, all rows as wide as the first (as group views are). */
const tables = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 })).chain(([width, height]) =>
  fc.array(
    fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 200 })), {
      minLength: width,
      maxLength: width,
    }),
    { minLength: height, maxLength: height },
  ),
);
const minCells = fc.integer({ min: 1, max: 11 });

/** Every sum the report shows: each row with its total, each column (totals too) with its whole-file count. */
function hiddenPerSum(out: readonly Shown[], width: number): number[] {
  const rows = out.map((row) => [...row.counts, row.total].filter((c) => c === null).length);
  const columns = Array.from(
    { length: width + 1 },
    (_, c) => out.filter((row) => (c === width ? row.total : row.counts[c]) === null).length,
  );
  return [...rows, ...columns];
}

describe('suppressTable properties', () => {
  it('shows only what the input says and hides every small cell and small total', () => {
    fc.assert(
      fc.property(tables, minCells, (rows, minCell) => {
        const out = suppressTable(table(...rows), minCell);
        expect(out).toHaveLength(rows.length);
        rows.forEach((counts, r) => {
          const row = out[r] as Shown;
          const total = counts.reduce((a, b) => a + b, 0);
          if (row.total !== null) expect(row.total).toBe(total);
          if (rows.length > 1 && total > 0 && total < minCell) expect(row.total).toBeNull();
          expect(row.counts).toHaveLength(counts.length);
          counts.forEach((count, c) => {
            const cell = row.counts[c];
            if (cell !== null) expect(cell).toBe(count);
            if (rows.length > 1 && count > 0 && count < minCell) expect(cell).toBeNull();
          });
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('with two groups or more, leaves no shown sum with exactly one hidden term', () => {
    fc.assert(
      fc.property(tables, minCells, (rows, minCell) => {
        if (rows.length < 2) return;
        const out = suppressTable(table(...rows), minCell);
        for (const hidden of hiddenPerSum(out, rows[0]?.length ?? 0)) expect(hidden).not.toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('hides a zero only when no positive count is left to pair with', () => {
    fc.assert(
      fc.property(tables, minCells, (rows, minCell) => {
        const out = suppressTable(table(...rows), minCell);
        if (rows.length < 2) {
          rows.forEach((counts, r) => {
            counts.forEach((count, c) => {
              if (count === 0) expect(out[r]?.counts[c]).toBe(0);
            });
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hides nothing when nothing is small', () => {
    fc.assert(
      fc.property(tables, (rows) => {
        const big = rows.map((counts) => counts.map((c) => (c === 0 ? 0 : c + 100)));
        const out = suppressTable(table(...big), 50);
        expect(out.map((r) => r.counts)).toEqual(big);
      }),
    );
  });
});
