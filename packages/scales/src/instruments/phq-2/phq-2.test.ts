import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers, ScoreOptions } from '../../engine/types.ts';
import { phq2 } from './definition.ts';

const score = (answers: Answers, options: ScoreOptions = {}) => {
  const r = scoreInstrument(phq2, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('PHQ-2 definition', () => {
  it('is a valid instrument definition', () => {
    expect(instrumentSchema.parse(phq2)).toEqual(phq2);
  });

  it('is PHQ-9 items 1–2 with their LOINC codes, and has no critical (suicide) item', () => {
    expect(phq2.items.map((i) => [i.id, i.loinc])).toEqual([
      ['1', '44250-9'],
      ['2', '44255-8'],
    ]);
    expect(phq2.critical).toBeUndefined();
    expect(phq2.loinc).toEqual({ panel: '55757-9', total: '55758-7' });
  });
});

describe('PHQ-2 cut-off ≥3 (Kroenke 2003)', () => {
  it.each([
    [[0, 0], 0, 'negative', false],
    [[1, 1], 2, 'negative', false],
    [[2, 0], 2, 'negative', false],
    [[0, 3], 3, 'positive', true],
    [[2, 1], 3, 'positive', true],
    [[2, 2], 4, 'positive', true],
    [[3, 3], 6, 'positive', true],
  ])('%j → %i %s', (answers, total, band, positive) => {
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.band).toMatchObject({ set: 'kroenke-2003', id: band, positive });
    expect(r.cutoffs).toEqual([{ id: 'screen', min: 3, positive }]);
    expect(r.flags).toEqual([]);
  });
});

describe('PHQ-2 input forms and missing items', () => {
  it.each([
    [['几乎每天', '完全不会'], 3],
    [['好几天', '一半以上的天数'], 3],
    [['Several days', 'several days'], 2],
    [{ 1: 'More than half the days', 2: 'Nearly every day' }, 5],
  ])('reads labels %j → %i', (answers, total) => {
    expect(score(answers).total).toBe(total);
  });

  it('one item missing → no total (rule "complete"), even when the other item alone reaches 3', () => {
    const r = score([3, null]);
    expect(r.total).toBeNull();
    // 3 + 0–3 is positive whatever item 2 is; 1 + 0–3 could be either.
    expect(r.band?.id).toBe('positive');
    expect(score([1, null]).band).toBeNull();
    // The answered item alone reaches the cut-off: decided without a total.
    expect(r.cutoffs).toEqual([{ id: 'screen', min: 3, positive: true }]);
    expect(score([1, null]).cutoffs).toEqual([{ id: 'screen', min: 3, positive: null }]);
    expect(r.warnings).toEqual([
      { code: 'SCALES_NOT_SCORABLE', items: ['2'] },
      { code: 'SCALES_BAND_BOUNDS', items: ['2'], bands: { lowest: r.band, highest: r.band } },
    ]);
  });

  it('ignores the prorate option: there is nothing to prorate', () => {
    expect(score([1, null], { prorate: true }).total).toBeNull();
  });

  it.each([
    [[0, 4], 'SCALES_ITEM_OUT_OF_RANGE', '2'],
    [[0, 0, 0], 'SCALES_ITEM_COUNT', undefined],
    [['常常', 0], 'SCALES_UNKNOWN_LABEL', '1'],
    [{ 9: 1 }, 'SCALES_UNKNOWN_ITEM', '9'],
  ])('rejects %j with %s', (answers, code, item) => {
    const r = scoreInstrument(phq2, answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code, ...(item ? { item } : {}) });
  });
});
