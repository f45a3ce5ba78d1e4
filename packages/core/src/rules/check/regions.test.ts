import { getInstrument, type Rounding, scoreInstrument } from '@triage/scales';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition, FALSE, TRUE } from '../conditions.ts';
import { type Facts, scaleFacts } from '../facts.ts';
import type { Condition } from '../schema.ts';
import { type Conjunct, toDnf } from './normalize.ts';
import { admits, implies, satisfiable } from './regions.ts';

/**
 * The region algebra against the engine itself: on facts from real scoring (with every scoring option), the DNF
 * must agree with the evaluator exactly, and "never true" / "always implies" must never be contradicted.
 */

const scalar = <T>(...values: T[]) => fc.constantFrom(...values);
const numeric = (fact: string, values: fc.Arbitrary<number>) =>
  fc.oneof(
    fc.record({ fact: fc.constant(fact), gte: values }),
    fc.record({ fact: fc.constant(fact), gt: values }),
    fc.record({ fact: fc.constant(fact), lte: values }),
    fc.record({ fact: fc.constant(fact), lt: values }),
    fc.record({ fact: fc.constant(fact), eq: values }),
    fc.record({ fact: fc.constant(fact), ne: values }),
    fc.record({ fact: fc.constant(fact), between: fc.tuple(values, values) }),
    fc.record({ fact: fc.constant(fact), exists: fc.boolean() }),
  );
const ids = (fact: string, values: fc.Arbitrary<string | boolean>) =>
  fc.oneof(
    fc.record({ fact: fc.constant(fact), eq: values }),
    fc.record({ fact: fc.constant(fact), ne: values }),
    fc.record({ fact: fc.constant(fact), in: fc.array(values, { minLength: 1, maxLength: 3 }) }),
    fc.record({ fact: fc.constant(fact), notIn: fc.array(values, { minLength: 1, maxLength: 3 }) }),
    fc.record({ fact: fc.constant(fact), exists: fc.boolean() }),
  );

const test: fc.Arbitrary<Condition> = fc.oneof(
  numeric('scales.phq-9.total', fc.oneof(fc.integer({ min: -1, max: 29 }), scalar(4.5, 25.875, 26.5))),
  ids('scales.phq-9.band', scalar('minimal', 'mild', 'moderate', 'moderately-severe', 'severe')),
  ids('scales.phq-9.cutoffs.adolescent', fc.boolean()),
  numeric('scales.phq-9.items.9', fc.integer({ min: -1, max: 4 })),
  ids('scales.phq-9.flags.self-harm-thoughts', scalar('positive', 'unknown')),
  numeric('scales.sds.total', fc.integer({ min: 19, max: 81 })),
  numeric('scales.sds.index', fc.oneof(fc.integer({ min: 24, max: 101 }), scalar(26.25, 52.5))),
  ids('scales.sds.band', scalar('normal', 'mild', 'moderate', 'severe')),
  ids('contact.plan', fc.boolean()),
  numeric('person.age', fc.integer({ min: 10, max: 20 })),
  fc.record({ fact: fc.constant('contact.keywords'), contains: scalar('jump', 'pills', 'knife') }),
);

const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    test,
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ),
})).c;

const rounding = scalar<Rounding>('half-up', 'truncate', 'half-even', 'none');
const answer = (max: number, min = 0) => fc.option(fc.integer({ min, max }), { freq: 6 });

function scored(id: string, answers: (number | null)[], options: object) {
  const def = getInstrument(id);
  if (!def) throw new Error(id);
  const r = scoreInstrument(def, answers, { includeItems: true, ...options });
  return r.ok ? scaleFacts(r.value) : undefined;
}

