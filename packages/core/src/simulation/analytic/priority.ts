import { ok, type Result } from '@triage/scales';
import { erlangCProbability } from './erlang-c.ts';
import type { AnalyticError } from './errors.ts';
import { checkInputs } from './validate.ts';

/** Priority classes sharing N agents with one exponential handle time. */
export interface PriorityOptions {
  /** Arrival rate of each class, calls per hour, highest priority first. */
  readonly callsPerHour: readonly number[];
  /** Average handle time, the same for every class, seconds. */
  readonly handleSeconds: number;
  readonly agents: number;
}

export interface PriorityStable {
  readonly stable: true;
  readonly agents: number;
  readonly offeredLoad: number;
  /** C(N, A) of the total load: the discipline changes who waits, not how often someone does. */
  readonly pWait: number;
  /** Mean wait in queue of each class (all of them answered), seconds, in the order given. */
  readonly meanWaitSeconds: readonly number[];
}

export interface PriorityUnstable {
  readonly stable: false;
  readonly agents: number;
  readonly offeredLoad: number;
}

export type PriorityResult = PriorityStable | PriorityUnstable;

/**
 * Mean waits of a non-preemptive priority M/M/N queue with equal service rates (Cobham):
 * W_k = C(N, A) / (Nμ·(1 − σ_{k−1})(1 − σ_k)), σ_k = Σ_{i≤k} λ_i/(Nμ). Callers are patient; `stable: false` when the
 * total load reaches N.
 * @see Cobham, "Priority assignment in waiting line problems", JORSA 2(1), 1954; reference/triage.md §3.1
 * @example priorityWaits({ callsPerHour: [2, 4, 10], handleSeconds: 900, agents: 5 })
 *   // ok({ stable: true, meanWaitSeconds: [110.8…, 158.3…, 712.4…], … })
 */
export function priorityWaits(options: PriorityOptions): Result<PriorityResult, AnalyticError> {
  const checked = checkInputs([
    ['handleSeconds', options.handleSeconds, 'positive'],
    ['agents', options.agents, 'count'],
    ...options.callsPerHour.map((c, i) => [`callsPerHour[${i}]`, c, 'nonNegative'] as const),
  ]);
  if (!checked.ok) return checked;
  const { agents, handleSeconds: h } = options;
  const rates = options.callsPerHour.map((c) => c / 3600);
  const load = rates.reduce((a, b) => a + b, 0) * h;
  if (load >= agents) return ok({ stable: false, agents, offeredLoad: load });
  const c = erlangCProbability(agents, load);
  const capacity = agents / h;
  let below = 0;
  const meanWaitSeconds = rates.map((lambda) => {
    const upTo = below + lambda / capacity;
    const w = c / (capacity * (1 - below) * (1 - upTo));
    below = upTo;
    return w;
  });
  return ok({ stable: true, agents, offeredLoad: load, pWait: c, meanWaitSeconds });
}
