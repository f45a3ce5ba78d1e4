import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../definition/schema.ts';
import { dass21 } from '../instruments/dass-21/definition.ts';
import { mht } from '../instruments/mht/definition.ts';
import { scl90 } from '../instruments/scl-90/definition.ts';
import { instruments } from '../registry.ts';
import { completions, valuesOf } from './completions.ts';
import { scoreInstrument } from './score.ts';
import type { Answer, ScoreValue } from './types.ts';

const score = (def: InstrumentDefinition, answers: readonly Answer[]): ScoreValue => {
  const r = scoreInstrument(def, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const sub = (r: ScoreValue, id: string) => r.subscales.find((s) => s.id === id);

describe('the QA examples', () => {
  // QA round 8, finding 9: a band with a null score, and nothing said about it.
  it.each([
    ['DASS-21 all 3, item 2 blank', dass21, 21, 3, 2, 'anxiety', 'extremely-severe'],
    ['SCL-90 all 1, item 90 blank', scl90, 90, 1, 90, 'psychoticism', 'normal'],
  ] as const)('%s: %s is %s with a null score, and a warning names it', (_label, def, n, value, blank, id, band) => {
    const answers: (number | null)[] = Array<number>(n).fill(value);
    answers[blank - 1] = null;
    const r = score(def, answers);
    expect(sub(r, id)).toMatchObject({ score: null, band: { id: band } });
    expect(r.warnings).toContainEqual({
      code: 'SCALES_SUBSCALE_BAND_BOUNDS',
      subscale: id,
      items: [String(blank)],
      bands: { lowest: sub(r, id)?.band, highest: sub(r, id)?.band },
    });
  });

  it('SCL-90 item 90 blank, answered total 166 and 77 positive items: screen positive whatever item 90 is', () => {
    // 77 items at 2, 12 at 1: 166 without item 90; every complete factor below 2 is beside the point.
    const answers: (number | null)[] = Array.from({ length: 90 }, (_, i) => (i < 77 ? 2 : 1));
    answers[89] = null;
    const r = score(scl90, answers);
    expect([r.total, r.positiveItems]).toEqual([null, null]);
    expect(r.screens?.[0]).toMatchObject({ id: 'cn-screen', positive: true });
    expect(r.screens?.[0]?.met).toEqual(expect.arrayContaining(['total', 'positive-items']));
  });

  it('SCL-90 all 1 with one blank is negative: total ≤ 94, positive items ≤ 1, the open factor mean < 2', () => {
    const answers: (number | null)[] = Array<number>(90).fill(1);
    answers[89] = null;
    expect(score(scl90, answers).screens?.[0]).toEqual({ id: 'cn-screen', positive: false, met: [] });
  });

  it('SCL-90 a factor with a blank is banded by its bounds: psychoticism nine items at 3 → mean 2.8–3.2, open', () => {
    const answers: (number | null)[] = Array<number>(90).fill(1);
    for (const n of [7, 16, 35, 62, 77, 84, 85, 87, 88]) answers[n - 1] = 3;
    answers[89] = null;
    const r = score(scl90, answers);
    expect(sub(r, 'psychoticism')).toMatchObject({ score: null, band: null });
    expect(sub(r, 'psychoticism')?.bands).toMatchObject({ lowest: { id: 'attention' }, highest: { id: 'marked' } });
    expect(r.screens?.[0]).toEqual({ id: 'cn-screen', positive: true, met: ['factor'] });
  });

  it('DASS-21 anxiety with item 20 blank and the other six at 3: 36–42 (× 2) → extremely severe, score still null', () => {
    const answers: (number | null)[] = Array<number>(21).fill(0);
    for (const n of [2, 4, 7, 9, 15, 19]) answers[n - 1] = 3;
    answers[19] = null;
    const r = score(dass21, answers);
    expect(sub(r, 'anxiety')).toMatchObject({ score: null, band: { id: 'extremely-severe' } });
    expect(sub(r, 'anxiety')?.bands?.lowest).toBe(sub(r, 'anxiety')?.band);
    expect(r.total).toBeNull();
  });

  it('DASS-21 anxiety answered sum 5 with one blank: 10–16 (× 2) → moderate or severe, band open', () => {
    const answers: (number | null)[] = [0, 2, 0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0];
    const anxiety = sub(score(dass21, answers), 'anxiety');
    expect(anxiety).toMatchObject({ score: null, band: null });
    expect(anxiety?.bands).toMatchObject({ lowest: { id: 'moderate' }, highest: { id: 'severe' } });
  });

  it('MHT lie scale with one blank: 7 yes is invalid whatever the blank, 6 is open, 4 is valid', () => {
    const lie = [82, 84, 86, 88, 90, 92, 94, 96, 98, 100];
    const answers: (number | null)[] = Array<number>(100).fill(0);
    for (const n of lie.slice(0, 7)) answers[n - 1] = 1;
    answers[99] = null;
    expect(score(mht, answers).validity).toEqual({ score: null, valid: false });
    answers[(lie[6] as number) - 1] = 0;
    expect(score(mht, answers).validity).toEqual({ score: null, valid: null });
    // Four yes and one blank: at most 5 → valid.
    for (const n of lie.slice(4, 6)) answers[n - 1] = 0;
    expect(score(mht, answers).validity).toEqual({ score: null, valid: true });
  });
});

// Every instrument with item subscales, screens or a validity scale (the SDQ prorates its subscales: not bounded).
const withParts = instruments.filter(
  (d) => d.scoring === 'sum' && ((d.subscales?.length ?? 0) > 0 || (d.screens?.length ?? 0) > 0 || d.validity),
);

describe.each(withParts.map((d) => [d.id, d] as const))(
  '%s: whatever is decided with blank items is what every completion gives',
  (_id, def) => {
    const n = def.items.length;
    // A respondent profile (most answers at one value) so bands and screen limits on both sides are reached.
    const row = fc
      .tuple(
        fc.nat({ max: 1000 }),
        fc.array(fc.tuple(fc.boolean(), fc.nat({ max: 1000 })), { minLength: n, maxLength: n }),
        fc.uniqueArray(fc.nat({ max: n - 1 }), { minLength: 1, maxLength: 3 }),
      )
      .map(([base, picks, blanks]) =>
        picks.map(([atBase, pick], i) => {
          if (blanks.includes(i)) return null;
          const values = valuesOf(def, i);
          return values[(atBase ? base : pick) % values.length] as number;
        }),
      );

    it('subscale bands (and their bounds), screens and validity', () => {
      fc.assert(
        fc.property(row, (answers) => {
          const r = score(def, answers);
          const seen = completions(def, answers).map((full) => score(def, full));
          r.subscales.forEach((s, k) => {
            const bands = seen.map((c) => c.subscales[k]?.band?.id ?? null);
            // A scored subscale's band is its score's (a prorated SDQ score is not any completion's): not checked here.
            if (s.score === null && s.band) for (const b of bands) expect(b).toBe(s.band.id);
            if (s.bands) {
              const order = def.subscales?.[k]?.bandSets?.[0]?.bands.map((b) => b.id) ?? [];
              const ranks = bands.map((b) => order.indexOf(b ?? ''));
              expect(order[Math.min(...ranks)]).toBe(s.bands.lowest.id);
              expect(order[Math.max(...ranks)]).toBe(s.bands.highest.id);
              if (!s.band) expect(new Set(ranks).size).toBeGreaterThan(1);
            }
            // A band without a score is never silent: one warning per such subscale, naming it and its blanks.
            const told = r.warnings.filter((w) => w.code === 'SCALES_SUBSCALE_BAND_BOUNDS' && w.subscale === s.id);
            if (!s.bands) expect(told).toEqual([]);
            else {
              const blanks = (def.subscales?.[k]?.items ?? []).filter(
                (id) => answers[def.items.findIndex((i) => i.id === id)] === null,
              );
              expect(told).toEqual([
                { code: 'SCALES_SUBSCALE_BAND_BOUNDS', subscale: s.id, items: blanks, bands: s.bands },
              ]);
            }
          });
          r.screens?.forEach((screen, k) => {
            if (screen.positive !== null) for (const c of seen) expect(c.screens?.[k]?.positive).toBe(screen.positive);
            for (const id of screen.met) for (const c of seen) expect(c.screens?.[k]?.met).toContain(id);
          });
          if (r.validity && r.validity.valid !== null) {
            for (const c of seen) expect(c.validity?.valid).toBe(r.validity.valid);
          }
        }),
        { numRuns: def.items.length > 60 ? 60 : 150 },
      );
    });
  },
);

describe('SCL-90 near its screen limits (total 160, 43 positive items, factor mean 2)', () => {
  // Mostly 1 and 2 so the total sits near 160, positive items near 43 and factor means near 2.
  const answer = fc.oneof(
    { weight: 11, arbitrary: fc.constant(1) },
    { weight: 8, arbitrary: fc.constant(2) },
    { weight: 1, arbitrary: fc.integer({ min: 3, max: 5 }) },
  );
  const row = fc
    .tuple(fc.array(answer, { minLength: 90, maxLength: 90 }), fc.uniqueArray(fc.nat({ max: 89 }), { maxLength: 3 }))
    .map(([answers, blanks]) => answers.map((v, i) => (blanks.includes(i) ? null : v)));

  it('a decided screen is the screen of every completion, and both outcomes are decided with blanks', () => {
    const decided = new Set<string>();
    fc.assert(
      fc.property(row, (answers) => {
        const r = score(scl90, answers);
        const screen = r.screens?.[0];
        if (answers.includes(null) && screen?.positive !== null) decided.add(String(screen?.positive));
        if (screen?.positive === null) return;
        for (const full of completions(scl90, answers)) {
          expect(score(scl90, full).screens?.[0]?.positive).toBe(screen?.positive);
        }
      }),
      { numRuns: 300, seed: 20250 },
    );
    expect([...decided].sort()).toEqual(['false', 'true']);
  });
});
