export type { ErlangAOptions, ErlangAResult } from './erlang-a.ts';
export { erlangA } from './erlang-a.ts';
export type { ErlangBOptions } from './erlang-b.ts';
export { erlangB } from './erlang-b.ts';
export type { ErlangCOptions, ErlangCResult, ErlangCStable, ErlangCUnstable } from './erlang-c.ts';
export { erlangC } from './erlang-c.ts';
export type { AnalyticError, AnalyticErrorCode } from './errors.ts';
export { ANALYTIC_ERROR_CODES, analyticErrorMessage, isAnalyticError } from './errors.ts';
export { DEFAULT_HOURLY_PROFILE } from './hourly-profile.ts';
export type { HourlyStaffingOptions, HourlyStaffingResult, HourStaffing } from './hourly-staffing.ts';
export { hourlyStaffing } from './hourly-staffing.ts';
export type { PriorityOptions, PriorityResult, PriorityStable, PriorityUnstable } from './priority.ts';
export { priorityWaits } from './priority.ts';
export type {
  FteOptions,
  ServiceTarget,
  StaffingCriteria,
  StaffingModel,
  StaffingOptions,
  StaffingResult,
} from './staffing.ts';
export { fullTimeEquivalents, minimumAgents, shrinkagePositions } from './staffing.ts';
