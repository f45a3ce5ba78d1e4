export type {
  CohortComparison,
  CohortError,
  CohortOptions,
  CohortProjection,
  CohortSettingsInput,
  CohortStudent,
  CohortWeek,
  CohortWeekDelta,
  LevelCounts,
  LevelMinutes,
  LevelOrNone,
  TransitionMatrix,
} from './cohort/index.ts';
export {
  cohortSettingsSchema,
  compareCohorts,
  DEFAULT_CONTACT_MINUTES,
  DEFAULT_NO_ANSWER_MINUTES,
  DEFAULT_REFERRAL_FROM,
  DEFAULT_WEEKS,
  LEVELS_OR_NONE,
  projectCohort,
} from './cohort/index.ts';
export * from './domain/index.ts';
export { checkRules } from './rules/check/check-rules.ts';
export { type RuleCoverage, ruleCoverage } from './rules/check/coverage.ts';
export type { RuleCheckCode, RuleCheckIssue, RuleCheckOptions, RuleCheckReport } from './rules/check/types.ts';
export { RULE_CHECK_CODES } from './rules/check/types.ts';
export { defaultRuleSet } from './rules/default/default-rule-set.ts';
export { describeCondition } from './rules/describe.ts';
export type { Action, CompiledRuleSet, Decision, EvaluateOptions, FiredRule, RuleSetRef } from './rules/evaluate.ts';
export { compileRuleSet, evaluateRules } from './rules/evaluate.ts';
export { explainDecision } from './rules/explain.ts';
export type { ContactFacts, Facts, PersonFacts, ScaleFacts } from './rules/facts.ts';
export { scaleFacts } from './rules/facts.ts';
export type { Level, LevelDisplay, LevelScheme } from './rules/levels.ts';
export { defaultLevelScheme, RISK_LEVELS } from './rules/levels.ts';
export type { DecisionMemo } from './rules/memo.ts';
export { createDecisionMemo } from './rules/memo.ts';
export type { RuleFileIssue } from './rules/parse.ts';
export { parseRuleSet } from './rules/parse.ts';
export type { Condition, FactTest, Outcome, Rule, RuleSet } from './rules/schema.ts';
export { ACTIONS, ruleSetSchema } from './rules/schema.ts';
export { parseRuleTests } from './rules/testing/parse.ts';
export type { RuleTestCaseResult, RuleTestReport } from './rules/testing/run.ts';
export { runRuleTests, situationFacts } from './rules/testing/run.ts';
export type { RuleTestCase, RuleTestExpectation, RuleTestSuite, Situation } from './rules/testing/schema.ts';
export { factsSchema, ruleTestSuiteSchema, situationSchema } from './rules/testing/schema.ts';
export type { RuleFileProblem } from './rules/yaml-file.ts';
export { createLocator, parseYamlFile } from './rules/yaml-file.ts';
export {
  ANALYTIC_ERROR_CODES,
  type AnalyticError,
  type AnalyticErrorCode,
  analyticErrorMessage,
  DEFAULT_HOURLY_PROFILE,
  type ErlangAOptions,
  type ErlangAResult,
  type ErlangBOptions,
  type ErlangCOptions,
  type ErlangCResult,
  type ErlangCStable,
  type ErlangCUnstable,
  erlangA,
  erlangB,
  erlangC,
  type FteOptions,
  fullTimeEquivalents,
  type HourlyStaffingOptions,
  type HourlyStaffingResult,
  type HourStaffing,
  hourlyStaffing,
  isAnalyticError,
  minimumAgents,
  type PriorityOptions,
  type PriorityResult,
  type PriorityStable,
  type PriorityUnstable,
  priorityWaits,
  type ServiceTarget,
  type StaffingCriteria,
  type StaffingModel,
  type StaffingOptions,
  type StaffingResult,
  shrinkagePositions,
} from './simulation/analytic/index.ts';
export {
  type ClassKpis,
  type Distribution,
  type Estimate,
  estimateHotlineWork,
  HOTLINE_LIMITS,
  type HotlineReport,
  type HotlineScenario,
  type HotlineScenarioInput,
  type HotlineWork,
  type HourProfile,
  hotlineScenarioSchema,
  replicationSeed,
  type SimulateOptions,
  type SimulationProgress,
  simulateHotline,
} from './simulation/index.ts';
export type { ApplyOptions } from './workflow/apply-event.ts';
export { applyEvent, openCase } from './workflow/apply-event.ts';
export type { WorkflowError, WorkflowErrorCode } from './workflow/errors.ts';
export { isWorkflowError, WORKFLOW_ERROR_CODES, workflowErrorMessage } from './workflow/errors.ts';
export type { Actor, CaseEvent, CaseEventOf, CaseEventType, EmergencyService, Originator } from './workflow/events.ts';
export {
  actorSchema,
  CASE_EVENT_TYPES,
  caseEventSchema,
  emergencyServiceSchema,
  originatorSchema,
} from './workflow/events.ts';
export type { HistoryRecord } from './workflow/history.ts';
export { appendEvent, GENESIS_HASH, replay, verifyHistory } from './workflow/history.ts';
export type { ClosureRequirement, WorkflowPolicy } from './workflow/policy.ts';
export { defaultWorkflowPolicy } from './workflow/policy.ts';
export type { DueItem, NextAction, NextStep, ScheduleOptions } from './workflow/schedule.ts';
export { dueItems, followUpSchedule, nextStep, overdueEscalations } from './workflow/schedule.ts';
export type { CaseState, EmergencyTransfer, FeedbackSent, SignOff } from './workflow/state.ts';
export { CASE_TRANSITIONS, INITIAL_STATUS } from './workflow/transitions.ts';
