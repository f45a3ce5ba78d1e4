import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers, ScoreOptions, ScoreValue } from '../../engine/types.ts';
import { between, seeded } from '../shared/seeded.ts';
import { mssmhs } from './definition.ts';

const score = (answers: Answers, options: ScoreOptions = {}): ScoreValue => {
  const r = scoreInstrument(mssmhs, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const all = (v: number | string | null) => Array.from({ length: 60 }, () => v);

/** The published key, written out independently of definition.ts (reference/scales.md §6.3). */
const KEY: Record<string, number[]> = {
  'obsessive-compulsive': [3, 10, 12, 22, 23, 48],
  paranoia: [11, 20, 24, 26, 47, 49],
  hostility: [19, 21, 25, 50, 52, 58],
  'interpersonal-sensitivity': [4, 17, 18, 45, 51, 59],
  depression: [5, 13, 14, 16, 44, 57],
  anxiety: [6, 15, 34, 43, 46, 56],
  'academic-pressure': [31, 33, 36, 38, 40, 55],
  maladjustment: [1, 8, 9, 29, 39, 41],
  'emotional-instability': [2, 7, 27, 32, 35, 53],
  'psychological-imbalance': [28, 30, 37, 42, 54, 60],
};

/** 王极盛 levels by hand: <2 normal, then one level per whole point. */
const level = (m: number) =>
  m >= 5 ? 'severe' : m >= 4 ? 'relatively-severe' : m >= 3 ? 'moderate' : m >= 2 ? 'mild' : 'normal';

function reference(answers: readonly number[]) {
  const total = answers.reduce((a, b) => a + b, 0);
  const factors = Object.entries(KEY).map(([id, items]) => {
    const m = items.reduce((s, n) => s + (answers[n - 1] as number), 0) / 6;
    return [id, m, level(m)];
  });
  const mean = total / 60;
  return {
    total,
    mean,
    level: level(mean),
    factors,
    attention: mean >= 2 || factors.some(([, m]) => (m as number) >= 2),
  };
}

describe('MSSMHS definition', () => {
  it('is a valid instrument definition', () => {
    expect(instrumentSchema.parse(mssmhs)).toEqual(mssmhs);
  });

  it('has ten factors of six items covering items 1–60 once each, by the published key', () => {
    for (const s of mssmhs.subscales ?? []) expect(s.items.map(Number)).toEqual(KEY[s.id]);
    const items = (mssmhs.subscales ?? []).flatMap((s) => s.items.map(Number));
    expect(items.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(mssmhs.options.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(mssmhs.licence.itemText).toBe(false);
  });
});

describe('MSSMHS vectors (reference/scales.md §8, §0.4)', () => {
  it('all answers 2 (轻度) → every factor 2.00 mild, total mean 2.00 mild, needs attention', () => {
    const r = score(all(2));
    expect(r.total).toBe(120);
    expect(r.mean).toBe(2);
    expect(r.band).toMatchObject({ set: 'wang-1997', id: 'mild', positive: true });
    for (const s of r.subscales) expect(s).toMatchObject({ score: 2, band: { id: 'mild' } });
    expect(r.screens).toEqual([{ id: 'attention', positive: true, met: ['factor', 'mean'] }]);
  });

  it.each([
    ['label 轻度', all('轻度'), {}],
    ['0–4 export, coding named', all(1), { coding: 'zero-based' as const }],
  ])('the same answers as %s stay on the 1–5 base → 2.00 mild', (_, answers, options) => {
    const r = score(answers, options);
    expect(r.mean).toBe(2);
    expect(r.band?.id).toBe('mild');
  });

  it('a 0–4 export read as if it were 1–5 would say 1.00 normal: 0 is rejected instead (no silent shift)', () => {
    const r = scoreInstrument(mssmhs, all(0));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code: 'SCALES_ITEM_OUT_OF_RANGE', expected: '1–5' });
    // The SchoolDataCenter shift: 轻度 stored as 1 and read natively is 无 → normal; the engine cannot know, so the
    // README tells integrators to name the coding.
    expect(score(all(1)).band?.id).toBe('normal');
  });
});

describe('MSSMHS band boundaries (2 / 3 / 4 / 5, inclusive)', () => {
  /** All 1, with `k` items of the depression factor at `v`. */
  const depression = (values: number[]) => {
    const answers = all(1) as number[];
    KEY.depression?.forEach((n, i) => {
      answers[n - 1] = values[i] ?? 1;
    });
    return answers;
  };
  it.each([
    [[2, 2, 2, 2, 2, 1], 11 / 6, 'normal'],
    [[2, 2, 2, 2, 2, 2], 2, 'mild'],
    [[3, 3, 3, 3, 3, 2], 17 / 6, 'mild'],
    [[3, 3, 3, 3, 3, 3], 3, 'moderate'],
    [[4, 4, 4, 4, 4, 3], 23 / 6, 'moderate'],
    [[4, 4, 4, 4, 4, 4], 4, 'relatively-severe'],
    [[5, 5, 5, 5, 5, 4], 29 / 6, 'relatively-severe'],
    [[5, 5, 5, 5, 5, 5], 5, 'severe'],
  ])('depression items %j → factor %d, %s', (values, mean, band) => {
    const r = score(depression(values));
    const d = r.subscales.find((s) => s.id === 'depression');
    expect(d?.score).toBe(mean);
    expect(d?.band?.id).toBe(band);
    expect(r.screens?.[0]?.positive).toBe(band !== 'normal');
  });

  it.each([
    [119, 'normal'],
    [120, 'mild'],
    [179, 'mild'],
    [180, 'moderate'],
    [240, 'relatively-severe'],
    [300, 'severe'],
  ])('total %i → total mean band %s', (total, band) => {
    const answers = all(1) as number[];
    let extra = total - 60;
    for (let i = 0; extra > 0; i++) {
      const add = Math.min(4, extra);
      answers[i] = 1 + add;
      extra -= add;
    }
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.mean).toBe(total / 60);
    expect(r.band?.id).toBe(band);
  });

  it('a blank item → no total, no total mean, its factor unscored, others scored', () => {
    const answers = all(2) as (number | null)[];
    answers[4] = null; // item 5, depression
    const r = score(answers);
    expect(r.total).toBeNull();
    expect(r.mean).toBeNull();
    expect(r.band).toBeNull();
    expect(r.subscales.find((s) => s.id === 'depression')?.score).toBeNull();
    expect(r.subscales.find((s) => s.id === 'anxiety')?.score).toBe(2);
    expect(r.screens?.[0]).toEqual({ id: 'attention', positive: true, met: ['factor'] });
  });
});

describe('MSSMHS differential: engine vs the key written out (10,000 seeded rows)', () => {
  it('agrees exactly on totals, means, factor scores, bands and the attention screen', () => {
    const random = seeded(60);
    const mismatches: string[] = [];
    for (let row = 0; row < 10_000; row++) {
      const none = random();
      const top = between(random, 2, 5);
      const answers = Array.from({ length: 60 }, () => (random() < none ? 1 : between(random, 1, top)));
      const want = reference(answers);
      const r = score(answers);
      const got = {
        total: r.total,
        mean: r.mean,
        level: r.band?.id,
        factors: r.subscales.map((s) => [s.id, s.score, s.band?.id]),
        attention: r.screens?.[0]?.positive,
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`row ${row}: ${answers.join('')}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  }, 60_000);
});
