import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers, ScoreOptions, ScoreValue } from '../../engine/types.ts';
import { between, seeded } from '../shared/seeded.ts';
import { scl90 } from './definition.ts';

const score = (answers: Answers, options: ScoreOptions = {}): ScoreValue => {
  const r = scoreInstrument(scl90, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const all = (v: number | null) => Array.from({ length: 90 }, () => v);
const factorScore = (r: ScoreValue, id: string) => r.subscales.find((s) => s.id === id)?.score;

/** The published key, written out independently of definition.ts (reference/scales.md §6.1). */
const KEY: Record<string, number[]> = {
  somatization: [1, 4, 12, 27, 40, 42, 48, 49, 52, 53, 56, 58],
  'obsessive-compulsive': [3, 9, 10, 28, 38, 45, 46, 51, 55, 65],
  'interpersonal-sensitivity': [6, 21, 34, 36, 37, 41, 61, 69, 73],
  depression: [5, 14, 15, 20, 22, 26, 29, 30, 31, 32, 54, 71, 79],
  anxiety: [2, 17, 23, 33, 39, 57, 72, 78, 80, 86],
  hostility: [11, 24, 63, 67, 74, 81],
  'phobic-anxiety': [13, 25, 47, 50, 70, 75, 82],
  'paranoid-ideation': [8, 18, 43, 68, 76, 83],
  psychoticism: [7, 16, 35, 62, 77, 84, 85, 87, 88, 90],
  additional: [19, 44, 59, 60, 64, 66, 89],
};

/** Straightforward SCL-90 scoring: sums, 阳性 = item ≥ 2, PSDI = (total − negatives) / positives, the CN screen. */
function reference(answers: readonly number[]) {
  const total = answers.reduce((a, b) => a + b, 0);
  const positives = answers.filter((v) => v >= 2).length;
  const negatives = answers.filter((v) => v === 1).length;
  const factors = Object.fromEntries(
    Object.entries(KEY).map(([id, items]) => [
      id,
      items.reduce((s, n) => s + (answers[n - 1] as number), 0) / items.length,
    ]),
  );
  const anyFactor = Object.values(factors).some((m) => m >= 2);
  return {
    total,
    gsi: total / 90,
    positives,
    psdi: positives === 0 ? null : (total - negatives) / positives,
    factors,
    screen: total > 160 || positives > 43 || anyFactor,
    flags: [(answers[14] as number) >= 2 ? '15' : null, (answers[58] as number) >= 2 ? '59' : null].filter(Boolean),
  };
}

describe('SCL-90 definition', () => {
  it('is a valid instrument definition', () => {
    expect(instrumentSchema.parse(scl90)).toEqual(scl90);
  });

  it('assigns every item to exactly one factor, by the key and not by contiguous blocks (§0.3)', () => {
    const items = scl90.subscales?.flatMap((s) => s.items).map(Number) ?? [];
    expect(items.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    for (const s of scl90.subscales ?? []) expect(s.items.map(Number)).toEqual(KEY[s.id]);
    // The wrong contiguous key puts items 1–12 in somatization.
    expect(scl90.subscales?.[0]?.items).not.toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
  });

  it('ships short labels only, no item text', () => {
    expect(scl90.licence.itemText).toBe(false);
    expect(scl90.items.every((i) => i.text === undefined)).toBe(true);
  });
});

describe('SCL-90 vectors (reference/scales.md §8)', () => {
  it('all 2 → total 180 (>160 positive), GSI 2.00, 90 positive items, PSDI 2.00, every factor 2.00', () => {
    const r = score(all(2));
    expect(r.total).toBe(180);
    expect(r.mean).toBe(2);
    expect(r.positiveItems).toEqual({ count: 90, mean: 2 });
    for (const s of r.subscales) expect(s).toMatchObject({ score: 2, band: { id: 'attention', positive: true } });
    expect(r.screens).toEqual([{ id: 'cn-screen', positive: true, met: ['total', 'positive-items', 'factor'] }]);
  });

  it('all 1 → total 90, GSI 1, no positive items, PSDI null (no division by zero), screen negative', () => {
    const r = score(all(1));
    expect(r.total).toBe(90);
    expect(r.mean).toBe(1);
    expect(r.positiveItems).toEqual({ count: 0, mean: null });
    expect(r.screens?.[0]).toEqual({ id: 'cn-screen', positive: false, met: [] });
    expect(r.flags).toEqual([]);
  });

  it('0–4 coded answers are read only when the coding is named, and stored on the 1–5 base (§0.3)', () => {
    expect(scoreInstrument(scl90, all(0)).ok).toBe(false);
    const r = score(all(1), { coding: 'zero-based' });
    expect(r.total).toBe(180);
    expect(r.positiveItems?.count).toBe(90);
    expect(score(all(0), { coding: 'zero-based' }).total).toBe(90);
  });

  it('reads the Chinese option labels', () => {
    expect(score(all('很轻' as unknown as number)).total).toBe(180);
    expect(score(all('严重' as unknown as number)).total).toBe(450);
  });
});

/** Answers with every item 1 except `raise` items at `to`, chosen from factors in turn. */
function withRaised(items: readonly number[], to: number): number[] {
  const answers = all(1) as number[];
  for (const n of items) answers[n - 1] = to;
  return answers;
}

describe('SCL-90 screening boundaries (README: >160, >43, factor ≥2)', () => {
  // Items that keep every factor mean below 2: at most ⌈n/2⌉−1 items raised by 1 per factor … built explicitly.
  const spreadItems = (count: number): number[] => {
    // Round-robin over the factors, leaving one item of each at 1 (a factor of n items with k < n at 2 stays < 2).
    const lists = Object.values(KEY).map((items) => items.slice(0, items.length - 1));
    const out: number[] = [];
    for (let i = 0; out.length < count; i++) {
      for (const l of lists) if (i < l.length && out.length < count) out.push(l[i] as number);
      if (i > 20) throw new Error('not enough items');
    }
    return out;
  };

  it.each([
    [160, false],
    [161, true],
  ])('total %i → total condition %s (strict: 总分超过160)', (total, met) => {
    // All 1 (90), then raise items of the same factor-safe spread to 5 and one item to hit the total exactly.
    const answers = all(1) as number[];
    let extra = total - 90;
    for (let n = 1; extra > 0; n++) {
      const add = Math.min(4, extra);
      answers[n - 1] = 1 + add;
      extra -= add;
    }
    const r = score(answers);
    expect(r.total).toBe(total);
    expect(r.screens?.[0]?.met.includes('total')).toBe(met);
  });

  it.each([
    [43, false],
    [44, true],
  ])('%i positive items (factors < 2, total ≤ 160) → screen %s (strict: 阳性项目数超过43)', (count, positive) => {
    const items = spreadItems(count);
    const r = score(withRaised(items, 2));
    expect(r.positiveItems?.count).toBe(count);
    expect(r.total).toBe(90 + count);
    expect(r.subscales.every((s) => (s.score ?? 0) < 2)).toBe(true);
    expect(r.screens?.[0]).toEqual({ id: 'cn-screen', positive, met: positive ? ['positive-items'] : [] });
  });

  it.each([
    ['hostility 1.83', [11, 24, 63, 67, 74], 11 / 6, false],
    ['hostility 2.00', [11, 24, 63, 67, 74, 81], 2, true],
    ['additional 2.00 (其他 counts as a factor)', [19, 44, 59, 60, 64, 66, 89], 2, true],
  ])('%s → factor condition %s (inclusive: 因子分≥2)', (_, items, mean, positive) => {
    const r = score(withRaised(items, 2));
    expect(Math.max(...r.subscales.map((s) => s.score ?? 0))).toBeCloseTo(mean, 12);
    expect(r.screens?.[0]).toEqual({ id: 'cn-screen', positive, met: positive ? ['factor'] : [] });
  });

  it('a missing item leaves total, GSI and positive counts null; the screen is decided by what is known', () => {
    const answers = withRaised(KEY.hostility as number[], 3) as (number | null)[];
    answers[0] = null;
    const r = score(answers);
    expect(r.total).toBeNull();
    expect(r.mean).toBeNull();
    expect(r.positiveItems).toBeNull();
    expect(factorScore(r, 'somatization')).toBeNull();
    expect(r.screens?.[0]).toEqual({ id: 'cn-screen', positive: true, met: ['factor'] });
    // All 1 with item 1 blank: total 90–94, positive items 0–1, somatization mean 1–1.33 whatever item 1 is.
    const negative = score([null, ...(all(1).slice(1) as number[])]);
    expect(negative.screens?.[0]).toEqual({ id: 'cn-screen', positive: false, met: [] });
    expect(negative.warnings).toEqual([
      { code: 'SCALES_NOT_SCORABLE', items: ['1'] },
      {
        code: 'SCALES_SUBSCALE_BAND_BOUNDS',
        subscale: 'somatization',
        items: ['1'],
        bands: negative.subscales.find((s) => s.id === 'somatization')?.bands,
      },
    ]);
    // Total 160 on the answered items with item 1 blank: 161–165 if item 1 is 1–5, so > 160 whatever it is.
    const over = all(1) as (number | null)[];
    for (let i = 1; i <= 71; i++) over[i] = 2;
    over[0] = null;
    const reached = score(over);
    expect(reached.total).toBeNull();
    expect(reached.screens?.[0]?.met).toContain('total');
    expect(reached.screens?.[0]?.positive).toBe(true);
  });
});

describe('SCL-90 critical items (§0.12)', () => {
  it.each([
    [15, 1, []],
    [15, 2, ['scl-90-ending-life']],
    [59, 2, ['scl-90-death']],
  ])('item %i = %i → flags %j', (item, value, ids) => {
    const answers = all(1) as number[];
    answers[item - 1] = value;
    expect(score(answers).flags.map((f) => f.id)).toEqual(ids);
  });

  it('blank item 15 → unknown, never imputed', () => {
    const answers = all(1) as (number | null)[];
    answers[14] = null;
    expect(score(answers).flags).toContainEqual(expect.objectContaining({ item: '15', status: 'unknown' }));
  });
});

describe('SCL-90 differential: engine vs the key written out (10,000 seeded rows)', () => {
  it('agrees exactly on every score', () => {
    const random = seeded(90);
    const mismatches: string[] = [];
    const screens = { true: 0, false: 0 };
    for (let row = 0; row < 10_000; row++) {
      // Per-row chance of "没有" from 0 to 1, so rows spread over every screening boundary.
      const none = random();
      const answers = Array.from({ length: 90 }, () => (random() < none ? 1 : between(random, 2, 5)));
      const want = reference(answers);
      const r = score(answers);
      const got = {
        total: r.total,
        gsi: r.mean,
        positives: r.positiveItems?.count,
        psdi: r.positiveItems?.mean,
        factors: Object.fromEntries(r.subscales.map((s) => [s.id, s.score])),
        screen: r.screens?.[0]?.positive,
        flags: r.flags.map((f) => f.item),
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`row ${row}: ${answers.join('')}`);
      screens[want.screen ? 'true' : 'false']++;
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The generator reaches both sides of the screen often enough to test it.
    expect(Math.min(screens.true, screens.false)).toBeGreaterThan(1000);
  }, 60_000);
});
