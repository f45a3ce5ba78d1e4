import { z } from 'zod';
import { caseIdSchema, contactIdSchema, screeningResultIdSchema, staffIdSchema } from './ids.ts';
import { check, PATTERNS, reasonSchema, timestampSchema } from './primitives.ts';
import { compareLevels, riskLevelSchema } from './risk-level.ts';

/** The rule set that decided: id, version and the sha256 of its canonical JSON (the exact rules that ran). */
export const ruleSetRefSchema = z.strictObject({
  id: z.string().min(1).max(128),
  version: z.string().min(1).max(64),
  hash: z.string().regex(PATTERNS.hash),
});

const common = {
  level: riskLevelSchema,
  /** The level before this assessment, when there was one. */
  previousLevel: riskLevelSchema.optional(),
  at: timestampSchema,
  /** Why: the rules that fired, or the assessor's reason (required when lowering a level). */
  reason: reasonSchema,
  caseId: caseIdSchema.optional(),
  contactId: contactIdSchema.optional(),
  screeningResultId: screeningResultIdSchema.optional(),
};

/**
 * A risk assessment (研判): the level set by a rule set (`assessedBy: 'rules'`, with the rule set's reference) or by a
 * named staff member (`assessedBy: 'staff'`), about a case, a contact or a screening result. Rules never lower a level.
 */
export const riskAssessmentSchema = z
  .discriminatedUnion('assessedBy', [
    z.strictObject({ ...common, assessedBy: z.literal('rules'), ruleSet: ruleSetRefSchema }),
    z.strictObject({ ...common, assessedBy: z.literal('staff'), staffId: staffIdSchema }),
  ])
  .refine(
    (a) => a.caseId !== undefined || a.contactId !== undefined || a.screeningResultId !== undefined,
    check('field.atLeastOne', 'caseId', { fields: ['caseId', 'contactId', 'screeningResultId'] }),
  )
  .refine(
    (a) => a.assessedBy === 'staff' || a.previousLevel === undefined || compareLevels(a.level, a.previousLevel) >= 0,
    check('level.lowered', 'level'),
  );
/** A risk assessment by rules or by a named staff member. */
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;
