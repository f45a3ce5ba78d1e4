import type { Localized } from '../definition/schema.ts';
import type { Rounding } from './rounding.ts';

/** One answer as it arrives: a number in some coding, an option label, or blank. */
export type Answer = number | string | null | undefined;

/** Answers in item order, or keyed by item id ("1", "9", "a"). */
export type Answers = ReadonlyArray<Answer> | Readonly<Record<string, Answer>>;

/**
 * Numeric coding of the answers. `native` is the instrument's published coding; `zero-based` and `one-based` shift
 * each item's lowest option to 0 or 1 (e.g. SDS entered as 0–3). Never guessed: a caller names it.
 */
export type Coding = 'native' | 'zero-based' | 'one-based';

export interface ScoreOptions {
  readonly coding?: Coding;
  /** Norm set for the band; defaults to the instrument's `defaultBandSet`. */
  readonly bandSet?: string;
  /** Rounding of the standard score (Zung index). Default `half-up` (reference/scales.md §0.1). */
  readonly indexRounding?: Rounding;
  /** Rounding of a prorated total. Default `none`, as in qscorer's Arrieta-2017 implementation (§0.6). */
  readonly prorationRounding?: Rounding;
  /** Set false to require every scored item even where the instrument allows proration. */
  readonly prorate?: boolean;
  /** Return the answers read, in native coding, as `items` (for rules on named items). Off by default: results then hold no answers. */
  readonly includeItems?: boolean;
}

export type FlagStatus = 'positive' | 'unknown';

/** A critical-item or categorical-risk flag. Only positive and unknown flags are reported; unknown must be treated as risk. */
export interface Flag {
  readonly id: string;
  readonly item?: string;
  readonly status: FlagStatus;
  readonly label: Localized;
}

export interface BandResult {
  readonly set: string;
  readonly id: string;
  readonly label: Localized;
  readonly positive: boolean;
  readonly source: string;
}

export interface IndexResult {
  /** The standard score after rounding. */
  readonly value: number;
  readonly exact: number;
  readonly rounding: Rounding;
}

export interface SubscaleResult {
  readonly id: string;
  /** Null when an item of the subscale is missing. */
  readonly score: number | null;
  /** With no score, still the band when every answer to the blank items gives the same one (see `bands`). */
  readonly band: BandResult | null;
  /**
   * Only with no score because of blank items, on a subscale with bands: the bands of the lowest and highest score
   * the blanks allow (as SCALES_BAND_BOUNDS for the total). The same band twice means `band` was decided by them.
   */
  readonly bands?: { readonly lowest: BandResult; readonly highest: BandResult };
}

export interface CutoffResult {
  readonly id: string;
  readonly min: number;
  /** Null only when blank items leave it undecided (no total, and the blanks could still tip it either way). */
  readonly positive: boolean | null;
}

export type WarningCode =
  | 'SCALES_PRORATED'
  | 'SCALES_NOT_SCORABLE'
  | 'SCALES_BAND_BOUNDS'
  | 'SCALES_SUBSCALE_BAND_BOUNDS'
  | 'SCALES_REFUSED'
  | 'SCALES_REFUSED_ACUITY'
  | 'SCALES_SKIPPED_ANSWERED'
  | 'SCALES_INVALID_PROTOCOL';

export interface ScoreWarning {
  readonly code: WarningCode;
  readonly items?: readonly string[];
  /** SCALES_SUBSCALE_BAND_BOUNDS: the id of the subscale the warning is about (its `items` are its blank ones). */
  readonly subscale?: string;
  /**
   * SCALES_BAND_BOUNDS: with no total, the bands of the lowest and highest total the unscored items allow. The same
   * band twice means the band was decided by these bounds (`band` holds it); two bands leave `band` null.
   * SCALES_SUBSCALE_BAND_BOUNDS: the same for one subscale's score (as its result's `bands`).
   */
  readonly bands?: { readonly lowest: BandResult; readonly highest: BandResult };
}

