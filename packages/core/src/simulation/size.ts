import { compileScenario, type HotlineModel } from './model.ts';
import { type Surge, WEEK, type WeeklySteps } from './rate-profile.ts';
import type { HotlineScenario } from './scenario.ts';

/**
 * How much one run may simulate, in expected contacts (inbound and follow-up). Per replication, because the engine
 * keeps the contacts present at once in memory and an overloaded line can hold most of its arrivals; in all, because the
 * engine handles about a million contacts a second on one core, so the limit is a few minutes of work.
 */
export const HOTLINE_LIMITS = { contactsPerReplication: 20_000_000, contacts: 200_000_000 } as const;

/** The expected size of a run, known before it starts. */
export interface HotlineWork {
  /** Expected contacts in one replication, warm-up included: arrivals with surges, and follow-up calls. */
  readonly contactsPerReplication: number;
  readonly replications: number;
  /** `contactsPerReplication × replications`. */
  readonly contacts: number;
}

/** ∫ of a weekly step function from week time 0 to `x` (any x ≥ 0). */
function cumulative(steps: WeeklySteps, x: number): number {
  const { starts, values } = steps;
  let week = 0;
  let partial = 0;
  const within = x % WEEK;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i] as number;
    const to = i + 1 < starts.length ? (starts[i + 1] as number) : WEEK;
    const rate = values[i] as number;
    week += rate * (to - from);
    partial += rate * Math.max(0, Math.min(within, to) - from);
  }
  return Math.floor(x / WEEK) * week + partial;
}

/** Expected events of a Poisson stream with this weekly rate and surges over simulated time [0, end). */
function expected(steps: WeeklySteps, offset: number, surges: readonly Surge[], end: number): number {
  const over = (a: number, b: number) => (b > a ? cumulative(steps, b + offset) - cumulative(steps, a + offset) : 0);
  let total = over(0, end);
  // Overlapping surges multiply, as in the engine: between two cuts the rate is times every surge on there.
  const cuts = [...new Set(surges.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k] as number;
    const to = cuts[k + 1] as number;
    const m = surges.reduce((p, s) => (s.from <= from && from < s.to ? p * s.multiplier : p), 1);
    total += (m - 1) * over(Math.max(0, from), Math.min(end, to));
  }
  return total;
}

/** Expected contacts in one replication of a compiled scenario. */
export function contactsPerReplication(model: HotlineModel): number {
  const inbound = expected(model.arrivalRates, model.weekOffset, model.surges, model.end);
  const stream = model.followUpRates ? expected(model.followUpRates, model.weekOffset, [], model.end) : 0;
  // Follow-ups from the case schedule: as if every call were answered, an upper bound.
  const perCall = model.classes.slice(0, model.inbound).reduce((n, c) => n + c.share * c.followUpsAfter.length, 0);
  return inbound * (1 + perCall) + stream;
}

/**
 * The expected number of contacts a run simulates, from the scenario's rates alone, without simulating: compare it with
 * {@link HOTLINE_LIMITS} before a run that a typo (`perDay: 1e12`) would make endless.
 */
export function estimateHotlineWork(scenario: HotlineScenario, replications: number): HotlineWork {
  const perReplication = contactsPerReplication(compileScenario(scenario));
  return { contactsPerReplication: perReplication, replications, contacts: perReplication * replications };
}
