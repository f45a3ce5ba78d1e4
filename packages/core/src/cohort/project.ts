import { err, ok, type Result } from '@triage/scales';
import type { CaseTerm } from '../domain/case.ts';
import { type RiskLevel, riskLevelSchema } from '../domain/risk-level.ts';
import { durationMs } from '../workflow/duration.ts';
import { defaultWorkflowPolicy, type WorkflowPolicy } from '../workflow/policy.ts';
import { DEFAULT_CONTACT_MINUTES, DEFAULT_NO_ANSWER_MINUTES } from './defaults.ts';
import {
  type CohortError,
  type CohortOptions,
  type CohortStudent,
  LEVELS_OR_NONE,
  type LevelOrNone,
  parseCohortSettings,
} from './schema.ts';

const LEVELS = riskLevelSchema.options;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** A count per risk level. */
export type LevelCounts = Readonly<Record<RiskLevel, number>>;

/** One week of the projection. Follow-up figures are expected values (fractional once a no-answer rate is set). */
export interface CohortWeek {
  /** 1 for the week that starts on the screening date. */
  readonly week: number;
  /** Its first day (YYYY-MM-DD, UTC). */
  readonly from: string;
  /** Cases opened (all on the screening date, so in week 1), by level. */
  readonly newCases: LevelCounts;
  /** New cases at or above the referral level. */
  readonly referrals: number;
  /** Scheduled follow-ups due this week (first attempts), by level. */
  readonly followUps: LevelCounts;
  /** Expected retries of unanswered follow-ups due this week. */
  readonly retries: number;
  /** Follow-up attempts: scheduled plus retries. */
  readonly contacts: number;
  /** Cases still open (before 结案) at the end of the week. */
  readonly openCases: number;
  /** Staff hours: first assessments, answered follow-ups and unanswered attempts at their handle times. */
  readonly staffHours: number;
}

/** The referral and follow-up workload of one screened cohort under one rule set, week by week. */
export interface CohortProjection {
  readonly start: string;
  readonly weeks: number;
  readonly cohort: { readonly size: number; readonly levels: Readonly<Record<LevelOrNone, number>> };
  readonly weekly: readonly CohortWeek[];
  readonly totals: {
    readonly cases: number;
    readonly referrals: number;
    readonly followUps: number;
    readonly retries: number;
    readonly contacts: number;
    readonly staffHours: number;
  };
  /** Follow-ups (and their expected retries) due after the last projected week: nothing scheduled is dropped. */
  readonly beyond: { readonly followUps: number; readonly retries: number };
  /**
   * Little's law: cases a week (λ = cases / weeks), mean case length in weeks (W), the mean number of open cases over
   * the projected weeks, and λ·W, the open cases of a steady flow (this screening repeated every `weeks` weeks). The
   * two agree when every case closes within the horizon.
   */
  readonly caseload: {
    readonly perWeek: number;
    readonly meanWeeks: number;
    readonly meanOpen: number;
    readonly steadyOpen: number;
  };
  /** Settings used, defaults filled in, so the numbers can be reproduced. */
  readonly settings: {
    readonly noAnswerRate: number;
    readonly referralFrom: RiskLevel;
    readonly handleMinutes: {
      readonly assessment: LevelCounts;
      readonly followUp: LevelCounts;
      readonly noAnswer: number;
    };
    readonly caseWeeks: LevelCounts;
  };
}

const zeros = (): Record<RiskLevel, number> => ({ R0: 0, R1: 0, R2: 0, R3: 0, R4: 0 });
const rank = (level: RiskLevel) => LEVELS.indexOf(level);
/** Expected values to 4 decimals: enough for hours and contacts, and no float noise in tables or JSON. */
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The case term the workflow schedules by; §0.1 makes R3–R4 long-term cases, R1 short-term, R2 by judgement. */
const termOf = (s: CohortStudent): CaseTerm =>
  s.term ?? (s.level === 'R3' || s.level === 'R4' ? 'long_term' : 'short_term');

/** Students grouped by level and term: the projection's work grows with the groups, not with the cohort. */
function groups(students: readonly CohortStudent[]): Map<string, { level: RiskLevel; term: CaseTerm; n: number }> {
  const map = new Map<string, { level: RiskLevel; term: CaseTerm; n: number }>();
  for (const s of students) {
    if (s.level === null) continue;
    const term = termOf(s);
    const key = `${s.level}/${term}`;
    const g = map.get(key);
    if (g) g.n++;
    else map.set(key, { level: s.level, term, n: 1 });
  }
  return map;
}

