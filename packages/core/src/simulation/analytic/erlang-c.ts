import { ok, type Result } from '@triage/scales';
import { erlangBRecursion } from './erlang-b.ts';
import type { AnalyticError } from './errors.ts';
import { checkInputs } from './validate.ts';

/** An M/M/N queue with infinitely patient callers, rates per hour and times in seconds. */
export interface ErlangCOptions {
  readonly callsPerHour: number;
  /** Average handle time h = 1/μ, seconds. */
  readonly handleSeconds: number;
  readonly agents: number;
  /** The service-level threshold t: a call counts as answered in time when it waits at most this long. */
  readonly answerWithinSeconds: number;
}

/** The steady state of a stable M/M/N queue (offered load A < N). */
export interface ErlangCStable {
  readonly stable: true;
  readonly agents: number;
  /** A = λ·h, Erlangs. */
  readonly offeredLoad: number;
  /** ρ = A/N. */
  readonly occupancy: number;
  /** C(N, A): the probability that a caller waits at all. */
  readonly pWait: number;
  /** Average speed of answer over all callers (every caller is answered): C·h/(N − A). */
  readonly asaSeconds: number;
  /** SL(t) = 1 − C·exp(−(N − A)·t/h): the share answered within t. */
  readonly serviceLevel: number;
}

/** An M/M/N queue with A ≥ N: no steady state, the queue grows without bound. */
export interface ErlangCUnstable {
  readonly stable: false;
  readonly agents: number;
  readonly offeredLoad: number;
}

export type ErlangCResult = ErlangCStable | ErlangCUnstable;

/** C(N, A) = N·B/(N − A(1 − B)) from Erlang B; A < N. */
export function erlangCProbability(agents: number, load: number): number {
  const b = erlangBRecursion(agents, load);
  return (agents * b) / (agents - load * (1 - b));
}

/** Erlang C without input checks, for callers that have validated their inputs (staffing search). */
export function erlangCUnchecked(options: ErlangCOptions): ErlangCResult {
  const { agents, handleSeconds: h, answerWithinSeconds: t } = options;
  const load = (options.callsPerHour / 3600) * h;
  if (load >= agents) return { stable: false, agents, offeredLoad: load };
  const c = erlangCProbability(agents, load);
  return {
    stable: true,
    agents,
    offeredLoad: load,
    occupancy: load / agents,
    pWait: c,
    asaSeconds: (c * h) / (agents - load),
    serviceLevel: 1 - c * Math.exp((-(agents - load) * t) / h),
  };
}

/**
 * Erlang C (M/M/N, patient callers): P(wait), ASA, service level and occupancy; `stable: false` when the offered
 * load reaches the number of agents, instead of negative or infinite numbers.
 * @see reference/triage.md §3.1, §3.3; A. K. Erlang (1917); Gans, Koole & Mandelbaum, "Telephone call
 *   centers: tutorial, review, and research prospects", MSOM 5(2), 2003, §4.1
 * @example erlangC({ callsPerHour: 720, handleSeconds: 240, agents: 55, answerWithinSeconds: 15 })
 *   // ok({ stable: true, pWait: 0.2387…, asaSeconds: 8.18…, serviceLevel: 0.8459…, … })
 */
export function erlangC(options: ErlangCOptions): Result<ErlangCResult, AnalyticError> {
  const checked = checkInputs([
    ['callsPerHour', options.callsPerHour, 'nonNegative'],
    ['handleSeconds', options.handleSeconds, 'positive'],
    ['agents', options.agents, 'count'],
    ['answerWithinSeconds', options.answerWithinSeconds, 'nonNegative'],
  ]);
  if (!checked.ok) return checked;
  return ok(erlangCUnchecked(options));
}
