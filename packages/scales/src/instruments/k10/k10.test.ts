import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers, ScoreOptions } from '../../engine/types.ts';
import { k10 } from './definition.ts';

const score = (answers: Answers, options: ScoreOptions = {}) => {
  const r = scoreInstrument(k10, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const all = <T>(value: T) => Array.from({ length: 10 }, () => value);
/** Ten answers (1–5) summing to `total`, filled from item 1. */
const spread = (total: number) =>
  Array.from({ length: 10 }, (_, i) => 1 + Math.min(4, Math.max(0, total - 10 - 4 * i)));

describe('K10 definition', () => {
  it('is a valid instrument definition', () => {
    expect(instrumentSchema.parse(k10)).toEqual(k10);
  });

  it('keeps the reference item order (8 everything an effort, 9 so sad) and codes options 1–5', () => {
    expect(k10.items.map((i) => i.label.en)).toEqual([
      'tired out for no good reason',
      'nervous',
      'so nervous nothing could calm you down',
      'hopeless',
      'restless or fidgety',
      'so restless you could not sit still',
      'depressed',
      'everything was an effort',
      'so sad nothing could cheer you up',
      'worthless',
    ]);
    expect(k10.options.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(k10.critical).toBeUndefined();
  });
});

describe('K10 vectors (reference/scales.md §8)', () => {
  it.each([
    ['native 3', all(3), {}],
    ['en label', all('Some of the time'), {}],
    ['zh label', all('有时'), {}],
    ['US 0–4 coding, named', all(2), { coding: 'zero-based' as const }],
  ])('every item "some of the time" (%s) → 30, very high', (_, answers, options) => {
    const r = score(answers, options);
    expect(r.total).toBe(30);
    expect(r.band).toMatchObject({ set: 'abs', id: 'very-high', positive: true });
  });

  it.each([
    [0, 10, 'low'],
    [2, 30, 'very-high'],
    [4, 50, 'very-high'],
  ])('US-coded answers all %i → ABS total %i (US total = ABS − 10)', (answer, total, band) => {
    const r = score(all(answer), { coding: 'zero-based' });
    expect(r.total).toBe(total);
    expect((r.total ?? 0) - 10).toBe(answer * 10);
    expect(r.band?.id).toBe(band);
  });

  it('rejects US 0-coded answers when the coding is not named (no silent shift)', () => {
    const r = scoreInstrument(k10, all(0));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues).toHaveLength(10);
      expect(r.error.issues[0]).toEqual({
        code: 'SCALES_ITEM_OUT_OF_RANGE',
        item: '1',
        expected: '1–5',
        received: '0',
      });
    }
  });
});

describe('K10 ABS bands 10/16/22/30 (ABS 4817.0.55.001 Table E)', () => {
  it.each([
    [10, 'low', false],
    [15, 'low', false],
    [16, 'moderate', false],
    [21, 'moderate', false],
    [22, 'high', true],
    [29, 'high', true],
    [30, 'very-high', true],
    [50, 'very-high', true],
  ])('total %i → %s (positive %s)', (total, band, positive) => {
    const answers = spread(total);
    expect(answers.reduce((a, b) => a + b, 0)).toBe(total);
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.band).toMatchObject({ id: band, positive });
    expect(r.flags).toEqual([]);
  });
});

describe('K10 labels and missing items', () => {
  it.each([
    [['几乎没有', '偶尔', '有时', '经常', '总是', '没有', '小部分时间', '部分时间', '大部分时间', '所有时间'], 30],
    [
      [
        'None of the time',
        'A little of the time',
        'some of the time',
        'MOST OF THE TIME',
        'All of the time',
        1,
        1,
        1,
        1,
        1,
      ],
      20,
    ],
  ])('reads labels %j → %i', (answers, total) => {
    expect(score(answers).total).toBe(total);
  });

  it('one item missing → no total (no published rule)', () => {
    const r = score([3, 3, 3, 3, 3, 3, 3, 3, 3, null]);
    expect(r.total).toBeNull();
    // 27 + 1–5 = 28–32: high or very high, so no band.
    expect(r.band).toBeNull();
    expect(r.warnings[0]).toEqual({ code: 'SCALES_NOT_SCORABLE', items: ['10'] });
    expect(r.warnings[1]).toMatchObject({
      code: 'SCALES_BAND_BOUNDS',
      bands: { lowest: { id: 'high' }, highest: { id: 'very-high' } },
    });
  });

  it.each([
    [[...all(1).slice(0, 9), 6], 'SCALES_ITEM_OUT_OF_RANGE', '10'],
    [all(1).slice(0, 9), 'SCALES_ITEM_COUNT', undefined],
    [[...all(1).slice(0, 9), '常常'], 'SCALES_UNKNOWN_LABEL', '10'],
  ])('rejects %j with %s', (answers, code, item) => {
    const r = scoreInstrument(k10, answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code, ...(item ? { item } : {}) });
  });
});
