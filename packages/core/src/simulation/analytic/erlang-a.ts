import { ok, type Result } from '@triage/scales';
import { queueDistribution } from './birth-death.ts';
import type { ErlangCOptions } from './erlang-c.ts';
import type { AnalyticError } from './errors.ts';
import { answeredMoments, answeredWithin } from './tagged-caller.ts';
import { checkInputs } from './validate.ts';

/** An M/M/N+M queue: Erlang C's inputs plus exponential patience. */
export interface ErlangAOptions extends ErlangCOptions {
  /** Mean patience 1/θ, seconds: how long callers are willing to wait before hanging up. */
  readonly patienceSeconds: number;
}

/** The steady state of M/M/N+M. Always exists: impatient callers keep the queue finite at any load. */
export interface ErlangAResult {
  readonly agents: number;
  /** A = λ·h, Erlangs. */
  readonly offeredLoad: number;
  /** Share of callers who find every agent busy. */
  readonly pWait: number;
  /** Share of callers who hang up before an answer: θ·E[Q]/λ. */
  readonly pAbandon: number;
  /** E[W] over all callers, answered or not: E[Q]/λ (Little). */
  readonly meanWaitSeconds: number;
  /** Average speed of answer: the mean wait of the callers who are answered. */
  readonly asaSeconds: number;
  /** Answered within t / offered (abandoning callers count against it). */
  readonly serviceLevel: number;
  /** Busy share of the agents: λ(1 − P(Ab))·h/N. */
  readonly occupancy: number;
  /** Number of queue states kept after truncation (see {@link queueDistribution}). */
  readonly queueStates: number;
}

/** Erlang A without input checks, for callers that have validated their inputs (staffing search). */
export function erlangAUnchecked(options: ErlangAOptions): Result<ErlangAResult, AnalyticError> {
  const { agents, handleSeconds: h } = options;
  const rates = { agents, lambda: options.callsPerHour / 3600, mu: 1 / h, theta: 1 / options.patienceSeconds };
  const dist = queueDistribution(rates);
  if (!dist.ok) return dist;
  const { queue, pWait, meanQueue } = dist.value;
  const { answered, wait } = answeredMoments(rates, queue);
  const lambda = rates.lambda;
  const pAbandon = lambda > 0 ? (rates.theta * meanQueue) / lambda : 0;
  const servedShare = 1 - pWait + answered;
  return ok({
    agents,
    offeredLoad: lambda * h,
    pWait,
    pAbandon,
    meanWaitSeconds: lambda > 0 ? meanQueue / lambda : 0,
    asaSeconds: servedShare > 0 ? wait / servedShare : 0,
    serviceLevel: 1 - pWait + answeredWithin(rates, queue, options.answerWithinSeconds),
    // Capped at 1: under heavy overload rounding can put it a hair above.
    occupancy: agents > 0 ? Math.min(1, (lambda * (1 - pAbandon) * h) / agents) : 0,
    queueStates: queue.length,
  });
}

/**
 * Erlang A (Palm's M/M/N+M: Poisson arrivals, exponential handle times and patience): P(wait), P(abandon), mean waits
 * and the service level "answered within t / offered", from the birth–death stationary distribution and the tagged
 * caller's absorbing chain. Report abandonment beside the service level: impatient callers who leave shorten the
 * queue, so SL can look good while many hang up.
 * @see Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call centers" (Technion, 2004);
 *   reference/triage.md §3.1, §3.3
 * @example erlangA({ callsPerHour: 200, handleSeconds: 180, agents: 12, patienceSeconds: 120, answerWithinSeconds: 20 })
 *   // ok({ pWait: 0.2798…, pAbandon: 0.0616…, serviceLevel: 0.8256…, … })
 */
export function erlangA(options: ErlangAOptions): Result<ErlangAResult, AnalyticError> {
  const checked = checkInputs([
    ['callsPerHour', options.callsPerHour, 'nonNegative'],
    ['handleSeconds', options.handleSeconds, 'positive'],
    ['agents', options.agents, 'count'],
    ['answerWithinSeconds', options.answerWithinSeconds, 'nonNegative'],
    ['patienceSeconds', options.patienceSeconds, 'positive'],
  ]);
  if (!checked.ok) return checked;
  return erlangAUnchecked(options);
}
