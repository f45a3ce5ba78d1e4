import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../definition/schema.ts';
import { cesdR } from '../instruments/cesd-r/definition.ts';
import { gad7 } from '../instruments/gad-7/definition.ts';
import { k10 } from '../instruments/k10/definition.ts';
import { phqA } from '../instruments/phq-a/definition.ts';
import { sas } from '../instruments/sas/definition.ts';
import { sds } from '../instruments/sds/definition.ts';
import { formatWarning } from '../messages.ts';
import { instruments } from '../registry.ts';
import { completions, valuesOf } from './completions.ts';
import { scoreInstrument } from './score.ts';
import type { Answer, ScoreOptions, ScoreValue, ScoreWarning } from './types.ts';

const score = (def: InstrumentDefinition, answers: readonly Answer[], options: ScoreOptions = {}): ScoreValue => {
  const r = scoreInstrument(def, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const boundsOf = (v: ScoreValue) => v.warnings.find((w) => w.code === 'SCALES_BAND_BOUNDS')?.bands;

/** Zung answers (1–4) from keyed scores, with the published reverse keys written out (reference/scales.md §2.1, §2.2). */
const SDS_REVERSED = [2, 5, 6, 11, 12, 14, 16, 17, 18, 20];
const SAS_REVERSED = [5, 9, 13, 17, 19];
const zung = (reversed: readonly number[], keyed: readonly (number | null)[]) =>
  keyed.map((s, i) => (s === null ? null : reversed.includes(i + 1) ? 5 - s : s));

describe('band decided by bounds when blank items leave no total (the QA examples)', () => {
  it('GAD-7 3,3,3,3,3,3,blank: 18–21 whatever item 7 is → severe, screen positive', () => {
    const r = score(gad7, [3, 3, 3, 3, 3, 3, null]);
    expect(r.total).toBeNull();
    expect(r.band?.id).toBe('severe');
    expect(r.cutoffs).toEqual([{ id: 'screen', min: 10, positive: true }]);
    expect(boundsOf(r)).toEqual({ lowest: r.band, highest: r.band });
  });

  it('GAD-7 with the answered sum on a band edge stays undecided: 3,3,3,0,0,0,blank → 9–12', () => {
    const r = score(gad7, [3, 3, 3, 0, 0, 0, null]);
    expect(r.band).toBeNull();
    expect(r.cutoffs[0]?.positive).toBeNull();
    expect(boundsOf(r)).toMatchObject({ lowest: { id: 'mild' }, highest: { id: 'moderate' } });
  });

  it('SDS item 2 (reversed) blank, the other 19 raw 73: raw 74–77 → index 93–96 → severe (Chinese norm ≥73)', () => {
    const keyed = [4, null, ...Array<number>(18).fill(4)];
    keyed[2] = 3;
    keyed[3] = 3;
    keyed[4] = 3;
    expect(keyed.reduce<number>((s, v) => s + (v ?? 0), 0)).toBe(73);
    const r = score(sds, zung(SDS_REVERSED, keyed));
    expect(r.total).toBeNull();
    expect(r.index).toBeNull();
    expect(r.band).toMatchObject({ set: 'cn', id: 'severe' });
    // The US norm (≥70 severe) agrees.
    expect(score(sds, zung(SDS_REVERSED, keyed), { bandSet: 'us' }).band?.id).toBe('severe');
  });

  it('SDS reads the band on the index with its rounding: raw 42–45 is mild half-up (53–56), open truncated (52–56)', () => {
    // 16 × 2 + 3 × 3 = 41 answered, item 20 (reversed) blank: raw 42–45 → index 52.5–56.25.
    const keyed = [...Array<number>(16).fill(2), 3, 3, 3, null];
    const answers = zung(SDS_REVERSED, keyed);
    expect(score(sds, answers).band?.id).toBe('mild');
    const truncated = score(sds, answers, { indexRounding: 'truncate' });
    expect(truncated.band).toBeNull();
    expect(boundsOf(truncated)).toMatchObject({ lowest: { id: 'normal' }, highest: { id: 'mild' } });
  });

  it('SAS one blank: 19 items at 4 → raw 77–80 → index 96–100 → severe; 19 items at 1 → raw 20–23 → normal', () => {
    const high = score(sas, zung(SAS_REVERSED, [...Array<number>(19).fill(4), null]));
    expect(high.total).toBeNull();
    expect(high.band).toMatchObject({ set: 'cn', id: 'severe' });
    expect(
      score(sas, zung(SAS_REVERSED, [...Array<number>(19).fill(4), null]), { bandSet: 'zung-1971' }).band?.id,
    ).toBe('extreme');
    expect(score(sas, zung(SAS_REVERSED, [null, ...Array<number>(19).fill(1)])).band?.id).toBe('normal');
  });

  it('K10 nine items at 5 and one blank: 46–50 → very high', () => {
    const r = score(k10, [5, 5, 5, 5, 5, 5, 5, 5, 5, null]);
    expect(r.total).toBeNull();
    expect(r.band?.id).toBe('very-high');
  });

  it('PHQ-A three blank symptom items, answered sum 5: 5–14 → band undecided between mild and moderate', () => {
    const r = score(phqA, [null, null, null, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(r.total).toBeNull();
    expect(r.band).toBeNull();
    expect(boundsOf(r)).toMatchObject({ lowest: { id: 'mild' }, highest: { id: 'moderate' } });
    // 5–14 may or may not reach 10 or 11.
    expect(r.cutoffs.map((c) => c.positive)).toEqual([null, null]);
  });

  it('a blank counts at most its highest option score: CESD-R 4 ("nearly every day for 2 weeks") scores 3', () => {
    // 12 answered + one blank scoring 0–3 stays under 16: decided negative (the option code 4 would have left it open).
    const r = score(cesdR, [...Array<number>(12).fill(1), ...Array<number>(7).fill(0), null]);
    expect(r.cutoffs).toEqual([{ id: 'at-risk', min: 16, positive: false }]);
  });

  it('says so in both languages', () => {
    const decided = boundsOf(score(gad7, [3, 3, 3, 3, 3, 3, null]));
    const open = boundsOf(score(phqA, [null, null, null, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]));
    const w = (bands: typeof decided, items: string[]): ScoreWarning => {
      if (!bands) throw new Error('no bounds');
      return { code: 'SCALES_BAND_BOUNDS', items, bands };
    };
    expect(formatWarning(w(decided, ['7']), 'en')).toBe(
      'item(s) 7: whatever the answers, the band is "severe", so the band is given (still no total)',
    );
    expect(formatWarning(w(decided, ['7']), 'zh')).toBe(
      '第7题无论怎样作答，分级都是「重度」：据此判定分级（总分仍为空）',
    );
    expect(formatWarning(w(open, ['1', '2', '3']), 'en')).toBe(
      'item(s) 1, 2, 3: the answers could put the band anywhere from "mild" to "moderate": band undecided',
    );
  });

  it('never imputes: the total, index and mean stay null whenever the band is decided by bounds', () => {
    const r = score(sds, zung(SDS_REVERSED, [4, null, ...Array<number>(18).fill(4)]));
    expect([r.total, r.index, r.band?.id]).toEqual([null, null, 'severe']);
  });
});

// Instruments whose total is a sum of items (the SDQ total is a sum of prorated subscales: no bounds there).
const bounded = instruments.filter((d) => d.scoring === 'sum' && !d.totalFrom && d.bandSets.length > 0);

describe.each(bounded.map((d) => [d.id, d] as const))(
  '%s: a band decided by bounds is the band of every completion',
  (_id, def) => {
    const scored = def.items.flatMap((item, i) => (item.scored === false || item.optional ? [] : [i]));
    const row = fc
      .tuple(
        fc.tuple(...def.items.map((_, i) => fc.constantFrom(...valuesOf(def, i)))),
        fc.uniqueArray(fc.constantFrom(...scored), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...def.bandSets.map((s) => s.id)),
        fc.constantFrom('half-up', 'truncate', 'half-even' as const),
      )
      .map(([answers, blanks, bandSet, indexRounding]) => ({
        answers: answers.map((v, i) => (blanks.includes(i) ? null : v)),
        options: { bandSet, indexRounding, prorate: false } satisfies ScoreOptions,
      }));

    it('and the bounds are the bands of the lowest and highest completions; decided cut-offs agree with every completion', () => {
      fc.assert(
        fc.property(row, ({ answers, options }) => {
          const r = score(def, answers, options);
          expect(r.total).toBeNull();
          const bands = boundsOf(r);
          expect(bands).toBeDefined();
          const set = def.bandSets.find((s) => s.id === options.bandSet);
          const order = set?.bands.map((b) => b.id) ?? [];
          const seen = completions(def, answers).map((full) => score(def, full, options));
          const ranks = seen.map((c) => order.indexOf(c.band?.id ?? ''));
          expect(order[Math.min(...ranks)]).toBe(bands?.lowest.id);
          expect(order[Math.max(...ranks)]).toBe(bands?.highest.id);
          if (r.band) for (const c of seen) expect(c.band?.id).toBe(r.band.id);
          else expect(new Set(ranks).size).toBeGreaterThan(1);
          r.cutoffs.forEach((cutoff, k) => {
            if (cutoff.positive !== null) for (const c of seen) expect(c.cutoffs[k]?.positive).toBe(cutoff.positive);
          });
        }),
        { numRuns: 150 },
      );
    });
  },
);
