import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersJsonSchema } from '../../answers-schema.ts';
import { instrumentSchema } from '../../definition/schema.ts';
import { normalizeLabel } from '../../engine/compile.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { ScoreOptions } from '../../engine/types.ts';
import { zungFrequency } from '../shared/options.ts';
import { sds } from './definition.ts';

const score = (answers: Parameters<typeof scoreInstrument>[1], options: ScoreOptions = {}) => {
  const r = scoreInstrument(sds, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** The published reverse key, written out independently of the definition (reference/scales.md §2.1). */
const REVERSED = [2, 5, 6, 11, 12, 14, 16, 17, 18, 20];

/** Answers (native 1–4) whose keyed raw score is `raw`: fill item contributions 1→4 in order, then undo the key. */
function answersForRaw(raw: number): number[] {
  let extra = raw - 20;
  return Array.from({ length: 20 }, (_, i) => {
    const contribution = 1 + Math.min(3, extra);
    extra -= contribution - 1;
    return REVERSED.includes(i + 1) ? 5 - contribution : contribution;
  });
}

/** Every item keyed by id with the same answer. */
function allKeys(value: number): [string, number][] {
  return Array.from({ length: 20 }, (_, i) => [String(i + 1), value]);
}

/** reference/scales.md §8, copied verbatim: raw:index (raw × 1.25, exact). */
const TABLE_8 = `20:25 21:26.25 22:27.5 23:28.75 24:30 25:31.25 26:32.5 27:33.75 28:35 29:36.25 30:37.5
31:38.75 32:40 33:41.25 34:42.5 35:43.75 36:45 37:46.25 38:47.5 39:48.75 40:50 41:51.25
42:52.5 43:53.75 44:55 45:56.25 46:57.5 47:58.75 48:60 49:61.25 50:62.5 51:63.75 52:65
53:66.25 54:67.5 55:68.75 56:70 57:71.25 58:72.5 59:73.75 60:75 61:76.25 62:77.5
63:78.75 64:80 65:81.25 66:82.5 67:83.75 68:85 69:86.25 70:87.5 71:88.75 72:90 73:91.25
74:92.5 75:93.75 76:95 77:96.25 78:97.5 79:98.75 80:100`
  .split(/\s+/)
  .map((pair) => pair.split(':').map(Number) as [number, number]);

// Integer arithmetic on 4 × index = 5 × raw, so no floating point is involved in the expectations.
const halfUp = (raw: number) => Math.floor((raw * 5 + 2) / 4);
const truncated = (raw: number) => Math.floor((raw * 5) / 4);
const cnBand = (index: number) => (index >= 73 ? 'severe' : index >= 63 ? 'moderate' : index >= 53 ? 'mild' : 'normal');
const usBand = (index: number) => (index >= 70 ? 'severe' : index >= 60 ? 'moderate' : index >= 50 ? 'mild' : 'normal');

describe('SDS definition', () => {
  it('is a valid instrument definition', () => {
    expect(() => instrumentSchema.parse(sds)).not.toThrow();
    expect(() => answersJsonSchema(sds)).not.toThrow();
  });

  it('reverses exactly the published items 2, 5, 6, 11, 12, 14, 16, 17, 18, 20', () => {
    expect(sds.items.filter((i) => i.reverse).map((i) => Number(i.id))).toEqual(REVERSED);
  });

  it('has option labels and aliases that stay unambiguous after folding', () => {
    const folded = zungFrequency.flatMap((o) => [o.label.zh, o.label.en, ...(o.aliases ?? [])].map(normalizeLabel));
    expect(new Set(folded).size).toBe(folded.length);
  });

  it('covers every raw score of the §8 table', () => {
    expect(TABLE_8.map(([raw]) => raw)).toEqual(Array.from({ length: 61 }, (_, i) => 20 + i));
  });
});

describe('SDS raw → index, reference/scales.md §8', () => {
  const rows = TABLE_8.flatMap(([raw, exact]) => [
    { raw, exact, rounding: 'half-up' as const, index: halfUp(raw) },
    { raw, exact, rounding: 'truncate' as const, index: truncated(raw) },
  ]);

  it.each(rows)('raw $raw → $exact → $index ($rounding)', ({ raw, exact, rounding, index }) => {
    const r = score(answersForRaw(raw), { indexRounding: rounding });
    expect(r.total).toBe(raw);
    expect(r.index).toEqual({ value: index, exact, rounding });
    expect(r.band?.id).toBe(cnBand(index));
    expect(score(answersForRaw(raw), { indexRounding: rounding, bandSet: 'us' }).band?.id).toBe(usBand(index));
  });

  it('defaults to half-up rounding and the Chinese norm', () => {
    const r = score(answersForRaw(42));
    expect(r.index?.rounding).toBe('half-up');
    expect(r.band).toMatchObject({ set: 'cn', id: 'mild', positive: true });
  });
});

describe('SDS Chinese-norm band flips at raw 42/50/58 (§0.1, §8)', () => {
  it.each([
    [41, 'half-up', 51, 'normal'],
    [42, 'half-up', 53, 'mild'],
    [42, 'truncate', 52, 'normal'],
    [43, 'truncate', 53, 'mild'],
    [49, 'half-up', 61, 'mild'],
    [50, 'half-up', 63, 'moderate'],
    [50, 'truncate', 62, 'mild'],
    [51, 'truncate', 63, 'moderate'],
    [57, 'half-up', 71, 'moderate'],
    [58, 'half-up', 73, 'severe'],
    [58, 'truncate', 72, 'moderate'],
    [59, 'truncate', 73, 'severe'],
  ] as const)('raw %i with %s → index %i, %s', (raw, rounding, index, band) => {
    const r = score(answersForRaw(raw), { indexRounding: rounding });
    expect(r.index?.value).toBe(index);
    expect(r.band?.id).toBe(band);
  });

  it.each([
    [39, 'normal'],
    [40, 'mild'],
    [47, 'mild'],
    [48, 'moderate'],
    [55, 'moderate'],
    [56, 'severe'],
  ] as const)('US bands: raw %i is %s under both roundings (raw 40/48/56 ↔ 50/60/70)', (raw, band) => {
    for (const indexRounding of ['half-up', 'truncate'] as const) {
      expect(score(answersForRaw(raw), { indexRounding, bandSet: 'us' }).band?.id).toBe(band);
    }
  });
});

describe('SDS reverse key', () => {
  const allOnes = Array<number>(20).fill(1);

  it('all ones → raw 50 → 62.5: half-up 63 moderate, truncation 62 mild', () => {
    const up = score(allOnes);
    expect(up.total).toBe(50);
    expect(up.index).toEqual({ value: 63, exact: 62.5, rounding: 'half-up' });
    expect(up.band?.id).toBe('moderate');
    const down = score(allOnes, { indexRounding: 'truncate' });
    expect(down.index).toEqual({ value: 62, exact: 62.5, rounding: 'truncate' });
    expect(down.band?.id).toBe('mild');
  });

  it('applies reversal exactly once (never or twice would give 20 for all ones, 80 for all fours)', () => {
    expect(score(allOnes).total).toBe(50);
    expect(score(Array<number>(20).fill(4)).total).toBe(50);
    // Item 2 alone moves from contribution 4 to 1 when its answer goes from 1 to 4.
    const item2High = allOnes.map((v, i) => (i === 1 ? 4 : v));
    expect(score(item2High).total).toBe(47);
  });

  it('total is the keyed sum for any answers, and the index stays within 25–100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 20, maxLength: 20 }), (answers) => {
        const keyed = answers.reduce((sum, v, i) => sum + (REVERSED.includes(i + 1) ? 5 - v : v), 0);
        const r = score(answers);
        expect(r.total).toBe(keyed);
        expect(r.index?.exact).toBe(keyed * 1.25);
        expect(r.index?.value).toBeGreaterThanOrEqual(25);
        expect(r.index?.value).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('SDS input forms', () => {
  it('reads Chinese and English option labels and export aliases, then applies the key', () => {
    const zh = ['没有或很少时间', '小部分时间', '相当多时间', '绝大部分或全部时间'];
    const en = ['A little of the time', 'Some of the time', 'Good part of the time', 'Most of the time'];
    const numeric = answersForRaw(57);
    expect(score(numeric.map((v) => zh[v - 1])).total).toBe(57);
    expect(score(numeric.map((v) => en[v - 1])).total).toBe(57);
    const aliases = ['没有或很少时间有', '少部分时间', '大部分时间', 'most or all of the time'];
    expect(score(numeric.map((v) => aliases[v - 1])).total).toBe(57);
    // Item 2 is reversed: its highest option scores 1.
    expect(score({ ...Object.fromEntries(allKeys(1)), 2: '绝大部分或全部时间' }).total).toBe(47);
  });

  it('accepts 0–3 only when the caller names zero-based coding', () => {
    const zeroBased = Array<number>(20).fill(0);
    expect(score(zeroBased, { coding: 'zero-based' }).total).toBe(50);
    const native = scoreInstrument(sds, zeroBased);
    expect(native.ok).toBe(false);
    if (!native.ok) {
      expect(native.error.issues).toHaveLength(20);
      expect(native.error.issues[0]).toMatchObject({ code: 'SCALES_ITEM_OUT_OF_RANGE', item: '1' });
    }
    const four = scoreInstrument(sds, [4, ...Array<number>(19).fill(0)], { coding: 'zero-based' });
    expect(four.ok ? [] : four.error.issues.map((i) => i.item)).toEqual(['1']);
  });

  it('rejects an unknown norm set', () => {
    const r = scoreInstrument(sds, Array<number>(20).fill(1), { bandSet: 'jp' });
    expect(r.ok ? null : r.error.issues[0]?.code).toBe('SCALES_UNKNOWN_BAND_SET');
  });
});

describe('SDS missing items and critical item 19', () => {
  it('never scores a blank as 1: one blank → no total or index; the band only when every answer gives it', () => {
    const answers: (number | null)[] = Array<number>(20).fill(1);
    answers[6] = null;
    const r = score(answers);
    expect(r.total).toBeNull();
    expect(r.index).toBeNull();
    // 9 × 1 + 10 reversed × 4 = 49, item 7 adds 1–4: raw 50–53 → index 63–66, moderate (63–72) either way.
    expect(r.band?.id).toBe('moderate');
    expect(r.missing).toEqual(['7']);
    expect(r.warnings).toEqual([
      { code: 'SCALES_NOT_SCORABLE', items: ['7'] },
      { code: 'SCALES_BAND_BOUNDS', items: ['7'], bands: { lowest: r.band, highest: r.band } },
    ]);
  });

  it.each([
    [1, undefined],
    [2, 'positive'],
    [3, 'positive'],
    [4, 'positive'],
  ] as const)('item 19 answered %i → flag %s', (answer, status) => {
    const answers = answersForRaw(40).map((v, i) => (i === 18 ? answer : v));
    expect(score(answers).flags.find((f) => f.id === 'better-off-dead')?.status).toBe(status);
  });

  it('a blank item 19 is an unknown flag, not a 1', () => {
    const r = score({ ...Object.fromEntries(allKeys(1)), 19: null });
    expect(r.total).toBeNull();
    expect(r.flags).toEqual([expect.objectContaining({ id: 'better-off-dead', item: '19', status: 'unknown' })]);
  });
});
