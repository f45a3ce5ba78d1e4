import { z } from 'zod';
import { check, PATTERNS } from './primitives.ts';

// Mainland mobile numbers and resident ID numbers: the identifiers most often pasted into an id column by mistake.
const MOBILE = /^1[3-9]\d{9}$/;
const RESIDENT_ID = /^\d{17}[\dXx]$/;

const token = () => z.string().regex(PATTERNS.id);
/** Ids of people are pseudonymous tokens: refuse the shapes of real identifiers. */
const personToken = () => token().refine((v) => !MOBILE.test(v) && !RESIDENT_ID.test(v), check('id.identifying'));

/** Pseudonymous student id (e.g. a keyed HMAC of the school's student number), never the number itself. */
export const studentIdSchema = personToken().brand<'StudentId'>();
/** Pseudonymous student id. */
export type StudentId = z.infer<typeof studentIdSchema>;

/** Pseudonymous caller id, issued at intake; contact details live outside this model. */
export const callerIdSchema = personToken().brand<'CallerId'>();
/** Pseudonymous caller id. */
export type CallerId = z.infer<typeof callerIdSchema>;

/** Pseudonymous id of a staff member (counsellor, supervisor) who assesses, owns or closes cases. */
export const staffIdSchema = personToken().brand<'StaffId'>();
/** Pseudonymous staff id. */
export type StaffId = z.infer<typeof staffIdSchema>;

/** Id of a screening batch. */
export const screeningBatchIdSchema = token().brand<'ScreeningBatchId'>();
/** Id of a screening batch. */
export type ScreeningBatchId = z.infer<typeof screeningBatchIdSchema>;

/** Id of one screening result. */
export const screeningResultIdSchema = token().brand<'ScreeningResultId'>();
/** Id of one screening result. */
export type ScreeningResultId = z.infer<typeof screeningResultIdSchema>;

/** Id of a contact (call, chat or visit). */
export const contactIdSchema = token().brand<'ContactId'>();
/** Id of a contact. */
export type ContactId = z.infer<typeof contactIdSchema>;

/** Id of a case. */
export const caseIdSchema = token().brand<'CaseId'>();
/** Id of a case. */
export type CaseId = z.infer<typeof caseIdSchema>;

/** Id of a work order. */
export const workOrderIdSchema = token().brand<'WorkOrderId'>();
/** Id of a work order. */
export type WorkOrderId = z.infer<typeof workOrderIdSchema>;

/** Id of a referral. */
export const referralIdSchema = token().brand<'ReferralId'>();
/** Id of a referral. */
export type ReferralId = z.infer<typeof referralIdSchema>;

/** Id of a follow-up. */
export const followUpIdSchema = token().brand<'FollowUpId'>();
/** Id of a follow-up. */
export type FollowUpId = z.infer<typeof followUpIdSchema>;

/** Id of a service station. */
export const stationIdSchema = token().brand<'StationId'>();
/** Id of a service station. */
export type StationId = z.infer<typeof stationIdSchema>;

/** Id of a service team. */
export const teamIdSchema = token().brand<'TeamId'>();
/** Id of a service team. */
export type TeamId = z.infer<typeof teamIdSchema>;

/** Id of a school (e.g. its national school code). */
export const schoolIdSchema = token().brand<'SchoolId'>();
/** Id of a school. */
export type SchoolId = z.infer<typeof schoolIdSchema>;
