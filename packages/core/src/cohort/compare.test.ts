import { describe, expect, it } from 'vitest';
import { compareCohorts } from './compare.ts';
import type { CohortStudent } from './schema.ts';

const START = '2026-09-01';
const students = (levels: CohortStudent['level'][]): CohortStudent[] =>
  levels.map((level, i) => ({ id: `P-${i + 1}`, level }));

describe('compareCohorts', () => {
  const a = students(['R1', 'R2', null, 'R3', 'R2']);
  const b = students(['R2', 'R2', 'R1', 'R3', 'R1']);
  const result = compareCohorts(a, b, { start: START });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const c = result.value;

  it.each([
    ['R1', 'R2', 1],
    ['R2', 'R2', 1],
    ['none', 'R1', 1],
    ['R3', 'R3', 1],
    ['R2', 'R1', 1],
    ['R1', 'R1', 0],
    ['none', 'none', 0],
  ] as const)('moves %s → %s: %i', (from, to, n) => {
    expect(c.transitions[from][to]).toBe(n);
  });

  it('lists who changes, by id, in input order', () => {
    expect(c.changed).toEqual([
      { id: 'P-1', from: 'R1', to: 'R2' },
      { id: 'P-3', from: 'none', to: 'R1' },
      { id: 'P-5', from: 'R2', to: 'R1' },
    ]);
    expect(c.changes).toEqual({ raised: 2, lowered: 1, unchanged: 2 });
  });

  it('gives the workload delta B − A', () => {
    // A: 4 cases, referrals R2, R3, R2 = 3. B: 5 cases, referrals R2, R2, R3 = 3.
    expect(c.delta.totals.cases).toBe(1);
    expect(c.delta.totals.referrals).toBe(0);
    // Week 2: A and B both have R2 ×2 and R3 at 7 days. Week 3 (14 days): B has two R1 follow-ups, A one.
    expect(c.delta.weekly[1]?.followUps).toBe(0);
    expect(c.delta.weekly[2]?.followUps).toBe(1);
    // One R2 became R1 and one R1 became R2, one none became R1: one more R1 follow-up at day 14.
    expect(c.delta.totals.followUps).toBe(1);
    expect(c.delta.weekly[0]?.newCases).toBe(1);
  });

  it('keeps both projections', () => {
    expect(c.a.cohort.levels.none).toBe(1);
    expect(c.b.cohort.levels.none).toBe(0);
  });

  it('refuses two lists that are not the same students', () => {
    expect(compareCohorts(a, b.slice(1), { start: START })).toEqual({
      ok: false,
      error: { code: 'CORE_COHORT_MISMATCH', index: 0 },
    });
    expect(compareCohorts(a, [...b, { id: 'P-9', level: null }], { start: START })).toEqual({
      ok: false,
      error: { code: 'CORE_COHORT_MISMATCH', index: 5 },
    });
  });

  it('passes invalid options through as a value', () => {
    const r = compareCohorts(a, b, { start: START, weeks: -1 });
    expect(r.ok ? null : r.error.code).toBe('CORE_COHORT_INVALID_OPTIONS');
  });
});
