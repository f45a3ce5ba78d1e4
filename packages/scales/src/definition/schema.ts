import { z } from 'zod';

/** Text in both languages the project serves. */
const localizedSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localizedSchema>;

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');

/** One response option: its value in the instrument's native coding, labels, and text aliases seen in exports. */
const responseOptionSchema = z.object({
  value: z.number().int(),
  label: localizedSchema,
  /** Other spellings accepted as this option, e.g. 「好几天」 or 「小部分时间」. Matched after NFKC, case and space folding. */
  aliases: z.array(z.string().min(1)).optional(),
  /** "Refused to answer": never summed; each scoring method says what a refusal means. */
  refusal: z.literal(true).optional(),
  /**
   * What the option counts for in scores, when that differs from its code: CESD-R "nearly every day for 2 weeks"
   * (4) scores 3; SDQ impact "only a little" (1) scores 0. Answers, flags and rules still read the code.
   */
  score: z.number().optional(),
});
export type ResponseOption = z.infer<typeof responseOptionSchema>;

const itemSchema = z.object({
  /** Item number as printed on the form ("1" … "9"), or a letter for supplementary items. */
  id: z.string().regex(/^[0-9]+[a-z]?$|^[a-z]+$/),
  label: localizedSchema,
  /** Full item wording, only where the licence lets us ship it. */
  text: localizedSchema.optional(),
  /** Reverse-keyed: scored as (min + max − answer). */
  reverse: z.boolean().optional(),
  /** false for items that are asked but not part of any score (PHQ-9 item 10). */
  scored: z.boolean().optional(),
  /** May be left blank without counting as missing (unscored items, skip-logic items). */
  optional: z.boolean().optional(),
  /** Options of this item when they differ from the instrument's (yes/no supplements). */
  options: z.array(responseOptionSchema).min(2).optional(),
  loinc: z.string().optional(),
});
export type ItemDefinition = z.infer<typeof itemSchema>;

/** A band starts at `min` (inclusive) and runs to the next band's `min`; bands are listed in ascending order. */
const bandSchema = z.object({
  id: idSchema,
  min: z.number(),
  label: localizedSchema,
  /** Whether this band counts as a positive screen. */
  positive: z.boolean(),
});
export type Band = z.infer<typeof bandSchema>;

const bandSetSchema = z.object({
  id: idSchema,
  label: localizedSchema,
  /** Which score the bands read: the total (raw or prorated), the standard score (index) or the total mean. */
  appliesTo: z.enum(['total', 'index', 'mean']),
  source: z.string().min(1),
  bands: z.array(bandSchema).min(1),
});
export type BandSet = z.infer<typeof bandSetSchema>;

/** A published screening threshold: score ≥ min is positive. */
const cutoffSchema = z.object({
  id: idSchema,
  min: z.number(),
  label: localizedSchema,
  /** Ages the threshold was validated for, inclusive. */
  ages: z.tuple([z.number(), z.number()]).optional(),
  source: z.string().min(1),
});
export type Cutoff = z.infer<typeof cutoffSchema>;

const roundingSchema = z.enum(['half-up', 'truncate', 'half-even', 'none']);

/** A subscale's own missing-item rule. Without one, any missing item leaves the subscale without a score. */
const subscaleMissingSchema = z.object({
  /** Scored when at least `minAnswered` items are answered: mean(answered) × item count, then rounded (SDQ). */
  kind: z.literal('prorate'),
  minAnswered: z.number().int().positive(),
  rounding: roundingSchema,
  source: z.string().min(1),
});

const subscaleSchema = z.object({
  id: idSchema,
  label: localizedSchema,
  /** The items read; for a composite (`from`), the union of its components' items. */
  items: z.array(z.string()).min(1),
  method: z.enum(['sum', 'mean']),
  /** Applied after summing (DASS-21 ×2). */
  multiplier: z.number().positive().optional(),
  /** Composite: the sum of these earlier subscales' scores (SDQ externalising = conduct + hyperactivity). */
  from: z.array(idSchema).min(1).optional(),
  missing: subscaleMissingSchema.optional(),
  /**
   * Skip logic: the subscale is scored 0 when `item` is answered below `min` (its follow-up items are not asked),
   * and has no score when `item` is blank (SDQ impact: "do you have difficulties?" → no → impact 0).
   */
  gate: z.object({ item: z.string(), min: z.number(), source: z.string().min(1) }).optional(),
  bandSets: z.array(bandSetSchema).optional(),
});
export type SubscaleDefinition = z.infer<typeof subscaleSchema>;

