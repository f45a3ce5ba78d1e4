import { describe, expect, it } from 'vitest';
import { defaultWorkflowPolicy } from '../workflow/policy.ts';
import { type CohortWeek, projectCohort } from './project.ts';
import type { CohortOptions, CohortStudent } from './schema.ts';

const START = '2026-09-01';

function project(students: readonly CohortStudent[], options: Partial<CohortOptions> = {}) {
  const result = projectCohort(students, { start: START, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const cohort = (...levels: CohortStudent['level'][]): CohortStudent[] =>
  levels.map((level, i) => ({ id: `S${i + 1}`, level }));

const totalOf = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((s, n) => s + n, 0);
const row = (w: CohortWeek) => [
  w.week,
  w.from,
  totalOf(w.newCases),
  w.referrals,
  totalOf(w.followUps),
  w.contacts,
  w.openCases,
  w.staffHours,
];

describe('projectCohort: R3, R2, R1 and two students without a level, default policy', () => {
  // Hand-computed from the default policy (workflow/policy.ts): R3 follow-ups at 1, 3, 7, 14, 21, 28 days; R2 at 7,
  // 14, 28, 42; R1 at 14. A case stays open until its last follow-up plus the 14-day closing step: R3 42 days (6
  // weeks), R2 56 (8), R1 28 (4). Minutes: assessment R3 25 + R2 15 + R1 10; follow-ups 25 / 15 / 10.
  const p = project(cohort('R3', 'R2', 'R1', null, null));

  it.each([
    // week, from, new cases, referrals, follow-ups, contacts, open at week end, staff hours
    [1, '2026-09-01', 3, 2, 2, 2, 3, round((50 + 2 * 25) / 60)],
    [2, '2026-09-08', 0, 0, 2, 2, 3, round((25 + 15) / 60)],
    [3, '2026-09-15', 0, 0, 3, 3, 3, round((25 + 15 + 10) / 60)],
    [4, '2026-09-22', 0, 0, 1, 1, 2, round(25 / 60)],
    [5, '2026-09-29', 0, 0, 2, 2, 2, round((25 + 15) / 60)],
    [6, '2026-10-06', 0, 0, 0, 0, 1, 0],
    [7, '2026-10-13', 0, 0, 1, 1, 1, 0.25],
    [8, '2026-10-20', 0, 0, 0, 0, 0, 0],
    [12, '2026-11-17', 0, 0, 0, 0, 0, 0],
  ])('week %i (from %s)', (week, ...expected) => {
    expect(row(p.weekly[week - 1] as CohortWeek)).toEqual([week, ...expected]);
  });

  it('counts the cohort by level, each student once', () => {
    expect(p.cohort).toEqual({ size: 5, levels: { none: 2, R0: 0, R1: 1, R2: 1, R3: 1, R4: 0 } });
  });

  it('totals the horizon, with nothing left beyond it', () => {
    expect(p.totals).toEqual({ cases: 3, referrals: 2, followUps: 11, retries: 0, contacts: 11, staffHours: 4.5 });
    expect(p.beyond).toEqual({ followUps: 0, retries: 0 });
  });

  it("gives Little's law: λ = 3 cases / 12 weeks, W = (6 + 8 + 4) / 3 weeks, L = λW", () => {
    expect(p.caseload).toEqual({ perWeek: 0.25, meanWeeks: 6, meanOpen: 1.5, steadyOpen: 1.5 });
  });

  it('splits follow-ups by level', () => {
    expect(p.weekly[2]?.followUps).toEqual({ R0: 0, R1: 1, R2: 1, R3: 1, R4: 0 });
  });
});

describe('projectCohort: no-answer retries', () => {
  it('retries an R2 follow-up every 72 h until answered (expected attempts 1 / (1 − r))', () => {
    const p = project(cohort('R2'), { noAnswerRate: 0.5 });
    // The 7-day follow-up is retried at day 10 (weight ½) and 13 (¼) in week 2; the 14-day one starts week 3.
    expect(p.weekly[1]?.retries).toBe(0.75);
    expect(p.weekly[1]?.contacts).toBe(1.75);
    // An attempt: answered half the time (15 min), unanswered otherwise (2 min) = 8.5 min.
    expect(p.weekly[1]?.staffHours).toBe(round((1.75 * 8.5) / 60));
    // Four follow-ups, each with r / (1 − r) = 1 expected retry: within the horizon or beyond it.
    expect(p.totals.retries + p.beyond.retries).toBeCloseTo(4, 9);
  });

  it('never retries a level whose policy has no retry (R1), but a missed attempt still takes time', () => {
    const p = project(cohort('R1'), { noAnswerRate: 0.2 });
    expect(p.totals.retries).toBe(0);
    expect(p.weekly[2]?.contacts).toBe(1);
    // 10 min assessment in week 1; one attempt in week 3: 0.8 × 10 + 0.2 × 2 = 8.4 min.
    expect(p.weekly[0]?.staffHours).toBe(round(10 / 60));
    expect(p.weekly[2]?.staffHours).toBe(round(8.4 / 60));
  });

  it('follows the policy: R4 retries after 24 h', () => {
    const p = project(cohort('R4'), { noAnswerRate: 0.1, weeks: 52 });
    // Five follow-ups, 0.1 / 0.9 expected retries each, all within a year.
    expect(p.totals.retries).toBeCloseTo(5 / 9, 3);
  });
});

describe('projectCohort: horizon and settings', () => {
  it('counts follow-ups after the horizon as beyond, never drops them', () => {
    const p = project(cohort('R2'), { weeks: 2 });
    expect(p.weekly.map((w) => w.followUps.R2)).toEqual([0, 1]);
    expect(p.beyond.followUps).toBe(3);
    expect(p.weekly.map((w) => w.openCases)).toEqual([1, 1]);
    // The 8-week case is open the whole horizon (L = 1); repeated every 2 weeks, 4 would be open (λW = ½ × 8).
    expect(p.caseload).toEqual({ perWeek: 0.5, meanWeeks: 8, meanOpen: 1, steadyOpen: 4 });
  });

  it('counts referrals from the given level', () => {
    expect(project(cohort('R1', 'R2', 'R3'), { referralFrom: 'R3' }).totals.referrals).toBe(1);
    expect(project(cohort('R1', 'R2', 'R3'), { referralFrom: 'R1' }).totals.referrals).toBe(3);
  });

  it('takes explicit case durations and handle times', () => {
    const p = project(cohort('R2', 'R2'), {
      caseDurations: { R2: 'P14D' },
      handleMinutes: { assessment: { R2: 30 }, followUp: { R2: 60 } },
    });
    expect(p.weekly.map((w) => w.openCases).slice(0, 3)).toEqual([2, 0, 0]);
    expect(p.weekly[0]?.staffHours).toBe(1);
    expect(p.weekly[1]?.staffHours).toBe(2);
    expect(p.settings.caseWeeks.R2).toBe(2);
  });

  it('uses the given policy: a one-follow-up R1 at 28 days, as the default rule set schedules it', () => {
    const policy = {
      ...defaultWorkflowPolicy,
      followUps: { ...defaultWorkflowPolicy.followUps, R1: { long_term: ['P28D'], short_term: ['P28D'] } },
    };
    const p = project(cohort('R1'), { policy });
    expect(p.weekly.map((w) => w.followUps.R1).slice(0, 6)).toEqual([0, 0, 0, 0, 1, 0]);
    expect(p.settings.caseWeeks.R1).toBe(6);
  });

  it('schedules by the case term when the decision gives one', () => {
    const policy = {
      ...defaultWorkflowPolicy,
      followUps: { ...defaultWorkflowPolicy.followUps, R2: { long_term: ['P7D', 'P90D'], short_term: ['P7D'] } },
    };
    const long = project([{ id: 'a', level: 'R2', term: 'long_term' }], { policy });
    const short = project([{ id: 'a', level: 'R2' }], { policy });
    expect(long.beyond.followUps).toBe(1);
    expect(short.beyond.followUps).toBe(0);
  });

  it('starts weeks at a timestamp as well as a date', () => {
    const p = project(cohort('R3'), { start: '2026-09-01T08:00:00+08:00' });
    expect(p.weekly[1]?.from).toBe('2026-09-08');
  });

  it('projects an empty cohort to zeros', () => {
    const p = project([]);
    expect(p.totals).toEqual({ cases: 0, referrals: 0, followUps: 0, retries: 0, contacts: 0, staffHours: 0 });
    expect(p.caseload).toEqual({ perWeek: 0, meanWeeks: 0, meanOpen: 0, steadyOpen: 0 });
  });

  it.each([
    [{ weeks: 0 }, 'weeks'],
    [{ weeks: 2.5 }, 'weeks'],
    [{ noAnswerRate: 1 }, 'noAnswerRate'],
    [{ noAnswerRate: -0.1 }, 'noAnswerRate'],
    [{ start: 'next monday' }, 'start'],
    [{ caseDurations: { R2: 'P1M' } }, 'caseDurations.R2'],
    [{ handleMinutes: { noAnswer: -1 } }, 'handleMinutes.noAnswer'],
  ])('rejects %j as a value naming %s', (options, path) => {
    const result = projectCohort(cohort('R1'), { start: START, ...options } as CohortOptions);
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.code === 'CORE_COHORT_INVALID_OPTIONS') {
      expect(result.error.issues.map((i) => i.path)).toContain(path);
    } else expect.unreachable();
  });
});

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
