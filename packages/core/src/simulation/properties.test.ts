import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplication } from './engine.ts';
import { compileScenario } from './model.ts';
import { type HotlineScenarioInput, hotlineScenarioSchema } from './scenario.ts';
import { simulateHotline } from './simulate.ts';

const distribution = fc.oneof(
  fc.record({ dist: fc.constant('exponential' as const), mean: fc.integer({ min: 30, max: 1800 }) }),
  fc.record({
    dist: fc.constant('lognormal' as const),
    mean: fc.integer({ min: 30, max: 1800 }),
    sd: fc.integer({ min: 10, max: 900 }),
  }),
  fc.record({ dist: fc.constant('fixed' as const), value: fc.integer({ min: 1, max: 1800 }) }),
  fc.record({
    dist: fc.constant('empirical' as const),
    samples: fc.array(fc.integer({ min: 0, max: 1800 }), { minLength: 1, maxLength: 5 }),
  }),
);

const klass = (level: 'R0' | 'R1' | 'R2' | 'R3' | 'R4') =>
  fc.record(
    {
      level: fc.constant(level),
      share: fc.integer({ min: 1, max: 10 }),
      handle: distribution,
      patience: fc.oneof(fc.constant('infinite' as const), distribution),
      preempt: fc.boolean(),
      transfer: fc.record({ probability: fc.double({ min: 0, max: 1, noNaN: true }), hold: distribution }),
    },
    { requiredKeys: ['level', 'share', 'handle'] },
  );

const scenarioArb: fc.Arbitrary<HotlineScenarioInput> = fc.record(
  {
    horizon: fc.integer({ min: 3600, max: 3 * 86_400 }),
    warmUp: fc.integer({ min: 0, max: 6 * 3600 }),
    arrivals: fc.oneof(
      fc.record({ perHour: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ hourlyRates: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 24, maxLength: 24 }) }),
      fc.record({
        perDay: fc.integer({ min: 10, max: 1500 }),
        hourShares: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 24, maxLength: 24 }).map((a) => {
          a[12] = 1;
          return a;
        }),
        surges: fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 86_400 }),
            length: fc.integer({ min: 60, max: 86_400 }),
            multiplier: fc.double({ min: 0, max: 4, noNaN: true }),
          }),
          { maxLength: 2 },
        ),
      }),
    ),
    classes: fc
      .subarray(['R0', 'R1', 'R2', 'R3', 'R4'] as const, { minLength: 1 })
      .chain((levels) => fc.tuple(...levels.map(klass))),
    seats: fc.oneof(
      fc.integer({ min: 1, max: 8 }),
      fc.record({
        shifts: fc.array(
          fc.record({
            start: fc.constantFrom('00:00', '06:30', '08:00', '16:00', '22:00'),
            length: fc.integer({ min: 3600, max: 86_400 }),
            seats: fc.integer({ min: 0, max: 6 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
    ),
    shrinkage: fc.double({ min: 0, max: 0.5, noNaN: true }),
    queue: fc.record(
      {
        capacity: fc.integer({ min: 0, max: 10 }),
        lines: fc.integer({ min: 1, max: 12 }),
        hangUpPerPosition: fc.double({ min: 0, max: 0.2, noNaN: true }),
      },
      { requiredKeys: [] },
    ),
    overflow: fc.record(
      { afterWait: fc.integer({ min: 0, max: 600 }), whenQueueOver: fc.integer({ min: 0, max: 10 }) },
      { requiredKeys: [] },
    ),
    chat: fc.record({
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      concurrency: fc.integer({ min: 1, max: 4 }),
      handleFactor: fc.double({ min: 0.5, max: 3, noNaN: true }),
    }),
    followUps: fc.record({
      perDay: fc.integer({ min: 0, max: 100 }),
      after: fc.constant({ R4: [3600, 86_400], R3: [7200] }),
      handle: distribution,
      due: fc.integer({ min: 600, max: 86_400 }),
    }),
  },
  { requiredKeys: ['horizon', 'arrivals', 'classes', 'seats'] },
);

describe('simulation properties', () => {
  it('conserves contacts: offered = answered + abandoned + overflowed + balked + in system at end, per class', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (input, seed) => {
        const tally = runReplication(compileScenario(hotlineScenarioSchema.parse(input)), { seed });
        for (const { name, counts: c } of tally.classes) {
          const accounted = c.answered + c.abandoned + c.overflowed + c.balked + c.inSystem;
          expect(accounted, name).toBe(c.offered);
          expect(c.answeredWithin).toBeLessThanOrEqual(c.answered);
          expect(c.answeredAtOnce).toBeLessThanOrEqual(c.answeredWithin);
        }
        for (const h of tally.hourly) expect(h.answered + h.abandoned).toBeLessThanOrEqual(h.offered);
      }),
      { numRuns: 150 },
    );
  });

  const small: HotlineScenarioInput = {
    horizon: '3d',
    warmUp: '2h',
    arrivals: { perDay: 600 },
    seats: 4,
    classes: [
      { level: 'R4', share: 1, handle: { dist: 'lognormal', mean: '30m', sd: '10m' }, preempt: true },
      {
        level: 'R1',
        share: 9,
        handle: { dist: 'exponential', mean: '8m' },
        patience: { dist: 'exponential', mean: 90 },
      },
    ],
    followUps: { after: { R4: ['1d'] }, handle: { dist: 'fixed', value: '5m' }, due: '4h' },
  };

  it('is deterministic: the same seed gives a deep-equal report, another seed a different one', () => {
    const scenario = hotlineScenarioSchema.parse(small);
    const a = simulateHotline(scenario, { replications: 3, seed: 11 });
    const b = simulateHotline(scenario, { replications: 3, seed: 11 });
    const c = simulateHotline(scenario, { replications: 3, seed: 12 });
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(c.overall.offered?.mean).not.toBe(a.overall.offered?.mean);
  });

  it('reports progress, rising to 1', () => {
    const seen: number[] = [];
    simulateHotline(hotlineScenarioSchema.parse({ ...small, horizon: '60d' }), {
      replications: 2,
      onProgress: (p) => seen.push(p.fraction),
    });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(1);
  });
});
