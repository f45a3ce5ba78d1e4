import { getInstrument, scoreInstrument } from '@triage/scales';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from './default/default-rule-set.ts';
import { evaluateRules } from './evaluate.ts';
import { type Facts, scaleFacts } from './facts.ts';
import { createDecisionMemo } from './memo.ts';

// Every kind of fact the default rules read: bands, cut-offs, items, flags, categories, subscales, derived values,
// total means, screens and protocol validity.
const INSTRUMENTS = [
  'phq-a',
  'phq-9',
  'gad-7',
  'asq',
  'cssrs-screener',
  'sds',
  'scl-90',
  'mssmhs',
  'mht',
  'dass-21',
  'cesd-r',
  'sdq-self',
  'scared-child',
  'isi',
] as const;

/** Random answers for one instrument: each item blank, or one of its options; scored by the real engine. */
function scaleArbitrary(id: string) {
  const definition = getInstrument(id);
  if (!definition) throw new Error(`no instrument ${id}`);
  const items = definition.items.map((item) => {
    const values = (item.options ?? definition.options ?? []).map((o) => o.value);
    return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: fc.constantFrom(...values) });
  });
  return fc.tuple(...items).map((answers) => {
    const score = scoreInstrument(definition, answers, { includeItems: true });
    if (!score.ok) throw new Error(JSON.stringify(score.error));
    return scaleFacts(score.value);
  });
}

const factsArbitrary: fc.Arbitrary<Facts> = fc.record(
  {
    scales: fc
      .subarray([...INSTRUMENTS], { minLength: 0 })
      .chain((ids) =>
        fc.tuple(...ids.map(scaleArbitrary)).map((s) => Object.fromEntries(ids.map((id, i) => [id, s[i]]))),
      ),
    person: fc.record({ age: fc.integer({ min: 8, max: 25 }) }, { requiredKeys: [] }),
    contact: fc.record(
      {
        category: fc.constantFrom('general', 'illness', 'practical', 'high_risk'),
        channel: fc.constantFrom('phone', 'chat', 'screening'),
        plan: fc.boolean(),
        intent: fc.boolean(),
        attemptInProgress: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Facts>;

describe('createDecisionMemo', () => {
  it('gives exactly what evaluateRules gives, for random facts, hit or miss', () => {
    const memo = createDecisionMemo(defaultRuleSet);
    fc.assert(
      fc.property(factsArbitrary, fc.constantFrom(undefined, 'R1', 'R3'), (facts, atLeast) => {
        const options = atLeast ? { atLeast } : {};
        const expected = evaluateRules(defaultRuleSet, facts, options);
        expect(memo.evaluate(facts, options)).toEqual(expected);
        // Asked again: now from the cache, still equal.
        expect(memo.evaluate(structuredClone(facts), options)).toEqual(expected);
      }),
      { numRuns: 3000, seed: 20261123 },
    );
    expect(memo.stats.hits).toBeGreaterThanOrEqual(3000);
  });

  it('tells apart facts that differ only in an unknown critical flag', () => {
    const memo = createDecisionMemo(defaultRuleSet);
    const definition = getInstrument('phq-a');
    if (!definition) throw new Error('phq-a');
    const score = (item9: number | null) => {
      const r = scoreInstrument(definition, {
        1: 0,
        2: 0,
        3: 0,
        4: 0,
        5: 0,
        6: 0,
        7: 0,
        8: 0,
        9: item9,
        a: 0,
        b: 0,
        c: 0,
        d: 0,
      });
      if (!r.ok) throw new Error('score');
      return { scales: { 'phq-a': scaleFacts(r.value) } };
    };
    const answered = memo.evaluate(score(0));
    const blank = memo.evaluate(score(null));
    expect(blank).toEqual(evaluateRules(defaultRuleSet, score(null)));
    expect(blank.level).not.toEqual(answered.level);
  });

  it('empties itself at capacity and keeps answering correctly', () => {
    const memo = createDecisionMemo(defaultRuleSet, { capacity: 2 });
    const categories = ['general', 'illness', 'practical', 'high_risk', 'general', 'illness'] as const;
    for (const category of categories) {
      const facts: Facts = { contact: { category } };
      expect(memo.evaluate(facts)).toEqual(evaluateRules(defaultRuleSet, facts));
    }
    expect(memo.stats.misses).toBe(6);
  });

  it('reads deeply frozen facts once per object and still gives what evaluateRules gives', () => {
    const memo = createDecisionMemo(defaultRuleSet, { capacity: 64 });
    // A small pool of shared frozen objects, as an importer's caches hand them out, mixed with fresh copies.
    const pool = fc.sample(factsArbitrary, { numRuns: 40, seed: 7 }).map((f) => deepFreeze(structuredClone(f)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: pool.length - 1 }), fc.boolean(), (i, fresh) => {
        const shared = pool[i] as Facts;
        const facts = fresh ? structuredClone(shared) : { ...shared, scales: { ...shared.scales } };
        expect(memo.evaluate(facts)).toEqual(evaluateRules(defaultRuleSet, facts));
      }),
      { numRuns: 2000, seed: 20261124 },
    );
    expect(memo.stats.hits).toBeGreaterThan(1000);
  });

  it('does not remember a frozen object whose insides can still change', () => {
    const memo = createDecisionMemo(defaultRuleSet);
    const flags: Record<string, 'positive' | 'unknown'> = {};
    // Frozen on top only: its flags object stays writable, so its key part must be read every time.
    const phq = Object.freeze({ total: 3, band: 'minimal', category: null, cutoffs: {}, flags, subscales: {} });
    const before = memo.evaluate({ scales: { 'phq-a': phq } });
    flags['serious-suicidal-ideation'] = 'positive';
    const after = memo.evaluate({ scales: { 'phq-a': phq } });
    expect(after).toEqual(evaluateRules(defaultRuleSet, { scales: { 'phq-a': phq } }));
    expect(after.level).not.toEqual(before.level);
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
