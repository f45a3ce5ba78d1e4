import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers } from '../../engine/types.ts';
import { isi } from './definition.ts';

const score = (answers: Answers) => {
  const r = scoreInstrument(isi, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** Morin's key, independent of the definition: 7 items 0–4, sum 0–28, bands 0–7/8–14/15–21/22–28; all items needed. */
function referenceIsi(answers: readonly (number | null)[]) {
  const blanks = answers.filter((v) => v === null).length;
  const sum = answers.reduce<number>((s, v) => s + (v ?? 0), 0);
  const total = blanks === 0 ? sum : null;
  const bandOf = (t: number) => (t >= 22 ? 'severe' : t >= 15 ? 'moderate' : t >= 8 ? 'subthreshold' : 'none');
  // Without a total, the band every completion shares (blanks at 0 and at 4), or none.
  const band = total !== null ? bandOf(total) : bandOf(sum) === bandOf(sum + 4 * blanks) ? bandOf(sum) : null;
  const decide = (min: number) =>
    total !== null ? total >= min : sum >= min ? true : sum + 4 * blanks < min ? false : null;
  return { total, band, community: decide(10), adolescent: decide(9) };
}

const spread = (total: number) => Array.from({ length: 7 }, (_, i) => Math.min(4, Math.max(0, total - 4 * i)));

describe('ISI definition', () => {
  it('is a valid instrument definition (schema round-trip)', () => {
    expect(instrumentSchema.parse(isi)).toEqual(isi);
  });

  it('has 7 items scored 0–4 (per-item option wording), no reversal, keys only (Mapi licence)', () => {
    expect(isi.items).toHaveLength(7);
    for (const item of isi.items) expect((item.options ?? isi.options).map((o) => o.value)).toEqual([0, 1, 2, 3, 4]);
    expect(isi.items.some((i) => i.reverse)).toBe(false);
    expect(isi.items.some((i) => i.text)).toBe(false);
    expect(isi.licence).toMatchObject({ status: 'permission-required', itemText: false });
  });
});

describe('ISI vectors (reference/scales.md §8) and Morin bands', () => {
  it.each([
    [[2, 2, 2, 2, 2, 2, 2], 14, 'subthreshold', false],
    [[3, 2, 2, 2, 2, 2, 2], 15, 'moderate', true],
  ])('§8: %j = %i → %s; both case cut-offs positive', (answers, total, band, positive) => {
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.band).toMatchObject({ set: 'morin', id: band, positive });
    expect(r.cutoffs).toEqual([
      { id: 'community', min: 10, positive: true },
      { id: 'adolescent', min: 9, positive: true },
    ]);
  });

  it.each([
    [0, 'none'],
    [7, 'none'],
    [8, 'subthreshold'],
    [14, 'subthreshold'],
    [15, 'moderate'],
    [21, 'moderate'],
    [22, 'severe'],
    [28, 'severe'],
  ])('total %i → %s', (total, band) => {
    const r = score(spread(total));
    expect(r.total).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  it.each([
    [8, false, false],
    [9, false, true],
    [10, true, true],
  ])('total %i: community ≥10 %s, adolescent ≥9 %s', (total, community, adolescent) => {
    expect(score(spread(total)).cutoffs.map((c) => c.positive)).toEqual([community, adolescent]);
  });
});

describe('ISI labels and missing items', () => {
  it('reads each item by its own option wording, zh and en', () => {
    const zh = ['中度', '中度', '中度', '一般', '有些', '有些', '有些'];
    const en = ['Moderate', 'moderate', 'Moderate', 'Moderately satisfied', 'Somewhat', 'Somewhat', 'Somewhat'];
    expect(score(zh).total).toBe(14);
    expect(score(en).total).toBe(14);
    expect(score(['极重度', '重度', '无', '很不满意', '很多', '没有', '轻微']).total).toBe(4 + 3 + 0 + 4 + 4 + 0 + 1);
  });

  it('rejects an option of another item (satisfaction wording on a severity item)', () => {
    const r = scoreInstrument(isi, ['满意', 0, 0, 0, 0, 0, 0]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code: 'SCALES_UNKNOWN_LABEL', item: '1' });
  });

  it('one blank: no total (awell: all 7 required); cut-offs decided only when settled', () => {
    const r = score([4, 4, 4, null, 0, 0, 0]);
    expect(r.total).toBeNull();
    expect(r.warnings[0]).toEqual({ code: 'SCALES_NOT_SCORABLE', items: ['4'] });
    // 12 answered + 0–4: subthreshold or moderate, so no band either.
    expect(r.band).toBeNull();
    expect(r.warnings[1]).toMatchObject({
      code: 'SCALES_BAND_BOUNDS',
      bands: { lowest: { id: 'subthreshold' }, highest: { id: 'moderate' } },
    });
    expect(r.cutoffs.map((c) => c.positive)).toEqual([true, true]);
    expect(score([1, 1, 1, null, 2, 2, 0]).cutoffs.map((c) => c.positive)).toEqual([null, null]);
    expect(score([1, 1, 1, null, 0, 0, 0]).cutoffs.map((c) => c.positive)).toEqual([false, false]);
  });
});

describe('ISI differential: engine vs the published key', () => {
  it('agrees on 10,000 seeded random response sets (with blanks)', () => {
    const answer = fc.oneof(
      { weight: 30, arbitrary: fc.integer({ min: 0, max: 4 }) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    const seen = new Set<string | null>();
    fc.assert(
      fc.property(fc.array(answer, { minLength: 7, maxLength: 7 }), (answers) => {
        const r = score(answers);
        const expected = referenceIsi(answers);
        seen.add(expected.band);
        expect(r.total).toBe(expected.total);
        expect(r.band?.id ?? null).toBe(expected.band);
        expect(r.cutoffs.map((c) => [c.id, c.positive])).toEqual([
          ['community', expected.community],
          ['adolescent', expected.adolescent],
        ]);
      }),
      { seed: 20261123, numRuns: 10_000 },
    );
    expect(seen.size).toBe(5);
  }, 60_000);
});
