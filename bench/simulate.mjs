/**
 * Hotline simulator throughput: one simulated year of the 1,400-contacts/day provincial platform
 * (examples/simulate/provincial-1400.yaml, every feature on, statistics on), one replication per round on one core,
 * beside a minimal binary-heap M/M/N loop written here that processes the same number of events in the same run.
 * Uses the BUILT @triage/core.
 *
 *   node bench/simulate.mjs [--days 365] [--rounds 5] [--seed 1]
 *
 * Exit codes: 0 done (a speed goal missed is still 0), 1 a check failed, 2 cannot run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { fixed, int, machine, median, rng, root, verdict } from './lib.mjs';

const GOAL_EVENTS_PER_S = 2_000_000;
const GOAL_YEAR_S = 3;

const { values: opts } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    rounds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});
const DAYS = Number(opts.days);
const ROUNDS = Number(opts.rounds);
const SEED = Number(opts.seed);

const dist = join(root, 'packages/core/dist/index.mjs');
if (!existsSync(dist)) {
  console.error('packages/core/dist not found: build first (npx --yes pnpm@10 build)');
  process.exit(2);
}
const core = await import(pathToFileURL(dist).href);
if (!core.simulateHotline) {
  console.error('@triage/core has no simulateHotline export yet: nothing to measure');
  process.exit(2);
}

const file = join(root, 'examples/simulate/provincial-1400.yaml');
const parsed = core.parseYamlFile(core.hotlineScenarioSchema, readFileSync(file, 'utf8'), file);
if (!parsed.ok) {
  console.error(`${file}: ${JSON.stringify(parsed.error)}`);
  process.exit(1);
}
const scenario = { ...parsed.value, horizon: DAYS * 86_400 };

/** One replication of the scenario: the report and its wall time. */
function engineRound(seed) {
  const start = performance.now();
  const report = core.simulateHotline(scenario, { replications: 1, seed });
  return { seconds: (performance.now() - start) / 1000, events: report.events, report };
}

/**
 * The baseline: M/M/N, FIFO, arrivals and departures on a binary heap of typed arrays, mulberry32 draws, a counter
 * of answered calls. Runs until it has processed `events` events.
 */
function baselineRound(events, seed) {
  const random = rng(seed);
  const seats = 22;
  const meanGap = 86_400 / 1400;
  const meanService = 12.5 * 60;
  let cap = 1024;
  let times = new Float64Array(cap);
  let kinds = new Int32Array(cap);
  let size = 0;
  const push = (t, k) => {
    if (size === cap) {
      cap *= 2;
      const t2 = new Float64Array(cap);
      const k2 = new Int32Array(cap);
      t2.set(times);
      k2.set(kinds);
      times = t2;
      kinds = k2;
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p];
      kinds[i] = kinds[p];
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
  };
  let now = 0;
  let kind = 0;
  const pop = () => {
    now = times[0];
    kind = kinds[0];
    const last = --size;
    const t = times[last];
    const k = kinds[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && times[c + 1] < times[c]) c++;
      if (times[c] >= t) break;
      times[i] = times[c];
      kinds[i] = kinds[c];
      i = c;
    }
    times[i] = t;
    kinds[i] = k;
  };
  const queue = new Float64Array(1 << 20);
  let head = 0;
  let tail = 0;
  let busy = 0;
  let answered = 0;
  let waitSum = 0;
  const start = performance.now();
  push(-meanGap * Math.log(1 - random()), 0);
  for (let n = 0; n < events; n++) {
    pop();
    if (kind === 0) {
      push(now - meanGap * Math.log(1 - random()), 0);
      if (busy < seats) {
        busy++;
        answered++;
        push(now - meanService * Math.log(1 - random()), 1);
      } else queue[tail++ & 0xfffff] = now;
    } else if (tail > head) {
      waitSum += now - queue[head++ & 0xfffff];
      answered++;
      push(now - meanService * Math.log(1 - random()), 1);
    } else busy--;
  }
  return { seconds: (performance.now() - start) / 1000, answered, waitSum };
}

console.log(machine());
console.log(
  `scenario: ${scenario.name}, ${DAYS} simulated days + ${fixed(scenario.warmUp / 86_400, 1)} d warm-up, one replication per round, seed ${SEED}`,
);

// Warm-up: a month of each, untimed, so both loops are compiled before timing.
const warm = engineRound(SEED);
baselineRound(Math.min(warm.events, 500_000), SEED);

// Check: same seed, same report (the engine is deterministic); offered within 1% of the scenario's volume.
const a = engineRound(SEED);
const b = engineRound(SEED);
if (JSON.stringify(a.report) !== JSON.stringify(b.report)) {
  console.error('the same seed gave two different reports');
  process.exit(1);
}
const offeredPerDay = a.report.overall.offered.mean / DAYS;
console.log(
  `check: deterministic; ${fixed(offeredPerDay, 0)} contacts/day offered (scenario: ${scenario.arrivals.perDay}, plus surge)`,
);

const engine = [a.seconds, b.seconds];
const baseline = [];
let sink = 0;
for (let r = 0; r < ROUNDS; r++) {
  const e = engineRound(SEED + r + 1);
  engine.push(e.seconds);
  const base = baselineRound(a.events, SEED + r);
  baseline.push(base.seconds);
  sink += base.answered + e.events;
}
const engineS = median(engine);
const baselineS = median(baseline);
const eventsPerS = a.events / engineS;
const basePerS = a.events / baselineS;
console.log('');
console.log(`events per year: ${int(a.events)} (${int(a.report.overall.offered.mean)} contacts offered)`);
console.log(
  `engine:   ${int(eventsPerS)} events/s, ${fixed(engineS, 2)} s per simulated year (range ${fixed(Math.min(...engine), 2)}–${fixed(Math.max(...engine), 2)} s)`,
);
console.log(
  `baseline: ${int(basePerS)} events/s, ${fixed(baselineS, 2)} s for the same number of events (minimal M/M/N heap loop)`,
);
console.log(`ratio baseline/engine: ${fixed(engineS / baselineS, 2)}`);
// perf.md compares engines by customers per second: the baseline needs 2 events per call, the engine more (timeouts,
// follow-ups, roster changes, stale events).
console.log(
  `contacts/s: engine ${int(a.report.overall.offered.mean / engineS)}, baseline ${int(a.events / 2 / baselineS)}`,
);
console.log('');
console.log(`goal ≥ ${int(GOAL_EVENTS_PER_S)} events/s: ${verdict(eventsPerS >= GOAL_EVENTS_PER_S)}`);
console.log(`goal one simulated year < ${GOAL_YEAR_S} s: ${verdict(engineS < GOAL_YEAR_S)}`);
if (sink < 0) console.log(sink);
