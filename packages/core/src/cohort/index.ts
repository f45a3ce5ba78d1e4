export type { CohortComparison, CohortWeekDelta, TransitionMatrix } from './compare.ts';
export { compareCohorts } from './compare.ts';
export type { LevelMinutes } from './defaults.ts';
export {
  DEFAULT_CONTACT_MINUTES,
  DEFAULT_NO_ANSWER_MINUTES,
  DEFAULT_REFERRAL_FROM,
  DEFAULT_WEEKS,
} from './defaults.ts';
export type { CohortProjection, CohortWeek, LevelCounts } from './project.ts';
export { projectCohort } from './project.ts';
export type { CohortError, CohortOptions, CohortSettingsInput, CohortStudent, LevelOrNone } from './schema.ts';
export { cohortSettingsSchema, LEVELS_OR_NONE } from './schema.ts';
