import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers, ScoreOptions } from '../../engine/types.ts';
import { cesd } from './definition.ts';

const score = (answers: Answers, options: ScoreOptions = {}) => {
  const r = scoreInstrument(cesd, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const all = (v: number | null) => Array.from({ length: 20 }, () => v);

/**
 * The published key, written out independently of the definition: Radloff 1977 as in CamCOPS cesd.py — 20 items 0–3,
 * items 4, 8, 12, 16 scored 3 − x, sum 0–60, ≥16 at risk; ≤4 blanks prorated (mean × 20), otherwise no total.
 */
const REVERSED = new Set([4, 8, 12, 16]);
function referenceCesd(answers: readonly (number | null)[]) {
  let sum = 0;
  let answered = 0;
  for (const [i, v] of answers.entries()) {
    if (v === null) continue;
    sum += REVERSED.has(i + 1) ? 3 - v : v;
    answered++;
  }
  const blanks = 20 - answered;
  const total = blanks === 0 ? sum : blanks <= 4 ? (sum * 20) / answered : null;
  // Without a total the cut-off is still decided when the answered items reach it, or cannot reach it with 3 per blank.
  const atRisk = total !== null ? total >= 16 : sum >= 16 ? true : sum + 3 * blanks < 16 ? false : null;
  // Without a total the band is the one every completion shares, which here is the cut-off decided.
  const band = atRisk === null ? null : atRisk ? 'at-risk' : 'below-threshold';
  return { total, band, atRisk };
}

describe('CES-D definition', () => {
  it('is a valid instrument definition (schema round-trip)', () => {
    expect(instrumentSchema.parse(cesd)).toEqual(cesd);
  });

  it('reverses exactly items 4, 8, 12 and 16, has no critical items and codes options 0–3', () => {
    expect(cesd.items.filter((i) => i.reverse).map((i) => i.id)).toEqual(['4', '8', '12', '16']);
    expect(cesd.items).toHaveLength(20);
    expect(cesd.critical).toBeUndefined();
    expect(cesd.options.map((o) => o.value)).toEqual([0, 1, 2, 3]);
  });
});

describe('CES-D vectors (reference/scales.md §8) and the reverse key', () => {
  it.each([
    ['all 0: reversed items score 3 each', all(0), 12, 'below-threshold', false],
    ['all 3: 16 × 3, reversed items 0', all(3), 48, 'at-risk', true],
    ['all 1: 16 × 1 + 4 × 2', all(1), 24, 'at-risk', true],
    ['all 2: 16 × 2 + 4 × 1', all(2), 36, 'at-risk', true],
    [
      'reversed items 3, others 0 (no symptoms)',
      all(0).map((_, i) => (REVERSED.has(i + 1) ? 3 : 0)),
      0,
      'below-threshold',
      false,
    ],
  ])('%s → %i', (_, answers, total, band, positive) => {
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.band).toMatchObject({ set: 'radloff-1977', id: band, positive });
    expect(r.cutoffs).toEqual([{ id: 'at-risk', min: 16, positive }]);
    expect(r.flags).toEqual([]);
  });

  it.each([
    [15, 'below-threshold', false],
    [16, 'at-risk', true],
  ])('cut-off boundary: total %i → %s', (total, band, positive) => {
    // Non-reversed items carry the score; reversed items answered 3 contribute 0.
    const answers: number[] = all(0).map((_, i) => (REVERSED.has(i + 1) ? 3 : 0));
    let rest = total;
    for (let i = 0; i < 20 && rest > 0; i++) {
      if (REVERSED.has(i + 1)) continue;
      answers[i] = Math.min(3, rest);
      rest -= answers[i] as number;
    }
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.band?.id).toBe(band);
    expect(r.cutoffs[0]?.positive).toBe(positive);
  });

  it('a break in the key shows: item 4 at 3 scores 0, item 5 at 3 scores 3', () => {
    const base = score(all(0)).total as number;
    expect(score(all(0).map((v, i) => (i === 3 ? 3 : v))).total).toBe(base - 3);
    expect(score(all(0).map((v, i) => (i === 4 ? 3 : v))).total).toBe(base + 3);
  });
});

