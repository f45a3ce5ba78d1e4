import { z } from 'zod';
import { screeningBatchIdSchema, screeningResultIdSchema, studentIdSchema } from './ids.ts';
import { timestampSchema } from './primitives.ts';
import { instrumentRefSchema } from './screening-batch.ts';

const code = z.string().min(1).max(64);

/**
 * A screening result (筛查结果): one student's score on one instrument version, kept as a plain snapshot of the
 * scoring engine's output (so the record stays readable when the engine changes); no answers, no free text.
 */
export const screeningResultSchema = z.strictObject({
  id: screeningResultIdSchema,
  batchId: screeningBatchIdSchema,
  studentId: studentIdSchema,
  instrument: instrumentRefSchema,
  scoredAt: timestampSchema,
  /** Raw total; null when not scorable (too many items missing). */
  total: z.number().nullable(),
  /** Standard score (标准分) when the instrument defines one, e.g. SDS index. */
  index: z.number().nullable(),
  /** Severity band id from the instrument's norm set. */
  band: code.nullable(),
  /** Category of a categorical screener, e.g. `acute-positive` (ASQ). */
  category: code.nullable(),
  /** Flag id → status; only positive and unknown flags appear (a missing critical item is unknown, never negative). */
  flags: z.record(code, z.enum(['positive', 'unknown'])),
});
/** A screening result snapshot. */
export type ScreeningResult = z.infer<typeof screeningResultSchema>;
