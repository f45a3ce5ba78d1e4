import type { Lang } from '@triage/scales';

type Params = Readonly<Record<string, string>>;
type Text = Readonly<Record<Lang, (p: Params) => string>>;

/** What an input must be, by the `expected` key an invalid-input error carries. */
const EXPECTED = {
  positive: { en: 'a positive finite number', zh: '正的有限数' },
  nonNegative: { en: 'a finite number ≥ 0', zh: '不小于 0 的有限数' },
  count: { en: 'a whole number ≥ 0', zh: '不小于 0 的整数' },
  fraction: { en: 'a fraction in [0, 1)', zh: '[0, 1) 之间的比例' },
  probability: { en: 'a fraction in (0, 1)', zh: '(0, 1) 之间的比例' },
  hourly: { en: '24 values, one per hour', zh: '24 个值（每小时一个）' },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

/** A key of what an input must be. */
export type Expectation = keyof typeof EXPECTED;

const expected = (p: Params, lang: Lang) => EXPECTED[p.expected as Expectation]?.[lang] ?? p.expected;

/** Messages of the analytic queueing module's expected failures by stable code, in zh-CN and en. */
const messages = {
  CORE_ANALYTIC_INVALID_INPUT: {
    zh: (p) => `${p.field} 须为${expected(p, 'zh')}（收到 ${p.value}）`,
    en: (p) => `${p.field} must be ${expected(p, 'en')} (got ${p.value})`,
  },
  CORE_ANALYTIC_TOO_LARGE: {
    zh: (p) => `排队模型的状态空间过大（超过 ${p.limit} 个排队状态）：耐心时长相对于超载程度过长`,
    en: (p) => `the queueing model needs more than ${p.limit} queue states: patience is too long for this overload`,
  },
  CORE_STAFFING_UNREACHABLE: {
    zh: (p) => `${p.maxAgents} 个座席以内无法达到目标`,
    en: (p) => `the target is not reached with up to ${p.maxAgents} agents`,
  },
} as const satisfies Record<string, Text>;

/** A stable code of the analytic module's expected failures. */
export type AnalyticErrorCode = keyof typeof messages;

/** Every analytic error code. */
export const ANALYTIC_ERROR_CODES = Object.keys(messages) as readonly AnalyticErrorCode[];

/**
 * An expected failure of a queueing formula or a staffing search: a stable code and its message's parameters
 * (`field`, `expected`, `value` for invalid input; `limit`; `maxAgents`).
 */
export interface AnalyticError {
  readonly code: AnalyticErrorCode;
  readonly params: Params;
}

export function analyticError(code: AnalyticErrorCode, params: Params = {}): AnalyticError {
  return { code, params };
}

/** An invalid-input error naming the field, what it must be, and what it was. */
export function invalidInput(field: string, expectation: Expectation, value: string): AnalyticError {
  return analyticError('CORE_ANALYTIC_INVALID_INPUT', { field, expected: expectation, value });
}

/** The message of an analytic error in `lang`. */
export function analyticErrorMessage(error: AnalyticError, lang: Lang): string {
  return messages[error.code][lang](error.params);
}

/** True when `value` is an analytic error (a type guard for callers holding an unknown error). */
export function isAnalyticError(value: unknown): value is AnalyticError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    Object.hasOwn(messages, (value as { code: string }).code)
  );
}
