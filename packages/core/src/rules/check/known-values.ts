import type { InstrumentDefinition } from '@triage/scales';
import { contactCategorySchema, contactChannelSchema } from '../../domain/contact.ts';
import { sexSchema } from '../../domain/student.ts';
import type { ContactFacts, PersonFacts } from '../facts.ts';

/** What a fact can hold when present. Absence (undefined or null) is always possible besides. */
export type Domain =
  /** A finite set of ids or booleans: band ids, categories, flag statuses, cut-off decisions. */
  | { readonly kind: 'ids'; readonly values: readonly (string | boolean)[] }
  /** A finite set of numbers: an item's answer values, an instrument's possible totals. */
  | { readonly kind: 'numbers'; readonly values: readonly number[] }
  /** Any number in [min, max] (bounds may be infinite): ages, subscale scores. */
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  /** A list of ids tested with `contains` (keyword hits). */
  | { readonly kind: 'list' };

type Categorical = Exclude<InstrumentDefinition['scoring'], 'sum'>;

/**
 * The categories each categorical algorithm can return.
 * @see packages/scales/src/engine/categorical.ts (scoreAsq, scoreCssrsScreener)
 */
export const CATEGORIES: Readonly<Record<Categorical, readonly string[]>> = {
  asq: ['negative', 'non-acute-positive', 'positive-acuity-unknown', 'acute-positive', 'unknown'],
  'cssrs-screener': ['none', 'low', 'moderate', 'high', 'unknown'],
};

/** The category the rule set's `unknownCritical` policy acts on (evaluate.ts), so gap analysis counts it as covered. */
export const UNKNOWN_CATEGORY = 'unknown';

/**
 * Flag ids the categorical algorithms raise, besides the definition's critical items.
 * @see packages/scales/src/engine/categorical.ts
 */
export const CATEGORICAL_FLAGS: Readonly<Record<Categorical, readonly string[]>> = {
  asq: ['asq-endorsed', 'asq-refused', 'asq-unanswered', 'asq-acute', 'asq-acuity-unknown'],
  'cssrs-screener': ['cssrs-endorsed', 'cssrs-unanswered'],
};

/** A flag is present only when positive or unknown (facts.ts); absent means negative. */
export const FLAG_STATUSES: readonly string[] = ['positive', 'unknown'];

type Derived = NonNullable<InstrumentDefinition['derived']>[number];

/**
 * The key each derived algorithm writes under `scales.<id>.derived` and the values it returns.
 * @see packages/scales/src/engine/derived.ts (phqDepressiveSyndrome)
 */
export const DERIVED: Readonly<Record<Derived, { readonly key: string; readonly values: readonly string[] }>> = {
  'phq-depressive-syndrome': {
    key: 'syndrome',
    values: ['none', 'other-depressive-syndrome', 'major-depressive-syndrome', 'unknown'],
  },
  'cesd-r-category': {
    key: 'category',
    values: [
      'major-depressive-episode',
      'probable-major-depressive-episode',
      'possible-major-depressive-episode',
      'subthreshold',
      'non-clinical',
      'unknown',
    ],
  },
};

const anyNumber: Domain = { kind: 'range', min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
const boolean: Domain = { kind: 'ids', values: [true, false] };
const ids = (values: readonly string[]): Domain => ({ kind: 'ids', values });

/** `person.*` facts (facts.ts PersonFacts); enumerations come from the domain schemas facts.ts uses. */
export const PERSON_FIELDS = {
  age: anyNumber,
  sex: ids(sexSchema.options),
  grade: anyNumber,
} satisfies Record<keyof PersonFacts, Domain>;

/** `contact.*` facts (facts.ts ContactFacts). */
export const CONTACT_FIELDS = {
  category: ids(contactCategorySchema.options),
  // facts.ts: a contact's channel, or a school screening.
  channel: ids([...contactChannelSchema.options, 'screening'] satisfies NonNullable<ContactFacts['channel']>[]),
  plan: boolean,
  intent: boolean,
  means: boolean,
  attemptInProgress: boolean,
  keywords: { kind: 'list' },
} satisfies Record<keyof ContactFacts, Domain>;
