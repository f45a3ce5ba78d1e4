import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Facts } from '../facts.ts';
import type { RuleSet } from '../schema.ts';
import { parseRuleTests } from './parse.ts';
import { runRuleTests } from './run.ts';
import type { factsSchema, RuleTestSuite } from './schema.ts';

const set: RuleSet = {
  id: 'mini',
  version: '1',
  name: { zh: '小规则集', en: 'mini' },
  unknownCritical: { level: 'R3', source: 'design' },
  rules: [
    {
      id: 'asq-acute',
      description: { zh: 'ASQ 急性阳性', en: 'ASQ acute positive' },
      when: { fact: 'scales.asq.category', eq: 'acute-positive' },
      then: { level: 'R4', actions: ['keep_on_line'], followUp: ['PT24H'] },
    },
    {
      id: 'phq-moderate',
      description: { zh: 'PHQ-9 ≥ 10', en: 'PHQ-9 ≥ 10' },
      when: { fact: 'scales.phq-9.total', gte: 10 },
      then: { level: 'R2', actions: ['rescreen'], category: 'illness' },
    },
    {
      id: 'never',
      description: { zh: '从不', en: 'never' },
      when: { fact: 'person.age', lt: 0 },
      then: { level: 'R1' },
    },
  ],
};

const suite = (cases: RuleTestSuite['cases']): RuleTestSuite => ({ cases });

describe('runRuleTests', () => {
  it('scores raw answers and passes a matching case', () => {
    const report = runRuleTests(
      set,
      suite([
        {
          name: 'acute',
          answers: { asq: ['yes', 'no', 'no', 'no', 'yes'] },
          expect: { level: 'R4', actions: ['keep_on_line'], fired: ['asq-acute'], followUp: ['PT24H'] },
        },
      ]),
    );
    expect(report.cases[0]).toMatchObject({ name: 'acute', passed: true, failures: [] });
    expect(report.cases[0]?.decision?.level).toBe('R4');
    expect(report).toMatchObject({ passed: 1, failed: 0 });
  });

  it('reports each mismatch of a failing case in a sentence', () => {
    const report = runRuleTests(
      set,
      suite([
        {
          name: 'wrong',
          answers: { 'phq-9': [3, 3, 3, 3, 0, 0, 0, 0, 0] },
          expect: {
            level: 'R3',
            actions: ['safety_plan'],
            notActions: ['rescreen'],
            category: 'general',
            fired: ['asq-acute', 'no-such-rule'],
            notFired: ['phq-moderate'],
            followUp: ['P7D'],
          },
        },
      ]),
    );
    expect(report).toMatchObject({ passed: 0, failed: 1 });
    expect(report.cases[0]?.failures).toEqual([
      'level: expected R3, got R2 (fired: phq-moderate)',
      'actions: expected safety_plan, got rescreen',
      'actions: expected no rescreen',
      'category: expected general, got illness',
      'rule no-such-rule: no such rule in the rule set',
      'fired: expected asq-acute to fire, fired: phq-moderate',
      'fired: expected phq-moderate not to fire',
      'followUp: expected P7D, got none',
    ]);
  });

  it('fails a case whose answers cannot be scored, naming the instrument and item', () => {
    const report = runRuleTests(
      set,
      suite([
        { name: 'bad item', answers: { 'phq-9': [0, 0, 0, 0, 0, 0, 0, 0, 7] }, expect: { level: null } },
        { name: 'bad instrument', answers: { 'phq-99': [1] }, expect: { level: null } },
        {
          name: 'twice',
          facts: { scales: { asq: { category: 'negative' } } },
          answers: { asq: ['no', 'no', 'no', 'no'] },
          expect: { level: null },
        },
      ]),
    );
    expect(report.failed).toBe(3);
    expect(report.cases[0]?.decision).toBeNull();
    expect(report.cases[0]?.failures[0]).toMatch(/^answers\.phq-9: .*9/);
    expect(report.cases[1]?.failures).toEqual(['answers.phq-99: unknown instrument']);
    expect(report.cases[2]?.failures).toEqual(['answers.asq: asq is given both as facts and as answers']);
  });

  it('counts how often each rule fired and lists the rules no case exercised', () => {
    const report = runRuleTests(
      set,
      suite([
        { name: 'a', answers: { asq: ['no', 'no', 'no', 'no', 'yes'] }, expect: { level: 'R4' } },
        { name: 'b', facts: { scales: { asq: { category: 'acute-positive' } } }, expect: { level: 'R4' } },
        { name: 'c', facts: { scales: { 'phq-9': { total: 12 } } }, expect: { level: 'R2' } },
        { name: 'd', answers: { 'phq-9': [0, 0, 0, 0, 0, 0, 0, 0, null] }, expect: { level: 'R3' } },
      ]),
    );
    expect(report.coverage).toEqual({ 'asq-acute': 2, 'phq-moderate': 1, never: 0 });
    expect(report.unknownCritical).toBe(1);
    expect(report.unexercised).toEqual(['never']);
    expect(report.failed).toBe(0);
  });

  it('applies scoring options and atLeast, and warns when the suite names another rule set', () => {
    const report = runRuleTests(set, {
      ruleSet: 'default',
      cases: [
        {
          name: 'zero-based PHQ-9 answers given as 1–4',
          answers: { 'phq-9': [4, 4, 4, 2, 1, 1, 1, 1, 1] },
          scoring: { 'phq-9': { coding: 'one-based' } },
          expect: { level: 'R2' },
        },
        { name: 'floor', facts: {}, atLeast: 'R1', expect: { level: 'R1' } },
      ],
    });
    expect(report.failed).toBe(0);
    expect(report.warnings).toEqual(['the tests were written for rule set default, not mini']);
  });
});

