import { getInstrument, type InstrumentDefinition, instruments } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../default/default-rule-set.ts';
import type { Condition, RuleSet } from '../schema.ts';
import { ruleCoverage } from './coverage.ts';

const set = (...conditions: Condition[]): RuleSet => ({
  id: 'school',
  version: '1',
  name: { zh: '学校', en: 'school' },
  unknownCritical: { level: 'R3', source: 'test' },
  rules: conditions.map((when, i) => ({
    id: `r${i}`,
    description: { zh: 'x', en: 'x' },
    source: 'test',
    when,
    then: { level: 'R2' },
  })),
});

const defs = (...ids: string[]): InstrumentDefinition[] =>
  ids.map((id) => {
    const d = getInstrument(id);
    if (!d) throw new Error(`no instrument ${id}`);
    return d;
  });

const phq9Item9 = { fact: 'scales.phq-9.flags.self-harm-thoughts', eq: 'positive' };
const phq9Total = { fact: 'scales.phq-9.total', gte: 10 };

describe('ruleCoverage: which instruments of a screening a rule set reads nothing of', () => {
  it.each([
    [
      'a PHQ-9 set on a PHQ-A + GAD-7 file (QA round 8)',
      [phq9Item9, phq9Total],
      ['phq-a', 'gad-7'],
      [],
      ['phq-a', 'gad-7'],
    ],
    ['a PHQ-9 set on a PHQ-9 + GAD-7 file', [phq9Item9, phq9Total], ['phq-9', 'gad-7'], ['phq-9'], ['gad-7']],
    [
      'a test inside all/any/not counts',
      [{ all: [{ not: { fact: 'scales.gad-7.band', eq: 'minimal' } }] }],
      ['gad-7'],
      ['gad-7'],
      [],
    ],
    ['person and contact facts read no instrument', [{ fact: 'person.grade', gte: 7 }], ['gad-7'], [], ['gad-7']],
  ])('%s', (_, conditions, file, read, unread) => {
    const coverage = ruleCoverage(set(...(conditions as Condition[])), defs(...file));
    expect(coverage.read).toEqual(read);
    expect(coverage.unread).toEqual(unread);
  });

  it('names what the set reads instead', () => {
    expect(ruleCoverage(set(phq9Item9, phq9Total), defs('phq-a')).elsewhere).toEqual(['phq-9']);
    expect(ruleCoverage(set(phq9Item9), defs('phq-9')).elsewhere).toEqual([]);
  });
});

describe('ruleCoverage: critical flags no rule reads as positive', () => {
  const flags = (conditions: Condition[], id = 'phq-a') =>
    ruleCoverage(set(...conditions), defs(id)).unreadCritical.flatMap((c) => c.flags);
  const all = ['self-harm-thoughts', 'serious-suicidal-ideation', 'lifetime-suicide-attempt'];

  it.each<[string, Condition[], string[]]>([
    ['only the total is read', [{ fact: 'scales.phq-a.total', gte: 10 }], all],
    ['the flag eq positive', [{ fact: 'scales.phq-a.flags.self-harm-thoughts', eq: 'positive' }], all.slice(1)],
    ['the flag exists', [{ fact: 'scales.phq-a.flags.self-harm-thoughts', exists: true }], all.slice(1)],
    [
      'the flag in [positive, unknown]',
      [{ fact: 'scales.phq-a.flags.self-harm-thoughts', in: ['positive', 'unknown'] }],
      all.slice(1),
    ],
    ['the flag eq unknown only', [{ fact: 'scales.phq-a.flags.self-harm-thoughts', eq: 'unknown' }], all],
    ['the flag under not', [{ not: { fact: 'scales.phq-a.flags.self-harm-thoughts', eq: 'positive' } }], all],
    ['the item at ≥ 1 (every positive answer)', [{ fact: 'scales.phq-a.items.9', gte: 1 }], all.slice(1)],
    ['the item at ≥ 2 leaves answer 1 unread', [{ fact: 'scales.phq-a.items.9', gte: 2 }], all],
    [
      'the item in two rules, 1 and 2–3',
      [
        { fact: 'scales.phq-a.items.9', eq: 1 },
        { fact: 'scales.phq-a.items.9', gte: 2 },
      ],
      all.slice(1),
    ],
    [
      'a flag of another instrument',
      [
        { fact: 'scales.phq-9.flags.self-harm-thoughts', eq: 'positive' },
        { fact: 'scales.phq-a.total', gte: 10 },
      ],
      all,
    ],
  ])('%s', (_, conditions, unread) => {
    expect(flags(conditions)).toEqual(unread);
  });

  it('an instrument without critical items has none unread; an unread instrument is reported as unread only', () => {
    const coverage = ruleCoverage(set({ fact: 'scales.gad-7.total', gte: 10 }), defs('gad-7', 'phq-a'));
    expect(coverage.unreadCritical).toEqual([]);
    expect(coverage.unread).toEqual(['phq-a']);
  });
});

describe('ruleCoverage: the default rule set', () => {
  it('reads every registered instrument but RCADS-25 (no published cut-off), and every critical flag positive', () => {
    const coverage = ruleCoverage(defaultRuleSet, instruments);
    expect(coverage.unread).toEqual(['rcads-25']);
    expect(coverage.unreadCritical).toEqual([]);
  });
});
