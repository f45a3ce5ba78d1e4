import { getInstrument, scoreInstrument } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../evaluate.ts';
import { scaleFacts } from '../facts.ts';
import { defaultRuleSet } from './default-rule-set.ts';

const decide = (id: string, answers: readonly (number | null)[]) => {
  const definition = getInstrument(id);
  if (!definition) throw new Error(id);
  const r = scoreInstrument(definition, answers, { includeItems: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return {
    score: r.value,
    facts: scaleFacts(r.value),
    decision: evaluateRules(defaultRuleSet, { scales: { [id]: scaleFacts(r.value) } }),
  };
};

describe('default rules with blank items (1.2.0)', () => {
  it('an open band: the band rules are undetermined, the lowest band still sets the level', () => {
    const { facts, decision } = decide('gad-7', [3, 3, 3, 0, 0, 0, null]);
    expect(facts).toMatchObject({ total: null, band: null, bandAtLeast: 'mild', cutoffs: { screen: null } });
    expect(decision.level).toBe('R1');
    expect(decision.fired.map((f) => f.id)).toEqual(['gad-7-at-least-mild']);
    expect(decision.fired[0]?.reads).toEqual([
      { fact: 'scales.gad-7.band', value: null },
      { fact: 'scales.gad-7.bandAtLeast', value: 'mild' },
    ]);
    expect(decision.undetermined).toEqual([
      'gad-7-minimal',
      'gad-7-mild',
      'gad-7-moderate',
      'gad-7-screen-cutoff',
      'gad-7-severe',
    ]);
  });

  it('PHQ-A 5–14 (three blanks): at least mild → R1, never below what the answered items prove', () => {
    const { decision } = decide('phq-a', [null, null, null, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(decision.level).toBe('R1');
    expect(decision.fired.map((f) => f.id)).toEqual(['phq-a-at-least-mild']);
    expect(decision.undetermined).toEqual(
      expect.arrayContaining(['phq-a-mild', 'phq-a-moderate', 'phq-a-elevated-cutoff', 'phq-a-adolescent-cutoff']),
    );
  });

  it('an open band whose lowest band has no action: no level, and the band rules say why (undetermined)', () => {
    const { decision } = decide('gad-7', [1, 1, 1, 0, 0, 0, null]);
    expect(decision.level).toBeNull();
    expect(decision.fired).toEqual([]);
    expect(decision.undetermined).toContain('gad-7-minimal');
    expect(decision.undetermined).toContain('gad-7-mild');
  });

  it('a band decided by bounds is judged by its own rule alone: no at-least rule, nothing undetermined', () => {
    const { facts, decision } = decide('gad-7', [3, 3, 3, 3, 3, 3, null]);
    expect(facts).toMatchObject({ total: null, band: 'severe', bandAtLeast: 'severe' });
    expect(decision.fired.map((f) => f.id)).toEqual(['gad-7-severe']);
    expect(decision.undetermined).toEqual([]);
  });
});
