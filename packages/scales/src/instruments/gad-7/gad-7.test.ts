import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers, ScoreOptions } from '../../engine/types.ts';
import { gad7 } from './definition.ts';

const score = (answers: Answers, options: ScoreOptions = {}) => {
  const r = scoreInstrument(gad7, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** Seven answers (0–3) summing to `total`, filled from item 1. */
const spread = (total: number) => Array.from({ length: 7 }, (_, i) => Math.min(3, Math.max(0, total - 3 * i)));

describe('GAD-7 definition', () => {
  it('is a valid instrument definition', () => {
    expect(instrumentSchema.parse(gad7)).toEqual(gad7);
  });

  it('carries the LOINC panel (not a score), total and item codes', () => {
    expect(gad7.loinc).toEqual({ panel: '69737-5', total: '70274-6' });
    expect(gad7.items.map((i) => i.loinc)).toEqual([
      '69725-0',
      '68509-9',
      '69733-4',
      '69734-2',
      '69735-9',
      '69689-8',
      '69736-7',
    ]);
  });
});

describe('GAD-7 bands 0/5/10/15 and cut-off ≥10 (Spitzer 2006)', () => {
  it.each([
    [0, 'minimal', false],
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    // awell's README says ">15 severe"; the key (and awell's code) put 15 in severe.
    [15, 'severe', true],
    [21, 'severe', true],
  ])('total %i → %s, screen positive %s', (total, band, positive) => {
    const answers = spread(total);
    expect(answers.reduce((a, b) => a + b, 0)).toBe(total);
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.band).toMatchObject({ set: 'spitzer-2006', id: band, positive });
    expect(r.cutoffs).toEqual([{ id: 'screen', min: 10, positive }]);
    expect(r.flags).toEqual([]);
  });
});

describe('GAD-7 input forms and missing items', () => {
  it('reads Chinese labels', () => {
    const r = score(['完全不会', '好几天', '一半以上的天数', '几乎每天', '几乎每天', '几乎每天', '几乎每天']);
    expect(r.total).toBe(15);
    expect(r.band?.id).toBe('severe');
  });

  it('reads English labels and keyed answers', () => {
    const r = score({
      1: 'Several days',
      2: 'several days',
      3: 'More than half the days',
      4: 'not at all',
      5: 'Nearly every day',
      6: '2',
      7: 0,
    });
    expect(r.total).toBe(9);
    expect(r.band?.id).toBe('mild');
  });

  it('one item missing → no total (no published proration rule)', () => {
    const r = score([3, 3, 3, 3, 3, 3, null]);
    expect(r.total).toBeNull();
    expect(r.prorated).toBe(false);
    // 18 answered, item 7 adds 0–3: 18–21 is severe (15–21) whatever it is. Nothing imputed, still no total.
    expect(r.band).toMatchObject({ set: 'spitzer-2006', id: 'severe' });
    // The answered items alone reach the cut-off: decided without a total.
    expect(r.cutoffs).toEqual([{ id: 'screen', min: 10, positive: true }]);
    expect(r.warnings).toEqual([
      { code: 'SCALES_NOT_SCORABLE', items: ['7'] },
      { code: 'SCALES_BAND_BOUNDS', items: ['7'], bands: { lowest: r.band, highest: r.band } },
    ]);
  });

  it('accepts one-based input when named', () => {
    expect(score([4, 4, 4, 4, 1, 1, 1], { coding: 'one-based' }).total).toBe(12);
  });

  it.each([
    [[0, 0, 0, 0, 0, 0, 4], 'SCALES_ITEM_OUT_OF_RANGE', '7'],
    [[0, 0, 0, 0, 0, 0], 'SCALES_ITEM_COUNT', undefined],
    [['经常', 0, 0, 0, 0, 0, 0], 'SCALES_UNKNOWN_LABEL', '1'],
    [{ 8: 1 }, 'SCALES_UNKNOWN_ITEM', '8'],
  ])('rejects %j with %s', (answers, code, item) => {
    const r = scoreInstrument(gad7, answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code, ...(item ? { item } : {}) });
  });
});
