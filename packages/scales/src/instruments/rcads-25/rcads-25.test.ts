import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answers } from '../../engine/types.ts';
import { rcads25 } from './definition.ts';

const score = (answers: Answers) => {
  const r = scoreInstrument(rcads25, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** The RCADS-25 key, independent of the definition (NDA RCADS-25 Youth; davhunt/instruments data dictionary). */
const DEPRESSION = [1, 4, 8, 10, 13, 15, 16, 19, 21, 24];
const ANXIETY = [2, 3, 5, 6, 7, 9, 11, 12, 14, 17, 18, 20, 22, 23, 25];

function referenceRcads(answers: readonly (number | null)[]) {
  const sum = (items: readonly number[]) => {
    const values = items.map((i) => answers[i - 1]);
    return values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v as number), 0);
  };
  const depression = sum(DEPRESSION);
  const anxiety = sum(ANXIETY);
  return { total: depression === null || anxiety === null ? null : depression + anxiety, depression, anxiety };
}

describe('RCADS-25 definition', () => {
  it('is a valid instrument definition (schema round-trip)', () => {
    expect(instrumentSchema.parse(rcads25)).toEqual(rcads25);
  });

  it('keys 10 depression and 15 anxiety items, 0–3, raw scores only (no bands, cut-offs or T-scores)', () => {
    const items = Object.fromEntries((rcads25.subscales ?? []).map((s) => [s.id, s.items.map(Number)]));
    expect(items).toEqual({ depression: DEPRESSION, anxiety: ANXIETY });
    expect(rcads25.options.map((o) => o.value)).toEqual([0, 1, 2, 3]);
    expect(rcads25.bandSets).toEqual([]);
    expect(rcads25.cutoffs).toBeUndefined();
    expect(rcads25.index).toBeUndefined();
    expect(rcads25.subscales?.every((s) => s.bandSets === undefined)).toBe(true);
    expect(rcads25.licence).toMatchObject({ status: 'permission-required', itemText: false });
  });

  it('does not flag item 18 ("thinks about death", an anxiety item): the source defines no critical item', () => {
    expect(rcads25.critical).toBeUndefined();
    expect(rcads25.subscales?.find((s) => s.id === 'anxiety')?.items).toContain('18');
  });
});

describe('RCADS-25 raw scores', () => {
  it.each([
    [0, 0, 0, 0],
    [1, 25, 10, 15],
    [2, 50, 20, 30],
    [3, 75, 30, 45],
  ])('every item %i → total %i, depression %i, anxiety %i', (v, total, depression, anxiety) => {
    const r = score(Array<number>(25).fill(v));
    expect(r.total).toBe(total);
    expect(r.band).toBeNull();
    expect(r.subscales.map((s) => [s.id, s.score, s.band])).toEqual([
      ['depression', depression, null],
      ['anxiety', anxiety, null],
    ]);
  });

  it('depression items only at 3 → depression 30, anxiety 0 (a swapped key would show)', () => {
    const r = score(Array.from({ length: 25 }, (_, i) => (DEPRESSION.includes(i + 1) ? 3 : 0)));
    expect(r.subscales.map((s) => s.score)).toEqual([30, 0]);
  });

  it('reads Chinese and English labels', () => {
    const numeric = Array.from({ length: 25 }, (_, i) => i % 4);
    const zh = ['从不', '有时', '经常', '总是'];
    const en = ['Never', 'Sometimes', 'Often', 'Always'];
    expect(score(numeric.map((v) => zh[v] as string))).toEqual(score(numeric));
    expect(score(numeric.map((v) => en[v] as string))).toEqual(score(numeric));
  });

  it('a blank item: no total, and no score for its subscale (no proration)', () => {
    const answers: (number | null)[] = Array<number>(25).fill(1);
    answers[17] = null;
    const r = score(answers);
    expect(r.total).toBeNull();
    expect(r.subscales.map((s) => s.score)).toEqual([10, null]);
  });
});

describe('RCADS-25 differential: engine vs the published key', () => {
  it('agrees on 10,000 seeded random response sets (with blanks)', () => {
    const answer = fc.oneof(
      { weight: 50, arbitrary: fc.integer({ min: 0, max: 3 }) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    fc.assert(
      fc.property(fc.array(answer, { minLength: 25, maxLength: 25 }), (answers) => {
        const r = score(answers);
        const expected = referenceRcads(answers);
        expect(r.total).toBe(expected.total);
        expect(r.subscales.map((s) => [s.id, s.score, s.band])).toEqual([
          ['depression', expected.depression, null],
          ['anxiety', expected.anxiety, null],
        ]);
      }),
      { seed: 20261123, numRuns: 10_000 },
    );
  }, 60_000);
});
