import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../parse.ts';
import type { Condition, Outcome, Rule, RuleSet } from '../schema.ts';
import { checkRules } from './check-rules.ts';
import type { RuleCheckCode } from './types.ts';

const rule = (id: string, when: Condition, then: Outcome = { level: 'R1' }, source: string | null = 'test'): Rule => ({
  id,
  description: { zh: id, en: id },
  ...(source === null ? {} : { source }),
  when,
  then,
});

const set = (...rules: Rule[]): RuleSet => ({
  id: 'test',
  version: '1',
  name: { zh: '测试', en: 'test' },
  unknownCritical: { level: 'R3', source: 'test' },
  rules,
});

/** The issues of one code, as [rule ids, en message]. */
const found = (ruleSet: RuleSet, code: RuleCheckCode) =>
  checkRules(ruleSet)
    .issues.filter((i) => i.code === code)
    .map((i) => ({ rules: i.rules, en: i.message.en, severity: i.severity }));

const total = 'scales.phq-9.total';
const band = 'scales.phq-9.band';
const item9 = 'scales.phq-9.items.9';

describe('RULES_NO_SOURCE', () => {
  it.each([
    ['without source', rule('a', { fact: total, gte: 10 }, { level: 'R2' }, null), [['a']]],
    ['with source', rule('a', { fact: total, gte: 10 }, { level: 'R2' }, 'Kroenke 2001'), []],
  ])('%s', (_, r, expected) => {
    expect(found(set(r), 'RULES_NO_SOURCE').map((i) => i.rules)).toEqual(expected);
  });
});

describe('RULES_UNKNOWN_FACT', () => {
  it.each<[string, Condition, RegExp]>([
    ['unregistered instrument', { fact: 'scales.phq-10.total', gte: 1 }, /no instrument "phq-10"/],
    ['instrument id spelled otherwise', { fact: 'scales.PHQ9.total', gte: 1 }, /did you mean phq-9\?/],
    ['index of an instrument without one', { fact: 'scales.phq-9.index', gte: 1 }, /phq-9 has no index/],
    ['category of a sum-scored instrument', { fact: 'scales.phq-9.category', eq: 'x' }, /no category/],
    ['total of a categorical screener', { fact: 'scales.asq.total', gte: 1 }, /asq is categorical/],
    ['item', { fact: 'scales.phq-9.items.11', gte: 1 }, /phq-9 has no item "11"/],
    ['flag', { fact: 'scales.phq-9.flags.suicidal', eq: 'positive' }, /no flag "suicidal"/],
    ['cut-off', { fact: 'scales.phq-9.cutoffs.child', eq: true }, /no cut-off "child"/],
    ['field', { fact: 'scales.phq-9.bnd', eq: 'mild' }, /no field "bnd"/],
    ['person field', { fact: 'person.height', gte: 1 }, /person has no field "height"/],
    ['band id', { fact: band, eq: 'sever' }, /has no value "sever"/],
    ['category value', { fact: 'scales.asq.category', in: ['acute-positive', 'positive'] }, /no value "positive"/],
    ['contact value', { fact: 'contact.channel', eq: 'phone' }, /contact.channel has no value "phone"/],
    ['number test on an id', { fact: band, gte: 3 }, /holds an id/],
    ['id test on a number', { fact: total, eq: 'high' }, /holds a number/],
    ['value test on a list', { fact: 'contact.keywords', eq: 'jump' }, /holds a list of ids/],
  ])('%s', (_, when, message) => {
    const issues = found(set(rule('a', when)), 'RULES_UNKNOWN_FACT');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.en).toMatch(message);
  });

  it.each<[string, Condition]>([
    ['SDS index', { fact: 'scales.sds.index', gte: 53 }],
    ['SDS band of either band set', { fact: 'scales.sds.band', in: ['normal', 'mild'] }],
    ['critical flag', { fact: 'scales.phq-9.flags.self-harm-thoughts', eq: 'positive' }],
    ['categorical flag', { fact: 'scales.asq.flags.asq-acute', exists: true }],
    ['cut-off', { fact: 'scales.phq-9.cutoffs.adolescent', eq: true }],
    ['derived result', { fact: 'scales.phq-9.derived.syndrome', eq: 'major-depressive-syndrome' }],
    ['C-SSRS category', { fact: 'scales.cssrs-screener.category', eq: 'high' }],
    ['item with its own options', { fact: 'scales.phq-9.items.10', gte: 2 }],
    ['keyword', { fact: 'contact.keywords', contains: 'jump' }],
    ['person', { fact: 'person.sex', eq: 'female' }],
  ])('accepts %s', (_, when) => {
    expect(found(set(rule('a', when)), 'RULES_UNKNOWN_FACT')).toEqual([]);
  });
});

