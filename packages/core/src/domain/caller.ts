import { z } from 'zod';
import { callerIdSchema } from './ids.ts';
import { check } from './primitives.ts';
import { sexSchema } from './student.ts';

/**
 * Age band of a caller, cut at the legal thresholds (under 14: PIPL art. 28/31; under 18: minor) and at youth (to 35).
 */
export const ageBandSchema = z.enum(['under_14', '14_17', '18_24', '25_35', 'over_35', 'unknown']);
/** Age band of a caller. */
export type AgeBand = z.infer<typeof ageBandSchema>;

const BANDS: Readonly<Record<Exclude<AgeBand, 'unknown'>, readonly [number, number]>> = {
  under_14: [0, 13],
  '14_17': [14, 17],
  '18_24': [18, 24],
  '25_35': [25, 35],
  over_35: [36, 150],
};

/** The age band an exact age falls in. */
export function ageBandOf(age: number): AgeBand {
  for (const [band, [lo, hi]] of Object.entries(BANDS)) if (age >= lo && age <= hi) return band as AgeBand;
  return 'unknown';
}

/** A caller (来电者): pseudonymous; an age band always, the exact age only when known. */
export const callerSchema = z
  .strictObject({
    id: callerIdSchema,
    ageBand: ageBandSchema,
    /** Exact age when the caller gave it; must fall in `ageBand`. */
    age: z.int().min(0).max(120).optional(),
    sex: sexSchema.optional(),
  })
  .refine((c) => c.age === undefined || ageBandOf(c.age) === c.ageBand, check('age.band', 'age', { field: 'ageBand' }));
/** A pseudonymous caller. */
export type Caller = z.infer<typeof callerSchema>;