/** Items scored at or above the instrument's positive threshold (SCL-90 阳性项目数 and 阳性症状均分). */
export interface PositiveItemsResult {
  readonly count: number;
  /** Mean score of the positive items; null when there are none (no division by zero). */
  readonly mean: number | null;
}

export interface ScreenResult {
  readonly id: string;
  /**
   * True when any condition holds. With a score missing (blank items) and none holding: false when no answer to the
   * blanks could make one hold (the blank-item bounds, e.g. SCL-90 with one item blank and the rest at 1), else null.
   */
  readonly positive: boolean | null;
  /** Ids of the conditions that hold. */
  readonly met: readonly string[];
}

export interface ValidityResult {
  readonly score: number | null;
  /** False when the validity scale invalidates the protocol; null when it could not be scored. */
  readonly valid: boolean | null;
}

export interface ScoreValue {
  readonly instrument: string;
  readonly version: string;
  /** Total after reversal (and proration, when applied); null when the missing-item rule forbids a total. */
  readonly total: number | null;
  readonly index: IndexResult | null;
  readonly band: BandResult | null;
  readonly cutoffs: readonly CutoffResult[];
  readonly subscales: readonly SubscaleResult[];
  /** Categorical outcome of screeners that are not sums (ASQ, C-SSRS); the level the given answers establish. */
  readonly category: string | null;
  readonly derived: Readonly<Record<string, string>>;
  readonly flags: readonly Flag[];
  readonly answered: number;
  readonly missing: readonly string[];
  readonly prorated: boolean;
  readonly warnings: readonly ScoreWarning[];
  /** Only with `includeItems`: item id → native answer; blank and refused are null. */
  readonly items?: Readonly<Record<string, number | null>>;
  /** Only for instruments that define a total mean: total ÷ scored items; null without a total. */
  readonly mean?: number | null;
  /** Only for instruments that define positive items; null without a total. */
  readonly positiveItems?: PositiveItemsResult | null;
  /** Only for instruments that define screening rules. */
  readonly screens?: readonly ScreenResult[];
  /** Only for instruments with a validity scale. Scores are still reported for an invalid protocol. */
  readonly validity?: ValidityResult;
}

export type ScoreIssueCode =
  | 'SCALES_ITEM_COUNT'
  | 'SCALES_UNKNOWN_ITEM'
  | 'SCALES_ITEM_OUT_OF_RANGE'
  | 'SCALES_UNKNOWN_LABEL'
  | 'SCALES_YES_NO_NUMBER'
  | 'SCALES_UNKNOWN_BAND_SET'
  | 'SCALES_INVALID_OPTION';

/**
 * What is wrong with one answer (or with the answers as a whole). `expected` holds values only ("0–3", "1, 2, 9"),
 * no words, so `formatIssue` can say it in either language. `received` is for error files, not for terminals.
 */
export interface ScoreIssue {
  readonly code: ScoreIssueCode;
  readonly item?: string;
  /** `SCALES_INVALID_OPTION`: the option at fault (`coding`, `prorationRounding`, …); `''` when options are no object. */
  readonly option?: string;
  readonly expected: string;
  readonly received?: string;
  /** The coding the caller named, when it was not the native one. */
  readonly coding?: Coding;
}

export interface ScoreFailure {
  readonly instrument: string;
  readonly issues: readonly ScoreIssue[];
  /**
   * The critical-item flags (and, for ASQ and C-SSRS, the screener's flags) of the answers that could be read, so a
   * caller that logs the failure still sees an endorsed suicide item. An answer that could not be read counts as
   * blank: its critical item is `unknown`, and unknown must be treated as risk. With no answers read at all (wrong
   * item count, no list, a coding that is not one) every critical item is `unknown`. Empty when none is at risk.
   */
  readonly flags: readonly Flag[];
}
