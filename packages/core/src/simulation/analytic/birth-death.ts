import { err, ok, type Result } from '@triage/scales';
import { erlangBRecursion } from './erlang-b.ts';
import { type AnalyticError, analyticError } from './errors.ts';

/**
 * Relative precision of the truncated queue: the neglected tail is below this share of the total mass (and of E[Q]).
 * Double precision cannot resolve much less.
 */
const EPSILON = 1e-15;

/** A guard against runaway state spaces (patience very long while the load far exceeds the agents). */
const MAX_QUEUE_STATES = 2_000_000;

/** Rates of M/M/N+M per second: arrivals λ, service μ per agent, abandonment θ per waiting caller. */
export interface Rates {
  readonly agents: number;
  readonly lambda: number;
  readonly mu: number;
  readonly theta: number;
}

/** The stationary distribution of M/M/N+M on the states where every agent is busy. */
export interface QueueDistribution {
  /** π_{N+j}, j = 0 … J−1: an arrival (PASTA) finds all agents busy and j callers waiting. */
  readonly queue: Float64Array;
  /** Σ_{k≥N} π_k. */
  readonly pWait: number;
  /** E[Q] = Σ j·π_{N+j}. */
  readonly meanQueue: number;
}

/** log(eˣ + eʸ) without overflow. */
function logAdd(x: number, y: number): number {
  if (x === Number.NEGATIVE_INFINITY) return y;
  if (y === Number.NEGATIVE_INFINITY) return x;
  const m = Math.max(x, y);
  return m + Math.log1p(Math.exp(-Math.abs(x - y)));
}

/**
 * The birth–death chain of M/M/N+M (Palm/Erlang A) with death rates d_k = min(k, N)μ + max(k − N, 0)θ, π_k ∝ Π λ/d_i.
 *
 * Numerics. Below N the chain is M/M/N/N, so Σ_{k<N} π_k / π_N = 1/B(N, A) − 1 comes from the stable Erlang B
 * recursion instead of a sum of Aᵏ/k!. Above N the ratios t_j = π_{N+j}/π_N = Π_{i≤j} λ/(Nμ + iθ) are kept as
 * logarithms, since they rise by many orders of magnitude before falling when λ ≫ Nμ and patience is long.
 *
 * Truncation. Once q = λ/(Nμ + (j+1)θ) < 1 every later ratio is smaller than q, so the tail beyond j is below
 * t_j·q/(1−q) and its contribution to E[Q] below t_j·q/(1−q)·(j + 1/(1−q)) (geometric bounds). The sum stops when that
 * bound falls under 1e−15 of the total mass: the neglected probability and the error in E[Q] are both < 1e−15, far
 * below the printed digits of any KPI. No arbitrary cap on the number of callers is involved.
 * @see Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call centers" (Technion, 2004), §2
 */
export function queueDistribution(rates: Rates): Result<QueueDistribution, AnalyticError> {
  const { agents: n, lambda, mu, theta } = rates;
  const b = erlangBRecursion(n, lambda / mu);
  // π_N is below the smallest double: nobody waits (to 1e−308).
  if (b === 0) return ok({ queue: new Float64Array(0), pWait: 0, meanQueue: 0 });
  const logLower = n === 0 ? Number.NEGATIVE_INFINITY : Math.log1p(-b) - Math.log(b);
  const logs: number[] = [0];
  let logQueue = 0; // log Σ t_j so far
  for (let j = 1; ; j++) {
    const prev = logs[j - 1] ?? 0;
    const q = lambda / (n * mu + j * theta);
    if (q < 1) {
      const tail = prev + Math.log(q / (1 - q)) + Math.log(j - 1 + 1 / (1 - q));
      if (tail < Math.log(EPSILON) + logAdd(logLower, logQueue)) break;
    }
    if (j >= MAX_QUEUE_STATES)
      return err(analyticError('CORE_ANALYTIC_TOO_LARGE', { limit: String(MAX_QUEUE_STATES) }));
    const next = prev + Math.log(q);
    logs.push(next);
    logQueue = logAdd(logQueue, next);
  }
  const logTotal = logAdd(logLower, logQueue);
  const queue = new Float64Array(logs.length);
  let meanQueue = 0;
  for (let j = 0; j < logs.length; j++) {
    const p = Math.exp((logs[j] ?? 0) - logTotal);
    queue[j] = p;
    meanQueue += j * p;
  }
  return ok({ queue, pWait: Math.exp(logQueue - logTotal), meanQueue });
}