describe('RULES_UNSATISFIABLE', () => {
  it.each<[string, Condition, boolean]>([
    [
      '≥ 30 and < 20',
      {
        all: [
          { fact: total, gte: 30 },
          { fact: total, lt: 20 },
        ],
      },
      true,
    ],
    ['PHQ-9 total ≥ 28 (range 0–27)', { fact: total, gte: 28 }, true],
    [
      'two band ids',
      {
        all: [
          { fact: band, eq: 'mild' },
          { fact: band, eq: 'severe' },
        ],
      },
      true,
    ],
    [
      'a band and a total that contradict it',
      {
        all: [
          { fact: band, eq: 'minimal' },
          { fact: total, gte: 10 },
        ],
      },
      true,
    ],
    [
      'a cut-off and a total that contradict it',
      {
        all: [
          { fact: 'scales.phq-9.cutoffs.adolescent', eq: true },
          { fact: total, lt: 11 },
        ],
      },
      true,
    ],
    ['item 9 ≥ 4 (answers 0–3)', { fact: item9, gte: 4 }, true],
    [
      'absent and present',
      {
        all: [
          { fact: total, exists: false },
          { fact: total, gte: 0 },
        ],
      },
      true,
    ],
    ['not (total ≥ 0): needs a present total below 0', { not: { fact: total, gte: 0 } }, true],
    [
      'every alternative impossible',
      {
        any: [
          { fact: total, gt: 27 },
          { fact: item9, lt: 0 },
        ],
      },
      true,
    ],
    [
      '≥ 20 and < 30',
      {
        all: [
          { fact: total, gte: 20 },
          { fact: total, lt: 30 },
        ],
      },
      false,
    ],
    [
      'one possible alternative',
      {
        any: [
          { fact: total, gt: 27 },
          { fact: total, gte: 20 },
        ],
      },
      false,
    ],
    [
      'a prorated total (8 items: 23 × 9/8 = 25.875)',
      {
        all: [
          { fact: total, gt: 25 },
          { fact: total, lt: 26 },
        ],
      },
      false,
    ],
    ['not (total ≥ 10)', { not: { fact: total, gte: 10 } }, false],
    [
      'band moderate and total ≥ 12',
      {
        all: [
          { fact: band, eq: 'moderate' },
          { fact: total, gte: 12 },
        ],
      },
      false,
    ],
  ])('%s', (_, when, expected) => {
    expect(found(set(rule('a', when)), 'RULES_UNSATISFIABLE').length > 0).toBe(expected);
  });

  it('names the contradiction and the possible values', () => {
    const [issue] = found(set(rule('a', { fact: total, gte: 28 })), 'RULES_UNSATISFIABLE');
    expect(issue?.en).toBe(
      'rule a can never fire: no possible value satisfies scales.phq-9.total ≥ 28 (possible: 0–27)',
    );
  });

  it('says nothing more about a rule whose value is unknown', () => {
    expect(found(set(rule('a', { fact: band, eq: 'sever' })), 'RULES_UNSATISFIABLE')).toEqual([]);
  });
});

