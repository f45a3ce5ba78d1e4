import { err, ok, type Result } from '@triage/scales';
import { type CohortProjection, type CohortWeek, projectCohort } from './project.ts';
import {
  type CohortError,
  type CohortOptions,
  type CohortStudent,
  LEVELS_OR_NONE,
  type LevelOrNone,
} from './schema.ts';

/** Rule set B's week minus rule set A's, field by field (follow-ups summed over levels). */
export interface CohortWeekDelta {
  readonly week: number;
  readonly from: string;
  readonly newCases: number;
  readonly referrals: number;
  readonly followUps: number;
  readonly retries: number;
  readonly contacts: number;
  readonly openCases: number;
  readonly staffHours: number;
}

/** Counts of students by level under A (rows) and under B (columns). */
export type TransitionMatrix = Readonly<Record<LevelOrNone, Readonly<Record<LevelOrNone, number>>>>;

/** Two rule sets over the same students: who changes level, and what that does to the workload. */
export interface CohortComparison {
  readonly a: CohortProjection;
  readonly b: CohortProjection;
  /** Every student counted once: the matrix sums to the cohort size. */
  readonly transitions: TransitionMatrix;
  readonly changes: { readonly raised: number; readonly lowered: number; readonly unchanged: number };
  /** The students whose level differs, by id only (pass pseudonyms), in input order. */
  readonly changed: readonly { readonly id: string; readonly from: LevelOrNone; readonly to: LevelOrNone }[];
  readonly delta: {
    readonly weekly: readonly CohortWeekDelta[];
    readonly totals: Readonly<Record<keyof CohortProjection['totals'], number>>;
  };
}

const order = (l: LevelOrNone) => LEVELS_OR_NONE.indexOf(l);
const round = (x: number) => Math.round(x * 1e4) / 1e4;
const total = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((s, n) => s + n, 0);

function weekDelta(a: CohortWeek, b: CohortWeek): CohortWeekDelta {
  const d = (pick: (w: CohortWeek) => number) => round(pick(b) - pick(a));
  return {
    week: a.week,
    from: a.from,
    newCases: d((w) => total(w.newCases)),
    referrals: d((w) => w.referrals),
    followUps: d((w) => total(w.followUps)),
    retries: d((w) => w.retries),
    contacts: d((w) => w.contacts),
    openCases: d((w) => w.openCases),
    staffHours: d((w) => w.staffHours),
  };
}

/**
 * Compares two rule sets' decisions on the same students (`a[i]` and `b[i]` are one student, same id): the
 * level-transition matrix, the students whose level changes, and the workload delta (B − A) week by week, both
 * projected with the same options. A rule set compared with itself gives an empty change list and zero deltas.
 * @see reference/triage.md §3.1 (follow-up workload)
 * @example
 * const c = compareCohorts(levelsUnderDefault, levelsUnderStricter, { start: '2026-09-01' });
 * if (c.ok) c.value.transitions.R1.R2; // students moved from R1 to R2
 */
export function compareCohorts(
  a: readonly CohortStudent[],
  b: readonly CohortStudent[],
  options: CohortOptions,
): Result<CohortComparison, CohortError> {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]?.id !== b[i]?.id) return err({ code: 'CORE_COHORT_MISMATCH', index: i });
  }
  const pa = projectCohort(a, options);
  if (!pa.ok) return pa;
  const pb = projectCohort(b, options);
  if (!pb.ok) return pb;

  const matrix = Object.fromEntries(
    LEVELS_OR_NONE.map((from) => [from, Object.fromEntries(LEVELS_OR_NONE.map((to) => [to, 0]))]),
  ) as Record<LevelOrNone, Record<LevelOrNone, number>>;
  const changes = { raised: 0, lowered: 0, unchanged: 0 };
  const changed: { id: string; from: LevelOrNone; to: LevelOrNone }[] = [];
  a.forEach((student, i) => {
    const from = student.level ?? 'none';
    const to = b[i]?.level ?? 'none';
    matrix[from][to]++;
    const step = order(to) - order(from);
    if (step === 0) changes.unchanged++;
    else {
      if (step > 0) changes.raised++;
      else changes.lowered++;
      changed.push({ id: student.id, from, to });
    }
  });

  const weekly = pa.value.weekly.map((w, i) => weekDelta(w, pb.value.weekly[i] as CohortWeek));
  const ta = pa.value.totals;
  const tb = pb.value.totals;
  const totals = Object.fromEntries(
    (Object.keys(ta) as (keyof typeof ta)[]).map((k) => [k, round(tb[k] - ta[k])]),
  ) as Record<keyof typeof ta, number>;
  return ok({
    a: pa.value,
    b: pb.value,
    transitions: matrix,
    changes,
    changed,
    delta: { weekly, totals },
  });
}
