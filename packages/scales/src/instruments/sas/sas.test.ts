import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersJsonSchema } from '../../answers-schema.ts';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { ScoreOptions } from '../../engine/types.ts';
import { sas } from './definition.ts';

const score = (answers: Parameters<typeof scoreInstrument>[1], options: ScoreOptions = {}) => {
  const r = scoreInstrument(sas, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** The published reverse key, written out independently of the definition (reference/scales.md §2.2). */
const REVERSED = [5, 9, 13, 17, 19];

/** Answers (native 1–4) whose keyed raw score is `raw`: fill item contributions 1→4 in order, then undo the key. */
function answersForRaw(raw: number): number[] {
  let extra = raw - 20;
  return Array.from({ length: 20 }, (_, i) => {
    const contribution = 1 + Math.min(3, extra);
    extra -= contribution - 1;
    return REVERSED.includes(i + 1) ? 5 - contribution : contribution;
  });
}

const ROUNDINGS = ['half-up', 'truncate'] as const;

describe('SAS definition', () => {
  it('is a valid instrument definition with no critical items', () => {
    expect(() => instrumentSchema.parse(sas)).not.toThrow();
    expect(() => answersJsonSchema(sas)).not.toThrow();
    expect(sas.critical).toBeUndefined();
  });

  it('reverses exactly the published items 5, 9, 13, 17, 19', () => {
    expect(sas.items.filter((i) => i.reverse).map((i) => Number(i.id))).toEqual(REVERSED);
  });
});

describe('SAS bands: cut-offs sit on exact multiples of 1.25, so rounding never matters', () => {
  it.each([
    [39, 48.75, 'normal'],
    [40, 50, 'mild'],
    [47, 58.75, 'mild'],
    [48, 60, 'moderate'],
    [55, 68.75, 'moderate'],
    [56, 70, 'severe'],
  ] as const)('CN: raw %i → %d → %s under half-up and truncation', (raw, exact, band) => {
    for (const indexRounding of ROUNDINGS) {
      const r = score(answersForRaw(raw), { indexRounding });
      expect(r.total).toBe(raw);
      expect(r.index?.exact).toBe(exact);
      expect(r.band).toMatchObject({ set: 'cn', id: band });
    }
  });

  it.each([
    [35, 'normal'],
    [36, 'mild-moderate'],
    [47, 'mild-moderate'],
    [48, 'marked-severe'],
    [59, 'marked-severe'],
    [60, 'extreme'],
  ] as const)('Zung 1971: raw %i → %s under half-up and truncation (raw 36/48/60 ↔ 45/60/75)', (raw, band) => {
    for (const indexRounding of ROUNDINGS) {
      expect(score(answersForRaw(raw), { indexRounding, bandSet: 'zung-1971' }).band?.id).toBe(band);
    }
  });

  it('CN cut-offs 50/60/70 are exactly raw 40/48/56', () => {
    for (const [raw, index] of [
      [40, 50],
      [48, 60],
      [56, 70],
    ]) {
      for (const indexRounding of ROUNDINGS) {
        expect(score(answersForRaw(raw as number), { indexRounding }).index).toEqual({
          value: index,
          exact: index,
          rounding: indexRounding,
        });
      }
    }
  });

  it('band never depends on the rounding mode, for every raw score 20–80 and both norm sets', () => {
    for (let raw = 20; raw <= 80; raw++) {
      for (const bandSet of ['cn', 'zung-1971']) {
        const up = score(answersForRaw(raw), { bandSet, indexRounding: 'half-up' });
        const down = score(answersForRaw(raw), { bandSet, indexRounding: 'truncate' });
        expect(up.band?.id).toBe(down.band?.id);
      }
    }
  });
});

describe('SAS reverse key and input forms', () => {
  it('all ones → 15 + 5 × 4 = raw 35 → 43.75: normal under both roundings and both norm sets', () => {
    const allOnes = Array<number>(20).fill(1);
    const r = score(allOnes);
    expect(r.total).toBe(35);
    expect(r.index).toEqual({ value: 44, exact: 43.75, rounding: 'half-up' });
    expect(r.band?.id).toBe('normal');
    expect(score(allOnes, { indexRounding: 'truncate' }).index?.value).toBe(43);
    expect(score(allOnes, { bandSet: 'zung-1971' }).band?.id).toBe('normal');
    expect(r.flags).toEqual([]);
  });

  it('total is the keyed sum for any answers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 20, maxLength: 20 }), (answers) => {
        const keyed = answers.reduce((sum, v, i) => sum + (REVERSED.includes(i + 1) ? 5 - v : v), 0);
        expect(score(answers).total).toBe(keyed);
      }),
    );
  });

  it('reads option labels and zero-based input when named', () => {
    const zh = ['没有或很少时间', '小部分时间', '相当多时间', '绝大部分或全部时间'];
    const numeric = answersForRaw(48);
    expect(score(numeric.map((v) => zh[v - 1])).total).toBe(48);
    expect(
      score(
        numeric.map((v) => v - 1),
        { coding: 'zero-based' },
      ).total,
    ).toBe(48);
    expect(scoreInstrument(sas, Array<number>(20).fill(0)).ok).toBe(false);
  });

  it('one blank → no total (no published missing-item rule)', () => {
    const answers: (number | null)[] = answersForRaw(48);
    answers[4] = null;
    const r = score(answers);
    expect(r.total).toBeNull();
    // Item 5 (reversed) held 4 of the 48: 44 + 1–4 = raw 45–48 → index 56–60, mild or moderate, so no band.
    expect(r.band).toBeNull();
    expect(r.warnings[0]).toEqual({ code: 'SCALES_NOT_SCORABLE', items: ['5'] });
    expect(r.warnings[1]).toMatchObject({
      code: 'SCALES_BAND_BOUNDS',
      bands: { lowest: { id: 'mild' }, highest: { id: 'moderate' } },
    });
  });
});
