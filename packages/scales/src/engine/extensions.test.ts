import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../definition/schema.ts';
import { instrumentSchema } from '../definition/schema.ts';
import { scoreInstrument } from './score.ts';
import type { Answers, ScoreOptions, ScoreValue } from './types.ts';

/**
 * A made-up instrument exercising every generic extension at once: option scores, a prorated subscale with a
 * rounding rule, a gated subscale, a composite, a composite total, the total mean with mean bands, positive items, a
 * screen of OR-ed conditions and a validity scale.
 */
const toy: InstrumentDefinition = {
  id: 'toy',
  name: { zh: '测试', en: 'toy' },
  abbreviation: 'TOY',
  version: '0',
  ages: { min: 0 },
  recall: { zh: '无', en: 'none' },
  options: [
    { value: 0, label: { zh: '零', en: 'zero' } },
    { value: 1, label: { zh: '一', en: 'one' } },
    { value: 2, label: { zh: '二', en: 'two' } },
    { value: 3, label: { zh: '三', en: 'three' }, score: 2 },
  ],
  items: [
    ...['1', '2', '3', '4'].map((id) => ({ id, label: { zh: id, en: id } })),
    { id: 'g', label: { zh: 'g', en: 'gate' }, scored: false, optional: true },
    { id: 'h', label: { zh: 'h', en: 'follow-up' }, scored: false, optional: true },
    { id: 'l', label: { zh: 'l', en: 'lie' }, scored: false, optional: true },
  ],
  scoring: 'sum',
  subscales: [
    {
      id: 'a',
      label: { zh: 'a', en: 'a' },
      items: ['1', '2', '3'],
      method: 'sum',
      missing: { kind: 'prorate', minAnswered: 2, rounding: 'half-even', source: 'test' },
    },
    { id: 'b', label: { zh: 'b', en: 'b' }, items: ['4'], method: 'sum' },
    { id: 'ab', label: { zh: 'ab', en: 'ab' }, items: ['1', '2', '3', '4'], method: 'sum', from: ['a', 'b'] },
    {
      id: 'gated',
      label: { zh: 'g', en: 'g' },
      items: ['h'],
      method: 'sum',
      gate: { item: 'g', min: 1, source: 'test' },
    },
    { id: 'lie', label: { zh: 'l', en: 'l' }, items: ['l'], method: 'sum' },
  ],
  totalFrom: ['a', 'b'],
  mean: { label: { zh: '均', en: 'mean' }, source: 'test' },
  positiveItems: { min: 2, label: { zh: '阳', en: 'positive' }, source: 'test' },
  screens: [
    {
      id: 's',
      label: { zh: 's', en: 's' },
      any: [
        { id: 'total', score: 'total', op: '>', value: 6 },
        { id: 'pmean', score: 'positive-mean', op: '>=', value: 2 },
        { id: 'b', score: 'subscale', subscales: ['b'], op: '>=', value: 1 },
      ],
      source: 'test',
    },
  ],
  validity: { subscale: 'lie', op: '>', value: 1, label: { zh: 'v', en: 'v' }, source: 'test' },
  bandSets: [
    {
      id: 'm',
      label: { zh: 'm', en: 'm' },
      appliesTo: 'mean',
      source: 'test',
      bands: [
        { id: 'low', min: 0, label: { zh: '低', en: 'low' }, positive: false },
        { id: 'high', min: 1.5, label: { zh: '高', en: 'high' }, positive: true },
      ],
    },
  ],
  missing: { kind: 'subscales', source: 'test' },
  citation: ['test'],
  licence: { status: 'free', holder: 'x', notice: { zh: 'x', en: 'x' }, itemText: false, source: 'x' },
};

const score = (answers: Answers, options: ScoreOptions = {}): ScoreValue => {
  const r = scoreInstrument(toy, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const sub = (r: ScoreValue, id: string) => r.subscales.find((s) => s.id === id)?.score;

describe('engine extensions (synthetic instrument)', () => {
  it('the synthetic definition is valid', () => {
    expect(() => instrumentSchema.parse(toy)).not.toThrow();
  });

  it('option scores count in the total, subscales and positive items; codes are kept for items', () => {
    const r = score([3, 3, 3, 0, null, null, null], { includeItems: true });
    expect(r.total).toBe(6);
    expect(r.items?.['1']).toBe(3);
    expect(r.positiveItems).toEqual({ count: 3, mean: 2 });
    expect(r.mean).toBe(1.5);
    expect(r.band?.id).toBe('high');
  });

  it.each([
    // a: two of three answered, 1 + 2 = 3 → 3 × 3 / 2 = 4.5 → half-even 4
    [[1, 2, null, 0], 4, 4, true],
    [[1, 1, null, 0], 3, 3, true],
    [[1, null, null, 0], null, null, false],
  ])('prorates a subscale by its own rule: %j → a %s, total %s', (answers, a, total, prorated) => {
    const r = score([...answers, null, null, null]);
    expect(sub(r, 'a')).toBe(a);
    expect(sub(r, 'ab')).toBe(total);
    expect(r.total).toBe(total);
    expect(r.prorated).toBe(prorated);
    expect(r.warnings[0]?.code).toBe(total === null ? 'SCALES_NOT_SCORABLE' : 'SCALES_PRORATED');
  });

  it('prorate: false requires every item of a subscale too', () => {
    const r = score([1, 2, null, 0, null, null, null], { prorate: false });
    expect(sub(r, 'a')).toBeNull();
    expect(r.total).toBeNull();
    expect(r.warnings).toEqual([{ code: 'SCALES_NOT_SCORABLE', items: ['3'] }]);
  });

  it.each([
    [null, 2, null],
    [0, 2, 0],
    [1, 2, 2],
    [1, null, null],
  ])('gate %s with follow-up %s → %s', (gate, follow, expected) => {
    expect(sub(score([0, 0, 0, 0, gate, follow, null]), 'gated')).toBe(expected);
  });

  it.each([
    ['nothing holds', [0, 0, 1, 0], false, []],
    ['strict total: 6 does not hold', [2, 2, 2, 0], true, ['pmean']],
    ['positive mean null (no positive item) is a "no", not unknown', [1, 1, 1, 0], false, []],
    ['a subscale condition', [0, 0, 0, 1], true, ['b']],
    ['a missing score leaves it undecided', [0, 0, 1, null], null, []],
  ])('screen: %s', (_, answers, positive, met) => {
    expect(score([...answers, null, null, null]).screens).toEqual([{ id: 's', positive, met }]);
  });

  it.each([
    [1, true],
    [2, false],
    [null, null],
  ])('validity with a strict op: lie %s → valid %s', (lie, valid) => {
    const r = score([0, 0, 0, 0, null, null, lie]);
    expect(r.validity).toEqual({ score: lie, valid });
    expect(r.warnings.some((w) => w.code === 'SCALES_INVALID_PROTOCOL')).toBe(valid === false);
  });

  it('results of instruments without the extensions carry none of the new fields', async () => {
    const { phq9 } = await import('../instruments/phq-9/definition.ts');
    const r = scoreInstrument(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.ok && Object.keys(r.value)).toEqual([
      'instrument',
      'version',
      'total',
      'index',
      'band',
      'cutoffs',
      'subscales',
      'category',
      'derived',
      'flags',
      'answered',
      'missing',
      'prorated',
      'warnings',
    ]);
  });
});
