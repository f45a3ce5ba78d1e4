import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers } from '../../engine/types.ts';
import { pss10 } from './definition.ts';

const score = (answers: Answers) => {
  const r = scoreInstrument(pss10, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** Cohen's key, independent of the definition: 10 items 0–4, items 4, 5, 7, 8 scored 4 − x, sum 0–40. */
const REVERSED = new Set([4, 5, 7, 8]);
function referencePss(answers: readonly (number | null)[]) {
  const bandOf = (t: number) => (t >= 27 ? 'high' : t >= 14 ? 'moderate' : 'low');
  const sum = answers.reduce<number>((s, v, i) => (v === null ? s : s + (REVERSED.has(i + 1) ? 4 - v : v)), 0);
  if (!answers.includes(null)) return { total: sum, band: bandOf(sum) };
  // No total; the band every completion shares (each blank scoring 0 to 4, reversed or not), or none.
  const high = sum + 4 * answers.filter((v) => v === null).length;
  return { total: null, band: bandOf(sum) === bandOf(high) ? bandOf(sum) : null };
}

/** Answers (reversed items at 4, i.e. scoring 0) summing to `total` over the six forward items. */
function forTotal(total: number): number[] {
  const answers: number[] = Array.from({ length: 10 }, (_, i) => (REVERSED.has(i + 1) ? 4 : 0));
  let rest = total;
  for (let i = 0; i < 10 && rest > 0; i++) {
    if (REVERSED.has(i + 1)) continue;
    answers[i] = Math.min(4, rest);
    rest -= answers[i] as number;
  }
  // Beyond 24 the reversed items carry the rest.
  for (let i = 0; i < 10 && rest > 0; i++) {
    if (!REVERSED.has(i + 1)) continue;
    const step = Math.min(4, rest);
    answers[i] = 4 - step;
    rest -= step;
  }
  return answers;
}

describe('PSS-10 definition', () => {
  it('is a valid instrument definition (schema round-trip)', () => {
    expect(instrumentSchema.parse(pss10)).toEqual(pss10);
  });

  it('reverses exactly items 4, 5, 7, 8; options 0–4; no critical items; keys only ship', () => {
    expect(pss10.items.filter((i) => i.reverse).map((i) => i.id)).toEqual(['4', '5', '7', '8']);
    expect(pss10.options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4]);
    expect(pss10.critical).toBeUndefined();
    expect(pss10.licence.itemText).toBe(false);
  });
});

describe('PSS-10 vectors (reference/scales.md §8)', () => {
  it.each([
    ['all 0: the 4 reversed items score 4 each', 0, 16, 'moderate'],
    ['all 4: 6 × 4, reversed items 0', 4, 24, 'moderate'],
    ['all 2: midpoint', 2, 20, 'moderate'],
  ])('%s → %i (%s)', (_, v, total, band) => {
    const r = score(Array<number>(10).fill(v));
    expect(r.total).toBe(total);
    expect(r.band).toMatchObject({ set: 'conventional', id: band });
  });

  it.each([
    [0, 'low', false],
    [13, 'low', false],
    [14, 'moderate', false],
    [26, 'moderate', false],
    [27, 'high', true],
    [40, 'high', true],
  ])('conventional range boundary: total %i → %s', (total, band, positive) => {
    const r = score(forTotal(total));
    expect(r.total).toBe(total);
    expect(r.band).toMatchObject({ id: band, positive });
  });

  it('a break in the key shows: item 4 at 4 scores 0, item 3 at 4 scores 4', () => {
    const zero = Array<number>(10).fill(0);
    expect(score(zero.map((v, i) => (i === 3 ? 4 : v))).total).toBe(12);
    expect(score(zero.map((v, i) => (i === 2 ? 4 : v))).total).toBe(20);
  });

  it('reads Chinese and English labels', () => {
    const numeric = Array.from({ length: 10 }, (_, i) => i % 5);
    const zh = ['从不', '偶尔', '有时', '时常', '总是'];
    const en = ['Never', 'Almost never', 'Sometimes', 'Fairly often', 'Very often'];
    expect(score(numeric.map((v) => zh[v] as string)).total).toBe(score(numeric).total);
    expect(score(numeric.map((v) => en[v] as string)).total).toBe(score(numeric).total);
    expect(score(Array<string>(10).fill('经常')).total).toBe(score(Array<number>(10).fill(3)).total);
  });

  it('a blank item: no total (no published rule)', () => {
    const r = score([1, 1, 1, 1, 1, 1, 1, 1, 1, null]);
    expect(r.total).toBeNull();
    // 5 × 1 + 4 reversed × 3 = 17, item 10 adds 0–4: 17–21 is moderate whatever it is.
    expect(r.band?.id).toBe('moderate');
    expect(r.warnings).toEqual([
      { code: 'SCALES_NOT_SCORABLE', items: ['10'] },
      { code: 'SCALES_BAND_BOUNDS', items: ['10'], bands: { lowest: r.band, highest: r.band } },
    ]);
  });
});

describe('PSS-10 differential: engine vs the published key', () => {
  it('agrees on 10,000 seeded random response sets (with blanks)', () => {
    const answer = fc.oneof(
      { weight: 40, arbitrary: fc.integer({ min: 0, max: 4 }) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    const seen = new Set<string | null>();
    fc.assert(
      fc.property(fc.array(answer, { minLength: 10, maxLength: 10 }), (answers) => {
        const r = score(answers);
        const expected = referencePss(answers);
        seen.add(expected.band);
        expect(r.total).toBe(expected.total);
        expect(r.band?.id ?? null).toBe(expected.band);
      }),
      { seed: 20261123, numRuns: 10_000 },
    );
    expect([...seen].sort()).toEqual(['high', 'low', 'moderate', null].sort());
  }, 60_000);
});