/** How long a case stays open: the given duration, else the last scheduled follow-up plus the policy's closing step. */
function caseMs(
  { level, term }: { readonly level: RiskLevel; readonly term: CaseTerm },
  policy: WorkflowPolicy,
  given: string | undefined,
): number {
  if (given !== undefined) return durationMs(given);
  const offsets = policy.followUps[level][term].map(durationMs);
  return Math.max(0, ...offsets) + durationMs(policy.steps.close);
}

/** Running sums of a projection, week by week (index 0 = week 1). */
interface Load {
  readonly newCases: Record<RiskLevel, number>[];
  readonly followUps: Record<RiskLevel, number>[];
  readonly retries: number[];
  readonly openCases: number[];
  readonly minutes: number[];
  readonly beyond: { followUps: number; retries: number };
  referrals: number;
  cases: number;
  /** Case-milliseconds in all and within the horizon, for Little's law. */
  caseTime: number;
  caseTimeWithin: number;
}

function emptyLoad(weeks: number): Load {
  const numbers = () => new Array<number>(weeks).fill(0);
  return {
    newCases: Array.from({ length: weeks }, zeros),
    followUps: Array.from({ length: weeks }, zeros),
    retries: numbers(),
    openCases: numbers(),
    minutes: numbers(),
    beyond: { followUps: 0, retries: 0 },
    referrals: 0,
    cases: 0,
    caseTime: 0,
    caseTimeWithin: 0,
  };
}

const add = (list: number[], i: number, x: number) => {
  list[i] = (list[i] ?? 0) + x;
};

interface FollowUpRule {
  readonly r: number;
  /** 0: a missed follow-up of this level is not retried (or nothing is missed). */
  readonly retryMs: number;
  readonly weeks: number;
  /** Expected minutes of one attempt: answered (1 − r) at the follow-up handle time, else the no-answer time. */
  readonly attemptMinutes: number;
}

/**
 * One follow-up, due `offset` after the screening, for `n` students: its first attempt, then the k-th retry
 * `k × retry` later when k attempts in a row went unanswered (weight r^k), as the workflow retries until answered.
 */
function addFollowUp(load: Load, at: { offset: number; n: number; level: RiskLevel }, rule: FollowUpRule): void {
  const { offset, n, level } = at;
  const { r, retryMs, weeks, attemptMinutes } = rule;
  const w = Math.floor(offset / WEEK_MS);
  if (w >= weeks) {
    load.beyond.followUps += n;
    if (retryMs > 0) load.beyond.retries += (n * r) / (1 - r);
    return;
  }
  (load.followUps[w] as Record<RiskLevel, number>)[level] += n;
  add(load.minutes, w, n * attemptMinutes);
  if (retryMs <= 0) return;
  let weight = r;
  for (let due = offset + retryMs; weight > 0; due += retryMs, weight *= r) {
    const rw = Math.floor(due / WEEK_MS);
    if (rw >= weeks) {
      // The rest of the geometric series, r^k + r^(k+1) + … = r^k / (1 − r), falls after the horizon.
      load.beyond.retries += (n * weight) / (1 - r);
      return;
    }
    add(load.retries, rw, n * weight);
    add(load.minutes, rw, n * weight * attemptMinutes);
  }
}

/** A case open from the screening date for `length` ms: counted at each week end it is still open. */
function addCase(load: Load, n: number, length: number): void {
  const weeks = load.openCases.length;
  load.cases += n;
  load.caseTime += n * length;
  load.caseTimeWithin += n * Math.min(length, weeks * WEEK_MS);
  for (let w = 0; w < weeks && length > (w + 1) * WEEK_MS; w++) add(load.openCases, w, n);
}

/**
 * Projects the referral and follow-up workload of a screened cohort week by week: every student with a level opens a
 * case on the screening date; its follow-ups fall due at the workflow policy's offsets for the level and case term;
 * with a no-answer rate r, an unanswered attempt is retried `retryMissed` later, as the workflow does, until answered
 * (expected attempts per follow-up 1/(1 − r); none for levels without a retry); a case stays open until its last
 * follow-up plus the closing step. Expected values, no randomness: the same input gives the same projection.
 * @see reference/triage.md §0.1 (follow-up schedules, proposed defaults), §3.1 (follow-up workload, Little's law)
 * @example
 * const p = projectCohort([{ id: 'P-1', level: 'R3' }, { id: 'P-2', level: null }], { start: '2026-09-01' });
 * if (p.ok) p.value.weekly[0]?.followUps.R3; // 2: the 24 h and 72 h follow-ups
 */
