import type { Localized } from '@triage/scales';

/** Stable codes of the rule-set checks; tools and CI match on these, never on message text. */
export const RULE_CHECK_CODES = [
  'RULES_NO_SOURCE',
  'RULES_UNKNOWN_FACT',
  'RULES_TOO_COMPLEX',
  'RULES_UNSATISFIABLE',
  'RULES_SHADOWED',
  'RULES_CONFLICT',
  'RULES_GAP',
] as const;
export type RuleCheckCode = (typeof RULE_CHECK_CODES)[number];

/** One finding of `checkRules`, located to the rule it concerns when the YAML text was given. */
export interface RuleCheckIssue {
  readonly severity: 'error' | 'warning';
  readonly code: RuleCheckCode;
  /** Ids of the rules involved, the one the issue is about first (it is located there). */
  readonly rules: readonly string[];
  readonly message: Localized;
  readonly file?: string;
  /** 1-based, present when `text` was given and the rule was found in it. */
  readonly line?: number;
  readonly column?: number;
}

export interface RuleCheckReport {
  readonly issues: readonly RuleCheckIssue[];
  readonly errors: number;
  readonly warnings: number;
}

export interface RuleCheckOptions {
  /** The YAML (or JSON) text the rule set was parsed from, to give each issue a line and column. */
  readonly text?: string;
  /** File name to put on each issue. */
  readonly file?: string;
}

/** An issue before location: `at` is its path in the rule-set document (e.g. rules.3.when.all.0). */
export interface DraftIssue {
  readonly severity: RuleCheckIssue['severity'];
  readonly code: RuleCheckCode;
  readonly rules: readonly string[];
  readonly message: Localized;
  readonly at?: readonly (string | number)[];
}
