import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers, ScoreValue } from '../../engine/types.ts';
import { between, seeded } from '../shared/seeded.ts';
import { cesdR } from './definition.ts';

const score = (answers: Answers): ScoreValue => {
  const r = scoreInstrument(cesdR, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const zeros = () => Array.from({ length: 20 }, () => 0);
const set = (pairs: Record<number, number>) => {
  const answers = zeros();
  for (const [n, v] of Object.entries(pairs)) answers[Number(n) - 1] = v;
  return answers;
};

/** cesd-r.com categories as coded in CamCOPS cesdr.py, written out independently (criteria before the total). */
const GROUPS = {
  anhedonia: [8, 10],
  dysphoria: [2, 4, 6],
  other: [
    [1, 18],
    [5, 11, 19],
    [3, 20],
    [9, 17],
    [7, 16],
    [12, 13],
    [14, 15],
  ],
};
function reference(a: readonly number[]) {
  const total = a.reduce((s, v) => s + (v === 4 ? 3 : v), 0);
  const any = (g: readonly number[], min: number) => g.some((n) => (a[n - 1] as number) >= min);
  let category = total >= 16 ? 'subthreshold' : 'non-clinical';
  if (any(GROUPS.anhedonia, 4) || any(GROUPS.dysphoria, 4)) {
    const daily = GROUPS.other.filter((g) => any(g, 4)).length;
    const frequent = GROUPS.other.filter((g) => any(g, 3)).length;
    if (daily >= 4) category = 'major-depressive-episode';
    else if (frequent >= 3) category = 'probable-major-depressive-episode';
    else if (frequent >= 2) category = 'possible-major-depressive-episode';
  }
  return { total, category, atRisk: total >= 16 };
}

describe('CESD-R definition', () => {
  it('is a valid instrument definition with option 4 scored as 3 and no reversed items', () => {
    expect(instrumentSchema.parse(cesdR)).toEqual(cesdR);
    expect(cesdR.options.map((o) => o.score ?? o.value)).toEqual([0, 1, 2, 3, 3]);
    expect(cesdR.items.some((i) => i.reverse)).toBe(false);
  });
});

describe('CESD-R vectors (reference/scales.md §8, §3.2)', () => {
  it('all answers 4 → 80 − 20 = 60, major depressive episode, both critical flags', () => {
    const r = score(Array.from({ length: 20 }, () => 4));
    expect(r.total).toBe(60);
    expect(r.derived).toEqual({ category: 'major-depressive-episode' });
    expect(r.cutoffs).toEqual([{ id: 'at-risk', min: 16, positive: true }]);
    expect(r.flags.map((f) => f.id)).toEqual(['cesd-r-death-wish', 'cesd-r-self-harm']);
  });

  it('options 3 and 4 score the same in the total but not in the category', () => {
    const three = score(set({ 2: 3, 1: 3, 5: 3, 3: 3, 9: 3, 7: 3 }));
    const four = score(set({ 2: 4, 1: 3, 5: 3, 3: 3, 9: 3, 7: 3 }));
    expect(three.total).toBe(18);
    expect(four.total).toBe(18);
    expect(three.derived.category).toBe('subthreshold');
    expect(four.derived.category).toBe('probable-major-depressive-episode');
  });

  it.each([
    ['all 0', zeros(), 0, 'non-clinical'],
    ['total 15', set({ 1: 3, 3: 3, 5: 3, 7: 3, 9: 3 }), 15, 'non-clinical'],
    ['total 16', set({ 1: 3, 3: 3, 5: 3, 7: 3, 9: 3, 11: 1 }), 16, 'subthreshold'],
    ['dysphoria daily + 4 groups daily', set({ 4: 4, 1: 4, 5: 4, 3: 4, 9: 4 }), 15, 'major-depressive-episode'],
    ['anhedonia daily + 3 groups daily', set({ 10: 4, 1: 4, 5: 4, 3: 4 }), 12, 'probable-major-depressive-episode'],
    [
      'anhedonia daily + 3 groups at 5–7 days',
      set({ 8: 4, 18: 3, 19: 3, 20: 3 }),
      12,
      'probable-major-depressive-episode',
    ],
    ['dysphoria daily + 2 groups at 5–7 days', set({ 6: 4, 16: 3, 13: 3 }), 9, 'possible-major-depressive-episode'],
    ['dysphoria daily + 1 group', set({ 6: 4, 16: 3, 7: 3, 13: 2 }), 11, 'non-clinical'],
    ['core only at 5–7 days + 4 groups daily', set({ 6: 3, 1: 4, 5: 4, 3: 4, 9: 4 }), 15, 'non-clinical'],
    ['two items of one group count once', set({ 2: 4, 1: 4, 18: 4 }), 9, 'non-clinical'],
  ])('%s → total %i? category', (_, answers, total, category) => {
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.derived).toEqual({ category });
  });

  it('a "possible" pattern under 16 stays possible (CamCOPS would say subthreshold: README)', () => {
    const r = score(set({ 6: 4, 16: 3, 13: 3 }));
    expect(r.total).toBeLessThan(16);
    expect(r.derived.category).toBe('possible-major-depressive-episode');
  });

  it.each([
    [14, 0, []],
    [14, 1, ['cesd-r-death-wish']],
    [15, 1, ['cesd-r-self-harm']],
  ])('item %i = %i → flags %j', (item, value, ids) => {
    expect(score(set({ [item]: value })).flags.map((f) => f.id)).toEqual(ids);
  });

  it('a blank item → no total, category unknown, blank suicidal item flagged unknown', () => {
    const answers: (number | null)[] = zeros();
    answers[13] = null;
    const r = score(answers);
    expect(r.total).toBeNull();
    expect(r.derived).toEqual({ category: 'unknown' });
    expect(r.flags).toContainEqual(expect.objectContaining({ item: '14', status: 'unknown' }));
  });
});

describe('CESD-R differential: engine vs the algorithm written out (10,000 seeded rows)', () => {
  it('agrees exactly on total, cut-off and category', () => {
    const random = seeded(2004);
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (let row = 0; row < 10_000; row++) {
      const top = between(random, 0, 4);
      const low = random();
      const answers = Array.from({ length: 20 }, () => (random() < low ? 0 : between(random, 0, top)));
      const want = reference(answers);
      const r = score(answers);
      const got = { total: r.total, category: r.derived.category, atRisk: r.cutoffs[0]?.positive };
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`row ${row}: ${answers.join('')}`);
      seen.add(want.category);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(seen.size).toBe(5);
  }, 60_000);
});
