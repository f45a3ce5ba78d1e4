import type { Lang } from '@triage/scales';

/**
 * Everything `report.html` shows, already computed and already private: ids are pseudonyms unless the user chose
 * otherwise, counts in group views are suppressed where small, no names and no answers. The renderer only lays it out.
 */

/** A count in an aggregate view; null when suppressed (a small cell, or one that totals would give away). */
export type Cell = number | null;

/** A risk level as a column: `R4` … `R0`, or `none` for scored rows no rule fired on. */
interface LevelColumn {
  readonly id: string;
  /** Display name in the report's language, e.g. 「高风险」 or "high". */
  readonly name: string;
  /** CSS colour, e.g. `#c62828`. */
  readonly color: string;
}

/** One class or grade: how many students at each level, in the order of {@link ReportModel.levels}. */
export interface GroupRow {
  readonly key: string;
  readonly total: Cell;
  readonly counts: readonly Cell[];
}

/** A student who needs follow-up (R3 and above), most severe first. */
export interface FollowUpEntry {
  /** Pseudonym (default) or student id; never a name. */
  readonly id: string;
  readonly sheet: string | null;
  readonly line: number;
  readonly school: string | null;
  readonly grade: string | null;
  readonly class: string | null;
  /** Index into {@link ReportModel.levels}. */
  readonly level: number;
  /** Short score lines, e.g. `PHQ-A 17 (moderately severe)`, `GAD-7 12 (moderate)`; no item answers. */
  readonly scores: readonly string[];
  /** Index into {@link ReportModel.explanations}: students with the same decision share one explanation. */
  readonly explanation: number;
}

export interface ReportModel {
  readonly lang: Lang;
  readonly source: {
    /** Base name of the input file, never a full path. */
    readonly file: string;
    readonly sha256: string;
    /** e.g. `GB18030`, `UTF-8 with BOM`; null for XLSX. */
    readonly encoding: string | null;
    /** Sheet names for XLSX; empty for CSV. */
    readonly sheets: readonly string[];
    /** Sheets among `sheets` the workbook hides, read as classes (their header maps like the others). */
    readonly hiddenRead: readonly string[];
    /** Sheets not read, with their non-blank rows: hidden (not a class), or nothing in them recognised. */
    readonly skipped: readonly {
      readonly sheet: string;
      readonly rows: number;
      readonly reason: 'hidden' | 'no-columns';
    }[];
  };
  /** e.g. `triage 0.1.0`. */
  readonly generator: string;
  /** The ids this report shows are pseudonyms (the import always shows pseudonyms here, whatever the files hold). */
  readonly pseudonymized: boolean;
  readonly summary: {
    readonly rows: number;
    readonly scored: number;
    readonly rejected: number;
    /** Statistics rows (合计, 平均分 …) set aside in the errors file: no students. */
    readonly summaryRows: number;
    /** Titles merged across the table (初一(2)班) set aside in the errors file: no students. */
    readonly titleRows: number;
    /** The file's own header again (under each class of a stacked sheet): not counted in `rows`, written nowhere. */
    readonly headerRows: number;
    readonly blankRows: number;
    readonly duplicateIds: number;
    /** Rejected rows whose answers, as far as they could be read, show a positive or unknown critical item. */
    readonly rejectedWithRisk: number;
  };
  /** Every level column, most severe first, with the whole-file count (never suppressed: it names no group). */
  readonly levels: readonly (LevelColumn & { readonly count: number })[];
  readonly byGrade: readonly GroupRow[];
  readonly byClass: readonly GroupRow[];
  /** Counts below this are suppressed in group views (5 by default). */
  readonly minCell: number;
  /** The first entries of the follow-up list; the full list is in results.csv. */
  readonly followUp: readonly FollowUpEntry[];
  /** How many students need follow-up in all (may exceed `followUp.length`). */
  readonly followUpTotal: number;
  /** Rendered explanations (plain text, may hold newlines), shared by index. */
  readonly explanations: readonly string[];
  readonly instruments: readonly {
    readonly id: string;
    readonly name: string;
    readonly version: string;
    /** Citations of the published key and norms, plain text. */
    readonly sources: readonly string[];
    /** Licence status in the report's language. */
    readonly licence: string;
  }[];
  readonly ruleSet: { readonly id: string; readonly version: string; readonly hash: string };
}
