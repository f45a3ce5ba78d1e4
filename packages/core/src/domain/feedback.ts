import { z } from 'zod';
import { callerIdSchema, caseIdSchema, schoolIdSchema, staffIdSchema, stationIdSchema } from './ids.ts';
import { timestampSchema } from './primitives.ts';

/** How feedback was given. */
export const feedbackChannelSchema = z.enum(['call', 'chat', 'visit', 'letter', 'platform']);
/** How feedback was given. */
export type FeedbackChannel = z.infer<typeof feedbackChannelSchema>;

const common = {
  caseId: caseIdSchema,
  at: timestampSchema,
  channel: feedbackChannelSchema,
  by: staffIdSchema.optional(),
};

/** Feedback (反馈): closes the loop to whoever originated the case (a school, a station or the caller). */
export const feedbackSchema = z.discriminatedUnion('to', [
  z.strictObject({ ...common, to: z.literal('school'), schoolId: schoolIdSchema }),
  z.strictObject({ ...common, to: z.literal('station'), stationId: stationIdSchema }),
  z.strictObject({ ...common, to: z.literal('caller'), callerId: callerIdSchema }),
]);
/** Feedback to the originator. */
export type Feedback = z.infer<typeof feedbackSchema>;
