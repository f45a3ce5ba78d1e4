import { err, ok, type Result } from '@triage/scales';
import { type ErlangAResult, erlangAUnchecked } from './erlang-a.ts';
import { type ErlangCStable, erlangCUnchecked } from './erlang-c.ts';
import { type AnalyticError, analyticError, invalidInput } from './errors.ts';
import { checkInputs, type Rule } from './validate.ts';

/** A service-level target such as 80/20: `serviceLevel` of the calls answered within `answerWithinSeconds`. */
export interface ServiceTarget {
  /** Share in [0, 1), e.g. 0.8. */
  readonly serviceLevel: number;
  readonly answerWithinSeconds: number;
}

/** The queueing model a staffing search uses. Erlang A needs patience and may cap abandonment. */
export type StaffingModel =
  | { readonly model: 'erlang-c' }
  | {
      readonly model: 'erlang-a';
      /** Mean patience, seconds. */
      readonly patienceSeconds: number;
      /** Highest acceptable share of callers who hang up, in (0, 1), e.g. 0.05. */
      readonly maxAbandon?: number;
    };

/** What every staffing search needs besides the arrival rate. */
export interface StaffingCriteria {
  /** Average handle time, seconds. */
  readonly handleSeconds: number;
  readonly target: ServiceTarget;
  /** Highest acceptable average speed of answer (answered callers), seconds. */
  readonly maxAsaSeconds?: number;
  /** Fewest agents to consider; default 1, since a 24-hour line is never left unstaffed. */
  readonly minAgents?: number;
  /** Most agents to try before giving up; default 10,000. */
  readonly maxAgents?: number;
}

export type StaffingOptions = StaffingModel & StaffingCriteria & { readonly callsPerHour: number };

/** The smallest staffing that meets every criterion, and the model's figures at that staffing. */
export type StaffingResult =
  | { readonly model: 'erlang-c'; readonly agents: number; readonly metrics: ErlangCStable }
  | { readonly model: 'erlang-a'; readonly agents: number; readonly metrics: ErlangAResult };

const DEFAULT_MAX_AGENTS = 10_000;

/** Validates the criteria shared by {@link minimumAgents} and the hourly search. */
export function checkCriteria(options: StaffingModel & StaffingCriteria): Result<void, AnalyticError> {
  const checks: (readonly [string, number, Rule])[] = [
    ['handleSeconds', options.handleSeconds, 'positive'],
    ['target.serviceLevel', options.target.serviceLevel, 'fraction'],
    ['target.answerWithinSeconds', options.target.answerWithinSeconds, 'nonNegative'],
    ['minAgents', options.minAgents ?? 1, 'count'],
    ['maxAgents', options.maxAgents ?? DEFAULT_MAX_AGENTS, 'count'],
  ];
  if (options.maxAsaSeconds !== undefined) checks.push(['maxAsaSeconds', options.maxAsaSeconds, 'positive']);
  if (options.model === 'erlang-a') {
    checks.push(['patienceSeconds', options.patienceSeconds, 'positive']);
    if (options.maxAbandon !== undefined) checks.push(['maxAbandon', options.maxAbandon, 'probability']);
  }
  return checkInputs(checks);
}

/**
 * The first N to try. Erlang C needs N > A to be stable. In Erlang A the answered share is at most N/A (N agents
 * serve at most Nμ per second), and both SL and 1 − P(Ab) are bounded by it, so N ≥ SL·A and N ≥ (1 − ceiling)·A.
 */
function lowerBound(options: StaffingOptions, load: number): number {
  const floor = options.minAgents ?? 1;
  if (options.model === 'erlang-c') return Math.max(floor, Math.floor(load) + 1);
  const share = Math.max(options.target.serviceLevel, 1 - (options.maxAbandon ?? 1));
  return Math.max(floor, Math.floor(share * load));
}

/**
 * The minimum number of agents that meets a service-level target (and, when given, an ASA target and, with Erlang A,
 * an abandonment ceiling), by a search upward from a proven lower bound. Every criterion improves with each added
 * agent, so the first staffing that meets them all is the minimum.
 * @see reference/triage.md §3.1, §3.6 (R `ErlangC::calculate_agents`, pyworkforce `ErlangC.required_positions`)
 * @example minimumAgents({ model: 'erlang-c', callsPerHour: 200, handleSeconds: 180,
 *   target: { serviceLevel: 0.8, answerWithinSeconds: 20 } }) // ok({ agents: 14, … })
 */
