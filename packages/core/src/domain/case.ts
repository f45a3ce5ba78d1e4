import { z } from 'zod';
import { callerIdSchema, caseIdSchema, staffIdSchema, studentIdSchema, teamIdSchema } from './ids.ts';
import { check, isBefore, timestampSchema } from './primitives.ts';
import { riskLevelSchema } from './risk-level.ts';

/** Case term (个案): long_term (长期) or short_term (短期). */
export const caseTermSchema = z.enum(['long_term', 'short_term']);
/** Case term. */
export type CaseTerm = z.infer<typeof caseTermSchema>;

/**
 * Case status: the seven steps 筛查→研判→转介→跟进→结案→评价→反馈 in order, then `closed` once feedback has closed
 * the loop.
 * @see DESIGN.md, case method (Liuzhou)
 */
export const caseStatusSchema = z.enum([
  'screening',
  'assessment',
  'referral',
  'follow_up',
  'closure',
  'evaluation',
  'feedback',
  'closed',
]);
/** Case status. */
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** Whose case it is: one person, one case. */
export const caseSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('student'), studentId: studentIdSchema }),
  z.strictObject({ kind: z.literal('caller'), callerId: callerIdSchema }),
]);
/** Whose case it is. */
export type CaseSubject = z.infer<typeof caseSubjectSchema>;

/** A case (个案): one person, its term, the step it is at, the staff member who owns it and its current level. */
export const caseSchema = z
  .strictObject({
    id: caseIdSchema,
    subject: caseSubjectSchema,
    term: caseTermSchema,
    status: caseStatusSchema,
    owner: staffIdSchema,
    teamId: teamIdSchema.optional(),
    level: riskLevelSchema,
    openedAt: timestampSchema,
    closedAt: timestampSchema.optional(),
  })
  .refine(
    (c) => c.status !== 'closed' || c.closedAt !== undefined,
    check('field.requiredWhen', 'closedAt', { field: 'status', value: 'closed' }),
  )
  .refine(
    (c) => c.status === 'closed' || c.closedAt === undefined,
    check('field.onlyWhen', 'closedAt', { field: 'status', value: 'closed' }),
  )
  .refine((c) => !isBefore(c.closedAt, c.openedAt), check('time.notBefore', 'closedAt', { field: 'openedAt' }));
/** A case. */
export type Case = z.infer<typeof caseSchema>;
