import { z } from 'zod';
import { contactCategorySchema, contactChannelSchema } from '../../domain/contact.ts';
import { sexSchema } from '../../domain/student.ts';
import { levelSchema } from '../levels.ts';
import { ACTIONS } from '../schema.ts';
import { duplicateParams } from '../yaml-file.ts';

const id = z.string().min(1);
const record = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

/** The facts of one instrument result, as `scaleFacts` produces them; strict, so a misspelt key is an error. */
const scaleFactsSchema = z.strictObject({
  total: z.number().nullable().exactOptional(),
  index: z.number().nullable().exactOptional(),
  band: z.string().nullable().exactOptional(),
  bandAtLeast: z.string().nullable().exactOptional(),
  category: z.string().nullable().exactOptional(),
  cutoffs: record(z.boolean().nullable()).exactOptional(),
  flags: record(z.enum(['positive', 'unknown'])).exactOptional(),
  items: record(z.number().nullable()).exactOptional(),
  subscales: record(z.number().nullable()).exactOptional(),
  derived: record(z.string()).exactOptional(),
  mean: z.number().nullable().exactOptional(),
  positiveItems: z.number().nullable().exactOptional(),
  screens: record(z.boolean().nullable()).exactOptional(),
  valid: z.boolean().nullable().exactOptional(),
});

/** Everything a rule set can read about one person (see ../facts.ts), as written in a test file. */
export const factsSchema = z.strictObject({
  scales: record(scaleFactsSchema).exactOptional(),
  person: z
    .strictObject({
      age: z.number().exactOptional(),
      sex: sexSchema.exactOptional(),
      grade: z.number().exactOptional(),
    })
    .exactOptional(),
  contact: z
    .strictObject({
      category: contactCategorySchema.exactOptional(),
      channel: z.union([contactChannelSchema, z.literal('screening')]).exactOptional(),
      plan: z.boolean().exactOptional(),
      intent: z.boolean().exactOptional(),
      means: z.boolean().exactOptional(),
      attemptInProgress: z.boolean().exactOptional(),
      keywords: z.array(z.string()).exactOptional(),
    })
    .exactOptional(),
});

/** One answer: a number in the instrument's coding, an option label ("yes", "好几天"), true/false for yes/no, or blank. */
const answerSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** How to score one instrument's answers (see @triage/scales ScoreOptions). */
const scoringSchema = z.strictObject({
  coding: z.enum(['native', 'zero-based', 'one-based']).exactOptional(),
  bandSet: z.string().exactOptional(),
  indexRounding: z.enum(['half-up', 'truncate', 'half-even', 'none']).exactOptional(),
  prorationRounding: z.enum(['half-up', 'truncate', 'half-even', 'none']).exactOptional(),
  prorate: z.boolean().exactOptional(),
});

/** What a case expects. Lists are checked as "includes" (actions, fired) and "excludes" (notActions, notFired). */
const expectSchema = z.strictObject({
  /** The decided level; null when no rule reached one. */
  level: levelSchema.nullable(),
  actions: z.array(z.enum(ACTIONS)).exactOptional(),
  notActions: z.array(z.enum(ACTIONS)).exactOptional(),
  category: contactCategorySchema.nullable().exactOptional(),
  /** Rule ids that must have fired; `unknown-critical` names the rule set's unknown-critical policy. */
  fired: z.array(id).exactOptional(),
  notFired: z.array(id).exactOptional(),
  /** The exact follow-up schedule, e.g. [PT24H, PT72H, P7D]. */
  followUp: z.array(z.string()).nullable().exactOptional(),
  caseTerm: z.enum(['long_term', 'short_term']).nullable().exactOptional(),
});

const situationFields = {
  facts: factsSchema.exactOptional(),
  /** Raw answers by instrument id, scored with @triage/scales: a list in item order or a map item id → answer. */
  answers: record(z.union([z.array(answerSchema), record(answerSchema)])).exactOptional(),
  /** Scoring options by instrument id, for answers in another coding or norm. */
  scoring: record(scoringSchema).exactOptional(),
  /** A level the decision may not fall below (e.g. the case's current level). */
  atLeast: levelSchema.exactOptional(),
};
const needsFacts = { message: 'give facts, answers or both' };

/** One person's situation to decide: facts and/or raw answers (the input of `triage rules explain --facts`). */
export const situationSchema = z
  .strictObject(situationFields)
  .refine((c) => c.facts !== undefined || c.answers !== undefined, needsFacts);
export type Situation = z.output<typeof situationSchema>;

const caseSchema = z
  .strictObject({
    name: z.string().min(1),
    facts: factsSchema.exactOptional(),
    /** Raw answers by instrument id, scored with @triage/scales: a list in item order or a map item id → answer. */
    answers: record(z.union([z.array(answerSchema), record(answerSchema)])).exactOptional(),
    /** Scoring options by instrument id, for answers in another coding or norm. */
    scoring: record(scoringSchema).exactOptional(),
    /** A level the decision may not fall below (e.g. the case's current level). */
    atLeast: levelSchema.exactOptional(),
    expect: expectSchema,
  })
  .refine((c) => c.facts !== undefined || c.answers !== undefined, {
    message: 'a case needs facts, answers or both',
  });

/**
 * A rule-test file: named cases, each with facts and/or raw answers and what the decision must be.
 * @example
 * cases:
 *   - name: ASQ yes,no,no,no,yes is acute
 *     answers: { asq: [yes, no, no, no, yes] }
 *     expect: { level: R4, fired: [asq-acute-positive] }
 */
export const ruleTestSuiteSchema = z
  .strictObject({
    /** Id of the rule set the cases were written for; the runner warns when it differs. */
    ruleSet: z.string().min(1).exactOptional(),
    cases: z.array(caseSchema).min(1),
  })
  .superRefine((suite, ctx) => {
    const seen = new Set<string>();
    suite.cases.forEach((c, i) => {
      if (seen.has(c.name)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate case name "${c.name}"`,
          path: ['cases', i, 'name'],
          params: duplicateParams('RULES_DUPLICATE_CASE', c.name),
        });
      }
      seen.add(c.name);
    });
  });

export type RuleTestSuite = z.output<typeof ruleTestSuiteSchema>;
export type RuleTestCase = RuleTestSuite['cases'][number];
export type RuleTestExpectation = RuleTestCase['expect'];
