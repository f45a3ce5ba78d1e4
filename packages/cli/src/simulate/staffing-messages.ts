import type { Lang } from '@triage/scales';

/** The strings of `triage simulate staffing`, zh-CN and en. They take numbers, flags and file names only. */

/** What the heading says about the run: numbers already formatted. */
interface StaffingHeading {
  readonly model: 'erlang-c' | 'erlang-a';
  readonly calls: string;
  readonly perHour: boolean;
  readonly aht: string;
  readonly patience: string;
  readonly serviceLevel: string;
  readonly within: string;
  readonly maxAbandon: string | undefined;
  readonly maxAsa: string | undefined;
  readonly profile: string;
}

const MODEL = { 'erlang-c': 'Erlang C', 'erlang-a': 'Erlang A' } as const;

const en = {
  heading: (h: StaffingHeading) =>
    [
      `Minimum seats per hour (${MODEL[h.model]}${h.model === 'erlang-a' ? `, mean patience ${h.patience} s` : ''})`,
      `${h.perHour ? `${h.calls} calls/h every hour` : `${h.calls} calls/day, profile: ${h.profile}`}; AHT ${h.aht} s`,
      `target: ${h.serviceLevel} answered within ${h.within} s${h.maxAbandon ? `, abandonment ≤ ${h.maxAbandon}` : ''}${h.maxAsa ? `, ASA ≤ ${h.maxAsa} s` : ''}`,
    ].join('\n'),
  columns: [
    'hour',
    'calls/h',
    'seats',
    'positions',
    'answered ≤ t',
    'abandon',
    'ASA s',
    'occupancy',
  ] as readonly string[],
  everyHour: 'each hour',
  defaultProfile: 'built-in evening/night peak (62.8 % of calls 18:00–06:00)',
  summary: (peak: number, positions: number, at: string, seatHours: number) =>
    `Peak: ${peak} seats (${positions} positions) at ${at}; ${seatHours} seat-hours a day.`,
  steady: (seats: number, positions: number, seatHours: number) =>
    `${seats} seats (${positions} positions) every hour; ${seatHours} seat-hours a day.`,
  fte: (fte: string, contract: string, shrinkage: string) =>
    `Staff to cover this 7 days a week: ${fte} FTE (${contract} h/week contracts, shrinkage ${shrinkage}).`,
  erlangCAbandon: 'Erlang C assumes nobody hangs up; use --model erlang-a to see abandonment.',
  // usage
  oneRate: 'give exactly one of --calls-per-day and --calls-per-hour',
  profileNeedsDay: '--profile applies only with --calls-per-day',
  abandonNeedsA: '--max-abandon needs --model erlang-a: Erlang C has no abandonment',
  badCalls: (flag: 'calls-per-day' | 'calls-per-hour', value: string) =>
    `--${flag} "${value}": expected a number of calls above 0, such as ${flag === 'calls-per-day' ? '1400' : '12'} (with no calls there is nothing to staff)`,
  badDuration: (flag: string, value: string) =>
    `--${flag} "${value}": expected a duration such as 900, 900s, 15m or 15min (plain numbers are seconds)`,
  badShare: (flag: string, value: string) =>
    `--${flag} "${value}": expected a share such as 5%, 0.05 (from 0 up to, not including, 100 %)`,
  badAbandon: (value: string) =>
    `--max-abandon "${value}": expected a share above 0 and below 100 %, such as 5% or 0.05 (while callers hang up, some always do: no number of seats brings abandonment to 0)`,
  badContractHours: (value: string) =>
    `--contract-hours "${value}": expected the paid hours of a full-time week, above 0 and at most 168, such as 40`,
  badTarget: (value: string) =>
    `--target "${value}": expected SERVICE-LEVEL/SECONDS, e.g. 80/20 (80 % of calls answered within 20 s)`,
  badProfile: (file: string, detail: string) => `${file}: not an hourly profile: ${detail}`,
  profileShape:
    'expected 24 non-negative shares, hour 0 first: a YAML/JSON list (or `shares:` list), or CSV rows "share" or "hour,share"',
  profileHour: (line: number, value: string) => `line ${line}: "${value}" is not an hour 0–23`,
  profileShare: (line: number, value: string) => `line ${line}: "${value}" is not a number ≥ 0`,
  profileRepeated: (hour: number) => `hour ${hour} appears twice`,
  profileCount: (n: number) => `${n} hours given, expected 24`,
  profileSum: 'the shares add up to 0',
};

export type StaffingMessages = typeof en;

