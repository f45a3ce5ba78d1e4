import type { Condition, FactTest } from './schema.ts';

type Lang = 'zh' | 'en';

const joiners = {
  zh: {
    all: ' 且 ',
    any: ' 或 ',
    not: '非',
    exists: '有值',
    missing: '无值',
    contains: '包含',
    in: '属于',
    notIn: '不属于',
  },
  en: {
    all: ' and ',
    any: ' or ',
    not: 'not ',
    exists: 'is present',
    missing: 'is absent',
    contains: 'contains',
    in: 'in',
    notIn: 'not in',
  },
} as const;

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function describeTest(t: FactTest, lang: Lang): string {
  const j = joiners[lang];
  if (t.exists !== undefined) return `${t.fact} ${t.exists ? j.exists : j.missing}`;
  if (t.eq !== undefined) return `${t.fact} = ${show(t.eq)}`;
  if (t.ne !== undefined) return `${t.fact} ≠ ${show(t.ne)}`;
  if (t.in !== undefined) return `${t.fact} ${j.in} {${t.in.map(show).join(', ')}}`;
  if (t.notIn !== undefined) return `${t.fact} ${j.notIn} {${t.notIn.map(show).join(', ')}}`;
  if (t.contains !== undefined) return `${t.fact} ${j.contains} ${show(t.contains)}`;
  if (t.between !== undefined) return `${t.between[0]} ≤ ${t.fact} ≤ ${t.between[1]}`;
  if (t.gte !== undefined) return `${t.fact} ≥ ${t.gte}`;
  if (t.gt !== undefined) return `${t.fact} > ${t.gt}`;
  if (t.lte !== undefined) return `${t.fact} ≤ ${t.lte}`;
  if (t.lt !== undefined) return `${t.fact} < ${t.lt}`;
  return t.fact;
}

/** A condition as one line of text, e.g. "scales.phq-9.total ≥ 10 and scales.phq-9.items.9 ≥ 1". */
export function describeCondition(condition: Condition, lang: Lang): string {
  const j = joiners[lang];
  const inner = (c: Condition) =>
    'all' in c || 'any' in c ? `(${describeCondition(c, lang)})` : describeCondition(c, lang);
  if ('all' in condition) return condition.all.map(inner).join(j.all);
  if ('any' in condition) return condition.any.map(inner).join(j.any);
  if ('not' in condition) return `${j.not}${inner(condition.not)}`;
  return describeTest(condition, lang);
}
