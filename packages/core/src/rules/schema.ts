import { z } from 'zod';
import { caseTermSchema } from '../domain/case.ts';
import { contactCategorySchema } from '../domain/contact.ts';
import { levelDisplaySchema, levelSchema } from './levels.ts';
import { duplicateParams } from './yaml-file.ts';

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const duration = z
  .string()
  .regex(/^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'an ISO 8601 duration such as P7D');

/** A dotted path into the facts: `scales.phq-9.total`, `scales.asq.category`, `person.age`, `contact.plan`. */
const factPath = z
  .string()
  .regex(/^(scales|person|contact)(\.[A-Za-z0-9_-]+)+$/, 'a fact path such as scales.phq-9.total');

/** One test on one fact. Exactly one operator; a fact that is absent or null never satisfies a test. */
const testSchema = z
  .object({
    fact: factPath,
    eq: scalar.optional(),
    ne: scalar.optional(),
    in: z.array(scalar).min(1).optional(),
    notIn: z.array(scalar).min(1).optional(),
    gte: z.number().optional(),
    gt: z.number().optional(),
    lte: z.number().optional(),
    lt: z.number().optional(),
    /** Inclusive range [min, max]. */
    between: z.tuple([z.number(), z.number()]).optional(),
    /** true: the fact is present (not null); false: absent or null. */
    exists: z.boolean().optional(),
    /** The fact is a list that includes this value (keyword hits). */
    contains: scalar.optional(),
  })
  .strict()
  .refine(
    (t) =>
      ['eq', 'ne', 'in', 'notIn', 'gte', 'gt', 'lte', 'lt', 'between', 'exists', 'contains'].filter((k) => k in t)
        .length === 1,
    { message: 'exactly one operator (eq, ne, in, notIn, gte, gt, lte, lt, between, exists, contains)' },
  );
export type FactTest = z.infer<typeof testSchema>;

export type Condition = FactTest | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    testSchema,
  ]),
);

/** Actions a rule can ask for; collected over every fired rule and de-duplicated. */
export const ACTIONS = [
  'emergency_transfer_110',
  'emergency_transfer_120',
  'keep_on_line',
  'supervisor_alert',
  'guardian_notification',
  'school_notification',
  'safety_plan',
  'means_restriction_counselling',
  'brief_suicide_safety_assessment',
  'full_mental_health_evaluation',
  'resource_list',
  'counselling',
  'rescreen',
] as const;

const outcomeSchema = z
  .object({
    level: levelSchema.optional(),
    category: contactCategorySchema.optional(),
    actions: z.array(z.enum(ACTIONS)).optional(),
    referrals: z.array(z.string().min(1)).optional(),
    workOrders: z.array(z.object({ target: z.string().min(1), due: duration }).strict()).optional(),
    /** Follow-up schedule: offsets from the decision, e.g. [PT24H, PT72H, P7D]. */
    followUp: z.array(duration).min(1).optional(),
    caseTerm: caseTermSchema.optional(),
    /** Marks a range deliberately left without action, so gap analysis does not report it. */
    noAction: z.literal(true).optional(),
  })
  .strict();
export type Outcome = z.infer<typeof outcomeSchema>;

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    description: localized,
    /** Where the rule comes from: instrument manual, paper, protocol clause, or local policy. */
    source: z.string().min(1).optional(),
    when: conditionSchema,
    then: outcomeSchema,
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

export const ruleSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: z.string().min(1),
    name: localized,
    /**
     * Level that any unknown critical answer (a blank suicide item, an ASQ with a missing item) raises a decision to at
     * least. Unknown is never read as "no".
     */
    unknownCritical: z.object({ level: levelSchema, source: z.string().min(1) }).strict(),
    levels: z.partialRecord(levelSchema, levelDisplaySchema).optional(),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        ctx.addIssue({
          code: 'custom',
          message: `duplicate rule id ${rule.id}`,
          path: ['rules', i, 'id'],
          params: duplicateParams('RULES_DUPLICATE_ID', rule.id),
        });
      seen.add(rule.id);
    });
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;
