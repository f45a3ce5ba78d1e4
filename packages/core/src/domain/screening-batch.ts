import { z } from 'zod';
import { schoolIdSchema, screeningBatchIdSchema } from './ids.ts';
import { check, isoDateSchema, PATTERNS } from './primitives.ts';
import { gradeSchema } from './student.ts';

/** An instrument by id and version, e.g. `{ id: 'phq-9', version: '1.0.0' }`, as registered in @triage/scales. */
export const instrumentRefSchema = z.strictObject({
  id: z.string().regex(PATTERNS.instrumentId),
  version: z.string().min(1).max(32),
});
/** An instrument by id and version. */
export type InstrumentRef = z.infer<typeof instrumentRefSchema>;

/** A screening batch (筛查批次): one school, one date, one or more instruments, a grade range. */
export const screeningBatchSchema = z.strictObject({
  id: screeningBatchIdSchema,
  schoolId: schoolIdSchema,
  date: isoDateSchema,
  instruments: z.array(instrumentRefSchema).min(1),
  /** Inclusive grade range screened, e.g. 7–9 for a junior secondary school. */
  grades: z
    .strictObject({ from: gradeSchema, to: gradeSchema })
    .refine((g) => g.to >= g.from, check('range.order', 'to', { field: 'from' })),
});
/** A screening batch. */
export type ScreeningBatch = z.infer<typeof screeningBatchSchema>;
