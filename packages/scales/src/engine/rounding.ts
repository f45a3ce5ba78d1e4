/**
 * How a non-integer score becomes an integer. `none` keeps the exact value.
 * Zung and PHQ-9 proration leave this unspecified; see reference/scales.md §0.1 and §0.6.
 */
export type Rounding = 'half-up' | 'truncate' | 'half-even' | 'none';

// Scores here are sums and simple ratios; this guards 4.4999999… from binary fractions.
const EPSILON = 1e-9;

export function applyRounding(value: number, mode: Rounding): number {
  switch (mode) {
    case 'none':
      return value;
    case 'half-up':
      return Math.floor(value + 0.5 + EPSILON);
    case 'truncate':
      return Math.trunc(value + (value >= 0 ? EPSILON : -EPSILON));
    case 'half-even': {
      const floor = Math.floor(value + EPSILON);
      const diff = value - floor;
      if (Math.abs(diff - 0.5) < EPSILON) return floor % 2 === 0 ? floor : floor + 1;
      return Math.floor(value + 0.5 + EPSILON);
    }
  }
}