describe('RULES_SHADOWED', () => {
  it.each<[string, Rule[], string[][]]>([
    [
      'a lower rule inside a higher one that sets more',
      [
        rule('low', { fact: total, gte: 20 }, { level: 'R1', actions: ['counselling'] }),
        rule('high', { fact: total, gte: 15 }, { level: 'R3', actions: ['counselling', 'safety_plan'] }),
      ],
      [['low', 'high']],
    ],
    [
      // Not inside `total ≥ 20`: blank items can decide the band and leave no total (scales engine/bounds.ts).
      'a band inside a cut-off (same score, other fact)',
      [
        rule('severe', { fact: band, eq: 'severe' }, { level: 'R1', followUp: ['P28D'] }),
        rule('high', { fact: 'scales.phq-9.cutoffs.adolescent', eq: true }, { level: 'R2', followUp: ['P7D'] }),
      ],
      [['severe', 'high']],
    ],
    [
      'each alternative inside an alternative of the higher rule',
      [
        rule(
          'low',
          {
            any: [
              { fact: total, gte: 20 },
              { fact: item9, gte: 2 },
            ],
          },
          { level: 'R1' },
        ),
        rule(
          'high',
          {
            any: [
              { fact: item9, gte: 1 },
              { fact: total, gte: 15 },
            ],
          },
          { level: 'R2' },
        ),
      ],
      [['low', 'high']],
    ],
    [
      'the lower rule adds an action',
      [
        rule('low', { fact: total, gte: 20 }, { level: 'R1', actions: ['rescreen'] }),
        rule('high', { fact: total, gte: 15 }, { level: 'R3', actions: ['safety_plan'] }),
      ],
      [],
    ],
    [
      'the lower rule sets a follow-up the higher does not',
      [
        rule('low', { fact: total, gte: 20 }, { level: 'R1', followUp: ['P28D'] }),
        rule('high', { fact: total, gte: 15 }, { level: 'R3' }),
      ],
      [],
    ],
    [
      'the lower rule reaches beyond the higher',
      [rule('low', { fact: total, gte: 10 }, { level: 'R1' }), rule('high', { fact: total, gte: 15 }, { level: 'R3' })],
      [],
    ],
    [
      'the same level',
      [rule('a', { fact: total, gte: 20 }, { level: 'R2' }), rule('b', { fact: total, gte: 15 }, { level: 'R2' })],
      [],
    ],
    [
      'a higher rule that also needs another fact',
      [
        rule('low', { fact: total, gte: 20 }, { level: 'R1' }),
        rule(
          'high',
          {
            all: [
              { fact: total, gte: 15 },
              { fact: 'contact.plan', eq: true },
            ],
          },
          { level: 'R3' },
        ),
      ],
      [],
    ],
    [
      'a noAction rule',
      [
        rule('none', { fact: total, gte: 20 }, { noAction: true }),
        rule('high', { fact: total, gte: 15 }, { level: 'R3' }),
      ],
      [],
    ],
  ])('%s', (_, rules, expected) => {
    expect(found(set(...rules), 'RULES_SHADOWED').map((i) => i.rules)).toEqual(expected);
  });
});

