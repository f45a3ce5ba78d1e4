import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answer, Answers, ScoreOptions, ScoreValue } from '../../engine/types.ts';
import { between, seeded } from '../shared/seeded.ts';
import { sdqParent, sdqSelf, sdqTeacher } from './definition.ts';

const score = (answers: Answers, options: ScoreOptions = {}, def = sdqSelf): ScoreValue => {
  const r = scoreInstrument(def, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const sub = (r: ScoreValue, id: string) => r.subscales.find((s) => s.id === id);

/** The published key, written out independently of definition.ts (reference/scales.md §4.3). */
const KEY = {
  emotional: [3, 8, 13, 16, 24],
  conduct: [5, 7, 12, 18, 22],
  hyperactivity: [2, 10, 15, 21, 25],
  peer: [6, 11, 14, 19, 23],
  prosocial: [1, 4, 9, 17, 20],
} as const;
const REVERSED = [7, 11, 14, 21, 25];

/** Official-style scale score (gbiele/masterfile sdq.R): ≥ 3 answered → floor(0.5 + mean × 5). */
function scale(answers: readonly (number | null)[], items: readonly number[]): number | null {
  const values = items
    .map((n) => answers[n - 1] ?? null)
    .map((v, i) => (v === null ? null : REVERSED.includes(items[i] as number) ? 2 - v : v))
    .filter((v): v is number => v !== null);
  if (values.length < 3) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.floor(0.5 + mean * 5 + 1e-9);
}

function reference(answers: readonly (number | null)[]) {
  const s = Object.fromEntries(Object.entries(KEY).map(([id, items]) => [id, scale(answers, items)]));
  const parts = [s.emotional, s.conduct, s.hyperactivity, s.peer];
  const add = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined ? null : a + b;
  return {
    total: parts.some((p) => p === null) ? null : parts.reduce((a, b) => (a ?? 0) + (b ?? 0), 0),
    ...s,
    externalising: add(s.conduct, s.hyperactivity),
    internalising: add(s.emotional, s.peer),
  };
}

const blank25 = (): (number | null)[] => Array.from({ length: 25 }, () => 0);

describe('SDQ definitions', () => {
  it.each([sdqSelf, sdqParent, sdqTeacher].map((d) => [d.id, d] as const))('%s is valid', (_, def) => {
    expect(instrumentSchema.parse(def)).toEqual(def);
    expect(def.licence).toMatchObject({ status: 'permission-required', itemText: false });
    expect(def.items.filter((i) => i.reverse).map((i) => Number(i.id))).toEqual(REVERSED);
    for (const [id, items] of Object.entries(KEY)) {
      expect(def.subscales?.find((s) => s.id === id)?.items.map(Number)).toEqual(items);
    }
  });
});

describe('SDQ proration (reference/scales.md §0.5, §8): 4 answered, x = Σ/4 × 5, floor(x + .5)', () => {
  // Emotional items 3, 8, 13, 16 answered to give Σ; item 24 blank.
  it.each([
    [1, 1.25, 1],
    [2, 2.5, 3], // R/Python round() gives 2 here: the half-up pitfall
    [3, 3.75, 4],
    [5, 6.25, 6],
    [6, 7.5, 8],
    [7, 8.75, 9],
  ])('Σ %i → x %d → %i (half-up, not half-even)', (sum, _x, expected) => {
    const answers: (number | null)[] = blank25();
    const emotional = [3, 8, 13, 16];
    let left = sum;
    for (const n of emotional) {
      const v = Math.min(2, left);
      answers[n - 1] = v;
      left -= v;
    }
    answers[23] = null;
    const r = score(answers);
    expect(sub(r, 'emotional')?.score).toBe(expected);
    // Reversed items answered 0 score 2: conduct 2, hyperactivity 4, peer 4.
    expect(r.total).toBe(expected + 10);
    expect(r.prorated).toBe(true);
    expect(r.warnings).toEqual([{ code: 'SCALES_PRORATED', items: ['24'] }]);
  });

  it('3 answered summing to 4 → 6.67 → 7 (the published example)', () => {
    const answers: (number | null)[] = blank25();
    answers[2] = 2;
    answers[7] = 2;
    answers[12] = 0;
    answers[15] = null;
    answers[23] = null;
    expect(sub(score(answers), 'emotional')?.score).toBe(7);
  });

  it('2 answered → the scale and the total difficulties are missing; other scales still scored', () => {
    const answers: (number | null)[] = blank25();
    answers[2] = null;
    answers[7] = null;
    answers[12] = null;
    const r = score(answers);
    expect(sub(r, 'emotional')?.score).toBeNull();
    expect(sub(r, 'internalising')?.score).toBeNull();
    expect(sub(r, 'conduct')?.score).toBe(2);
    expect(r.total).toBeNull();
    expect(r.band).toBeNull();
    expect(r.warnings).toEqual([{ code: 'SCALES_NOT_SCORABLE', items: ['3', '8', '13'] }]);
  });
});

describe('SDQ totals, composites and bands', () => {
  it('all "not true" → reversed items score 2: conduct 2, hyperactivity 4, peer 4, emotional 0 → total 10', () => {
    const r = score(blank25());
    expect(r.subscales.map((s) => [s.id, s.score])).toEqual([
      ['emotional', 0],
      ['conduct', 2],
      ['hyperactivity', 4],
      ['peer', 4],
      ['prosocial', 0],
      ['externalising', 6],
      ['internalising', 4],
      ['impact', null],
    ]);
    expect(r.total).toBe(10);
    expect(r.band).toMatchObject({ set: 'three-band', id: 'normal' });
    expect(sub(r, 'prosocial')?.band).toMatchObject({ id: 'abnormal', positive: true });
  });

  it.each([
    ['sdq-self', sdqSelf, 15, 'normal', 16, 'borderline', 20, 'abnormal'],
    ['sdq-parent', sdqParent, 13, 'normal', 14, 'borderline', 17, 'abnormal'],
    ['sdq-teacher', sdqTeacher, 11, 'normal', 12, 'borderline', 16, 'abnormal'],
  ])('%s total bands at their boundaries', (_, def, a, ba, b, bb, c, bc) => {
    for (const [total, band] of [
      [a, ba],
      [b, bb],
      [c, bc],
      [(c as number) - 1, bb],
    ] as const) {
      // Fill the 20 difficulty items (non-reversed first at 2) to reach the total.
      const answers: number[] = blank25().map(() => 0);
      for (const n of REVERSED) answers[n - 1] = 2; // reversed items at "certainly true" score 0
      let left = total as number;
      for (const n of [3, 8, 13, 16, 24, 5, 12, 18, 22, 2, 10, 15, 6, 19, 23, 7, 11, 14, 21, 25]) {
        const rev = REVERSED.includes(n);
        const s = Math.min(2, left);
        answers[n - 1] = rev ? 2 - s : s;
        left -= s;
      }
      const r = score(answers, {}, def);
      expect(r.total).toBe(total);
      expect(r.band?.id).toBe(band);
    }
  });

  it('self-report four-band set on request: total 18 → high, emotional 6 → high', () => {
    const answers: number[] = blank25().map(() => 0);
    for (const n of REVERSED) answers[n - 1] = 2;
    for (const n of [3, 8, 13]) answers[n - 1] = 2; // emotional 6
    for (const n of [5, 12, 18, 22, 2, 10]) answers[n - 1] = 2; // + 12
    const r = score(answers, { bandSet: 'four-band' });
    expect(r.total).toBe(18);
    expect(r.band).toMatchObject({ set: 'four-band', id: 'high', positive: true });
    expect(sub(r, 'emotional')?.band).toMatchObject({ set: 'four-band', id: 'high' });
  });
});

describe('SDQ impact supplement', () => {
  const withImpact = (gate: Answer, rest: Answer[]): Answer[] => [...blank25(), gate, ...rest];
  it.each([
    ['no difficulties → 0, follow-ups ignored', 0, [null, null, null, null, null], 0, 'normal'],
    ['"only a little" scores 0', 1, [1, 1, 1, 1, 1], 0, 'normal'],
    ['"quite a lot" 1, "a great deal" 2', 2, [2, 3, 0, 1, 2], 4, 'abnormal'],
    ['all "a great deal" → 10', 3, [3, 3, 3, 3, 3], 10, 'abnormal'],
    ['one item 1 point → borderline', 1, [2, 0, 0, 0, 0], 1, 'borderline'],
    ['yes, but a follow-up blank → no impact score', 1, [2, 2, 2, 2, null], null, undefined],
    ['gate blank → no impact score', null, [null, null, null, null, null], null, undefined],
  ])('%s', (_, gate, rest, impact, band) => {
    const r = score(withImpact(gate, rest));
    expect(sub(r, 'impact')?.score).toBe(impact);
    expect(sub(r, 'impact')?.band?.id).toBe(band);
  });

  it('teacher impact reads distress, peers and classroom only (0–6)', () => {
    const r = score([...blank25(), 3, 3, 3, 3], {}, sdqTeacher);
    expect(sub(r, 'impact')?.score).toBe(6);
  });

  it('reads option labels in both languages', () => {
    const r = score(Array.from({ length: 25 }, (_, i) => (i % 2 ? '有点符合' : 'Not true')));
    expect(r.total).not.toBeNull();
  });
});

describe('SDQ differential: engine vs the official-style algorithm (10,000 seeded rows, blanks included)', () => {
  it('agrees exactly on every scale, composite and total', () => {
    const random = seeded(25);
    const mismatches: string[] = [];
    let prorated = 0;
    let missing = 0;
    for (let row = 0; row < 10_000; row++) {
      const blank = random() * 0.35;
      const answers = Array.from({ length: 25 }, () => (random() < blank ? null : between(random, 0, 2)));
      const want = reference(answers);
      const r = score(answers);
      const got = {
        total: r.total,
        ...Object.fromEntries(r.subscales.filter((s) => s.id !== 'impact').map((s) => [s.id, s.score])),
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`row ${row}: ${JSON.stringify(answers)}`);
      if (r.prorated) prorated++;
      if (want.total === null) missing++;
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(Math.min(prorated, missing)).toBeGreaterThan(1000);
  }, 60_000);
});