/** An item whose endorsement needs action regardless of the total. Never imputed: missing means unknown. */
const criticalItemSchema = z.object({
  id: idSchema,
  item: z.string(),
  /** Answer (native coding, before reversal) at or above which the flag is positive. */
  min: z.number().int(),
  label: localizedSchema,
  source: z.string().min(1),
});
export type CriticalItem = z.infer<typeof criticalItemSchema>;

const missingRuleSchema = z.discriminatedUnion('kind', [
  /** Every scored item must be answered, or no total is given. */
  z.object({ kind: z.literal('complete'), source: z.string().min(1) }),
  /** Up to `maxMissing` scored items may be missing; the total is mean(answered) × item count. */
  z.object({ kind: z.literal('prorate'), maxMissing: z.number().int().positive(), source: z.string().min(1) }),
  /** The total is the sum of the `totalFrom` subscales, each under its own rule; no total if any has no score. */
  z.object({ kind: z.literal('subscales'), source: z.string().min(1) }),
]);
export type MissingRule = z.infer<typeof missingRuleSchema>;

/** A score a screening condition reads. `any-subscale` is met when any of `subscales` (default: all) is. */
const conditionSchema = z.object({
  id: idSchema,
  score: z.enum(['total', 'mean', 'positive-count', 'positive-mean', 'subscale', 'any-subscale']),
  /** For `subscale`: the one subscale; for `any-subscale`: the subscales considered. */
  subscales: z.array(idSchema).min(1).optional(),
  /** Strict or not, stated per condition: published rules differ ("超过 160" vs "≥ 2"). */
  op: z.enum(['>', '>=']),
  value: z.number(),
});
export type ScreenCondition = z.infer<typeof conditionSchema>;

/** A screening rule positive when any of its conditions holds (SCL-90: total > 160 or positive items > 43 or …). */
const screenSchema = z.object({
  id: idSchema,
  label: localizedSchema,
  any: z.array(conditionSchema).min(1),
  source: z.string().min(1),
});
export type Screen = z.infer<typeof screenSchema>;

/** A validity (lie) scale: the protocol is invalid when the subscale's score meets the condition (MHT 效度 ≥ 7). */
const validitySchema = z.object({
  subscale: idSchema,
  op: z.enum(['>', '>=']),
  value: z.number(),
  label: localizedSchema,
  source: z.string().min(1),
});
export type Validity = z.infer<typeof validitySchema>;

const licenceSchema = z.object({
  status: z.enum(['free', 'free-with-conditions', 'permission-required', 'unclear']),
  holder: z.string().min(1),
  notice: localizedSchema,
  /** Whether full item wording may ship in this package. */
  itemText: z.boolean(),
  source: z.string().min(1),
});
export type Licence = z.infer<typeof licenceSchema>;

const instrumentShape = z.object({
  id: idSchema,
  name: localizedSchema,
  abbreviation: z.string().min(1),
  version: z.string().min(1),
  /** Ages (years, inclusive) the instrument is meant for, per its sources; `max` absent means no upper limit. */
  ages: z.object({ min: z.number().int(), max: z.number().int().optional() }),
  recall: localizedSchema,
  options: z.array(responseOptionSchema).min(2),
  items: z.array(itemSchema).min(1),
  /** `sum`: total of scored items after reversal. The others are categorical algorithms named after their instrument. */
  scoring: z.enum(['sum', 'asq', 'cssrs-screener']),
  /** Standard score = total × multiplier (Zung index). */
  index: z.object({ multiplier: z.number().positive(), label: localizedSchema, source: z.string().min(1) }).optional(),
  subscales: z.array(subscaleSchema).optional(),
  /** The total is the sum of these subscales' scores instead of the items' (SDQ total difficulties). */
  totalFrom: z.array(idSchema).min(1).optional(),
  /** Report the total mean, total ÷ number of scored items (SCL-90 总均分/GSI, MSSMHS 总均分); bands may read it. */
  mean: z.object({ label: localizedSchema, source: z.string().min(1) }).optional(),
  /** Count the scored items whose score is ≥ `min` (SCL-90 阳性项目数) and their mean (阳性症状均分). */
  positiveItems: z.object({ min: z.number(), label: localizedSchema, source: z.string().min(1) }).optional(),
  screens: z.array(screenSchema).optional(),
  validity: validitySchema.optional(),
  bandSets: z.array(bandSetSchema),
  defaultBandSet: idSchema.optional(),
  cutoffs: z.array(cutoffSchema).optional(),
  critical: z.array(criticalItemSchema).optional(),
  missing: missingRuleSchema,
  /** Named interpretive algorithms applied after scoring. */
  derived: z.array(z.enum(['phq-depressive-syndrome', 'cesd-r-category'])).optional(),
  citation: z.array(z.string().min(1)).min(1),
  licence: licenceSchema,
  loinc: z.object({ panel: z.string().optional(), total: z.string().optional() }).optional(),
});

