import type { Lang } from '@triage/scales';

/**
 * The strings of `triage simulate cohort`, zh-CN and en. They take counts, levels, dates, file names and pseudonyms;
 * never a name, a student id or an answer.
 */

type Counts = { readonly rows: number; readonly scored: number; readonly rejected: number };
type RuleRef = { readonly id: string; readonly version: string };
type Caseload = Readonly<Record<'weeks' | 'perWeek' | 'meanWeeks' | 'meanOpen' | 'steadyOpen', string>>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const en = {
  read: (file: string, c: Counts) =>
    `${file}: ${plural(c.rows, 'row')} read, ${c.scored} scored${c.rejected ? `, ${c.rejected} rejected (not projected; \`triage import --dry-run\` says why)` : ''}`,
  riskInRejected: (n: number) =>
    `${n === 1 ? '1 rejected row shows' : `${n} rejected rows show`} a positive or unanswered critical item: not projected, and urgent; \`triage import\` lists ${n === 1 ? 'it' : 'them'} (errors.csv, column _urgent = yes) to fix first`,
  unmappedSheets: (sheets: readonly string[]) =>
    `sheets not recognised, their rows not projected: ${sheets.join(', ')} (use --sheet, --instrument or --map)`,
  studentsAbove: (where: string, line: number, rows: number) =>
    `${where}: ${plural(rows, 'row')} above the header (line ${line}) ${rows === 1 ? 'holds' : 'hold'} a student's answers, not a title or notes: not read, counted as rejected (not projected; \`triage import\` rejects ${rows === 1 ? 'it' : 'them'}, IMPORT_ABOVE_HEADER); move ${rows === 1 ? 'it' : 'them'} below the header`,
  headerUnmapped: (where: string, line: number) =>
    `${where}: the header on line ${line} cannot be read as this sheet's instruments: the rows under it, up to the next header that can be, are not read, counted as rejected (not projected; \`triage import --dry-run\` says why)`,
  ephemeralKey: 'no pseudonym key yet (triage import makes one): the pseudonyms shown are for this run only',
  rules: (label: string, r: RuleRef) => `${label}: rule set ${r.id} ${r.version}`,
  defaultStart: (date: string) => `no --start: weeks start today, ${date}`,
  projectionTitle: (label: string, weeks: number, start: string) =>
    `Workload of rule set ${label}, ${plural(weeks, 'week')} from ${start}`,
  levels: (levels: string) => `Students by level: ${levels}`,
  noLevel: 'none',
  columns: [
    'week',
    'from',
    'new cases',
    'referrals',
    'follow-ups',
    'retries',
    'contacts',
    'open cases',
    'staff hours',
  ] as readonly string[],
  total: 'total',
  beyond: (weeks: number, followUps: number, retries: string | null) =>
    `After week ${weeks}: ${plural(followUps, 'follow-up')} still scheduled${retries === null ? '' : `, ${retries} expected retries`}.`,
  caseload: (c: Caseload) =>
    `Caseload: ${c.meanOpen} cases open on average over the ${c.weeks} weeks. Were this screening repeated every ${c.weeks} weeks, Little's law gives ${c.perWeek} new cases a week × ${c.meanWeeks} weeks a case = ${c.steadyOpen} open cases.`,
  assumptions: (rate: string, referralFrom: string) =>
    `Follow-ups on the workflow's schedule per level; no-answer rate ${rate} (missed calls retried per the policy); referrals from ${referralFrom}; handle times: see --json settings.`,
  transitionsTitle: (a: string, b: string) => `Level changes (rows: ${a}, columns: ${b})`,
  changes: (raised: number, lowered: number, unchanged: number) =>
    `${plural(raised, 'student')} raised, ${lowered} lowered, ${unchanged} unchanged`,
  changedTitle: 'Students whose level changes (pseudonyms)',
  moreChanged: (n: number) => `… and ${n} more (all in --json)`,
  deltaTitle: (a: string, b: string) => `Workload delta per week (${b} − ${a})`,
  // usage
  badRate: '--no-answer-rate must be a number from 0 up to (not including) 1, e.g. 0.2',
  badStart: (value: string) => `--start "${value}" is not a date; expected YYYY-MM-DD, e.g. 2026-09-01`,
  noSuchDay: (value: string) =>
    `--start "${value}" is not a day of the calendar (no such month, or the month is shorter); expected YYYY-MM-DD, e.g. 2026-09-01`,
  badHandleTime: (value: string) =>
    `--handle-time "${value}": expected LEVEL=MINUTES (R0–R4, both the first assessment and follow-ups), assessment.LEVEL=, follow-up.LEVEL= or no-answer=, e.g. R3=30`,
  invalidOptions: (detail: string) => `invalid projection settings: ${detail}`,
};

export type CohortMessages = typeof en;

