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
  /** Which score the bands read: the total (raw or prorated) or the standard score (index). */
  appliesTo: z.enum(['total', 'index']),
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

const subscaleSchema = z.object({
  id: idSchema,
  label: localizedSchema,
  items: z.array(z.string()).min(1),
  method: z.enum(['sum', 'mean']),
  /** Applied after summing (DASS-21 ×2). */
  multiplier: z.number().positive().optional(),
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
]);
export type MissingRule = z.infer<typeof missingRuleSchema>;

const licenceSchema = z.object({
  status: z.enum(['free', 'free-with-conditions', 'permission-required', 'unclear']),
  holder: z.string().min(1),
  notice: localizedSchema,
  /** Whether full item wording may ship in this package. */
  itemText: z.boolean(),
  source: z.string().min(1),
});
export type Licence = z.infer<typeof licenceSchema>;

export const instrumentSchema = z
  .object({
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
    index: z
      .object({ multiplier: z.number().positive(), label: localizedSchema, source: z.string().min(1) })
      .optional(),
    subscales: z.array(subscaleSchema).optional(),
    bandSets: z.array(bandSetSchema),
    defaultBandSet: idSchema.optional(),
    cutoffs: z.array(cutoffSchema).optional(),
    critical: z.array(criticalItemSchema).optional(),
    missing: missingRuleSchema,
    /** Named interpretive algorithms applied after scoring. */
    derived: z.array(z.enum(['phq-depressive-syndrome'])).optional(),
    citation: z.array(z.string().min(1)).min(1),
    licence: licenceSchema,
    loinc: z.object({ panel: z.string().optional(), total: z.string().optional() }).optional(),
  })
  .superRefine((def, ctx) => {
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
  });

/** A complete instrument definition: the published key as data. */
export type InstrumentDefinition = z.infer<typeof instrumentSchema>;