const facts: fc.Arbitrary<Facts> = fc
  .record({
    phq: fc.option(fc.array(answer(3), { minLength: 9, maxLength: 9 })),
    sds: fc.option(fc.array(answer(4, 1), { minLength: 20, maxLength: 20 })),
    prorationRounding: rounding,
    indexRounding: rounding,
    bandSet: scalar('cn', 'us'),
    plan: fc.option(fc.boolean()),
    age: fc.option(fc.integer({ min: 8, max: 22 })),
    keywords: fc.option(fc.subarray(['jump', 'pills', 'knife'])),
  })
  .map((f) => {
    const phq = f.phq ? scored('phq-9', f.phq, { prorationRounding: f.prorationRounding }) : undefined;
    const sds = f.sds ? scored('sds', f.sds, { indexRounding: f.indexRounding, bandSet: f.bandSet }) : undefined;
    return {
      scales: { ...(phq ? { 'phq-9': phq } : {}), ...(sds ? { sds } : {}) },
      contact: { ...(f.plan === null ? {} : { plan: f.plan }), ...(f.keywords ? { keywords: f.keywords } : {}) },
      person: f.age === null ? {} : { age: f.age },
    };
  });

const inRegion = (dnf: readonly Conjunct[], f: Facts) => dnf.some((c) => admits(c, f));

describe('region algebra', () => {
  it('the DNF of TRUE and of FALSE agree with the evaluator', () => {
    fc.assert(
      fc.property(condition, facts, (c, f) => {
        const truth = compileCondition(c)(f);
        const whenTrue = toDnf(c, true);
        const whenFalse = toDnf(c, false);
        if (whenTrue) expect(inRegion(whenTrue, f)).toBe(truth === TRUE);
        if (whenFalse) expect(inRegion(whenFalse, f)).toBe(truth === FALSE);
      }),
      { numRuns: 500 },
    );
  });

  it('never calls a conjunct unsatisfiable that real facts satisfy', () => {
    fc.assert(
      fc.property(condition, facts, (c, f) => {
        for (const conjunct of toDnf(c) ?? []) if (admits(conjunct, f)) expect(satisfiable(conjunct)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('admits the very facts scoring produced (the score worlds hold every real result)', () => {
    const pin = (path: string, value: unknown): Condition =>
      value === null || value === undefined
        ? { fact: path, exists: false }
        : { fact: path, eq: value as string | number | boolean };
    fc.assert(
      fc.property(facts, (f) => {
        const tests = Object.entries(f.scales ?? {}).flatMap(([id, s]) => [
          pin(`scales.${id}.total`, s.total),
          ...(id === 'sds' ? [pin(`scales.${id}.index`, s.index)] : []),
          pin(`scales.${id}.band`, s.band),
          ...Object.entries(s.cutoffs ?? {}).map(([c, v]) => pin(`scales.${id}.cutoffs.${c}`, v)),
          ...Object.entries(s.items ?? {}).map(([i, v]) => pin(`scales.${id}.items.${i}`, v)),
          ...Object.entries(s.flags ?? {}).map(([flag, v]) => pin(`scales.${id}.flags.${flag}`, v)),
        ]);
        if (tests.length === 0) return;
        const [conjunct, ...more] = toDnf({ all: tests }) ?? [];
        expect(more).toEqual([]);
        expect(conjunct && satisfiable(conjunct)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never claims an implication that real facts break', () => {
    fc.assert(
      fc.property(condition, condition, fc.array(facts, { minLength: 8, maxLength: 8 }), (a, b, many) => {
        for (const x of toDnf(a) ?? []) {
          for (const y of toDnf(b) ?? []) {
            if (!implies(x, y)) continue;
            for (const f of many) if (admits(x, f)) expect(admits(y, f)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('proves the implications it is meant to', () => {
    const [severe] = toDnf({ fact: 'scales.phq-9.band', eq: 'severe' }) ?? [];
    const [high] = toDnf({ fact: 'scales.phq-9.total', gte: 20 }) ?? [];
    const [cutoff] = toDnf({ fact: 'scales.phq-9.cutoffs.adolescent', eq: true }) ?? [];
    if (!severe || !high || !cutoff) throw new Error('no conjunct');
    // A band decided by bounds has no total (blank items), so a band no longer implies a total range…
    expect(implies(severe, high)).toBe(false);
    expect(implies(high, severe)).toBe(true);
    // …but still every cut-off it lies above: its lowest possible total reaches them.
    expect(implies(severe, cutoff)).toBe(true);
    expect(implies(cutoff, severe)).toBe(false);
  });
});