describe('parseRuleTests', () => {
  it('parses YAML cases with answers as lists or maps, true/false and blanks', () => {
    const text = [
      'ruleSet: mini',
      'cases:',
      '  - name: acute',
      '    answers: { asq: [no, no, no, no, true] }',
      '    expect: { level: R4, fired: [asq-acute] }',
      '  - name: by item',
      '    answers:',
      '      phq-9: { 1: 3, 2: 3, 3: 3, 4: 1, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 }',
      '    expect: { level: R2 }',
      '  - name: blank item 9',
      '    answers: { phq-9: [0, 0, 0, 0, 0, 0, 0, 0, null] }',
      '    expect: { level: R3, fired: [unknown-critical] }',
    ].join('\n');
    const parsed = parseRuleTests(text, 'mini.tests.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const report = runRuleTests(set, parsed.value);
    expect(report.cases.map((c) => c.failures)).toEqual([[], [], []]);
  });

  it('locates schema errors to line and column', () => {
    const text = [
      'cases:',
      '  - name: one',
      '    facts: { contact: { attemptInProgres: true } }',
      '    expect: { level: R5 }',
      '  - name: one',
      '    expect: { level: null }',
    ].join('\n');
    const parsed = parseRuleTests(text, 't.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const at = (path: string) => parsed.error.find((e) => e.path === path);
    expect(at('cases.0.facts.contact')).toMatchObject({ file: 't.yaml', line: 3 });
    expect(at('cases.0.expect.level')).toMatchObject({ line: 4, column: 22 });
    expect(at('cases.1')).toMatchObject({ line: 5, message: 'a case needs facts, answers or both' });
  });

  it('rejects duplicate case names', () => {
    const text = ['cases:', '  - { name: one, facts: {}, expect: { level: null } }', '  - name: one', '    facts: {}'];
    const parsed = parseRuleTests([...text, '    expect: { level: null }'].join('\n'), 't.yaml');
    expect(parsed.ok ? [] : parsed.error).toEqual([
      {
        file: 't.yaml',
        line: 3,
        column: 11,
        path: 'cases.1.name',
        message: 'duplicate case name "one"',
        problem: { kind: 'duplicate', code: 'RULES_DUPLICATE_CASE', value: 'one' },
      },
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const parsed = parseRuleTests('cases: [unclosed\n', 'x.yaml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error[0]).toMatchObject({ file: 'x.yaml' });
  });

  it('describes the engine facts exactly', () => {
    expectTypeOf<ReturnType<typeof factsSchema.parse>>().toExtend<Facts>();
  });
});