const zh: CohortMessages = {
  read: (file, c) =>
    `${file}：读取 ${c.rows} 行，计分 ${c.scored} 行${c.rejected ? `，拒绝 ${c.rejected} 行（未计入预测；原因见 \`triage import --dry-run\`）` : ''}`,
  riskInRejected: (n) =>
    `${n} 个被拒收的行含阳性或未作答的危机条目：未计入预测，需优先处理；\`triage import\` 会列出这些行（errors.csv 中 _urgent = yes），请先修正`,
  unmappedSheets: (sheets) =>
    `无法识别的工作表，其行未计入预测：${sheets.join('、')}（请用 --sheet、--instrument 或 --map）`,
  studentsAbove: (where, line, rows) =>
    `${where}：表头（第 ${line} 行）上方有 ${rows} 行是学生的作答，不是标题或说明：未读取，计为拒绝（未计入预测；\`triage import\` 拒绝这些行，IMPORT_ABOVE_HEADER）；请移到表头下方`,
  headerUnmapped: (where, line) =>
    `${where}：第 ${line} 行的表头无法按本工作表的量表读取：其下直到下一个可读的表头，各行都未读取，计为拒绝（未计入预测；原因见 \`triage import --dry-run\`）`,
  ephemeralKey: '尚无假名密钥（triage import 会生成）：显示的假名仅在本次运行有效',
  rules: (label, r) => `${label}：规则集 ${r.id} ${r.version}`,
  defaultStart: (date) => `未给出 --start：从今天 ${date} 起算`,
  projectionTitle: (label, weeks, start) => `规则集 ${label} 的工作量：自 ${start} 起 ${weeks} 周`,
  levels: (levels) => `各等级人数：${levels}`,
  noLevel: '无',
  columns: ['周', '起始日', '新个案', '转介', '随访', '重拨', '联系次数', '在案个案', '人力（小时）'],
  total: '合计',
  beyond: (weeks, followUps, retries) =>
    `第 ${weeks} 周之后：仍有 ${followUps} 次随访${retries === null ? '' : `、预计 ${retries} 次重拨`}。`,
  caseload: (c) =>
    `在案量：${c.weeks} 周内平均在案 ${c.meanOpen} 个。若每 ${c.weeks} 周进行一次同样的筛查，按利特尔法则，每周新个案 ${c.perWeek} × 每个案 ${c.meanWeeks} 周 = 在案 ${c.steadyOpen} 个。`,
  assumptions: (rate, referralFrom) =>
    `随访按工作流各等级的日程；未接通率 ${rate}（未接通按策略重拨）；${referralFrom} 及以上计为转介；处理时长见 --json 的 settings。`,
  transitionsTitle: (a, b) => `等级变化（行：${a}，列：${b}）`,
  changes: (raised, lowered, unchanged) => `升级 ${raised} 人，降级 ${lowered} 人，不变 ${unchanged} 人`,
  changedTitle: '等级改变的学生（假名）',
  moreChanged: (n) => `……另有 ${n} 人（完整列表见 --json）`,
  deltaTitle: (a, b) => `每周工作量差（${b} − ${a}）`,
  badRate: '--no-answer-rate 应为 0 到 1 之间（不含 1）的数，例如 0.2',
  badStart: (value) => `--start "${value}" 不是日期；应为 YYYY-MM-DD，例如 2026-09-01`,
  noSuchDay: (value) =>
    `--start "${value}" 不是日历上存在的日期（没有这个月，或该月没有这一天）；应为 YYYY-MM-DD，例如 2026-09-01`,
  badHandleTime: (value) =>
    `--handle-time "${value}"：应为 等级=分钟（R0–R4，同时用于首次评估和随访）、assessment.等级=、follow-up.等级= 或 no-answer=，例如 R3=30`,
  invalidOptions: (detail) => `预测参数无效：${detail}`,
};

/** The messages in one language. */
export function cohortMessages(lang: Lang): CohortMessages {
  return lang === 'zh' ? zh : en;
}

/** Help text (English: oclif reads it from the manifest before any locale is known). */
export const cohortHelp = {
  summary: 'Project the referral and follow-up workload of a screening under a rule set; compare two rule sets.',
  description:
    'Reads a screening file as `triage import` does (CSV in any encoding, or .xlsx; the same column mapping), triages every row with --rules (default: the shipped rule set) and, with --compare, with a second rule set, then projects week by week: new cases and referrals, follow-up contacts due on the workflow schedule of each level (with retries of unanswered calls), open cases and staff hours. With --compare it also prints who changes level (a transition matrix) and the workload delta. Writes nothing; prints no names, ids or answers (students appear only as keyed pseudonyms).',
  input: 'The screening file: .csv (or .txt/.tsv) or .xlsx.',
  rules: 'Rule set file (YAML or JSON) for the projection. Default: the shipped default rule set.',
  compare: 'Second rule set file to compare with --rules: transition matrix and workload delta.',
  weeks: 'Weeks to project.',
  start: 'Screening date (YYYY-MM-DD): week 1 starts on it. Default: today.',
  noAnswerRate: 'Share of follow-up calls nobody answers (0–<1); missed calls are retried per the workflow policy.',
  referralFrom: 'Lowest level counted as a referral.',
  handleTime:
    'Handle time in minutes, repeatable: R3=30 (first assessment and follow-ups of a level), assessment.R3=, follow-up.R3=, no-answer=.',
  show: 'How many changed students to list by pseudonym (0: none).',
};
