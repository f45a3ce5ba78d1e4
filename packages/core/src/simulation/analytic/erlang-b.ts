import { ok, type Result } from '@triage/scales';
import type { AnalyticError } from './errors.ts';
import { checkInputs } from './validate.ts';

/** The loss system M/M/N/N: N agents, no queue, offered load in Erlangs (arrival rate × mean handle time). */
export interface ErlangBOptions {
  readonly agents: number;
  /** λ·h in Erlangs. */
  readonly offeredLoad: number;
}

/**
 * Erlang B by the recursion B₀ = 1, B_k = A·B_{k−1}/(k + A·B_{k−1}): every step is a ratio of positive numbers, so
 * it neither overflows (unlike Aᴺ/N!) nor cancels; it underflows to 0 only when the true value is below 1e−308.
 * Unchecked: callers have validated `agents` (a whole number ≥ 0) and `load` (≥ 0).
 * @see reference/triage.md §3.1
 */
export function erlangBRecursion(agents: number, load: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (load * b) / (k + load * b);
  return b;
}

/**
 * The blocking probability of M/M/N/N (Erlang B), by the stable recursion.
 * @see https://en.wikipedia.org/wiki/Erlang_(unit)#Erlang_B_formula
 * @example erlangB({ agents: 5, offeredLoad: 4 }) // ok(0.1991…)
 */
export function erlangB(options: ErlangBOptions): Result<number, AnalyticError> {
  const checked = checkInputs([
    ['agents', options.agents, 'count'],
    ['offeredLoad', options.offeredLoad, 'nonNegative'],
  ]);
  if (!checked.ok) return checked;
  return ok(erlangBRecursion(options.agents, options.offeredLoad));
}
