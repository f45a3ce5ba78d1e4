import { z } from 'zod';
import { caseIdSchema, followUpIdSchema } from './ids.ts';
import { check, durationSchema, timestampSchema } from './primitives.ts';
import { riskLevelSchema } from './risk-level.ts';

/** What a follow-up found. */
export const followUpOutcomeSchema = z.enum(['improved', 'stable', 'worsened', 'unreachable']);
/** What a follow-up found. */
export type FollowUpOutcome = z.infer<typeof followUpOutcomeSchema>;

/** A follow-up (跟进 / 回访): a scheduled check on a case; `doneAt` and `outcome` are given together once done. */
export const followUpSchema = z
  .strictObject({
    id: followUpIdSchema,
    caseId: caseIdSchema,
    dueAt: timestampSchema,
    /** The schedule offset that produced `dueAt`, e.g. PT24H after the decision. */
    offset: durationSchema.optional(),
    doneAt: timestampSchema.optional(),
    outcome: followUpOutcomeSchema.optional(),
    /** The level observed at the follow-up, when assessed. */
    level: riskLevelSchema.optional(),
  })
  .refine(
    (f) => (f.doneAt === undefined) === (f.outcome === undefined),
    check('field.together', 'outcome', { field: 'doneAt' }),
  );
/** A follow-up. */
export type FollowUp = z.infer<typeof followUpSchema>;
