import type { Lang } from '@triage/scales';
import type { CaseStatus } from '../domain/case.ts';
import type { CaseEventType } from './events.ts';

type Params = Readonly<Record<string, string>>;
type Text = Readonly<Record<Lang, (p: Params) => string>>;

/**
 * Messages of the workflow's errors by stable code, in zh-CN and en. They name ids and statuses, never a person.
 */
const messages = {
  CORE_INVALID_EVENT: {
    zh: (p) => `事件格式不正确：${p.detail}`,
    en: (p) => `the event is not valid: ${p.detail}`,
  },
  CORE_ILLEGAL_TRANSITION: {
    zh: (p) => `个案处于「${p.status}」时不能记录「${p.event}」`,
    en: (p) => `${p.event} is not allowed while the case is at ${p.status}`,
  },
  CORE_EVENT_IN_FUTURE: {
    zh: (p) => `事件时间 ${p.at} 晚于当前时间 ${p.now}`,
    en: (p) => `the event time ${p.at} is after now (${p.now})`,
  },
  CORE_EVENT_OUT_OF_ORDER: {
    zh: (p) => `事件时间 ${p.at} 早于上一事件 ${p.last}：历史只能追加`,
    en: (p) => `the event time ${p.at} is before the last event (${p.last}): the history is append-only`,
  },
  CORE_ACTOR_REQUIRED: {
    zh: (p) => `「${p.event}」须由具名工作人员记录，不能由系统自动完成`,
    en: (p) => `${p.event} needs a named staff member, not the system`,
  },
  CORE_REASON_REQUIRED: {
    zh: (p) => `「${p.event}」须写明理由`,
    en: (p) => `${p.event} needs a reason`,
  },
  CORE_RULE_SET_REQUIRED: {
    zh: (p) => `系统自动记录「${p.event}」时须注明决定它的规则集及版本`,
    en: (p) => `${p.event} recorded by the system needs the rule set (and version) that decided it`,
  },
  CORE_LEVEL_LOWERED_WITHOUT_REASON: {
    zh: (p) => `风险等级从 ${p.from} 降为 ${p.to} 须由具名工作人员评估并写明理由`,
    en: (p) => `lowering the level from ${p.from} to ${p.to} needs a named staff member and a reason`,
  },
  CORE_DUPLICATE_ID: {
    zh: (p) => `编号 ${p.id} 已在本个案中使用`,
    en: (p) => `the id ${p.id} is already used in this case`,
  },
  CORE_UNKNOWN_REFERRAL: {
    zh: (p) => `本个案没有转介 ${p.id}`,
    en: (p) => `this case has no referral ${p.id}`,
  },
  CORE_UNKNOWN_WORK_ORDER: {
    zh: (p) => `本个案没有工单 ${p.id}`,
    en: (p) => `this case has no work order ${p.id}`,
  },
  CORE_UNKNOWN_FOLLOW_UP: {
    zh: (p) => `本个案没有待办跟进 ${p.id}`,
    en: (p) => `this case has no scheduled follow-up ${p.id}`,
  },
  CORE_ALREADY_RECORDED: {
    zh: (p) => `${p.id} 已记录过（${p.state}）`,
    en: (p) => `${p.id} is already recorded (${p.state})`,
  },
  CORE_WORK_ORDER_CLOSED: {
    zh: (p) => `工单 ${p.id} 已结束（${p.state}）`,
    en: (p) => `work order ${p.id} is already ${p.state}`,
  },
  CORE_WORK_ORDER_NOT_OVERDUE: {
    zh: (p) => `工单 ${p.id} 未超时（应于 ${p.dueAt} 前完成）：提前升级须写明理由`,
    en: (p) => `work order ${p.id} is not overdue (due ${p.dueAt}): escalating early needs a reason`,
  },
  CORE_NO_EMERGENCY: {
    zh: () => '本个案没有待确认的紧急转接，也未达到 R4',
    en: () => 'this case has no emergency transfer to confirm and never reached R4',
  },
  CORE_OPEN_WORK_ORDERS: {
    zh: (p) => `仍有未完成的工单：${p.ids}`,
    en: (p) => `work orders still open: ${p.ids}`,
  },
  CORE_REFERRAL_UNACKNOWLEDGED: {
    zh: (p) => `转介尚未被接收方确认：${p.ids}`,
    en: (p) => `referrals not yet acknowledged: ${p.ids}`,
  },
  CORE_FOLLOW_UPS_MISSING: {
    zh: (p) => `跟进未完成：已完成 ${p.done} 次，至少须 ${p.required} 次；到期未记录：${p.ids}`,
    en: (p) => `follow-ups missing: ${p.done} done, at least ${p.required} required; due and not recorded: ${p.ids}`,
  },
  CORE_SIGN_OFF_REQUIRED: {
    zh: (p) => `${p.level} 个案结案须经「${p.role}」签字确认`,
    en: (p) => `closing an ${p.level} case needs sign-off by a ${p.role}`,
  },
  CORE_RESCUE_NOT_CONFIRMED: {
    zh: () => '紧急个案结案前须确认救援已到达当事人',
    en: () => 'an emergency case cannot close before rescue is confirmed to have reached the person',
  },
  CORE_HISTORY_BROKEN: {
    zh: (p) => `个案历史在第 ${p.seq} 条被改动或断开（${p.reason}）`,
    en: (p) => `the case history is altered or broken at record ${p.seq} (${p.reason})`,
  },
} as const satisfies Record<string, Text>;

/** A stable workflow error code. */
export type WorkflowErrorCode = keyof typeof messages;

/** Every workflow error code. */
export const WORKFLOW_ERROR_CODES = Object.keys(messages) as readonly WorkflowErrorCode[];

/** An expected workflow failure: a stable code and the parameters its message reads (ids, statuses, times). */
export interface WorkflowError {
  readonly code: WorkflowErrorCode;
  /** The event type refused, when an event was. */
  readonly event?: CaseEventType;
  /** The case status when it was refused. */
  readonly status?: CaseStatus;
  readonly params: Params;
}

export function workflowError(
  code: WorkflowErrorCode,
  params: Params = {},
  context: { event?: CaseEventType; status?: CaseStatus } = {},
): WorkflowError {
  return { code, ...context, params };
}

/** The message of a workflow error in `lang`. */
export function workflowErrorMessage(error: WorkflowError, lang: Lang): string {
  const p = { event: error.event ?? '', status: error.status ?? '', ...error.params };
  return messages[error.code][lang](p);
}

/** True when `value` is a workflow error (a type guard for callers holding an unknown error). */
export function isWorkflowError(value: unknown): value is WorkflowError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    Object.hasOwn(messages, (value as { code: string }).code)
  );
}
