import { z } from 'zod';
import { caseIdSchema, referralIdSchema, workOrderIdSchema } from './ids.ts';
import { institutionRefSchema } from './institution.ts';
import { check, isBefore, reasonSchema, timestampSchema } from './primitives.ts';

/** A referral (转介): a case referred to an institution, with the reason and when the institution acknowledged it. */
export const referralSchema = z
  .strictObject({
    id: referralIdSchema,
    caseId: caseIdSchema,
    to: institutionRefSchema,
    reason: reasonSchema,
    referredAt: timestampSchema,
    /** When the receiving institution acknowledged; closure needs it (reference/triage.md §0.1). */
    acknowledgedAt: timestampSchema.optional(),
    /** The work order that carries the referral, if any. */
    workOrderId: workOrderIdSchema.optional(),
  })
  .refine(
    (r) => !isBefore(r.acknowledgedAt, r.referredAt),
    check('time.notBefore', 'acknowledgedAt', { field: 'referredAt' }),
  );
/** A referral. */
export type Referral = z.infer<typeof referralSchema>;
