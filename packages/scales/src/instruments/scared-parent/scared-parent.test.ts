import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers } from '../../engine/types.ts';
import { scaredChild } from '../scared-child/definition.ts';
import { scaredParent } from './definition.ts';

const score = (answers: Answers) => {
  const r = scoreInstrument(scaredParent, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** The scoring aid for the parent form, written out independently (same key as the child form). */
const AID: Record<string, { items: readonly number[]; cut: number }> = {
  'panic-somatic': { items: [1, 6, 9, 12, 15, 18, 19, 22, 24, 27, 30, 34, 38], cut: 7 },
  'generalized-anxiety': { items: [5, 7, 14, 21, 23, 28, 33, 35, 37], cut: 9 },
  'separation-anxiety': { items: [4, 8, 13, 16, 20, 25, 29, 31], cut: 5 },
  'social-anxiety': { items: [3, 10, 26, 32, 39, 40, 41], cut: 8 },
  'school-avoidance': { items: [2, 11, 17, 36], cut: 3 },
};

function referenceScared(answers: readonly (number | null)[]) {
  const blanks = answers.filter((v) => v === null).length;
  const sum = answers.reduce<number>((s, v) => s + (v ?? 0), 0);
  const total = blanks === 0 ? sum : null;
  const bandOf = (t: number) => (t >= 31 ? 'more-specific' : t >= 25 ? 'possible-anxiety-disorder' : 'below-cutoff');
  // Without a total, the band every completion shares (blanks at 0 and at 2), or none.
  const band = total !== null ? bandOf(total) : bandOf(sum) === bandOf(sum + 2 * blanks) ? bandOf(sum) : null;
  const decide = (min: number) =>
    total !== null ? total >= min : sum >= min ? true : sum + 2 * blanks < min ? false : null;
  const subscales = Object.entries(AID).map(([id, { items, cut }]) => {
    const values = items.map((item) => answers[item - 1]);
    const s = values.reduce<number>((a, v) => a + (v ?? 0), 0);
    const bandOfSub = (x: number) => (x >= cut ? 'elevated' : 'below-cutoff');
    if (values.some((v) => v === null)) {
      // No score; the band every completion shares (blanks at 0 and at 2), or none.
      const high = s + 2 * values.filter((v) => v === null).length;
      return { id, score: null, band: bandOfSub(s) === bandOfSub(high) ? bandOfSub(s) : null };
    }
    return { id, score: s, band: bandOfSub(s) };
  });
  return { total, band, cutoffs: [decide(25), decide(31)], subscales };
}

describe('SCARED parent definition', () => {
  it('is a valid instrument definition (schema round-trip)', () => {
    expect(instrumentSchema.parse(scaredParent)).toEqual(scaredParent);
  });

  it('shares the child form key: items, options, subscales, bands, cut-offs, recall and ages', () => {
    const key = ({ items, options, subscales, bandSets, cutoffs, missing, recall, ages }: typeof scaredChild) => ({
      items,
      options,
      subscales,
      bandSets,
      cutoffs,
      missing,
      recall,
      ages,
    });
    expect(key(scaredParent)).toEqual(key(scaredChild));
    expect(scaredParent.id).toBe('scared-parent');
    expect(scaredParent.name.zh).toContain('家长');
  });
});

describe('SCARED parent vectors and the official rule (reference/scales.md §0.9, §8)', () => {
  it('GAD items all 1 → GAD 9 flagged although the total is 9', () => {
    const answers = Array.from({ length: 41 }, (_, i) => (AID['generalized-anxiety']?.items.includes(i + 1) ? 1 : 0));
    const r = score(answers);
    expect(r.total).toBe(9);
    expect(r.cutoffs.map((c) => c.positive)).toEqual([false, false]);
    expect(r.subscales.find((s) => s.id === 'generalized-anxiety')?.band).toMatchObject({
      id: 'elevated',
      positive: true,
    });
  });

  it('school avoidance 3 with a total of 3 is flagged (the vendor "total ≥ 30" rule is not applied)', () => {
    const answers = Array.from({ length: 41 }, (_, i) => (i === 1 ? 2 : i === 10 ? 1 : 0));
    const r = score(answers);
    expect(r.total).toBe(3);
    expect(r.subscales.find((s) => s.id === 'school-avoidance')).toMatchObject({ score: 3, band: { id: 'elevated' } });
  });

  it.each([
    [24, 'below-cutoff'],
    [25, 'possible-anxiety-disorder'],
    [30, 'possible-anxiety-disorder'],
    [31, 'more-specific'],
  ])('total %i → %s', (total, band) => {
    const r = score(Array.from({ length: 41 }, (_, i) => (i < total ? 1 : 0)));
    expect(r.band?.id).toBe(band);
  });

  it('reads the Chinese labels', () => {
    expect(score(Array<string>(41).fill('经常有')).total).toBe(82);
    expect(score(Array<string>(41).fill('有时')).total).toBe(41);
  });
});

describe('SCARED parent differential: engine vs the scoring aid', () => {
  it('agrees on 10,000 seeded random response sets (with blanks)', () => {
    const profile = fc.constantFrom([70, 20, 10], [40, 35, 25], [15, 35, 50]);
    const row = profile.chain((weights) => {
      const answer = fc.oneof(
        ...weights.map((weight, value) => ({ weight: weight * 8, arbitrary: fc.constant<number | null>(value) })),
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
        expect(r.total).toBe(expected.total);
        expect(r.band?.id ?? null).toBe(expected.band);
        expect(r.cutoffs.map((c) => c.positive)).toEqual(expected.cutoffs);
        expect(r.subscales.map((s) => ({ id: s.id, score: s.score, band: s.band?.id ?? null }))).toEqual(
          expected.subscales,
        );
      }),
      { seed: 20261124, numRuns: 10_000 },
    );
    expect(seen.size).toBe(4);
  }, 60_000);
});
