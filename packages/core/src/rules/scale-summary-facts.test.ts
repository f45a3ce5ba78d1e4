import { getInstrument, type InstrumentDefinition, scoreInstrument } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { checkRules } from './check/check-rules.ts';
import { evaluateRules } from './evaluate.ts';
import { scaleFacts } from './facts.ts';
import type { Condition, RuleSet } from './schema.ts';

const instrument = (id: string): InstrumentDefinition => {
  const d = getInstrument(id);
  if (!d) throw new Error(`${id} not registered`);
  return d;
};

const facts = (id: string, answers: readonly number[]) => {
  const r = scoreInstrument(instrument(id), answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return scaleFacts(r.value);
};

const set = (when: Condition): RuleSet => ({
  id: 'test',
  version: '1',
  name: { zh: '测试', en: 'test' },
  unknownCritical: { level: 'R3', source: 'test' },
  rules: [{ id: 'r', description: { zh: 'r', en: 'r' }, source: 'test', when, then: { level: 'R2' } }],
});

describe('scaleFacts: total mean, positive items, screens and validity', () => {
  it('gives SCL-90 its mean, positive-item count and screen (1–5 coding; positive = item ≥ 2)', () => {
    // 44 items at 2, the rest at 1: total 134, 44 positive items (> 43 → screen positive).
    const answers = Array.from({ length: 90 }, (_, i) => (i < 44 ? 2 : 1));
    const f = facts('scl-90', answers);
    expect(f.total).toBe(134);
    expect(f.mean).toBeCloseTo(134 / 90, 10);
    expect(f.positiveItems).toBe(44);
    expect(f.screens).toEqual({ 'cn-screen': true });
    expect(facts('scl-90', Array(90).fill(1)).screens).toEqual({ 'cn-screen': false });
  });

  it('gives MHT its protocol validity (lie scale, even items 82–100, invalid at ≥ 7)', () => {
    const lie = (yes: number) =>
      Array.from({ length: 100 }, (_, i) => (i >= 81 && i % 2 === 1 && i < 81 + 2 * yes ? 1 : 0));
    expect(facts('mht', lie(6)).valid).toBe(true);
    expect(facts('mht', lie(7)).valid).toBe(false);
  });

  it('adds nothing for instruments without them, so their facts stay as before', () => {
    const f = facts('phq-9', [0, 1, 2, 3, 0, 1, 2, 3, 0, 1]);
    expect(Object.keys(f)).not.toEqual(expect.arrayContaining(['mean']));
    expect('screens' in f || 'valid' in f || 'positiveItems' in f || 'mean' in f).toBe(false);
  });

  it('lets rules read them, and the static check knows which instruments produce them', () => {
    const screen: Condition = { fact: 'scales.scl-90.screens.cn-screen', eq: true };
    const positive = Array.from({ length: 90 }, (_, i) => (i < 44 ? 2 : 1));
    expect(evaluateRules(set(screen), { scales: { 'scl-90': facts('scl-90', positive) } }).level).toBe('R2');
    const unknown = (when: Condition) => checkRules(set(when)).issues.filter((i) => i.code === 'RULES_UNKNOWN_FACT');
    expect(unknown(screen)).toEqual([]);
    expect(unknown({ fact: 'scales.mht.valid', eq: false })).toEqual([]);
    expect(unknown({ fact: 'scales.mssmhs.mean', gte: 2 })).toEqual([]);
    expect(unknown({ fact: 'scales.scl-90.positiveItems', gt: 43 })).toEqual([]);
    expect(unknown({ fact: 'scales.phq-9.mean', gte: 2 })).toHaveLength(1);
    expect(unknown({ fact: 'scales.scl-90.screens.nope', eq: true })).toHaveLength(1);
  });
});

describe('checkRules on bands that read the total mean', () => {
  it('MSSMHS bands are reachable and covered the way the engine computes them (total ÷ 60)', () => {
    // Every band of the mean-based set, each with a rule: nothing unsatisfiable, no gap on the band.
    const bands = instrument('mssmhs').bandSets[0]?.bands.map((b) => b.id) ?? [];
    expect(bands.length).toBeGreaterThan(1);
    const ruleSet: RuleSet = {
      ...set({ fact: 'scales.mssmhs.band', eq: bands[0] as string }),
      rules: bands.map((band) => ({
        id: `mssmhs-${band}`,
        description: { zh: band, en: band },
        source: 'test',
        when: { fact: 'scales.mssmhs.band', eq: band },
        then: { level: 'R1' },
      })),
    };
    const issues = checkRules(ruleSet).issues.map((i) => `${i.code} ${i.rules.join(',')}`);
    expect(issues.filter((i) => /UNSATISFIABLE|GAP/.test(i))).toEqual([]);
  });
});
