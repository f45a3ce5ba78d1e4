import { z } from 'zod';
import { callerIdSchema, caseIdSchema, contactIdSchema, teamIdSchema } from './ids.ts';
import { check, isBefore, timestampSchema } from './primitives.ts';

/** How a contact reached the service. */
export const contactChannelSchema = z.enum(['call', 'chat', 'visit']);
/** How a contact reached the service. */
export type ContactChannel = z.infer<typeof contactChannelSchema>;

/**
 * Contact category (来电分类): 一般性心理 general · 精神或心理疾病 illness · 现实性求助 practical · 高危来电 high_risk.
 * It sits beside the risk level and never caps it.
 * @see reference/triage.md §0.1 (Dongguan four categories)
 */
export const contactCategorySchema = z.enum(['general', 'illness', 'practical', 'high_risk']);
/** Contact category. */
export type ContactCategory = z.infer<typeof contactCategorySchema>;

/**
 * A contact (来电 / 咨询): one call, chat or visit. The risk statements are what the caller stated; absent means not
 * asked or unknown (never "no"), and unknown escalates in the rules. No transcript, no contact details.
 */
export const contactSchema = z
  .strictObject({
    id: contactIdSchema,
    callerId: callerIdSchema,
    caseId: caseIdSchema.optional(),
    teamId: teamIdSchema.optional(),
    channel: contactChannelSchema,
    startedAt: timestampSchema,
    endedAt: timestampSchema.optional(),
    category: contactCategorySchema,
    /** Stated a plan (计划). */
    plan: z.boolean().optional(),
    /** Stated intent (意图). */
    intent: z.boolean().optional(),
    /** Has access to means (工具/途径). */
    means: z.boolean().optional(),
    /** An attempt or self-harm is in progress (正在实施). */
    attemptInProgress: z.boolean().optional(),
    /** Pre-triage keyword hits as keyword ids (e.g. 自杀, 跳楼), never the caller's words. */
    keywordHits: z.array(z.string().min(1).max(32)).max(100),
  })
  .refine((c) => !isBefore(c.endedAt, c.startedAt), check('time.notBefore', 'endedAt', { field: 'startedAt' }));
/** A contact. */
export type Contact = z.infer<typeof contactSchema>;
