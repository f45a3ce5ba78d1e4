export type { AgeBand, Caller } from './caller.ts';
export { ageBandOf, ageBandSchema, callerSchema } from './caller.ts';
export type { Case, CaseStatus, CaseSubject, CaseTerm } from './case.ts';
export { caseSchema, caseStatusSchema, caseSubjectSchema, caseTermSchema } from './case.ts';
export type { Closure } from './closure.ts';
export { closureSchema } from './closure.ts';
export type { Contact, ContactCategory, ContactChannel } from './contact.ts';
export { contactCategorySchema, contactChannelSchema, contactSchema } from './contact.ts';
export type { Evaluation } from './evaluation.ts';
export { evaluationSchema } from './evaluation.ts';
export type { Feedback, FeedbackChannel } from './feedback.ts';
export { feedbackChannelSchema, feedbackSchema } from './feedback.ts';
export type { FollowUp, FollowUpOutcome } from './follow-up.ts';
export { followUpOutcomeSchema, followUpSchema } from './follow-up.ts';
export type {
  CallerId,
  CaseId,
  ContactId,
  FollowUpId,
  ReferralId,
  SchoolId,
  ScreeningBatchId,
  ScreeningResultId,
  StaffId,
  StationId,
  StudentId,
  TeamId,
  WorkOrderId,
} from './ids.ts';
export {
  callerIdSchema,
  caseIdSchema,
  contactIdSchema,
  followUpIdSchema,
  referralIdSchema,
  schoolIdSchema,
  screeningBatchIdSchema,
  screeningResultIdSchema,
  staffIdSchema,
  stationIdSchema,
  studentIdSchema,
  teamIdSchema,
  workOrderIdSchema,
} from './ids.ts';
export type { InstitutionKind, InstitutionRef } from './institution.ts';
export { institutionKindSchema, institutionRefSchema } from './institution.ts';
export { domainErrorMap, formatDomainIssues, parseDomain } from './issues.ts';
export type { DomainObjectName } from './json-schema.ts';
export { domainJsonSchemas, domainSchemas } from './json-schema.ts';
export type { Duration, IsoDate, Timestamp } from './primitives.ts';
export { durationSchema, isoDateSchema, timestampSchema } from './primitives.ts';
export type { Referral } from './referral.ts';
export { referralSchema } from './referral.ts';
export type { RiskAssessment } from './risk-assessment.ts';
export { riskAssessmentSchema, ruleSetRefSchema } from './risk-assessment.ts';
export type { RiskLevel } from './risk-level.ts';
export { compareLevels, maxLevel, riskLevelSchema } from './risk-level.ts';
export type { InstrumentRef, ScreeningBatch } from './screening-batch.ts';
export { instrumentRefSchema, screeningBatchSchema } from './screening-batch.ts';
export type { ScreeningResult } from './screening-result.ts';
export { screeningResultSchema } from './screening-result.ts';
export type { Station } from './station.ts';
export { stationSchema } from './station.ts';
export type { Grade, Sex, Student } from './student.ts';
export { gradeSchema, sexSchema, studentSchema } from './student.ts';
export type { Team } from './team.ts';
export { teamSchema } from './team.ts';
export type { WorkOrder, WorkOrderStatus } from './work-order.ts';
export { workOrderSchema, workOrderStatusSchema } from './work-order.ts';