describe('RULES_CONFLICT', () => {
  it.each<[string, Rule[], string[][]]>([
    [
      'same level, overlapping, different follow-up',
      [
        rule('a', { fact: total, gte: 10 }, { level: 'R2', followUp: ['P7D'] }),
        rule('b', { fact: item9, gte: 1 }, { level: 'R2', followUp: ['PT72H'] }),
      ],
      [['a', 'b']],
    ],
    [
      'same level, overlapping, different category',
      [
        rule('a', { fact: 'contact.plan', eq: true }, { level: 'R3', category: 'high_risk' }),
        rule('b', { fact: 'contact.category', eq: 'illness' }, { level: 'R3', category: 'illness' }),
      ],
      [['a', 'b']],
    ],
    [
      'disjoint regions',
      [
        rule('a', { fact: band, eq: 'moderate' }, { level: 'R2', followUp: ['P7D'] }),
        rule('b', { fact: total, gte: 15 }, { level: 'R2', followUp: ['P14D'] }),
      ],
      [],
    ],
    [
      'different levels',
      [
        rule('a', { fact: total, gte: 10 }, { level: 'R2', followUp: ['P7D'] }),
        rule('b', { fact: item9, gte: 1 }, { level: 'R3', followUp: ['PT72H'] }),
      ],
      [],
    ],
    [
      'the same value',
      [
        rule('a', { fact: total, gte: 10 }, { level: 'R2', caseTerm: 'long_term' }),
        rule('b', { fact: item9, gte: 1 }, { level: 'R2', caseTerm: 'long_term' }),
      ],
      [],
    ],
    [
      'the overlap always decided by a more severe rule',
      [
        rule('a', { fact: total, gte: 10 }, { level: 'R2', followUp: ['P7D'] }),
        rule('b', { fact: item9, gte: 1 }, { level: 'R2', followUp: ['PT72H'] }),
        rule('c', { fact: item9, gte: 1 }, { level: 'R3', followUp: ['PT24H'] }),
      ],
      [],
    ],
  ])('%s', (_, rules, expected) => {
    expect(found(set(...rules), 'RULES_CONFLICT').map((i) => i.rules)).toEqual(expected);
  });

  it('says which values disagree and which rule wins', () => {
    const [issue] = found(
      set(
        rule('a', { fact: total, gte: 10 }, { level: 'R2', followUp: ['P7D'] }),
        rule('b', { fact: item9, gte: 1 }, { level: 'R2', followUp: ['PT72H'] }),
      ),
      'RULES_CONFLICT',
    );
    expect(issue?.en).toContain('followUp: ["P7D"] ≠ ["PT72H"]');
    expect(issue?.en).toContain('a comes first and wins');
  });
});

const phqBands = (skip: string) =>
  ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe']
    .filter((b) => b !== skip)
    .map((b) => rule(`phq-${b}`, { fact: band, eq: b }, b === 'minimal' ? { noAction: true } : { level: 'R1' }));

describe('RULES_GAP', () => {
  it.each<[string, Rule[], string[]]>([
    ['every PHQ-9 band', phqBands(''), []],
    ['a missing PHQ-9 band', phqBands('mild'), ['scales.phq-9.band mild reaches no rule']],
    [
      'a missing range of totals',
      [rule('low', { fact: total, lt: 5 }, { noAction: true }), rule('high', { fact: total, gte: 10 })],
      ['scales.phq-9.total 5–9 reaches no rule'],
    ],
    [
      'several ranges, compactly',
      [
        rule('a', { fact: total, lte: 3 }, { noAction: true }),
        rule('b', { fact: total, between: [6, 8] }),
        rule('c', { fact: total, gte: 20 }),
      ],
      ['scales.phq-9.total 4–5, 9–19 reaches no rule'],
    ],
    [
      'bands and totals covering each other',
      [rule('a', { fact: band, in: ['minimal', 'mild'] }, { noAction: true }), rule('b', { fact: total, gte: 10 })],
      [],
    ],
    [
      'a rule on another fact does not cover a score',
      [rule('a', { fact: total, gte: 10 }), rule('b', { fact: 'contact.plan', eq: true })],
      ['scales.phq-9.total 0–9 reaches no rule'],
    ],
    [
      'tests on other facts count as satisfiable',
      [
        rule('a', { fact: total, lt: 10 }, { noAction: true }),
        rule('b', {
          all: [
            { fact: total, gte: 10 },
            { fact: 'contact.plan', eq: true },
          ],
        }),
      ],
      [],
    ],
    [
      'SDS index, reported on the index',
      [rule('a', { fact: 'scales.sds.index', gte: 53 })],
      ['scales.sds.index 25–51 reaches no rule'],
    ],
    [
      'SDS bands tested under each band set',
      [
        rule('a', { fact: 'scales.sds.index', gte: 53 }),
        rule('b', { fact: 'scales.sds.band', eq: 'normal' }, { noAction: true }),
      ],
      ['scales.sds.index 50–51 reaches no rule (band set us)'],
    ],
    [
      'ASQ categories (unknown is the unknown-critical policy’s)',
      [rule('a', { fact: 'scales.asq.category', in: ['acute-positive', 'non-acute-positive'] }, { level: 'R3' })],
      // A rule set written before positive-acuity-unknown (item 5 blank after a positive) is told of it.
      ['scales.asq.category negative, positive-acuity-unknown reaches no rule'],
    ],
    [
      'C-SSRS categories',
      [rule('a', { fact: 'scales.cssrs-screener.category', notIn: ['none', 'low'] }, { level: 'R3' })],
      ['scales.cssrs-screener.category none, low reaches no rule'],
    ],
  ])('%s', (_, rules, expected) => {
    const gaps = found(set(...rules), 'RULES_GAP');
    expect(gaps.map((g) => g.en.split(':')[0])).toEqual(expected);
    for (const g of gaps) expect(g.severity).toBe('error');
  });

  it('lists the rules testing the fact and explains the remedy in both languages', () => {
    const issue = checkRules(set(...phqBands('mild'))).issues.find((i) => i.code === 'RULES_GAP');
    expect(issue?.rules).toEqual(['phq-minimal', 'phq-moderate', 'phq-moderately-severe', 'phq-severe']);
    expect(issue?.message.zh).toBe(
      'scales.phq-9.band 取值 mild 没有任何规则命中：请补充规则；若有意不处理，请加一条 noAction: true 的规则',
    );
  });
});

