import type { HourlyStaffingResult, HourStaffing, ServiceTarget } from '@triage/core';
import { formatTable } from '../terminal.ts';
import type { StaffingMessages } from './staffing-messages.ts';

/** What `triage simulate staffing --json` prints: the inputs as understood, then the hourly staffing. */
export interface SimulateStaffingResult extends HourlyStaffingResult {
  readonly model: 'erlang-c' | 'erlang-a';
  readonly callsPerDay: number;
  readonly profile: {
    /** `flat` for --calls-per-hour. */
    readonly source: 'default' | 'file' | 'flat';
    readonly file: string | null;
    /** The 24 shares as given (not normalised), hour 0 first. */
    readonly shares: readonly number[];
  };
  readonly handleSeconds: number;
  /** null under Erlang C. */
  readonly patienceSeconds: number | null;
  readonly target: ServiceTarget;
  readonly maxAbandon: number | null;
  readonly maxAsaSeconds: number | null;
  readonly shrinkage: number;
  readonly contractHoursPerWeek: number;
}

const pad = (h: number) => String(h).padStart(2, '0');
const hourLabel = (h: number) => `${pad(h)}–${pad(h + 1)}`;
/** Percent to one decimal, so the table's columns line up: 90.0%. */
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Percent as short as it goes, for inputs: 80%, 5%, 2.5%. */
const percentShort = (x: number) => `${Number((x * 100).toFixed(2))}%`;
/** Up to `digits` decimals, trailing zeros dropped: 900, 7.8, 0.25. */
const short = (x: number, digits = 1) => String(Number(x.toFixed(digits)));

function cells(h: HourStaffing, label: string, erlangC: boolean): string[] {
  return [
    label,
    h.callsPerHour.toFixed(1),
    String(h.agents),
    String(h.positions),
    percent(h.serviceLevel),
    erlangC ? '—' : percent(h.pAbandon),
    h.asaSeconds.toFixed(1),
    `${Math.round(h.occupancy * 100)}%`,
  ];
}

/** The heading, the table of hours (one row when every hour is the same) and the peak and FTE lines. */
export function renderStaffing(r: SimulateStaffingResult, text: StaffingMessages): string {
  const perHour = r.profile.source === 'flat';
  const heading = text.heading({
    model: r.model,
    calls: short(perHour ? r.callsPerDay / 24 : r.callsPerDay),
    perHour,
    aht: short(r.handleSeconds),
    patience: short(r.patienceSeconds ?? 0),
    serviceLevel: percentShort(r.target.serviceLevel),
    within: short(r.target.answerWithinSeconds),
    maxAbandon: r.maxAbandon === null ? undefined : percentShort(r.maxAbandon),
    maxAsa: r.maxAsaSeconds === null ? undefined : short(r.maxAsaSeconds),
    profile: r.profile.file ?? text.defaultProfile,
  });
  const erlangC = r.model === 'erlang-c';
  const first = r.hours[0];
  const rows =
    perHour && first
      ? [cells(first, text.everyHour, erlangC)]
      : r.hours.map((h) => cells(h, hourLabel(h.hour), erlangC));
  const peak = r.hours.find((h) => h.agents === r.peakAgents);
  const lines = [heading, '', formatTable([[...text.columns], ...rows]), ''];
  lines.push(
    perHour || !peak
      ? text.steady(r.peakAgents, r.peakPositions, r.seatHoursPerDay)
      : text.summary(r.peakAgents, r.peakPositions, `${pad(peak.hour)}:00`, r.seatHoursPerDay),
  );
  lines.push(text.fte(r.fte.toFixed(1), short(r.contractHoursPerWeek), percentShort(r.shrinkage)));
  if (erlangC) lines.push(text.erlangCAbandon);
  return lines.join('\n');
}
