import { z } from 'zod';
import { caseSubjectSchema, caseTermSchema } from '../domain/case.ts';
import { feedbackChannelSchema } from '../domain/feedback.ts';
import { followUpOutcomeSchema } from '../domain/follow-up.ts';
import { caseIdSchema, followUpIdSchema, referralIdSchema, staffIdSchema, workOrderIdSchema } from '../domain/ids.ts';
import { institutionRefSchema } from '../domain/institution.ts';
import { PATTERNS, reasonSchema, timestampSchema } from '../domain/primitives.ts';
import { ruleSetRefSchema } from '../domain/risk-assessment.ts';
import { riskLevelSchema } from '../domain/risk-level.ts';

/** Who caused an event: a named staff member, or `system` for automatic steps (a rule, a timer). */
export const actorSchema = z.union([z.literal('system'), staffIdSchema]);
/** Who caused an event. */
export type Actor = z.infer<typeof actorSchema>;

/** Who brought the case in; feedback (反馈) goes back to them and closes the loop. */
export const originatorSchema = z.strictObject({
  kind: z.enum(['school', 'station', 'caller', 'hotline']),
  /** The originator's id: a school or station id, a caller id, a hotline number such as 12355. */
  ref: z.string().regex(PATTERNS.id),
});
/** Who brought the case in. */
export type Originator = z.infer<typeof originatorSchema>;

/** Emergency services reached by one-key transfer (一键转接). */
export const emergencyServiceSchema = z.enum(['110', '120']);
/** Emergency service: 110 police, 120 ambulance. */
export type EmergencyService = z.infer<typeof emergencyServiceSchema>;

const common = {
  at: timestampSchema,
  actor: actorSchema,
  /** Why; required where a guard says so (lowering a level, closing, reopening). No names or phone numbers. */
  reason: reasonSchema.optional(),
  /** The rule set that decided, when a rule did. */
  ruleSet: ruleSetRefSchema.optional(),
};

const event = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...common, ...shape });

/**
 * A case event: every change to a case is one of these, appended to the case history. Discriminated on `type`.
 * @see reference/triage.md §0.1 (case method as a state machine), §1.4 (rescue confirmed), §4.2 (audit log)
 */
export const caseEventSchema = z.discriminatedUnion('type', [
  event('opened', {
    caseId: caseIdSchema,
    subject: caseSubjectSchema,
    term: caseTermSchema,
    level: riskLevelSchema,
    owner: staffIdSchema,
    originator: originatorSchema,
  }),
  event('assessed', { level: riskLevelSchema }),
  event('level_changed', { level: riskLevelSchema }),
  event('owner_changed', { owner: staffIdSchema }),
  event('referred', {
    referralId: referralIdSchema,
    to: institutionRefSchema,
    workOrderId: workOrderIdSchema.optional(),
  }),
  event('referral_acknowledged', { referralId: referralIdSchema }),
  event('work_order_dispatched', {
    workOrderId: workOrderIdSchema,
    target: institutionRefSchema,
    /** Explicit due time; by default the response target of the case's level after `at`. */
    dueAt: timestampSchema.optional(),
  }),
  event('work_order_acknowledged', { workOrderId: workOrderIdSchema }),
  event('work_order_completed', { workOrderId: workOrderIdSchema }),
  event('work_order_escalated', { workOrderId: workOrderIdSchema, to: institutionRefSchema.optional() }),
  event('work_order_cancelled', { workOrderId: workOrderIdSchema }),
  event('follow_up_done', {
    followUpId: followUpIdSchema,
    outcome: followUpOutcomeSchema.exclude(['unreachable']),
    /** The level observed at the follow-up, when assessed; it does not change the case level by itself. */
    level: riskLevelSchema.optional(),
  }),
  event('follow_up_missed', { followUpId: followUpIdSchema }),
  event('emergency_transferred', { service: emergencyServiceSchema }),
  event('rescue_confirmed', {}),
  event('closure_signed_off', { role: z.string().regex(PATTERNS.id) }),
  event('closed', {}),
  event('evaluated', { score: z.number().min(0).max(100), notes: z.string().min(1).max(2000).optional() }),
  event('feedback_sent', { channel: feedbackChannelSchema }),
  event('reopened', { level: riskLevelSchema.optional() }),
]);
/** A case event. */
export type CaseEvent = z.infer<typeof caseEventSchema>;
/** The type of a case event. */
export type CaseEventType = CaseEvent['type'];
/** The event of one type. */
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** Every event type, in the order of the case method. */
export const CASE_EVENT_TYPES: readonly CaseEventType[] = caseEventSchema.options.map((o) => o.shape.type.value);