describe('CES-D missing items (≤4 prorated)', () => {
  it('4 blanks: total = mean of the 16 answered × 20, unrounded', () => {
    const answers = all(1).map((v, i) => (i < 4 ? null : v));
    // Items 5–20 answered 1: reversed 8, 12, 16 score 2 → 13 × 1 + 3 × 2 = 19; 19 × 20 / 16 = 23.75.
    const r = score(answers);
    expect(r.total).toBe(23.75);
    expect(r.prorated).toBe(true);
    expect(r.warnings).toEqual([{ code: 'SCALES_PRORATED', items: ['1', '2', '3', '4'] }]);
    expect(r.band?.id).toBe('at-risk');
  });

  it('prorated 15.x stays below 16 unless rounding is asked for', () => {
    // 17 answered: items 1–17; sum 13 → 13 × 20 / 17 = 15.29…
    const answers: (number | null)[] = all(null);
    for (let i = 0; i < 17; i++) answers[i] = REVERSED.has(i + 1) ? 3 : 0;
    for (const i of [0, 1, 2, 4]) answers[i] = 3;
    answers[5] = 1;
    const r = score(answers);
    expect(r.total).toBeCloseTo(260 / 17, 10);
    expect(r.cutoffs[0]?.positive).toBe(false);
  });

  it('5 blanks: no total; the cut-off is decided only when the answered items settle it', () => {
    const low = score(all(null).map((_, i) => (i < 15 ? (REVERSED.has(i + 1) ? 3 : 0) : null)));
    expect(low.total).toBeNull();
    expect(low.warnings[0]).toEqual({ code: 'SCALES_NOT_SCORABLE', items: ['16', '17', '18', '19', '20'] });
    // 0 so far, 5 blanks could add at most 15 < 16: decided negative.
    expect(low.cutoffs[0]?.positive).toBe(false);
    expect(low.band?.id).toBe('below-threshold');
    const high = score(all(null).map((_, i) => (i < 15 ? 3 : null)));
    expect(high.cutoffs[0]?.positive).toBe(true);
    expect(high.band?.id).toBe('at-risk');
  });

  it('prorate: false requires every item', () => {
    expect(
      score(
        all(1).map((v, i) => (i === 0 ? null : v)),
        { prorate: false },
      ).total,
    ).toBeNull();
  });
});

describe('CES-D labels', () => {
  it.each([
    [['偶尔或无（少于1天）', '有时（1–2天）', '时常或一半时间（3–4天）', '多数时间或持续（5–7天）']],
    [['偶尔或无', '少有', '时常有', '几乎一直有']],
    [['偶尔或无(少于1天)', '有时(1-2天)', '时常或一半时间(3-4天)', '多数时间或持续(5-7天)']],
    [['Rarely or none of the time (less than 1 day)', 'some', 'OCCASIONALLY', 'Most or all of the time']],
  ])('reads %j as 0–3', (labels) => {
    const answers = all(0).map((_, i) => labels[i % 4] as string);
    const numeric = all(0).map((_, i) => i % 4);
    expect(score(answers).total).toBe(score(numeric).total);
  });

  it('rejects out-of-range and unknown labels', () => {
    const r = scoreInstrument(cesd, [...all(0).slice(0, 19), 4]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code: 'SCALES_ITEM_OUT_OF_RANGE', item: '20' });
  });
});

describe('CES-D differential: engine vs the published key', () => {
  it('agrees on 10,000 seeded random response sets (with blanks)', () => {
    // Respondent profiles from mostly-0 to mostly-3; blanks about 1 in 25, so 0–4 and 5+ blanks both occur.
    const profile = fc.constantFrom([70, 20, 7, 3], [40, 30, 20, 10], [10, 20, 30, 40]);
    const row = profile.chain((weights) => {
      const answer = fc.oneof(
        ...weights.map((weight, value) => ({ weight: weight * 24, arbitrary: fc.constant<number | null>(value) })),
        { weight: 100, arbitrary: fc.constant(null) },
      );
      return fc.array(answer, { minLength: 20, maxLength: 20 });
    });
    const seen = new Set<string>();
    fc.assert(
      fc.property(row, (answers) => {
        const r = score(answers);
        const expected = referenceCesd(answers);
        seen.add(`${expected.band} ${expected.atRisk} ${answers.includes(null) ? 'blanks' : 'complete'}`);
        expect(r.total).toBe(expected.total);
        expect(r.band?.id ?? null).toBe(expected.band);
        expect(r.cutoffs.map((c) => [c.id, c.positive])).toEqual([['at-risk', expected.atRisk]]);
      }),
      { seed: 20261123, numRuns: 10_000 },
    );
    // Every outcome but 'no total, decided negative' (rare at random; tested in the table above). With two bands split
    // at the cut-off, a decided cut-off decides the band too, so 'null true blanks' cannot occur.
    for (const outcome of [
      'below-threshold false complete',
      'at-risk true complete',
      'below-threshold false blanks',
      'at-risk true blanks',
      'null null blanks',
    ]) {
      expect(seen).toContain(outcome);
    }
  }, 60_000);
});