describe('RULES_TOO_COMPLEX', () => {
  const wide: Condition = {
    all: Array.from({ length: 5 }, (_, i) => ({
      any: [0, 1, 2, 3].map((n) => ({ fact: `scales.phq-9.items.${i + 1}`, eq: n })),
    })),
  };
  it('warns once, and skips the analyses for the rule and the instruments it reads', () => {
    const issues = checkRules(set(rule('wide', wide))).issues;
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['RULES_TOO_COMPLEX', 'warning']]);
  });
  it('analyses a condition of ordinary size', () => {
    expect(
      found(
        set(
          rule('a', {
            all: [
              { fact: total, gte: 10 },
              { fact: item9, gte: 1 },
            ],
          }),
        ),
        'RULES_TOO_COMPLEX',
      ),
    ).toEqual([]);
  });
});

describe('locations', () => {
  const text = [
    'id: located',
    'version: "1"',
    'name: { zh: 定位, en: located }',
    'unknownCritical: { level: R3, source: policy }',
    'rules:',
    '  - id: fine',
    '    description: { zh: 好, en: fine }',
    '    source: Kroenke 2001',
    '    when: { fact: scales.phq-9.total, gte: 10 }',
    '    then: { level: R2 }',
    '  - id: sourceless',
    '    description: { zh: 无来源, en: no source }',
    '    when:',
    '      all:',
    '        - { fact: scales.phq-9.total, lt: 10 }',
    '        - fact: scales.phq-9.itmes.9',
    '          gte: 1',
    '    then: { noAction: true }',
  ].join('\n');

  it('puts each issue at its rule, and a wrong fact at the fact', () => {
    const parsed = parseRuleSet(text, 'rules.yaml');
    if (!parsed.ok) throw new Error('fixture does not parse');
    const report = checkRules(parsed.value, { text, file: 'rules.yaml' });
    expect(report.issues.map((i) => [i.code, i.file, i.line, i.column])).toEqual([
      ['RULES_NO_SOURCE', 'rules.yaml', 11, 5],
      ['RULES_UNKNOWN_FACT', 'rules.yaml', 16, 17],
      ['RULES_GAP', 'rules.yaml', 6, 5],
    ]);
    expect(report).toMatchObject({ errors: 2, warnings: 1 });
  });

  it('gives no position without the text', () => {
    const parsed = parseRuleSet(text);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const [issue] = checkRules(parsed.value).issues;
    expect(issue).not.toHaveProperty('line');
    expect(issue).not.toHaveProperty('file');
  });
});
