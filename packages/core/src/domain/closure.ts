import { z } from 'zod';
import { caseIdSchema, staffIdSchema } from './ids.ts';
import { reasonSchema, timestampSchema } from './primitives.ts';

/** A closure (结案): when, by which staff member and why a case was closed. */
export const closureSchema = z.strictObject({
  caseId: caseIdSchema,
  at: timestampSchema,
  by: staffIdSchema,
  reason: reasonSchema,
});
/** A closure. */
export type Closure = z.infer<typeof closureSchema>;
