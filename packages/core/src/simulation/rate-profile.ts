import type { Random } from './random.ts';

export const DAY = 86_400;
export const WEEK = 7 * DAY;

/** A weekly step function: segment `i` starts `starts[i]` seconds into the week (starts[0] = 0) with `values[i]`. */
export interface WeeklySteps {
  readonly starts: Float64Array;
  readonly values: Float64Array;
}

/** A time window with a rate multiplier, in simulated seconds. */
export interface Surge {
  readonly from: number;
  readonly to: number;
  readonly multiplier: number;
}

/** Sorts points, keeps the last value given for a start and merges equal neighbours: a canonical step function. */
export function weeklySteps(points: readonly (readonly [start: number, value: number])[]): WeeklySteps {
  const byStart = new Map<number, number>();
  for (const [start, value] of [...points].sort((a, b) => a[0] - b[0])) byStart.set(start, value);
  const starts: number[] = [];
  const values: number[] = [];
  for (const [start, value] of byStart) {
    if (values.length === 0 || values[values.length - 1] !== value) {
      starts.push(start);
      values.push(value);
    }
  }
  if (starts[0] !== 0) throw new RangeError('a weekly step function must start at 0');
  return { starts: Float64Array.from(starts), values: Float64Array.from(values) };
}

/**
 * A non-homogeneous Poisson process with a piecewise-constant rate (a weekly profile times surges), sampled exactly by
 * inverting the integrated rate: one Exp(1) draw per arrival, walked across segment boundaries. Times must be asked
 * for in increasing order (a cursor remembers the segment).
 */
export class PiecewisePoisson {
  private readonly boundaries: Float64Array;
  private readonly multipliers: Float64Array;
  private segment = 0;
  private rate = 0;
  private until = 0;
  private weekStart: number;

  /**
   * @param steps rate per second over the week
   * @param offset seconds into the week at simulated time 0 (the start day)
   */
  constructor(
    private readonly steps: WeeklySteps,
    offset: number,
    surges: readonly Surge[],
  ) {
    this.weekStart = -offset;
    while (this.segment + 1 < steps.starts.length && (steps.starts[this.segment + 1] as number) <= offset) {
      this.segment++;
    }
    const cuts = [...new Set(surges.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b);
    this.boundaries = Float64Array.from(cuts);
    this.multipliers = Float64Array.from(cuts, (c) =>
      surges.reduce((m, s) => (s.from <= c && c < s.to ? m * s.multiplier : m), 1),
    );
  }

  /** The first arrival after `t`, or Infinity when the rate stays zero from some point on (no arrival before `end`). */
  next(t: number, rng: Random, end: number): number {
    let e = -Math.log(rng.uniform());
    let now = t;
    for (;;) {
      this.at(now);
      const rate = this.rate;
      const until = this.until;
      const span = until - now;
      if (rate > 0 && e <= rate * span) return now + e / rate;
      if (until >= end) return Number.POSITIVE_INFINITY;
      e -= rate * span;
      now = until;
    }
  }

  /** Sets `rate` at `t` and `until`, the time it next may change. Advances the cursor. */
  private at(t: number): void {
    const { starts, values } = this.steps;
    for (;;) {
      const nextStart = this.segment + 1 < starts.length ? (starts[this.segment + 1] as number) : WEEK;
      if (t < this.weekStart + nextStart) break;
      this.segment++;
      if (this.segment === starts.length) {
        this.segment = 0;
        this.weekStart += WEEK;
      }
    }
    const nextStart = this.segment + 1 < starts.length ? (starts[this.segment + 1] as number) : WEEK;
    let until = this.weekStart + nextStart;
    let rate = values[this.segment] as number;
    const cuts = this.boundaries;
    if (cuts.length > 0) {
      // Few surges: a scan is cheaper than a search.
      let k = -1;
      for (let i = 0; i < cuts.length && (cuts[i] as number) <= t; i++) k = i;
      if (k >= 0) rate *= this.multipliers[k] as number;
      if (k + 1 < cuts.length && (cuts[k + 1] as number) < until) until = cuts[k + 1] as number;
    }
    this.rate = rate;
    this.until = until;
  }
}
