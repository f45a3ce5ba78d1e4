import { runReplication } from './engine.ts';
import { compileScenario } from './model.ts';
import { replicationSeed } from './random.ts';
import { type HotlineReport, summarize } from './report.ts';
import type { HotlineScenario } from './scenario.ts';
import { contactsPerReplication, HOTLINE_LIMITS } from './size.ts';
import type { ReplicationTally } from './tally.ts';

/** Progress of a run: replication `replication` (0-based) of `replications`, `fraction` of all the work done. */
export interface SimulationProgress {
  readonly replication: number;
  readonly replications: number;
  readonly fraction: number;
}

export interface SimulateOptions {
  /** Independent replications (default 10); the CIs need at least 2. */
  readonly replications?: number;
  /** Master seed (default 1): replication i runs on `replicationSeed(seed, i)`. */
  readonly seed?: number;
  /** Called every 65,536 events and at the end of each replication. */
  readonly onProgress?: (progress: SimulationProgress) => void;
}

/**
 * Simulates a hotline scenario: independent seeded replications of a discrete-event model, warm-up removed, KPIs per
 * risk class and overall with 95% confidence intervals, and an hourly profile. Pure: the same scenario, seed and
 * replications give the same report on any machine. Throws a RangeError for a scenario above
 * `HOTLINE_LIMITS.contactsPerReplication` (check first with `estimateHotlineWork`).
 * @see reference/triage.md §3 (formulas the engine is validated against, §3.3)
 * @example
 * const scenario = hotlineScenarioSchema.parse({
 *   horizon: '30d', warmUp: '1d', serviceLevel: '20s', arrivals: { perHour: 200 }, seats: 14,
 *   classes: [{ level: 'R1', share: 1, handle: { dist: 'exponential', mean: '3m' } }],
 * });
 * const report = simulateHotline(scenario, { replications: 10, seed: 7 });
 * report.overall.serviceLevel; // { mean: 0.888…, low: …, high: …, n: 10 }
 */
export function simulateHotline(scenario: HotlineScenario, options: SimulateOptions = {}): HotlineReport {
  const replications = options.replications ?? 10;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(replications) || replications < 1) throw new RangeError('replications must be at least 1');
  const model = compileScenario(scenario);
  const expected = contactsPerReplication(model);
  if (!(expected <= HOTLINE_LIMITS.contactsPerReplication)) {
    throw new RangeError(
      `about ${Math.round(expected)} contacts a replication; at most ${HOTLINE_LIMITS.contactsPerReplication} are simulated`,
    );
  }
  const tallies: ReplicationTally[] = [];
  const report = options.onProgress;
  for (let r = 0; r < replications; r++) {
    const onProgress = report
      ? (f: number) => report({ replication: r, replications, fraction: (r + f) / replications })
      : undefined;
    tallies.push(runReplication(model, { seed: replicationSeed(seed, r), onProgress }));
  }
  return summarize(tallies, {
    scenario: scenario.name ?? null,
    seed,
    horizonSeconds: scenario.horizon,
    warmUpSeconds: scenario.warmUp,
    serviceLevelSeconds: scenario.serviceLevel,
  });
}
