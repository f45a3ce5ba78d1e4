import type { Lang } from '@triage/scales';

/** Parameters a message reads; lists arrive already joined in the message's language. */
type Params = Readonly<Record<string, string>>;
type Text = Readonly<Record<Lang, (p: Params) => string>>;

/**
 * Messages of the domain's own checks, keyed by the `params.key` the schemas put on their custom issues. Messages say
 * what was expected, never what was received: inputs are minors' records and stay out of terminals and logs.
 */
export const checkMessages = {
  'id.identifying': {
    zh: () => '看起来像手机号或身份证号：编号必须是化名编号（例如学号的加密散列）',
    en: () =>
      'looks like a phone or national ID number: ids must be pseudonymous (e.g. a keyed hash of the student number)',
  },
  'time.notBefore': {
    zh: (p) => `不能早于 ${p.field}`,
    en: (p) => `must not be before ${p.field}`,
  },
  'range.order': {
    zh: (p) => `不能小于 ${p.field}`,
    en: (p) => `must not be less than ${p.field}`,
  },
  'field.requiredWhen': {
    zh: (p) => `${p.field} 为 ${p.value} 时必填`,
    en: (p) => `required when ${p.field} is ${p.value}`,
  },
  'field.onlyWhen': {
    zh: (p) => `仅在 ${p.field} 为 ${p.value} 时填写`,
    en: (p) => `only allowed when ${p.field} is ${p.value}`,
  },
  'field.together': {
    zh: (p) => `须与 ${p.field} 同时填写`,
    en: (p) => `must be given together with ${p.field}`,
  },
  'field.atLeastOne': {
    zh: (p) => `至少填写其中一项：${p.fields}`,
    en: (p) => `give at least one of: ${p.fields}`,
  },
  'age.band': {
    zh: (p) => `年龄与 ${p.field} 不符`,
    en: (p) => `age does not fall in ${p.field}`,
  },
  'level.lowered': {
    zh: () => '规则不能降低风险等级：降级须由具名工作人员评估并写明理由',
    en: () => 'rules never lower a risk level: lowering needs a named staff member and a reason',
  },
} as const satisfies Record<string, Text>;

/** Key of one of the domain's own checks. */
export type CheckKey = keyof typeof checkMessages;

/** Messages for strings that must match a domain pattern (see `PATTERNS` in primitives.ts). */
export const patternMessages = {
  id: {
    zh: () => '应为编号：1–128 个字母、数字或 . _ : -，以字母或数字开头',
    en: () => 'expected an id: 1–128 letters, digits or . _ : -, starting with a letter or digit',
  },
  instrumentId: {
    zh: () => '应为量表编号，例如 phq-9',
    en: () => 'expected an instrument id such as phq-9',
  },
  hash: {
    zh: () => '应为 sha256: 加 64 位十六进制小写字符',
    en: () => 'expected sha256: followed by 64 lowercase hex digits',
  },
  region: {
    zh: () => '应为 6 位行政区划代码（GB/T 2260）',
    en: () => 'expected a 6-digit administrative division code (GB/T 2260)',
  },
} as const satisfies Record<string, Text>;

/** Messages for ISO 8601 string formats. */
export const formatMessages: Readonly<Record<string, Text>> = {
  datetime: {
    zh: () => '应为带时区的 ISO 8601 时间，例如 2025-03-01T08:30:00+08:00',
    en: () => 'expected an ISO 8601 date-time with offset, e.g. 2025-03-01T08:30:00+08:00',
  },
  date: {
    zh: () => '应为 ISO 8601 日期，例如 2025-03-01',
    en: () => 'expected an ISO 8601 date, e.g. 2025-03-01',
  },
  duration: {
    zh: () => '应为 ISO 8601 时长，例如 PT24H 或 P7D',
    en: () => 'expected an ISO 8601 duration such as PT24H or P7D',
  },
};

/** Names of JSON types in messages. */
export const typeNames: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  string: { zh: '文本', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'an integer' },
  boolean: { zh: '是/否（true 或 false）', en: 'true or false' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '列表', en: 'a list' },
  null: { zh: '空值（null）', en: 'null' },
};