export const instrumentSchema = instrumentShape.superRefine((def, ctx) => {
  const ids = new Set<string>();
  for (const item of def.items) {
    if (ids.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate item id ${item.id}`, path: ['items'] });
    ids.add(item.id);
  }
  const known = (id: string, path: (string | number)[]) => {
    if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: `unknown item ${id}`, path });
  };
  def.subscales?.forEach((s, i) => {
    s.items.forEach((id, j) => {
      known(id, ['subscales', i, 'items', j]);
    });
  });
  def.critical?.forEach((c, i) => {
    known(c.item, ['critical', i, 'item']);
  });
  const sets = [...def.bandSets, ...(def.subscales ?? []).flatMap((s) => s.bandSets ?? [])];
  sets.forEach((set, i) => {
    for (let j = 1; j < set.bands.length; j++) {
      const prev = set.bands[j - 1];
      const band = set.bands[j];
      if (prev && band && !(band.min > prev.min)) {
        ctx.addIssue({ code: 'custom', message: `bands of ${set.id} must ascend`, path: ['bandSets', i] });
      }
    }
  });
  if (def.defaultBandSet && !def.bandSets.some((s) => s.id === def.defaultBandSet)) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown default band set ${def.defaultBandSet}`,
      path: ['defaultBandSet'],
    });
  }
  if (def.bandSets.some((s) => s.appliesTo === 'index') && !def.index) {
    ctx.addIssue({ code: 'custom', message: 'index bands need an index definition', path: ['index'] });
  }
  if (def.bandSets.some((s) => s.appliesTo === 'mean') && !def.mean) {
    ctx.addIssue({ code: 'custom', message: 'mean bands need a mean definition', path: ['mean'] });
  }
  refineScoreReferences(def, ctx, known);
});

type RawDefinition = z.infer<typeof instrumentShape>;

/** Subscale composites, gates, the composite total, screens and the validity scale name things that exist. */
function refineScoreReferences(
  def: RawDefinition,
  ctx: z.core.$RefinementCtx,
  known: (id: string, path: (string | number)[]) => void,
): void {
  const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
  const seen = new Map<string, readonly string[]>();
  def.subscales?.forEach((s, i) => {
    if (s.from) {
      const union = new Set<string>();
      for (const id of s.from) {
        const items = seen.get(id);
        if (!items) issue(`subscale ${s.id}: ${id} is not an earlier subscale`, ['subscales', i, 'from']);
        for (const item of items ?? []) union.add(item);
      }
      if (union.size !== s.items.length || s.items.some((id) => !union.has(id))) {
        issue(`subscale ${s.id}: items must be the union of its components' items`, ['subscales', i, 'items']);
      }
      if (s.missing || s.gate) issue(`composite ${s.id} takes its components' rules`, ['subscales', i]);
    }
    if (s.gate) known(s.gate.item, ['subscales', i, 'gate', 'item']);
    if (s.missing && s.missing.minAnswered > s.items.length) {
      issue(`subscale ${s.id}: minAnswered exceeds its items`, ['subscales', i, 'missing']);
    }
    seen.set(s.id, s.items);
  });
  const subscale = (id: string, path: (string | number)[]) => {
    if (!seen.has(id)) issue(`unknown subscale ${id}`, path);
  };
  def.totalFrom?.forEach((id, i) => {
    subscale(id, ['totalFrom', i]);
  });
  if ((def.missing.kind === 'subscales') !== (def.totalFrom !== undefined)) {
    issue('the "subscales" missing rule goes with totalFrom, and only with it', ['missing']);
  }
  def.screens?.forEach((screen, i) => {
    screen.any.forEach((c, j) => {
      const path = ['screens', i, 'any', j];
      c.subscales?.forEach((id) => {
        subscale(id, [...path, 'subscales']);
      });
      if (c.score === 'subscale' && c.subscales?.length !== 1) issue('name exactly one subscale', path);
      if (c.score === 'mean' && !def.mean) issue('a mean condition needs a mean definition', path);
      if (c.score.startsWith('positive') && !def.positiveItems) issue('needs a positiveItems definition', path);
    });
  });
  if (def.validity) subscale(def.validity.subscale, ['validity', 'subscale']);
  def.items.forEach((item, i) => {
    const scored = (item.options ?? def.options).some((o) => o.score !== undefined);
    if (scored && item.reverse) issue(`item ${item.id}: option scores and reversal do not mix`, ['items', i]);
  });
}

/** A complete instrument definition: the published key as data. */
export type InstrumentDefinition = z.infer<typeof instrumentSchema>;