export function minimumAgents(options: StaffingOptions): Result<StaffingResult, AnalyticError> {
  const checked = checkInputs([['callsPerHour', options.callsPerHour, 'nonNegative']]);
  if (!checked.ok) return checked;
  const criteria = checkCriteria(options);
  if (!criteria.ok) return criteria;
  return searchAgents(options);
}

/** {@link minimumAgents} without input checks. */
export function searchAgents(options: StaffingOptions): Result<StaffingResult, AnalyticError> {
  const { callsPerHour, handleSeconds, target } = options;
  const maxAgents = options.maxAgents ?? DEFAULT_MAX_AGENTS;
  const base = { callsPerHour, handleSeconds, answerWithinSeconds: target.answerWithinSeconds };
  const asaOk = (asa: number) => options.maxAsaSeconds === undefined || asa <= options.maxAsaSeconds;
  for (let agents = lowerBound(options, (callsPerHour / 3600) * handleSeconds); agents <= maxAgents; agents++) {
    if (options.model === 'erlang-c') {
      const metrics = erlangCUnchecked({ ...base, agents });
      if (metrics.stable && metrics.serviceLevel >= target.serviceLevel && asaOk(metrics.asaSeconds)) {
        return ok({ model: 'erlang-c', agents, metrics });
      }
    } else {
      const r = erlangAUnchecked({ ...base, agents, patienceSeconds: options.patienceSeconds });
      if (!r.ok) return r;
      const metrics = r.value;
      const abandonOk = options.maxAbandon === undefined || metrics.pAbandon <= options.maxAbandon;
      if (metrics.serviceLevel >= target.serviceLevel && abandonOk && asaOk(metrics.asaSeconds)) {
        return ok({ model: 'erlang-a', agents, metrics });
      }
    }
  }
  return err(analyticError('CORE_STAFFING_UNREACHABLE', { maxAgents: String(maxAgents) }));
}

/**
 * Rostered positions for N agents in their seats when a share `shrinkage` of paid time is lost to breaks, training,
 * leave and sickness: ⌈N/(1 − s)⌉.
 * @see reference/triage.md §3.1 (14 agents, 30 % → 20; 40 → 58)
 */
export function shrinkagePositions(options: {
  readonly agents: number;
  readonly shrinkage: number;
}): Result<number, AnalyticError> {
  const checked = checkInputs([
    ['agents', options.agents, 'count'],
    ['shrinkage', options.shrinkage, 'fraction'],
  ]);
  if (!checked.ok) return checked;
  return ok(positionsUnchecked(options.agents, options.shrinkage));
}

/** ⌈N/(1 − s)⌉; the 1e−9 forgives binary rounding (0.3 is not exact), so 14/(1 − 0.3) stays 20, not 21. */
export function positionsUnchecked(agents: number, shrinkage: number): number {
  return Math.ceil(agents / (1 - shrinkage) - 1e-9);
}

/** Seats to keep filled around the clock, every day of the week, and the contract. */
export interface FteOptions {
  /** One seat count for every hour, or 24, hour 0 first, repeated each day. */
  readonly seats: number | readonly number[];
  /** Paid hours of one full-time contract per week, e.g. 40. */
  readonly contractHoursPerWeek: number;
  /** Share of paid time not spent in a seat, in [0, 1). */
  readonly shrinkage: number;
}

/**
 * Full-time equivalents to fill the seats 24/7: seat-hours per week / (contract hours × (1 − s)); for P seats around
 * the clock P·168 / (contract · (1 − s)). Unrounded: rounding belongs to rostering.
 * @see reference/triage.md §3.1 (5 seats, 40 h, s = 0.3 → 30.0 FTE)
 */
export function fullTimeEquivalents(options: FteOptions): Result<number, AnalyticError> {
  const seats =
    typeof options.seats === 'number' ? Array.from({ length: 24 }, () => options.seats as number) : options.seats;
  if (seats.length !== 24) {
    return err(invalidInput('seats', 'hourly', `${seats.length} values`));
  }
  const checked = checkInputs([
    ['contractHoursPerWeek', options.contractHoursPerWeek, 'positive'],
    ['shrinkage', options.shrinkage, 'fraction'],
    ...seats.map((s, h) => [`seats[${h}]`, s, 'nonNegative'] as const),
  ]);
  if (!checked.ok) return checked;
  const seatHoursPerWeek = 7 * seats.reduce((a, b) => a + b, 0);
  return ok(seatHoursPerWeek / (options.contractHoursPerWeek * (1 - options.shrinkage)));
}