export function projectCohort(
  students: readonly CohortStudent[],
  options: CohortOptions,
): Result<CohortProjection, CohortError> {
  const parsed = parseCohortSettings(options);
  if (!parsed.ok) return err(parsed.error);
  const settings = parsed.value;
  const policy = options.policy ?? defaultWorkflowPolicy;
  const { weeks, noAnswerRate: r } = settings;
  const handle = {
    assessment: { ...DEFAULT_CONTACT_MINUTES, ...settings.handleMinutes?.assessment },
    followUp: { ...DEFAULT_CONTACT_MINUTES, ...settings.handleMinutes?.followUp },
    noAnswer: settings.handleMinutes?.noAnswer ?? DEFAULT_NO_ANSWER_MINUTES,
  };
  const load = emptyLoad(weeks);
  for (const { level, term, n } of groups(students).values()) {
    (load.newCases[0] as Record<RiskLevel, number>)[level] += n;
    if (rank(level) >= rank(settings.referralFrom)) load.referrals += n;
    add(load.minutes, 0, n * handle.assessment[level]);
    const retry = policy.retryMissed[level];
    const rule: FollowUpRule = {
      r,
      retryMs: retry === null || r === 0 ? 0 : durationMs(retry),
      weeks,
      attemptMinutes: (1 - r) * handle.followUp[level] + r * handle.noAnswer,
    };
    for (const offset of policy.followUps[level][term].map(durationMs)) addFollowUp(load, { offset, n, level }, rule);
    addCase(load, n, caseMs({ level, term }, policy, settings.caseDurations?.[level]));
  }
  const caseWeeks = Object.fromEntries(
    LEVELS.map((l) => [
      l,
      round(caseMs({ level: l, term: termOf({ id: '', level: l }) }, policy, settings.caseDurations?.[l]) / WEEK_MS),
    ]),
  ) as LevelCounts;
  return ok({
    ...summarize(students, load, settings),
    settings: { noAnswerRate: r, referralFrom: settings.referralFrom, handleMinutes: handle, caseWeeks },
  });
}

/** The weekly rows, totals and caseload of a finished load. */
function summarize(
  students: readonly CohortStudent[],
  load: Load,
  settings: { readonly start: string; readonly weeks: number },
): Omit<CohortProjection, 'settings'> {
  const { weeks } = settings;
  const startMs = Date.parse(settings.start);
  const levels = Object.fromEntries(LEVELS_OR_NONE.map((l) => [l, 0])) as Record<LevelOrNone, number>;
  for (const s of students) levels[s.level ?? 'none']++;
  const weekly: CohortWeek[] = load.newCases.map((opened, w) => {
    const due = load.followUps[w] as LevelCounts;
    const scheduled = LEVELS.reduce((sum, l) => sum + due[l], 0);
    const retries = load.retries[w] ?? 0;
    return {
      week: w + 1,
      from: new Date(startMs + w * WEEK_MS).toISOString().slice(0, 10),
      newCases: opened,
      referrals: w === 0 ? load.referrals : 0,
      followUps: due,
      retries: round(retries),
      contacts: round(scheduled + retries),
      openCases: load.openCases[w] ?? 0,
      staffHours: round((load.minutes[w] ?? 0) / 60),
    };
  });
  const scheduled = weekly.reduce((s, w) => s + LEVELS.reduce((t, l) => t + w.followUps[l], 0), 0);
  const retried = load.retries.reduce((s, x) => s + x, 0);
  const { cases } = load;
  return {
    start: settings.start,
    weeks,
    cohort: { size: students.length, levels },
    weekly,
    totals: {
      cases,
      referrals: load.referrals,
      followUps: scheduled,
      retries: round(retried),
      contacts: round(scheduled + retried),
      staffHours: round(load.minutes.reduce((s, x) => s + x, 0) / 60),
    },
    beyond: { followUps: load.beyond.followUps, retries: round(load.beyond.retries) },
    caseload: {
      perWeek: round(cases / weeks),
      meanWeeks: cases === 0 ? 0 : round(load.caseTime / cases / WEEK_MS),
      meanOpen: round(load.caseTimeWithin / (weeks * WEEK_MS)),
      steadyOpen: round(load.caseTime / (weeks * WEEK_MS)),
    },
  };
}
