import { describe, expect, it } from 'vitest';
import { estimate, studentT975 } from './confidence.ts';

describe('95% confidence intervals', () => {
  it.each([
    [1, 12.7062],
    [9, 2.2622],
    [30, 2.0423],
    [40, 2.0211],
    [60, 2.0003],
    [120, 1.9799],
    [1e9, 1.96],
  ])('t(0.975, %d) = %d', (df, t) => expect(studentT975(df)).toBeCloseTo(t, 3));

  it('gives the mean ± t·s/√n of the finite values, and no interval for one value', () => {
    const e = estimate([1, 2, 3, 4, Number.NaN]);
    expect(e?.n).toBe(4);
    expect(e?.mean).toBe(2.5);
    const half = (studentT975(3) * Math.sqrt(5 / 3)) / 2;
    expect(e?.low).toBeCloseTo(2.5 - half, 12);
    expect(e?.high).toBeCloseTo(2.5 + half, 12);
    expect(estimate([7])).toEqual({ mean: 7, low: null, high: null, n: 1 });
    expect(estimate([Number.NaN])).toBeNull();
  });
});
