import { z } from 'zod';
import { caseIdSchema, staffIdSchema } from './ids.ts';
import { timestampSchema } from './primitives.ts';

/** An evaluation (评价) of a case after closure: a 0–100 score as the service's evaluation form defines it, and notes. */
export const evaluationSchema = z.strictObject({
  caseId: caseIdSchema,
  at: timestampSchema,
  by: staffIdSchema,
  score: z.number().min(0).max(100),
  /** Notes on the handling; no names, phone numbers or addresses. */
  notes: z.string().min(1).max(2000).optional(),
});
/** An evaluation. */
export type Evaluation = z.infer<typeof evaluationSchema>;
