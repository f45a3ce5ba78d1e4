import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers } from '../../engine/types.ts';
import { scaredChild } from './definition.ts';

const score = (answers: Answers) => {
  const r = scoreInstrument(scaredChild, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/**
 * The official scoring aid, written out independently of the definition (FITBIR CDE; GPSC algorithm p.135): total
 * ≥25 may indicate an anxiety disorder, >30 more specific; each subscale flag is its own sum ≥ its cut-off.
 */
const AID = {
  'panic-somatic': { items: [1, 6, 9, 12, 15, 18, 19, 22, 24, 27, 30, 34, 38], cut: 7 },
  'generalized-anxiety': { items: [5, 7, 14, 21, 23, 28, 33, 35, 37], cut: 9 },
  'separation-anxiety': { items: [4, 8, 13, 16, 20, 25, 29, 31], cut: 5 },
  'social-anxiety': { items: [3, 10, 26, 32, 39, 40, 41], cut: 8 },
  'school-avoidance': { items: [2, 11, 17, 36], cut: 3 },
} as const;
type Scale = keyof typeof AID;
const SCALES = Object.keys(AID) as Scale[];

function referenceScared(answers: readonly (number | null)[]) {
  const blanks = answers.filter((v) => v === null).length;
  const sum = answers.reduce<number>((s, v) => s + (v ?? 0), 0);
  const total = blanks === 0 ? sum : null;
  const bandOf = (t: number) => (t > 30 ? 'more-specific' : t >= 25 ? 'possible-anxiety-disorder' : 'below-cutoff');
  // Without a total, the band every completion shares (blanks at 0 and at 2), or none.
  const band = total !== null ? bandOf(total) : bandOf(sum) === bandOf(sum + 2 * blanks) ? bandOf(sum) : null;
  const decide = (min: number) =>
    total !== null ? total >= min : sum >= min ? true : sum + 2 * blanks < min ? false : null;
  const subscales = SCALES.map((id) => {
    const values = AID[id].items.map((item) => answers[item - 1]);
    const s = values.reduce<number>((a, v) => a + (v ?? 0), 0);
    const bandOfSub = (x: number) => (x >= AID[id].cut ? 'elevated' : 'below-cutoff');
    if (values.includes(null)) {
      // No score; the band every completion shares (blanks at 0 and at 2), or none.
      const high = s + 2 * values.filter((v) => v === null).length;
      return { id, score: null, band: bandOfSub(s) === bandOfSub(high) ? bandOfSub(s) : null };
    }
    return { id, score: s, band: bandOfSub(s) };
  });
  return { total, band, cutoffs: [decide(25), decide(31)], subscales };
}

/** All zero except the given items set to `value`. */
const only = (items: readonly number[], value: number) =>
  Array.from({ length: 41 }, (_, i) => (items.includes(i + 1) ? value : 0));

const flags = (r: ReturnType<typeof score>) =>
  Object.fromEntries(r.subscales.map((s) => [s.id, [s.score, s.band?.id, s.band?.positive]]));

describe('SCARED child definition', () => {
  it('is a valid instrument definition (schema round-trip)', () => {
    expect(instrumentSchema.parse(scaredChild)).toEqual(scaredChild);
  });

  it('has 41 items 0–2 and five subscales that partition them, per the scoring aid', () => {
    expect(scaredChild.items.map((i) => i.id)).toEqual(Array.from({ length: 41 }, (_, i) => String(i + 1)));
    expect(scaredChild.options.map((o) => o.value)).toEqual([0, 1, 2]);
    const subscales = Object.fromEntries((scaredChild.subscales ?? []).map((s) => [s.id, s.items.map(Number)]));
    expect(subscales).toEqual(Object.fromEntries(SCALES.map((id) => [id, AID[id].items])));
    expect(
      Object.values(subscales)
        .flat()
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(scaredChild.items.some((i) => i.reverse)).toBe(false);
    expect(scaredChild.critical).toBeUndefined();
  });
});

describe('SCARED vectors (reference/scales.md §8)', () => {
  it('GAD items all 1 → GAD 9, flagged (≥9); total 9 (<25), nothing else flagged (§8)', () => {
    const r = score(only(AID['generalized-anxiety'].items, 1));
    expect(r.total).toBe(9);
    expect(r.band).toMatchObject({ id: 'below-cutoff', positive: false });
    expect(r.cutoffs).toEqual([
      { id: 'anxiety-disorder', min: 25, positive: false },
      { id: 'more-specific', min: 31, positive: false },
    ]);
    expect(flags(r)).toEqual({
      'panic-somatic': [0, 'below-cutoff', false],
      'generalized-anxiety': [9, 'elevated', true],
      'separation-anxiety': [0, 'below-cutoff', false],
      'social-anxiety': [0, 'below-cutoff', false],
      'school-avoidance': [0, 'below-cutoff', false],
    });
  });

  // The §8 pattern for every subscale: its items all 1 give its item count; flagged only if that reaches the cut-off.
  it.each([
    ['panic-somatic', 13, 'elevated'],
    ['generalized-anxiety', 9, 'elevated'],
    ['separation-anxiety', 8, 'elevated'],
    ['social-anxiety', 7, 'below-cutoff'],
    ['school-avoidance', 4, 'elevated'],
  ] as const)('%s items all 1 → %i, %s; the total alone decides nothing', (id, expected, band) => {
    const r = score(only(AID[id].items, 1));
    expect(r.total).toBe(expected);
    expect(r.subscales.find((s) => s.id === id)).toMatchObject({ score: expected, band: { id: band } });
    expect(r.subscales.filter((s) => s.id !== id).every((s) => s.score === 0)).toBe(true);
  });

  it('all 2 → 82, every subscale at its maximum and flagged; all 0 → nothing flagged', () => {
    const high = score(Array<number>(41).fill(2));
    expect(high.total).toBe(82);
    expect(high.band?.id).toBe('more-specific');
    expect(high.subscales.map((s) => s.score)).toEqual([26, 18, 16, 14, 8]);
    expect(high.subscales.every((s) => s.band?.positive)).toBe(true);
    const low = score(Array<number>(41).fill(0));
    expect(low.total).toBe(0);
    expect(low.subscales.every((s) => s.band?.id === 'below-cutoff')).toBe(true);
  });
});

describe('SCARED cut-offs: the official aid, not the vendor rule (reference/scales.md §0.9)', () => {
  it.each(
    SCALES.flatMap((id) => [[id, AID[id].cut - 1, 'below-cutoff'] as const, [id, AID[id].cut, 'elevated'] as const]),
  )('%s at %i → %s', (id, target, expected) => {
    // Reach the target within the subscale, filling items with 2 then 1.
    const answers = Array<number>(41).fill(0);
    let rest = target;
    for (const item of AID[id].items) {
      const v = Math.min(2, rest);
      answers[item - 1] = v;
      rest -= v;
    }
    const r = score(answers);
    expect(r.subscales.find((s) => s.id === id)).toMatchObject({ score: target, band: { id: expected } });
  });

  it.each(SCALES)('%s is flagged at its cut-off with a total far below 30 (no "total ≥ 30" condition)', (id) => {
    const answers = Array<number>(41).fill(0);
    let rest = AID[id].cut;
    for (const item of AID[id].items) {
      const v = Math.min(2, rest);
      answers[item - 1] = v;
      rest -= v;
    }
    const r = score(answers);
    expect(r.total).toBe(AID[id].cut);
    expect(r.total).toBeLessThan(30);
    expect(r.subscales.find((s) => s.id === id)?.band).toMatchObject({ id: 'elevated', positive: true });
  });

  it.each([
    [24, 'below-cutoff', [false, false]],
    [25, 'possible-anxiety-disorder', [true, false]],
    [30, 'possible-anxiety-disorder', [true, false]],
    [31, 'more-specific', [true, true]],
  ] as const)('total %i → %s; cut-offs ≥25 and >30 %j', (total, band, cutoffs) => {
    const answers = Array.from({ length: 41 }, (_, i) => (i < total ? 1 : 0));
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.band?.id).toBe(band);
    expect(r.cutoffs.map((c) => c.positive)).toEqual(cutoffs);
  });
});

describe('SCARED labels and missing items', () => {
  it.each([
    [['没有或几乎没有', '有时有', '经常有']],
    [['无', '有时', '经常']],
    [['从不或几乎不', '有时', '经常']],
    [['Not true or hardly ever true', 'Somewhat true or sometimes true', 'VERY TRUE OR OFTEN TRUE']],
  ])('reads %j as 0–2', (labels) => {
    const numeric = Array.from({ length: 41 }, (_, i) => i % 3);
    expect(score(numeric.map((v) => labels[v] as string))).toEqual(score(numeric));
  });

  it('a blank item voids the total and its own subscale only; a cut-off reached anyway is still decided', () => {
    const answers: (number | null)[] = Array<number>(41).fill(1);
    answers[19] = null; // item 20, separation anxiety
    const r = score(answers);
    expect(r.total).toBeNull();
    // 40 + 0–2: above 30 whatever item 20 is.
    expect(r.band?.id).toBe('more-specific');
    expect(r.warnings).toEqual([
      { code: 'SCALES_NOT_SCORABLE', items: ['20'] },
      { code: 'SCALES_BAND_BOUNDS', items: ['20'], bands: { lowest: r.band, highest: r.band } },
      {
        code: 'SCALES_SUBSCALE_BAND_BOUNDS',
        subscale: 'separation-anxiety',
        items: ['20'],
        bands: r.subscales.find((s) => s.id === 'separation-anxiety')?.bands,
      },
    ]);
    expect(r.subscales.find((s) => s.id === 'separation-anxiety')?.score).toBeNull();
    expect(r.subscales.find((s) => s.id === 'generalized-anxiety')?.score).toBe(9);
    expect(r.cutoffs.map((c) => c.positive)).toEqual([true, true]);
  });

  it('rejects 3 (0–2 only)', () => {
    const r = scoreInstrument(scaredChild, [...Array<number>(40).fill(0), 3]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code: 'SCALES_ITEM_OUT_OF_RANGE', item: '41' });
  });
});

describe('SCARED child differential: engine vs the scoring aid', () => {
  it('agrees on 10,000 seeded random response sets (with blanks)', () => {
    // Respondent profiles from mostly-0 to mostly-2, so every band and flag is reached; about 1 blank in 80.
    const profile = fc.constantFrom([70, 20, 10], [40, 35, 25], [15, 35, 50]);
    const row = profile.chain(([w0, w1, w2]) => {
      const answer = fc.oneof(
        { weight: (w0 as number) * 8, arbitrary: fc.constant(0) },
        { weight: (w1 as number) * 8, arbitrary: fc.constant(1) },
        { weight: (w2 as number) * 8, arbitrary: fc.constant(2) },
        { weight: 10, arbitrary: fc.constant(null) },
      );
      return fc.array(answer, { minLength: 41, maxLength: 41 });
    });
    const seen = new Set<string>();
    fc.assert(
      fc.property(row, (answers) => {
        const r = score(answers);
        const expected = referenceScared(answers);
        seen.add(`total ${expected.band}`);
        for (const s of expected.subscales) seen.add(`${s.id} ${s.band}`);
        expect(r.total).toBe(expected.total);
        expect(r.band?.id ?? null).toBe(expected.band);
        expect(r.cutoffs.map((c) => c.positive)).toEqual(expected.cutoffs);
        expect(r.subscales.map((s) => ({ id: s.id, score: s.score, band: s.band?.id ?? null }))).toEqual(
          expected.subscales,
        );
      }),
      { seed: 20261123, numRuns: 10_000 },
    );
    // The sample reaches every band of the total and both sides of every subscale cut-off, and blanks.
    for (const band of ['below-cutoff', 'possible-anxiety-disorder', 'more-specific', 'null']) {
      expect(seen).toContain(`total ${band}`);
    }
    for (const id of SCALES)
      for (const band of ['below-cutoff', 'elevated', 'null']) expect(seen).toContain(`${id} ${band}`);
  }, 60_000);
});
