import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers, ScoreValue } from '../../engine/types.ts';
import { seeded } from '../shared/seeded.ts';
import { mht } from './definition.ts';

const score = (answers: Answers): ScoreValue => {
  const r = scoreInstrument(mht, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const none = () => Array.from({ length: 100 }, () => 0);
const seq = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** The published key, written out independently of definition.ts (reference/scales.md §6.2). */
const KEY: Record<string, number[]> = {
  'learning-anxiety': seq(1, 15),
  'social-anxiety': seq(16, 25),
  loneliness: seq(26, 35),
  'self-blame': seq(36, 45),
  oversensitivity: seq(46, 55),
  'somatic-symptoms': seq(56, 70),
  'phobic-tendency': seq(71, 80),
  impulsivity: seq(81, 99, 2),
};
const LIE = seq(82, 100, 2);

function reference(answers: readonly number[]) {
  const sum = (items: number[]) => items.reduce((s, n) => s + (answers[n - 1] as number), 0);
  const scales = Object.entries(KEY).map(([id, items]) => {
    const s = sum(items);
    return [id, s, s >= 8 ? 'high' : s <= 3 ? 'low' : 'average'];
  });
  const lie = sum(LIE);
  return {
    total: Object.values(KEY).reduce((t, items) => t + sum(items), 0),
    scales,
    lie,
    valid: lie < 7,
    anyHigh: scales.some(([, s]) => (s as number) >= 8),
  };
}

const with1 = (items: readonly number[]) => {
  const answers = none();
  for (const n of items) answers[n - 1] = 1;
  return answers;
};
const sub = (r: ScoreValue, id: string) => r.subscales.find((s) => s.id === id);

describe('MHT definition', () => {
  it('is a valid instrument definition', () => {
    expect(instrumentSchema.parse(mht)).toEqual(mht);
  });

  it('keys the content scales and the lie scale as published; item 100 is a validity item, not 孤独倾向', () => {
    for (const id of Object.keys(KEY)) expect(sub(score(none()), id)).toBeDefined();
    for (const s of mht.subscales ?? []) {
      expect(s.items.map(Number)).toEqual(s.id === 'validity' ? LIE : KEY[s.id]);
    }
    expect(mht.subscales?.find((s) => s.id === 'loneliness')?.items).not.toContain('100');
    expect(mht.items.filter((i) => i.scored === false).map((i) => Number(i.id))).toEqual(LIE);
  });
});

describe('MHT vectors (reference/scales.md §8)', () => {
  it('all even items 82–100 是 → validity 10 → invalid protocol, with a warning; scores still reported', () => {
    const r = score(with1(LIE));
    expect(r.validity).toEqual({ score: 10, valid: false });
    expect(r.warnings).toEqual([{ code: 'SCALES_INVALID_PROTOCOL' }]);
    expect(r.total).toBe(0);
  });

  it('all content items 是 → total 90; every content scale at its maximum (15/10/10/10/10/15/10/10)', () => {
    const r = score(with1(Object.values(KEY).flat()));
    expect(r.total).toBe(90);
    expect(r.subscales.map((s) => s.score)).toEqual([15, 10, 10, 10, 10, 15, 10, 10, 0]);
    expect(r.subscales.slice(0, 8).every((s) => s.band?.id === 'high')).toBe(true);
    expect(r.validity).toEqual({ score: 0, valid: true });
    expect(r.screens).toEqual([{ id: 'content-high', positive: true, met: ['content'] }]);
  });

  it('reads 是/否 and the answer-sheet letters a/b', () => {
    const answers = Array.from({ length: 100 }, (_, i) => (i < 15 ? '是' : i < 30 ? 'A' : 'b'));
    const r = score(answers);
    expect(r.total).toBe(30);
  });
});

describe('MHT boundaries', () => {
  it.each([
    [6, true],
    [7, false],
  ])('lie score %i → valid %s ("7分以上" read as ≥ 7)', (count, valid) => {
    const r = score(with1(LIE.slice(0, count)));
    expect(r.validity).toEqual({ score: count, valid });
    expect(r.warnings.some((w) => w.code === 'SCALES_INVALID_PROTOCOL')).toBe(!valid);
  });

  it.each([
    [3, 'low'],
    [4, 'average'],
    [7, 'average'],
    [8, 'high'],
  ])('learning anxiety %i → %s ("8分以上" ≥ 8, "3分以下" ≤ 3)', (count, band) => {
    const r = score(with1(seq(1, count)));
    expect(sub(r, 'learning-anxiety')).toMatchObject({ score: count, band: { id: band, positive: band === 'high' } });
    expect(r.screens?.[0]?.positive).toBe(band === 'high');
  });

  it('a blank lie item → validity unknown (null), not valid', () => {
    const answers: (number | null)[] = with1(LIE.slice(0, 6));
    answers[99] = null;
    const r = score(answers);
    expect(r.validity).toEqual({ score: null, valid: null });
    expect(r.total).toBe(0);
  });

  it('a blank content item → no total and no score for its scale', () => {
    const answers: (number | null)[] = none();
    answers[0] = null;
    const r = score(answers);
    expect(r.total).toBeNull();
    expect(sub(r, 'learning-anxiety')?.score).toBeNull();
    expect(r.warnings).toEqual([
      { code: 'SCALES_NOT_SCORABLE', items: ['1'] },
      {
        code: 'SCALES_SUBSCALE_BAND_BOUNDS',
        subscale: 'learning-anxiety',
        items: ['1'],
        bands: sub(r, 'learning-anxiety')?.bands,
      },
    ]);
  });
});

describe('MHT differential: engine vs the key written out (10,000 seeded rows)', () => {
  it('agrees exactly on total, scales, flags, lie score and validity', () => {
    const random = seeded(100);
    const mismatches: string[] = [];
    let invalid = 0;
    for (let row = 0; row < 10_000; row++) {
      const p = random();
      const answers = Array.from({ length: 100 }, () => (random() < p ? 1 : 0));
      const want = reference(answers);
      const r = score(answers);
      const got = {
        total: r.total,
        scales: r.subscales.slice(0, 8).map((s) => [s.id, s.score, s.band?.id]),
        lie: r.validity?.score,
        valid: r.validity?.valid,
        anyHigh: r.screens?.[0]?.positive,
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`row ${row}: ${answers.join('')}`);
      if (!want.valid) invalid++;
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(invalid).toBeGreaterThan(1000);
  }, 60_000);
});
