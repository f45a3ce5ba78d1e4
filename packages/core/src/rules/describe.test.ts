import { describe, expect, it } from 'vitest';
import { describeCondition } from './describe.ts';
import type { Condition } from './schema.ts';

describe('describeCondition', () => {
  it.each([
    [{ fact: 'scales.phq-9.total', gte: 10 }, 'scales.phq-9.total ≥ 10', 'scales.phq-9.total ≥ 10'],
    [
      {
        all: [
          { fact: 'contact.plan', eq: true },
          {
            any: [
              { fact: 'contact.intent', eq: true },
              { fact: 'contact.means', eq: true },
            ],
          },
        ],
      },
      'contact.plan = true and (contact.intent = true or contact.means = true)',
      'contact.plan = true 且 (contact.intent = true 或 contact.means = true)',
    ],
    [
      { not: { fact: 'scales.asq.category', in: ['negative'] } },
      'not scales.asq.category in {negative}',
      '非scales.asq.category 属于 {negative}',
    ],
    [{ fact: 'scales.sds.index', between: [53, 62] }, '53 ≤ scales.sds.index ≤ 62', '53 ≤ scales.sds.index ≤ 62'],
  ] as [Condition, string, string][])('%j', (condition, en, zh) => {
    expect(describeCondition(condition, 'en')).toBe(en);
    expect(describeCondition(condition, 'zh')).toBe(zh);
  });
});