/** Generic messages for zod's built-in issues, phrased for this domain. */
export const genericMessages = {
  missingOrType: {
    zh: (p) => `缺失或类型不对：应为${p.type}`,
    en: (p) => `missing or of the wrong type: expected ${p.type}`,
  },
  oneOf: { zh: (p) => `应为以下之一：${p.values}`, en: (p) => `expected one of: ${p.values}` },
  exactly: { zh: (p) => `应为 ${p.value}`, en: (p) => `expected ${p.value}` },
  noUnionMatch: { zh: () => '不符合任何一种允许的格式', en: () => 'matches none of the allowed forms' },
  unknownKeys: { zh: (p) => `不接受的字段：${p.keys}`, en: (p) => `unknown field(s): ${p.keys}` },
  identifyingKeys: {
    zh: () => '（不收录姓名、电话、住址等身份信息，编号须为化名）',
    en: () => ' (names, phone numbers and addresses are not accepted; ids are pseudonymous)',
  },
  minChars: { zh: (p) => `至少 ${p.n} 个字符`, en: (p) => `at least ${p.n} character(s)` },
  maxChars: { zh: (p) => `最多 ${p.n} 个字符`, en: (p) => `at most ${p.n} characters` },
  minItems: { zh: (p) => `至少 ${p.n} 项`, en: (p) => `at least ${p.n} item(s)` },
  maxItems: { zh: (p) => `最多 ${p.n} 项`, en: (p) => `at most ${p.n} items` },
  atLeast: { zh: (p) => `应不小于 ${p.n}`, en: (p) => `expected at least ${p.n}` },
  above: { zh: (p) => `应大于 ${p.n}`, en: (p) => `expected more than ${p.n}` },
  atMost: { zh: (p) => `应不大于 ${p.n}`, en: (p) => `expected at most ${p.n}` },
  below: { zh: (p) => `应小于 ${p.n}`, en: (p) => `expected less than ${p.n}` },
} as const satisfies Record<string, Text>;

/** How issue lines and lists are laid out per language. */
export const layout: Readonly<
  Record<Lang, { root: string; line: (path: string, message: string) => string; sep: string }>
> = {
  zh: { root: '（整体）', line: (path, message) => `${path}：${message}`, sep: '、' },
  en: { root: '(root)', line: (path, message) => `${path}: ${message}`, sep: ', ' },
};

/** Title and bilingual description of each top-level domain object, for JSON Schema and docs. */
export const objectTerms = {
  student: { title: 'Student', zh: '学生', en: 'A pseudonymous student taking part in a screening.' },
  caller: { title: 'Caller', zh: '来电者', en: 'A pseudonymous person who contacts the service.' },
  screeningBatch: {
    title: 'ScreeningBatch',
    zh: '筛查批次',
    en: 'One school, one date, one or more instruments, a grade range.',
  },
  screeningResult: {
    title: 'ScreeningResult',
    zh: '筛查结果',
    en: "One student's scored result on one instrument version, as a plain snapshot.",
  },
  contact: { title: 'Contact', zh: '来电 / 咨询', en: 'One call, chat or visit, with its category and stated risk.' },
  riskAssessment: {
    title: 'RiskAssessment',
    zh: '研判',
    en: 'A risk level set by a rule set or by a named staff member, with the reason.',
  },
  case: { title: 'Case', zh: '个案', en: 'One person, one case: term, step, owner and current level.' },
  workOrder: {
    title: 'WorkOrder',
    zh: '工单',
    en: 'A task dispatched to an institution with a due time.',
  },
  referral: { title: 'Referral', zh: '转介', en: 'A case referred to an institution, with the reason.' },
  followUp: { title: 'FollowUp', zh: '跟进 / 回访', en: 'A scheduled check on a case and its outcome.' },
  closure: { title: 'Closure', zh: '结案', en: 'When, by whom and why a case was closed.' },
  evaluation: { title: 'Evaluation', zh: '评价', en: 'The evaluation of a closed case: score and notes.' },
  feedback: {
    title: 'Feedback',
    zh: '反馈',
    en: 'Closing the loop to whoever referred the case (school, station or caller).',
  },
  station: { title: 'Station', zh: '服务站', en: 'A service station (an institution, not a person).' },
  team: { title: 'Team', zh: '服务队伍', en: 'A service team, optionally attached to a station.' },
} as const satisfies Record<string, { title: string; zh: string; en: string }>;
