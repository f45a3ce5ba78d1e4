import type { Lang } from '@triage/scales';

/** The strings of `triage simulate hotline`, zh-CN and en. They take numbers, file names and class names only. */

/** Flag help (oclif reads it before the language is known, so English, like the rest of `--help`). */
export const hotlineHelp = {
  summary: 'Simulate a hotline scenario: KPIs per risk class with 95% confidence intervals and an hourly profile.',
  description:
    'Runs a seeded discrete-event simulation of the scenario (arrivals by hour and weekday with surges, risk classes with priority and patience, rosters with shrinkage, chat, follow-ups, overflow, warm transfers) for several independent replications, drops the warm-up and reports each KPI as a mean with its 95% confidence interval. The same scenario, seed and replications give the same numbers on any machine. Examples: examples/simulate/*.yaml.',
  scenario: 'Scenario file (YAML or JSON); see examples/simulate/.',
  replications: 'Independent replications, at least 2: each KPI is a mean with its 95% confidence interval.',
  seed: 'Master seed; replication i runs on a seed derived from it.',
  html: 'Also write a self-contained HTML chart of the hourly profile to this file (mode 0600).',
} as const;

/** A size of a run, known before it starts (see `estimateHotlineWork`). */
interface Work {
  readonly contactsPerReplication: number;
  readonly replications: number;
  readonly contacts: number;
}

/** Contacts, rounded to 3 significant digits: estimates, not counts. */
const enCount = (n: number) =>
  n < 1e15 ? new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(n) : n.toPrecision(3);
const zhCount = (n: number) =>
  n < 1e16
    ? new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumSignificantDigits: 3 }).format(n)
    : n.toPrecision(3);
/** The most replications within the limit, never below the 2 --replications takes. */
const fitting = (w: Work, limit: number) => Math.max(2, Math.floor(limit / w.contactsPerReplication));

type Kpi = 'offered' | 'sl' | 'asa' | 'wait' | 'abandon' | 'overflow' | 'balk';

const en = {
  heading: (name: string, days: string, warmUp: string, replications: number, seed: number) =>
    `${name}: ${days} days simulated (after ${warmUp} h warm-up) × ${replications} replications, seed ${seed}`,
  unnamed: 'scenario',
  ciNote: (threshold: number) =>
    `Mean per replication ± half-width of the 95% confidence interval; answered ≤ ${threshold} s and rates are ÷ offered.`,
  columns: {
    class: 'class',
    offered: 'offered',
    sl: 'answered ≤ t',
    asa: 'ASA s',
    wait: 'P(wait)',
    abandon: 'abandoned',
    overflow: 'overflow',
    balk: 'busy/hang-up',
  } satisfies Record<Kpi | 'class', string>,
  all: 'all inbound',
  followUp: 'follow-up',
  occupancy: (value: string) => `Seat occupancy: ${value}`,
  r4Wait: (value: string) => `P(an R4 caller waits at all): ${value}`,
  followUpsOverdue: (value: string) => `Follow-ups overdue: ${value}`,
  transfers: (value: string) => `Warm transfers to 110/120 per replication: ${value}`,
  hourlyHeading: 'Hourly profile (pooled over days and replications)',
  hourColumns: ['hour', 'offered/day', 'answered ≤ t', 'abandoned/day', 'seats', 'occupancy'] as readonly string[],
  htmlWritten: (file: string) => `Hourly chart written to ${file}`,
  progress: (replication: number, replications: number) => `replication ${replication}/${replications}`,
  // errors
  scenarioAt: (file: string, line: number, column: number, path: string, message: string) =>
    `${file}:${line}:${column}: ${path ? `${path}: ` : ''}${message}`,
  tooManyPerReplication: (file: string, w: Work, limit: number, days: number) =>
    `${file}: about ${enCount(w.contactsPerReplication)} contacts in each replication (arrivals and follow-ups over ${days} simulated days, warm-up included), more than the ${enCount(limit)} a replication the simulator takes. Check the arrival rate (perDay, perHour, hourlyRates, surges) for a typo, or shorten the horizon.`,
  tooManyInAll: (file: string, w: Work, limit: number) =>
    `${file}: about ${enCount(w.contacts)} contacts in all (${enCount(w.contactsPerReplication)} in each of ${w.replications} replications), more than the ${enCount(limit)} one run takes (minutes of work). Use --replications ${fitting(w, limit)} or fewer, or a shorter horizon.`,
  cannotWrite: (file: string) => `${file}: cannot be written (does the folder exist, and may you write there?)`,
  // the chart
  chart: {
    title: (name: string) => `${name}: hourly profile`,
    offered: 'offered per day (bars)',
    sl: 'answered ≤ t',
    occupancy: 'occupancy',
    seats: 'seats on',
    hour: 'hour of day',
    kpis: 'KPIs per class (mean ± 95% CI half-width)',
  },
};

export type HotlineMessages = typeof en;

const zh: HotlineMessages = {
  heading: (name, days, warmUp, replications, seed) =>
    `${name}：模拟 ${days} 天（预热 ${warmUp} 小时后）× ${replications} 次重复，种子 ${seed}`,
  unnamed: '场景',
  ciNote: (threshold) => `每次重复的均值 ± 95% 置信区间半宽；${threshold} 秒内接通率及各比率均以来电量为分母。`,
  columns: {
    class: '级别',
    offered: '来电',
    sl: `t 内接通`,
    asa: '平均等待秒',
    wait: '需等待',
    abandon: '放弃',
    overflow: '溢出',
    balk: '忙音/挂断',
  },
  all: '全部来电',
  followUp: '回访',
  occupancy: (value) => `坐席占用率：${value}`,
  r4Wait: (value) => `R4 来电需等待的概率：${value}`,
  followUpsOverdue: (value) => `回访逾期：${value}`,
  transfers: (value) => `每次重复转接 110/120 次数：${value}`,
  hourlyHeading: '分时概况（按天和重复汇总）',
  hourColumns: ['时段', '日均来电', 't 内接通', '日均放弃', '坐席', '占用率'],
  htmlWritten: (file) => `分时图已写入 ${file}`,
  progress: (replication, replications) => `第 ${replication}/${replications} 次重复`,
  scenarioAt: (file, line, column, path, message) => `${file}:${line}:${column}：${path ? `${path}：` : ''}${message}`,
  tooManyPerReplication: (file, w, limit, days) =>
    `${file}：每次重复约 ${zhCount(w.contactsPerReplication)} 个来电（含预热共 ${days} 天内的来电和回访），超过仿真上限每次 ${zhCount(limit)} 个。请检查来电量（perDay、perHour、hourlyRates、surges）是否写错，或缩短 horizon。`,
  tooManyInAll: (file, w, limit) =>
    `${file}：共约 ${zhCount(w.contacts)} 个来电（${w.replications} 次重复，每次约 ${zhCount(w.contactsPerReplication)} 个），超过一次运行的上限 ${zhCount(limit)} 个（需算几分钟以上）。请把 --replications 减到 ${fitting(w, limit)} 或以下，或缩短 horizon。`,
  cannotWrite: (file) => `${file}：无法写入（文件夹是否存在、是否有写权限？）`,
  chart: {
    title: (name) => `${name}：分时概况`,
    offered: '日均来电（柱）',
    sl: 't 内接通',
    occupancy: '占用率',
    seats: '在岗坐席',
    hour: '时段',
    kpis: '各级别指标（均值 ± 95% 置信区间半宽）',
  },
};

export function hotlineMessages(lang: Lang): HotlineMessages {
  return lang === 'zh' ? zh : en;
}
