import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../../engine/score.ts';
import { phq9 } from './definition.ts';

const score = (answers: Parameters<typeof scoreInstrument>[1], options = {}) => {
  const r = scoreInstrument(phq9, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('PHQ-9 vectors (reference/scales.md §8)', () => {
  it.each([
    { answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], total: 1, band: 'minimal', syndrome: 'none', critical: 'positive' },
    { answers: [2, 2, 2, 2, 2, 0, 0, 0, 0], total: 10, band: 'moderate', syndrome: 'major-depressive-syndrome' },
    { answers: [2, 0, 2, 2, 2, 2, 0, 0, 0], total: 10, band: 'moderate', syndrome: 'major-depressive-syndrome' },
    {
      answers: [3, 3, 3, 3, 3, 3, 3, 3, 3],
      total: 27,
      band: 'severe',
      syndrome: 'major-depressive-syndrome',
      critical: 'positive',
    },
    { answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0, band: 'minimal', syndrome: 'none' },
    { answers: [2, 0, 2, 0, 0, 0, 0, 0, 0], total: 4, band: 'minimal', syndrome: 'other-depressive-syndrome' },
  ])('$answers → $total $band', ({ answers, total, band, syndrome, critical }) => {
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.band?.id).toBe(band);
    expect(r.derived.syndrome).toBe(syndrome);
    expect(r.flags.find((f) => f.item === '9')?.status).toBe(critical);
  });

  it.each([
    [4, 'minimal', 'none'],
    [5, 'mild', 'none'],
    [9, 'mild', 'none'],
    [10, 'moderate', 'none'],
    [14, 'moderate', 'none'],
    [15, 'moderately-severe', 'none'],
    [19, 'moderately-severe', 'none'],
    [20, 'severe', 'none'],
  ])('band boundary at total %i is %s', (total, band) => {
    // Spread the total over items 1–8 so item 9 stays 0.
    const answers = Array.from({ length: 9 }, (_, i) => (i < 8 ? Math.min(3, Math.max(0, total - 3 * i)) : 0));
    expect(answers.reduce((a, b) => a + b, 0)).toBe(total);
    expect(score(answers).band?.id).toBe(band);
  });

  it('uses the adolescent cut-off 11 beside the adult 10', () => {
    const r = score([2, 2, 2, 2, 2, 0, 0, 0, 0]);
    expect(r.cutoffs).toEqual([
      { id: 'adult', min: 10, positive: true },
      { id: 'adolescent', min: 11, positive: false },
    ]);
  });
});

