import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyColumn } from './key-column.ts';

/** Keys as the id registry makes them: integers ≥ 1 up to 15 digits, or negative 52-bit hashes. */
const key = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.integer({ min: 202_500_000_000, max: 202_500_000_000 + 2 ** 33 }),
  fc.integer({ min: 1, max: 999_999_999_999_999 }),
  fc.integer({ min: -(2 ** 52), max: -1 }),
);

describe('KeyColumn', () => {
  it('gives back every key pushed, in order, across blocks that turn to doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: 1, max: 1500 })), { maxLength: 12 }), (runs) => {
        const column = new KeyColumn();
        const pushed: number[] = [];
        // Runs of consecutive numbers (as a school's ids come) of up to 1500, so runs cross block edges.
        for (const [first, length] of runs) {
          for (let i = 0; i < length; i++) {
            const value = first < 0 ? first - i : first + i;
            column.push(value);
            pushed.push(value);
          }
        }
        expect(column.length).toBe(pushed.length);
        const wrong = pushed.filter((value, i) => column.get(i) !== value);
        expect(wrong).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps keys on both sides of a block’s first within 2^31 as offsets, and one past that exactly', () => {
    const column = new KeyColumn();
    const first = 500_000_000_000;
    const values = [first, first - 2 ** 31, first + 2 ** 31 - 1, first + 1, first + 2 ** 31];
    for (const value of values) column.push(value);
    expect(values.map((_, i) => column.get(i))).toEqual(values);
  });
});
