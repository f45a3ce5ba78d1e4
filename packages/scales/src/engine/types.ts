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
  readonly band: BandResult | null;
}

export interface CutoffResult {
  readonly id: string;
  readonly min: number;
  /** Null only when blank items leave it undecided (no total, and the blanks could still tip it either way). */
  readonly positive: boolean | null;
}

export type WarningCode = 'SCALES_PRORATED' | 'SCALES_NOT_SCORABLE' | 'SCALES_REFUSED' | 'SCALES_SKIPPED_ANSWERED';

export interface ScoreWarning {
  readonly code: WarningCode;
  readonly items?: readonly string[];
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
}

export type ScoreIssueCode =
  | 'SCALES_ITEM_COUNT'
  | 'SCALES_UNKNOWN_ITEM'
  | 'SCALES_ITEM_OUT_OF_RANGE'
  | 'SCALES_UNKNOWN_LABEL'
  | 'SCALES_UNKNOWN_BAND_SET';

/**
 * What is wrong with one answer (or with the answers as a whole). `expected` holds values only ("0–3", "1, 2, 9"),
 * no words, so `formatIssue` can say it in either language. `received` is for error files, not for terminals.
 */
export interface ScoreIssue {
  readonly code: ScoreIssueCode;
  readonly item?: string;
  readonly expected: string;
  readonly received?: string;
  /** The coding the caller named, when it was not the native one. */
  readonly coding?: Coding;
}

export interface ScoreFailure {
  readonly instrument: string;
  readonly issues: readonly ScoreIssue[];
}