describe('PHQ-9 missing items (Arrieta 2017) and proration rounding', () => {
  const eightSummingTo4 = [1, 1, 1, 1, 0, 0, 0, 0, null];
  it.each([
    ['none', 4.5, 'minimal'],
    ['half-up', 5, 'mild'],
    ['truncate', 4, 'minimal'],
    ['half-even', 4, 'minimal'],
  ] as const)('8 answered summing to 4 with %s rounding → %d %s', (rounding, total, band) => {
    const r = score(eightSummingTo4, { prorationRounding: rounding });
    expect(r.prorated).toBe(true);
    expect(r.total).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  it('never imputes item 9: missing → unknown flag even though the total is prorated', () => {
    const r = score(eightSummingTo4);
    expect(r.flags).toEqual([expect.objectContaining({ id: 'self-harm-thoughts', item: '9', status: 'unknown' })]);
  });

  it('7 answered summing to 9 → 11.57, moderate under any rounding', () => {
    const answers = [3, 3, 3, 0, 0, 0, 0, null, null];
    expect(score(answers).total).toBeCloseTo(11.571, 3);
    for (const rounding of ['half-up', 'truncate', 'half-even', 'none'] as const) {
      expect(score(answers, { prorationRounding: rounding }).band?.id).toBe('moderate');
    }
  });

  it('3 missing → no total, warning, critical item still read', () => {
    const r = score([null, null, null, 1, 1, 1, 1, 1, 2]);
    expect(r.total).toBeNull();
    // 7 + 0–9 = 7–16: mild to moderately severe, so no band.
    expect(r.band).toBeNull();
    expect(r.warnings[0]).toEqual({ code: 'SCALES_NOT_SCORABLE', items: ['1', '2', '3'] });
    expect(r.warnings[1]).toMatchObject({
      code: 'SCALES_BAND_BOUNDS',
      bands: { lowest: { id: 'mild' }, highest: { id: 'moderately-severe' } },
    });
    expect(r.flags[0]?.status).toBe('positive');
  });

  it.each([
    [
      [null, null, null, 1, 1, 1, 1, 1, 2],
      [null, null],
    ],
    [
      [null, null, null, 3, 3, 3, 1, 0, 0],
      [true, null],
    ],
    [
      [null, null, null, 3, 3, 3, 2, 0, 0],
      [true, true],
    ],
    [
      [null, null, null, 0, 0, 0, 0, 0, 0],
      [false, false],
    ],
  ])('without a total, %j still decides the cut-offs it can: %j', (answers, decided) => {
    const r = score(answers);
    expect(r.total).toBeNull();
    expect(r.cutoffs.map((c) => c.positive)).toEqual(decided);
  });

  it('prorate: false requires every item', () => {
    expect(score(eightSummingTo4, { prorate: false }).total).toBeNull();
  });
});

describe('PHQ-9 item 10 and input forms', () => {
  it('does not score item 10', () => {
    expect(score([1, 1, 1, 1, 1, 1, 1, 1, 1, 3]).total).toBe(9);
    expect(score([1, 1, 1, 1, 1, 1, 1, 1, 1]).missing).toEqual([]);
  });

  it('accepts Chinese and English option labels and keyed answers', () => {
    const zh = score(['完全不会', '好几天', '一半以上的天数', '几乎每天', '0', '1', '2', '3', '好几天']);
    expect(zh.total).toBe(13);
    const en = score({ 1: 'Nearly every day', 2: 'several days', 9: 'not at all' });
    expect(en.total).toBeNull();
    expect(en.missing).toHaveLength(6);
  });

  it('accepts zero-based input unchanged and one-based input when named', () => {
    expect(score([1, 2, 3, 4, 1, 1, 1, 1, 1], { coding: 'one-based' }).total).toBe(6);
  });

  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 4], 'SCALES_ITEM_OUT_OF_RANGE', '9'],
    [[0, 0, 0, 0, 0, 0, 0, 0, 1.5], 'SCALES_ITEM_OUT_OF_RANGE', '9'],
    [[0, 0, 0, 0, 0, 0, 0, 0], 'SCALES_ITEM_COUNT', undefined],
    [['常常', 0, 0, 0, 0, 0, 0, 0, 0], 'SCALES_UNKNOWN_LABEL', '1'],
    [{ 11: 1 }, 'SCALES_UNKNOWN_ITEM', '11'],
  ])('rejects %j with %s', (answers, code, item) => {
    const r = scoreInstrument(phq9, answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code, ...(item ? { item } : {}) });
  });

  it('reports every bad item of a row, not only the first', () => {
    const r = scoreInstrument(phq9, [9, 0, 0, 0, 0, 0, 0, 0, 9]);
    expect(r.ok ? [] : r.error.issues.map((i) => i.item)).toEqual(['1', '9']);
  });
});

describe('PHQ-9 items on request', () => {
  it('returns native answers only when asked, blanks as null', () => {
    expect(score([1, '好几天', 0, null, 0, 0, 0, 0, 3]).items).toBeUndefined();
    expect(score([1, '好几天', 0, null, 0, 0, 0, 0, 3], { includeItems: true }).items).toEqual({
      1: 1,
      2: 1,
      3: 0,
      4: null,
      5: 0,
      6: 0,
      7: 0,
      8: 0,
      9: 3,
      10: null,
    });
  });
});
