import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers } from '../../engine/types.ts';
import { gad2 } from './definition.ts';

const score = (answers: Answers) => {
  const r = scoreInstrument(gad2, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('GAD-2 definition', () => {
  it('is a valid instrument definition', () => {
    expect(instrumentSchema.parse(gad2)).toEqual(gad2);
  });

  it('is GAD-7 items 1–2 with their LOINC codes', () => {
    expect(gad2.items.map((i) => [i.id, i.loinc])).toEqual([
      ['1', '69725-0'],
      ['2', '68509-9'],
    ]);
    expect(gad2.loinc).toBeUndefined();
  });

  it('has only negative/positive bands, not awell\u2019s mild/moderate/severe (reference/scales.md §1.5)', () => {
    expect(gad2.bandSets).toHaveLength(1);
    expect(gad2.bandSets[0]?.bands.map((b) => [b.id, b.min, b.positive])).toEqual([
      ['negative', 0, false],
      ['positive', 3, true],
    ]);
  });
});

describe('GAD-2 cut-off ≥3 (Kroenke 2007)', () => {
  it.each([
    [[0, 0], 0, 'negative', false],
    [[1, 1], 2, 'negative', false],
    [[0, 2], 2, 'negative', false],
    [[3, 0], 3, 'positive', true],
    [[1, 2], 3, 'positive', true],
    [[2, 3], 5, 'positive', true],
    [[3, 3], 6, 'positive', true],
  ])('%j → %i %s', (answers, total, band, positive) => {
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.band).toMatchObject({ set: 'kroenke-2007', id: band, positive });
    expect(r.cutoffs).toEqual([{ id: 'screen', min: 3, positive }]);
    expect(r.flags).toEqual([]);
  });
});

describe('GAD-2 input forms and missing items', () => {
  it.each([
    [['一半以上的天数', '好几天'], 3],
    [['完全不会', '几乎每天'], 3],
    [['Not at all', 'Several days'], 1],
    [{ 1: 'nearly every day', 2: 'More than half the days' }, 5],
  ])('reads labels %j → %i', (answers, total) => {
    expect(score(answers).total).toBe(total);
  });

  it('one item missing → no total, warning names the item', () => {
    const r = score({ 1: 2 });
    expect(r.total).toBeNull();
    // 2 + 0–3: negative or positive, so no band.
    expect(r.band).toBeNull();
    expect(r.warnings[0]).toEqual({ code: 'SCALES_NOT_SCORABLE', items: ['2'] });
    expect(r.warnings[1]).toMatchObject({
      code: 'SCALES_BAND_BOUNDS',
      bands: { lowest: { id: 'negative' }, highest: { id: 'positive' } },
    });
    expect(score({ 1: 3 }).band?.id).toBe('positive');
  });

  it.each([
    [[-1, 0], 'SCALES_ITEM_OUT_OF_RANGE', '1'],
    [[0], 'SCALES_ITEM_COUNT', undefined],
  ])('rejects %j with %s', (answers, code, item) => {
    const r = scoreInstrument(gad2, answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code, ...(item ? { item } : {}) });
  });
});
