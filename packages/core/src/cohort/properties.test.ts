import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskLevelSchema } from '../domain/risk-level.ts';
import { defaultWorkflowPolicy } from '../workflow/policy.ts';
import { compareCohorts } from './compare.ts';
import { projectCohort } from './project.ts';
import { type CohortStudent, LEVELS_OR_NONE } from './schema.ts';

const level = fc.option(fc.constantFrom(...riskLevelSchema.options), { nil: null });
const term = fc.option(fc.constantFrom('long_term' as const, 'short_term' as const), { nil: undefined });
/** A cohort of up to 60 students, ids by position (pseudonyms in real use). */
const cohort = fc
  .array(fc.record({ level, term }), { maxLength: 60 })
  .map((rows) =>
    rows.map((r, i): CohortStudent => ({ id: `P-${i}`, level: r.level, ...(r.term ? { term: r.term } : {}) })),
  );
/** The same students under a second rule set: each level kept, raised, lowered or dropped. */
const relevel = (students: readonly CohortStudent[]) =>
  fc
    .array(level, { minLength: students.length, maxLength: students.length })
    .map((levels) => students.map((s, i) => ({ ...s, level: levels[i] ?? null })));
const settings = fc.record({
  weeks: fc.integer({ min: 1, max: 30 }),
  noAnswerRate: fc.constantFrom(0, 0.1, 0.25, 0.5),
});

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const schedule = (s: CohortStudent) =>
  s.level === null
    ? []
    : defaultWorkflowPolicy.followUps[s.level][
        s.term ?? (s.level === 'R3' || s.level === 'R4' ? 'long_term' : 'short_term')
      ];

describe('cohort projection properties', () => {
  it('counts every student in exactly one level', () => {
    fc.assert(
      fc.property(cohort, settings, (students, o) => {
        const p = must(projectCohort(students, { start: '2026-09-01', ...o }));
        expect(Object.values(p.cohort.levels).reduce((s, n) => s + n, 0)).toBe(students.length);
        for (const l of LEVELS_OR_NONE) {
          expect(p.cohort.levels[l]).toBe(students.filter((s) => (s.level ?? 'none') === l).length);
        }
        expect(p.totals.cases).toBe(students.length - p.cohort.levels.none);
      }),
    );
  });

  it('keeps every scheduled follow-up and every expected retry: within the horizon or beyond it', () => {
    fc.assert(
      fc.property(cohort, settings, (students, o) => {
        const p = must(projectCohort(students, { start: '2026-09-01', ...o }));
        const scheduled = students.reduce((n, s) => n + schedule(s).length, 0);
        expect(p.totals.followUps + p.beyond.followUps).toBe(scheduled);
        const retried = students
          .filter((s) => s.level !== null && defaultWorkflowPolicy.retryMissed[s.level] !== null)
          .reduce((n, s) => n + schedule(s).length, 0);
        const r = o.noAnswerRate;
        expect(p.totals.retries + p.beyond.retries).toBeCloseTo((retried * r) / (1 - r), 2);
        expect(p.weekly.every((w) => w.contacts >= 0 && w.staffHours >= 0 && w.openCases <= p.totals.cases)).toBe(true);
      }),
    );
  });

  it("obeys Little's law when every case closes within the horizon: mean open cases = λ·W", () => {
    fc.assert(
      fc.property(cohort, fc.integer({ min: 9, max: 40 }), (students, weeks) => {
        // The longest default case (R2: 42 days + 14 to close) is 8 weeks.
        const p = must(projectCohort(students, { start: '2026-09-01', weeks }));
        expect(p.caseload.meanOpen).toBeCloseTo(p.caseload.perWeek * p.caseload.meanWeeks, 3);
        expect(p.caseload.meanOpen).toBeCloseTo(p.caseload.steadyOpen, 3);
      }),
    );
  });
});

describe('cohort comparison properties', () => {
  const pair = cohort.chain((a) => relevel(a).map((b) => [a, b] as const));

  it('has a transition matrix that sums to the cohort size, rows to A and columns to B', () => {
    fc.assert(
      fc.property(pair, settings, ([a, b], o) => {
        const c = must(compareCohorts(a, b, { start: '2026-09-01', ...o }));
        let sum = 0;
        for (const from of LEVELS_OR_NONE) {
          const row = LEVELS_OR_NONE.reduce((s, to) => s + c.transitions[from][to], 0);
          expect(row).toBe(c.a.cohort.levels[from]);
          sum += row;
        }
        for (const to of LEVELS_OR_NONE) {
          expect(LEVELS_OR_NONE.reduce((s, from) => s + c.transitions[from][to], 0)).toBe(c.b.cohort.levels[to]);
        }
        expect(sum).toBe(a.length);
        expect(c.changes.raised + c.changes.lowered + c.changes.unchanged).toBe(a.length);
        expect(c.changed.length).toBe(c.changes.raised + c.changes.lowered);
      }),
    );
  });

  it('gives zero delta and no changes when a rule set is compared with itself', () => {
    fc.assert(
      fc.property(cohort, settings, (a, o) => {
        const c = must(compareCohorts(a, a, { start: '2026-09-01', ...o }));
        expect(c.changed).toEqual([]);
        expect(Object.values(c.delta.totals).every((d) => d === 0)).toBe(true);
        for (const w of c.delta.weekly) {
          expect([w.newCases, w.referrals, w.followUps, w.retries, w.contacts, w.openCases, w.staffHours]).toEqual([
            0, 0, 0, 0, 0, 0, 0,
          ]);
        }
      }),
    );
  });

  it('gives opposite deltas when A and B swap', () => {
    fc.assert(
      fc.property(pair, settings, ([a, b], o) => {
        const ab = must(compareCohorts(a, b, { start: '2026-09-01', ...o }));
        const ba = must(compareCohorts(b, a, { start: '2026-09-01', ...o }));
        for (const [k, v] of Object.entries(ab.delta.totals)) {
          expect(v + ba.delta.totals[k as keyof typeof ab.delta.totals]).toBeCloseTo(0, 3);
        }
      }),
    );
  });
});
