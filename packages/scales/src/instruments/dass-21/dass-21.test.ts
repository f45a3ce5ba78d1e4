import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers } from '../../engine/types.ts';
import { dass21 } from './definition.ts';

const score = (answers: Answers) => {
  const r = scoreInstrument(dass21, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const sub = (r: ReturnType<typeof score>, id: string) => r.subscales.find((s) => s.id === id);

/** The published key, independent of the definition (Lovibond 1995; reference/scales.md §3.4 and §0.10). */
const KEY = {
  depression: [3, 5, 10, 13, 16, 17, 21],
  anxiety: [2, 4, 7, 9, 15, 19, 20],
  stress: [1, 6, 8, 11, 12, 14, 18],
} as const;
/** Lower bounds of mild, moderate, severe and extremely severe on the doubled score. */
const CANONICAL = { depression: [10, 14, 21, 28], anxiety: [8, 10, 15, 20], stress: [15, 19, 26, 34] } as const;
const NAMES = ['normal', 'mild', 'moderate', 'severe', 'extremely-severe'] as const;

function band(scale: keyof typeof CANONICAL, doubled: number): string {
  return NAMES[CANONICAL[scale].filter((min) => doubled >= min).length] as string;
}

function referenceDass(answers: readonly (number | null)[]) {
  const total = answers.includes(null) ? null : answers.reduce<number>((s, v) => s + (v as number), 0);
  const subscales = (Object.keys(KEY) as (keyof typeof KEY)[]).map((scale) => {
    const values = KEY[scale].map((item) => answers[item - 1]);
    const raw = values.reduce<number>((s, v) => s + (v ?? 0), 0);
    if (values.includes(null)) {
      // No score; the band every completion shares (blanks at 0 and at 3, doubled), or none.
      const blanks = values.filter((v) => v === null).length;
      const [low, high] = [band(scale, 2 * raw), band(scale, 2 * (raw + 3 * blanks))];
      return { id: scale, score: null, band: low === high ? low : null };
    }
    const doubled = 2 * raw;
    return { id: scale, score: doubled, band: band(scale, doubled) };
  });
  return { total, subscales };
}

/** 21 answers with the given raw sums per subscale (each 0–21), spread over the subscale's items. */
function withRaw(raw: { depression?: number; anxiety?: number; stress?: number }): number[] {
  const answers = Array<number>(21).fill(0);
  for (const scale of Object.keys(KEY) as (keyof typeof KEY)[]) {
    let rest = raw[scale] ?? 0;
    for (const item of KEY[scale]) {
      const v = Math.min(3, rest);
      answers[item - 1] = v;
      rest -= v;
    }
  }
  return answers;
}

describe('DASS-21 definition', () => {
  it('is a valid instrument definition (schema round-trip)', () => {
    expect(instrumentSchema.parse(dass21)).toEqual(dass21);
  });

  it('keys each item to exactly one subscale, doubles each subscale, and reverses nothing', () => {
    const byId = Object.fromEntries((dass21.subscales ?? []).map((s) => [s.id, s.items.map(Number)]));
    expect(byId).toEqual(KEY);
    expect((dass21.subscales ?? []).map((s) => s.multiplier)).toEqual([2, 2, 2]);
    expect(dass21.items.some((i) => i.reverse)).toBe(false);
    expect(dass21.critical).toBeUndefined();
  });

  it('encodes the canonical doubled cut points exactly (odd bounds such as 21 are unreachable but documented)', () => {
    for (const s of dass21.subscales ?? []) {
      const set = s.bandSets?.[0];
      expect(set?.bands.map((b) => b.id)).toEqual([...NAMES]);
      expect(set?.bands.map((b) => b.min)).toEqual([0, ...CANONICAL[s.id as keyof typeof CANONICAL]]);
    }
  });
});

describe('DASS-21 vectors (reference/scales.md §8)', () => {
  it.each([
    ['every item = 1 (§8)', 1, 21, [14, 14, 14], ['moderate', 'moderate', 'normal']],
    ['every item = 0', 0, 0, [0, 0, 0], ['normal', 'normal', 'normal']],
    ['every item = 2', 2, 42, [28, 28, 28], ['extremely-severe', 'extremely-severe', 'severe']],
    ['every item = 3', 3, 63, [42, 42, 42], ['extremely-severe', 'extremely-severe', 'extremely-severe']],
  ] as const)('%s → total %i, subscales ×2 %j, bands %j', (_, v, total, scores, bands) => {
    const r = score(Array<number>(21).fill(v));
    expect(r.total).toBe(total);
    expect(r.band).toBeNull();
    expect(r.subscales.map((s) => s.id)).toEqual(['depression', 'anxiety', 'stress']);
    expect(r.subscales.map((s) => s.score)).toEqual(scores);
    expect(r.subscales.map((s) => s.band?.id)).toEqual(bands);
  });
});

describe('DASS-21 bands are applied after ×2 (reference/scales.md §0.10)', () => {
  // Every boundary of the canonical doubled set: the raw sum just below and at each lower bound.
  const boundaries = (Object.keys(CANONICAL) as (keyof typeof CANONICAL)[]).flatMap((scale) =>
    CANONICAL[scale].flatMap((min, i) => {
      const rawAt = Math.ceil(min / 2);
      return [
        [scale, rawAt - 1, NAMES[i] as string],
        [scale, rawAt, NAMES[i + 1] as string],
      ] as const;
    }),
  );

  it.each(boundaries)('%s raw %i (×2) → %s', (scale, raw, expected) => {
    const r = score(withRaw({ [scale]: raw }));
    expect(sub(r, scale)).toMatchObject({ score: raw * 2, band: { id: expected } });
  });

  it.each([
    // Raw sums that the un-doubled table would call normal (D <10, A <8, S <15) but that are above normal once doubled.
    ['depression', 5, 'mild', 'normal'],
    ['depression', 7, 'moderate', 'normal'],
    ['depression', 14, 'extremely-severe', 'moderate'],
    ['anxiety', 4, 'mild', 'normal'],
    ['anxiety', 5, 'moderate', 'normal'],
    ['anxiety', 10, 'extremely-severe', 'moderate'],
    ['stress', 8, 'mild', 'normal'],
    ['stress', 10, 'moderate', 'normal'],
    ['stress', 13, 'severe', 'normal'],
    ['stress', 17, 'extremely-severe', 'mild'],
  ] as const)('%s raw %i → %s, not the un-doubled reading %s', (scale, raw, doubled, undoubled) => {
    expect(band(scale, raw)).toBe(undoubled);
    const r = score(withRaw({ [scale]: raw }));
    expect(sub(r, scale)?.score).toBe(raw * 2);
    expect(sub(r, scale)?.band?.id).toBe(doubled);
  });

  it('moderate and above are positive; normal and mild are not', () => {
    const r = score(withRaw({ depression: 6, anxiety: 5, stress: 9 }));
    expect(r.subscales.map((s) => [s.band?.id, s.band?.positive])).toEqual([
      ['mild', false],
      ['moderate', true],
      ['mild', false],
    ]);
  });
});

describe('DASS-21 labels and missing items', () => {
  it.each([
    [['不符合', '有时符合', '常常符合', '总是符合']],
    [['完全不符合', '有时符合，程度较轻', '经常符合，程度较重', '总是符合，非常符合']],
    [['Never', 'Sometimes', 'Often', 'Almost always']],
    [['Did not apply to me at all', 'Applied to me to some degree, or some of the time', '常常', '总是']],
  ])('reads %j as 0–3', (labels) => {
    const numeric = Array.from({ length: 21 }, (_, i) => i % 4);
    expect(score(numeric.map((v) => labels[v] as string))).toEqual(score(numeric));
  });

  it('a blank item voids the total and only its own subscale', () => {
    const answers: (number | null)[] = Array<number>(21).fill(1);
    answers[2] = null; // item 3, depression
    const r = score(answers);
    expect(r.total).toBeNull();
    expect(r.subscales.map((s) => s.score)).toEqual([null, 14, 14]);
    // Depression 6 known + 0–3 for item 3, × 2: 12–18, mild to moderate: no band, and the warning says why.
    expect(r.subscales[0]).toMatchObject({
      band: null,
      bands: { lowest: { id: 'mild' }, highest: { id: 'moderate' } },
    });
    expect(r.warnings).toEqual([
      { code: 'SCALES_NOT_SCORABLE', items: ['3'] },
      { code: 'SCALES_SUBSCALE_BAND_BOUNDS', subscale: 'depression', items: ['3'], bands: r.subscales[0]?.bands },
    ]);
  });
});

describe('DASS-21 differential: engine vs the published key', () => {
  it('agrees on 10,000 seeded random response sets (with blanks)', () => {
    // Respondent profiles from mostly-0 to mostly-3, so every band of every subscale is reached; blanks about 1 in 40.
    const profile = fc.constantFrom([70, 20, 7, 3], [40, 30, 20, 10], [10, 20, 30, 40]);
    const row = profile.chain((weights) => {
      const answer = fc.oneof(
        ...weights.map((weight, value) => ({ weight: weight * 39, arbitrary: fc.constant<number | null>(value) })),
        { weight: 100, arbitrary: fc.constant(null) },
      );
      return fc.array(answer, { minLength: 21, maxLength: 21 });
    });
    const seen = new Set<string>();
    fc.assert(
      fc.property(row, (answers) => {
        const r = score(answers);
        const expected = referenceDass(answers);
        for (const s of expected.subscales) seen.add(`${s.id} ${s.band}`);
        expect(r.total).toBe(expected.total);
        expect(r.subscales.map((s) => ({ id: s.id, score: s.score, band: s.band?.id ?? null }))).toEqual(
          expected.subscales,
        );
      }),
      { seed: 20261123, numRuns: 10_000 },
    );
    for (const scale of Object.keys(KEY))
      for (const name of [...NAMES, null]) expect(seen).toContain(`${scale} ${name}`);
  }, 60_000);
});
