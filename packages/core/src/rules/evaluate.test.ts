import { getInstrument, scoreInstrument } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from './evaluate.ts';
import { explainDecision } from './explain.ts';
import { type Facts, scaleFacts } from './facts.ts';
import { parseRuleSet } from './parse.ts';
import type { RuleSet } from './schema.ts';

const set: RuleSet = {
  id: 'mini',
  version: '1',
  name: { zh: '小规则集', en: 'mini' },
  unknownCritical: { level: 'R3', source: 'design: unknown escalates' },
  rules: [
    {
      id: 'item9',
      description: { zh: 'PHQ-9 第9题≥1', en: 'PHQ-9 item 9 ≥ 1' },
      source: 'MII PHQ-9',
      when: { fact: 'scales.phq-9.items.9', gte: 1 },
      then: { level: 'R3', actions: ['safety_plan', 'guardian_notification'], followUp: ['PT24H', 'PT72H'] },
    },
    {
      id: 'moderate',
      description: { zh: 'PHQ-9 ≥ 10', en: 'PHQ-9 ≥ 10' },
      when: { fact: 'scales.phq-9.total', gte: 10 },
      then: { level: 'R2', actions: ['safety_plan', 'rescreen'], followUp: ['P7D'], category: 'illness' },
    },
    {
      id: 'not-low',
      description: { zh: '非低分', en: 'not below 5' },
      when: { not: { fact: 'scales.phq-9.total', lt: 5 } },
      then: { level: 'R1' },
    },
  ],
};

const phq = (answers: (number | null)[]): Facts => {
  const def = getInstrument('phq-9');
  if (!def) throw new Error('no phq-9');
  const r = scoreInstrument(def, answers, { includeItems: true });
  if (!r.ok) throw new Error('bad answers');
  return { scales: { 'phq-9': scaleFacts(r.value) } };
};

describe('evaluateRules', () => {
  it('takes the most severe level, collects actions once, and picks single values from the most severe rule', () => {
    const d = evaluateRules(set, phq([2, 2, 2, 2, 2, 0, 0, 0, 1]));
    expect(d.level).toBe('R3');
    expect(d.fired.map((r) => r.id)).toEqual(['item9', 'moderate', 'not-low']);
    expect(d.actions).toEqual(['safety_plan', 'guardian_notification', 'rescreen']);
    expect(d.followUp).toEqual(['PT24H', 'PT72H']);
    expect(d.category).toBe('illness');
    expect(d.fired[0]?.reads).toEqual([{ fact: 'scales.phq-9.items.9', value: 1 }]);
    expect(d.ruleSet.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('never reads a missing fact as "no": not(total < 5) stays undecided without a total', () => {
    const d = evaluateRules(set, phq([null, null, null, 0, 0, 0, 0, 0, null]));
    expect(d.fired.map((r) => r.id)).toEqual(['unknown-critical']);
    expect(d.level).toBe('R3');
    expect(d.undetermined).toEqual(['item9', 'moderate', 'not-low']);
  });

  // A rule reading two forms (SCARED child and parent): open only on the form nobody took is not "undetermined".
  it.each([
    ['decided false on the form given, the other not taken', { a: { total: 3, band: 'low' } }, []],
    ['its score missing, its band decided false', { a: { total: null, band: 'low' } }, []],
    ['its score missing, its band open', { a: { total: null, band: null } }, ['either']],
    ['the other form given and open too', { a: { total: 3, band: 'low' }, b: { total: null } }, ['either']],
  ] as const)('lists a rule as undetermined only when the facts given leave it open: %s', (_, scales, open) => {
    const either: RuleSet = {
      ...set,
      rules: [
        {
          id: 'either',
          description: { zh: '任一版本高', en: 'either form high' },
          when: {
            any: [
              {
                all: [
                  { fact: 'scales.a.total', exists: true },
                  { fact: 'scales.a.total', gte: 10 },
                ],
              },
              { fact: 'scales.a.band', eq: 'high' },
              { fact: 'scales.b.total', gte: 10 },
            ],
          },
          then: { level: 'R1' },
        },
      ],
    };
    expect(evaluateRules(either, { scales }).undetermined).toEqual(open);
  });

  it('never lowers below atLeast, and returns null when nothing fired', () => {
    const low = phq([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(evaluateRules(set, low).level).toBeNull();
    expect(evaluateRules(set, low, { atLeast: 'R2' }).level).toBe('R2');
  });

  it('explains in zh and en with facts, sources and the rule-set hash', () => {
    const d = evaluateRules(set, phq([0, 0, 0, 0, 0, 0, 0, 0, 2]));
    const zh = explainDecision(d, 'zh');
    expect(zh).toContain('风险等级 R3（高危，橙）');
    expect(zh).toContain('scales.phq-9.items.9 = 2');
    expect(zh).toContain('来源: MII PHQ-9');
    expect(explainDecision(d, 'en')).toMatch(/^Risk level R3 \(high, orange\)\. Because: PHQ-9 item 9 ≥ 1 → R3/);
  });
});

describe('parseRuleSet', () => {
  it('locates schema errors to line and column', () => {
    const text = [
      'id: bad',
      'version: "1"',
      'name: { zh: 坏, en: bad }',
      'unknownCritical: { level: R3, source: x }',
      'rules:',
      '  - id: r1',
      '    description: { zh: 一, en: one }',
      '    when: { fact: scales.phq-9.total, gte: 10 }',
      '    then: { level: R9 }',
    ].join('\n');
    const r = parseRuleSet(text, 'rules.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]).toMatchObject({ file: 'rules.yaml', line: 9, path: 'rules.0.then.level' });
    }
  });

  it('reports YAML syntax errors with their position', () => {
    const r = parseRuleSet('id: [unclosed\n', 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]?.line).toBeGreaterThanOrEqual(1);
  });
});
