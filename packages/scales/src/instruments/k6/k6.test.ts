import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers, ScoreOptions } from '../../engine/types.ts';
import { k6 } from './definition.ts';

const score = (answers: Answers, options: ScoreOptions = {}) => {
  const r = scoreInstrument(k6, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const all = <T>(value: T) => Array.from({ length: 6 }, () => value);
/** Six answers (0–4) summing to `total`, filled from item 1. */
const spread = (total: number) => Array.from({ length: 6 }, (_, i) => Math.min(4, Math.max(0, total - 4 * i)));

describe('K6 definition', () => {
  it('is a valid instrument definition', () => {
    expect(instrumentSchema.parse(k6)).toEqual(k6);
  });

  it('has the six K6 items, codes options 0–4, and one two-band set (no vendor 3/4-band schemes)', () => {
    expect(k6.items.map((i) => i.label.en)).toEqual([
      'nervous',
      'hopeless',
      'restless or fidgety',
      'so depressed nothing could cheer you up',
      'everything was an effort',
      'worthless',
    ]);
    expect(k6.options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4]);
    expect(k6.bandSets.map((s) => s.bands.map((b) => [b.id, b.min]))).toEqual([
      [
        ['no-spd', 0],
        ['spd', 13],
      ],
    ]);
  });
});

describe('K6 vectors (reference/scales.md §8)', () => {
  it.each([
    ['native 3', all(3), {}],
    ['en label', all('Most of the time'), {}],
    ['zh label', all('经常'), {}],
    ['zh alias', all('大部分时间'), {}],
    ['1–5 coding, named', all(4), { coding: 'one-based' as const }],
  ])('every item "most of the time" (%s) → 18, serious psychological distress', (_, answers, options) => {
    const r = score(answers, options);
    expect(r.total).toBe(18);
    expect(r.band).toMatchObject({ set: 'kessler-2003', id: 'spd', positive: true });
    expect(r.cutoffs).toEqual([{ id: 'spd', min: 13, positive: true }]);
  });

  it('every item "some of the time" → 12: one point below the cut-off (K10 would give 30)', () => {
    const r = score(all('Some of the time'));
    expect(r.total).toBe(12);
    expect(r.band?.id).toBe('no-spd');
  });
});

describe('K6 cut-off ≥13 (Kessler 2003; IPUMS NHIS)', () => {
  it.each([
    [0, 'no-spd', false],
    [12, 'no-spd', false],
    [13, 'spd', true],
    [24, 'spd', true],
  ])('total %i → %s', (total, band, positive) => {
    const answers = spread(total);
    expect(answers.reduce((a, b) => a + b, 0)).toBe(total);
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.band).toMatchObject({ id: band, positive });
    expect(r.cutoffs).toEqual([{ id: 'spd', min: 13, positive }]);
    expect(r.flags).toEqual([]);
  });
});

describe('K6 missing items and bad input', () => {
  it('one item missing → no total (no published rule)', () => {
    const r = score({ 1: 4, 2: 4, 3: 4, 4: 4, 5: 4 });
    expect(r.total).toBeNull();
    // The answered items alone reach the cut-off: decided without a total.
    expect(r.cutoffs).toEqual([{ id: 'spd', min: 13, positive: true }]);
    // 20 + 0–4: serious psychological distress whatever item 6 is.
    expect(r.band?.id).toBe('spd');
    expect(r.warnings).toEqual([
      { code: 'SCALES_NOT_SCORABLE', items: ['6'] },
      { code: 'SCALES_BAND_BOUNDS', items: ['6'], bands: { lowest: r.band, highest: r.band } },
    ]);
  });

  it.each([
    [[0, 0, 0, 0, 0, 5], 'SCALES_ITEM_OUT_OF_RANGE', '6'],
    [[0, 0, 0, 0, 0, 0, 0], 'SCALES_ITEM_COUNT', undefined],
    [['有点', 0, 0, 0, 0, 0], 'SCALES_UNKNOWN_LABEL', '1'],
  ])('rejects %j with %s', (answers, code, item) => {
    const r = scoreInstrument(k6, answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code, ...(item ? { item } : {}) });
  });
});
