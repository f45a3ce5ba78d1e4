import { err, ok, type Result } from '@triage/scales';
import { type AnalyticError, invalidInput } from './errors.ts';
import {
  checkCriteria,
  fullTimeEquivalents,
  positionsUnchecked,
  type StaffingCriteria,
  type StaffingModel,
  searchAgents,
} from './staffing.ts';
import { checkInputs } from './validate.ts';

/** A day of calls spread over 24 hours, the staffing criteria, and the contract that turns seats into people. */
export type HourlyStaffingOptions = StaffingModel &
  StaffingCriteria & {
    readonly callsPerDay: number;
    /** 24 non-negative shares of the day's calls, hour 0 (00:00–01:00) first; normalised here, so percent is fine. */
    readonly profile: readonly number[];
    /** Share of paid time not spent in a seat, in [0, 1). */
    readonly shrinkage: number;
    /** Paid hours of one full-time contract per week. */
    readonly contractHoursPerWeek: number;
  };

/** The minimum staffing of one hour and the model's figures at it. */
export interface HourStaffing {
  /** 0–23: the hour starting at hh:00. */
  readonly hour: number;
  readonly callsPerHour: number;
  /** Minimum agents in seats. */
  readonly agents: number;
  /** Rostered positions with shrinkage, ⌈agents/(1 − s)⌉. */
  readonly positions: number;
  readonly serviceLevel: number;
  readonly pWait: number;
  /** 0 under Erlang C, whose callers never hang up. */
  readonly pAbandon: number;
  readonly asaSeconds: number;
  readonly occupancy: number;
}

export interface HourlyStaffingResult {
  readonly hours: readonly HourStaffing[];
  /** Σ agents over the day. */
  readonly seatHoursPerDay: number;
  readonly peakAgents: number;
  readonly peakPositions: number;
  /** Full-time equivalents to staff this day every day of the week (see {@link fullTimeEquivalents}). */
  readonly fte: number;
}

const HOURS = 24;

/**
 * Minimum seats for each hour of the day: the day's calls split by the profile, each hour staffed on its own as a
 * steady state (the usual interval method of workforce planning: it ignores queues carried across hour boundaries),
 * then positions with shrinkage and the FTE to cover the day 24/7.
 * @see reference/triage.md §3.1, §3.5, §3.6
 * @example hourlyStaffing({ model: 'erlang-a', callsPerDay: 1400, profile: DEFAULT_HOURLY_PROFILE,
 *   handleSeconds: 900, patienceSeconds: 120, target: { serviceLevel: 0.8, answerWithinSeconds: 20 },
 *   maxAbandon: 0.05, shrinkage: 0.3, contractHoursPerWeek: 40 })
 */
export function hourlyStaffing(options: HourlyStaffingOptions): Result<HourlyStaffingResult, AnalyticError> {
  const { profile } = options;
  if (profile.length !== HOURS) {
    return err(invalidInput('profile', 'hourly', `${profile.length} values`));
  }
  const checked = checkInputs([
    ['callsPerDay', options.callsPerDay, 'nonNegative'],
    ['shrinkage', options.shrinkage, 'fraction'],
    ['contractHoursPerWeek', options.contractHoursPerWeek, 'positive'],
    ...profile.map((share, h) => [`profile[${h}]`, share, 'nonNegative'] as const),
    ['sum of profile', profile.reduce((a, b) => a + b, 0), 'positive'],
  ]);
  if (!checked.ok) return checked;
  const criteria = checkCriteria(options);
  if (!criteria.ok) return criteria;
  const total = profile.reduce((a, b) => a + b, 0);
  const hours: HourStaffing[] = [];
  for (let hour = 0; hour < HOURS; hour++) {
    const callsPerHour = (options.callsPerDay * (profile[hour] ?? 0)) / total;
    const found = searchAgents({ ...options, callsPerHour });
    if (!found.ok) return found;
    const { agents, metrics } = found.value;
    hours.push({
      hour,
      callsPerHour,
      agents,
      positions: positionsUnchecked(agents, options.shrinkage),
      serviceLevel: metrics.serviceLevel,
      pWait: metrics.pWait,
      pAbandon: 'pAbandon' in metrics ? metrics.pAbandon : 0,
      asaSeconds: metrics.asaSeconds,
      occupancy: metrics.occupancy,
    });
  }
  const seats = hours.map((h) => h.agents);
  const fte = fullTimeEquivalents({
    seats,
    contractHoursPerWeek: options.contractHoursPerWeek,
    shrinkage: options.shrinkage,
  });
  if (!fte.ok) return fte;
  return ok({
    hours,
    seatHoursPerDay: seats.reduce((a, b) => a + b, 0),
    peakAgents: Math.max(...seats),
    peakPositions: Math.max(...hours.map((h) => h.positions)),
    fte: fte.value,
  });
}