const zh: StaffingMessages = {
  heading: (h) =>
    [
      `每小时最少座席数（${MODEL[h.model]}${h.model === 'erlang-a' ? `，平均耐心 ${h.patience} 秒` : ''}）`,
      `${h.perHour ? `每小时 ${h.calls} 通来电` : `每日 ${h.calls} 通来电，时段分布：${h.profile}`}；平均处理时长 ${h.aht} 秒`,
      `目标：${h.within} 秒内接听 ${h.serviceLevel}${h.maxAbandon ? `，放弃率 ≤ ${h.maxAbandon}` : ''}${h.maxAsa ? `，平均应答时间 ≤ ${h.maxAsa} 秒` : ''}`,
    ].join('\n'),
  columns: ['时段', '来电/时', '座席', '排班岗位', 't 内接听', '放弃', '平均应答秒', '占用率'],
  everyHour: '每小时',
  defaultProfile: '内置晚间/夜间高峰（62.8% 来电在 18:00–06:00）',
  summary: (peak, positions, at, seatHours) =>
    `高峰：${at} 需 ${peak} 个座席（${positions} 个排班岗位）；每日座席小时 ${seatHours}。`,
  steady: (seats, positions, seatHours) =>
    `每小时 ${seats} 个座席（${positions} 个排班岗位）；每日座席小时 ${seatHours}。`,
  fte: (fte, contract, shrinkage) =>
    `每周 7 天覆盖所需人力：${fte} 个全职当量（每周 ${contract} 小时合同，损耗率 ${shrinkage}）。`,
  erlangCAbandon: 'Erlang C 假定来电者不挂断；要查看放弃率，请用 --model erlang-a。',
  oneRate: '--calls-per-day 与 --calls-per-hour 须且只能给出其一',
  profileNeedsDay: '--profile 仅与 --calls-per-day 一起使用',
  abandonNeedsA: '--max-abandon 需配合 --model erlang-a：Erlang C 没有放弃',
  badCalls: (flag, value) =>
    `--${flag} "${value}"：应为大于 0 的来电数，例如 ${flag === 'calls-per-day' ? '1400' : '12'}（没有来电就无需排班）`,
  badDuration: (flag, value) => `--${flag} "${value}"：应为时长，例如 900、900s、15m 或 15min（纯数字按秒计）`,
  badShare: (flag, value) => `--${flag} "${value}"：应为比例，例如 5% 或 0.05（0 到 100%，不含 100%）`,
  badAbandon: (value) =>
    `--max-abandon "${value}"：应为大于 0、小于 100% 的比例，例如 5% 或 0.05（只要来电者会挂断，总有人放弃：再多座席也不能使放弃率为 0）`,
  badContractHours: (value) => `--contract-hours "${value}"：应为全职合同每周工时，大于 0 且不超过 168，例如 40`,
  badTarget: (value) => `--target "${value}"：应为 服务水平/秒数，例如 80/20（80% 来电在 20 秒内接听）`,
  badProfile: (file, detail) => `${file}：不是有效的小时分布：${detail}`,
  profileShape:
    '应为 24 个非负占比，从 0 时开始：YAML/JSON 列表（或 `shares:` 列表），或每行 "占比" 或 "小时,占比" 的 CSV',
  profileHour: (line, value) => `第 ${line} 行："${value}" 不是 0–23 的小时`,
  profileShare: (line, value) => `第 ${line} 行："${value}" 不是不小于 0 的数`,
  profileRepeated: (hour) => `${hour} 时出现了两次`,
  profileCount: (n) => `给出了 ${n} 个小时，应为 24 个`,
  profileSum: '占比之和为 0',
};

/** The messages in one language. */
export function staffingMessages(lang: Lang): StaffingMessages {
  return lang === 'zh' ? zh : en;
}

/** Help text (English: oclif reads it from the manifest before any locale is known). */
export const staffingHelp = {
  summary: 'Minimum seats per hour for a service-level target (and an abandonment ceiling), with positions and FTE.',
  description:
    'Spreads the day’s calls over 24 hours (--profile, or a built-in evening/night peak) and finds, hour by hour, the fewest agents that answer the target share within the threshold — with Erlang A (callers hang up after exponential patience; the default) or Erlang C (nobody hangs up) — and, when given, keep abandonment and the average speed of answer under their ceilings. Then rostered positions per hour with shrinkage, ⌈seats/(1 − shrinkage)⌉, and the full-time equivalents to staff the day 7 days a week. Each hour is a steady state: queues carried across hour boundaries, priorities and bursts need `triage simulate hotline`.',
  callsPerDay: 'Calls a day, above 0, spread over the hours by --profile.',
  callsPerHour: 'Calls an hour, above 0, the same every hour (instead of --calls-per-day).',
  profile:
    'Hourly profile: YAML/JSON list of 24 shares (hour 0 first; any scale, e.g. percent) or CSV with "share" or "hour,share" rows. Default: a built-in evening/night peak.',
  aht: 'Average handle time: 900, 900s, 15m (plain numbers are seconds).',
  patience: 'Mean patience before a caller hangs up (Erlang A): 120, 2m …',
  target: 'Service level: share answered within seconds, e.g. 80/20.',
  maxAbandon: 'Abandonment ceiling (Erlang A), above 0 and below 100%, e.g. 5% or 0.05.',
  maxAsa: 'Ceiling on the average speed of answer of answered calls: 30, 30s …',
  shrinkage: 'Share of paid time not in a seat (breaks, training, leave), e.g. 30%.',
  contractHours: 'Paid hours of a full-time contract per week, above 0 and at most 168.',
  model: 'Queueing model: erlang-a (callers hang up) or erlang-c (they never do).',
};
