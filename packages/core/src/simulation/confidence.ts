/** Two-sided 95% Student t quantiles t(0.975, df) for df = 1…30. */
const T975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314,
  2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];

/** t(0.975, df): the table up to 30, then the Cornish–Fisher expansion around z = 1.959964 (error < 1e-4). */
export function studentT975(df: number): number {
  if (df < 1) return Number.NaN;
  const tabled = T975[Math.floor(df) - 1];
  if (tabled !== undefined) return tabled;
  const z = 1.959963985;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

/** A mean over replications with its 95% confidence interval (Student t); `low`/`high` are null for one value. */
export interface Estimate {
  readonly mean: number;
  readonly low: number | null;
  readonly high: number | null;
  /** Replications the estimate rests on (those where the ratio was defined). */
  readonly n: number;
}

/** The mean and 95% CI of the finite values (a ratio with no denominator in a replication is left out); null if none. */
export function estimate(values: readonly number[]): Estimate | null {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  if (n === 0) return null;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { mean, low: null, high: null, n };
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const half = studentT975(n - 1) * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half, n };
}
