import { z } from 'zod';
import { stationIdSchema } from './ids.ts';
import { institutionNameSchema, PATTERNS } from './primitives.ts';

/** A service station (服务站): an institution, so it has a name; its region is a division code, not an address. */
export const stationSchema = z.strictObject({
  id: stationIdSchema,
  name: institutionNameSchema,
  region: z.string().regex(PATTERNS.region).optional(),
});
/** A service station. */
export type Station = z.infer<typeof stationSchema>;
