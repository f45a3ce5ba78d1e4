import { z } from 'zod';
import { stationIdSchema, teamIdSchema } from './ids.ts';
import { institutionNameSchema } from './primitives.ts';

/** A service team (服务队伍), e.g. a hotline seat group or a volunteer team, optionally attached to a station. */
export const teamSchema = z.strictObject({
  id: teamIdSchema,
  name: institutionNameSchema,
  stationId: stationIdSchema.optional(),
});
/** A service team. */
export type Team = z.infer<typeof teamSchema>;
