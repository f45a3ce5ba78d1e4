import { err, ok, type Result } from '@triage/scales';
import { type AnalyticError, type Expectation, invalidInput } from './errors.ts';

/** The tests behind each expectation a number can have. */
const TESTS = {
  positive: (v) => Number.isFinite(v) && v > 0,
  nonNegative: (v) => Number.isFinite(v) && v >= 0,
  count: (v) => Number.isSafeInteger(v) && v >= 0,
  fraction: (v) => Number.isFinite(v) && v >= 0 && v < 1,
  probability: (v) => Number.isFinite(v) && v > 0 && v < 1,
} as const satisfies Partial<Record<Expectation, (v: number) => boolean>>;

export type Rule = keyof typeof TESTS;

/** The first of `checks` ([field, value, rule]) that fails, as an error naming the field; ok otherwise. */
export function checkInputs(checks: readonly (readonly [string, number, Rule])[]): Result<void, AnalyticError> {
  for (const [field, value, rule] of checks) {
    if (!TESTS[rule](value)) return err(invalidInput(field, rule, String(value)));
  }
  return ok(undefined);
}
