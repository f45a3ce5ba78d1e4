import type { ClassKpis, Estimate, HotlineReport } from '@triage/core';
import { formatTable } from '../terminal.ts';
import type { HotlineMessages } from './hotline-messages.ts';

/** What `triage simulate hotline --json` prints: the scenario file, the report, and the chart file if one was written. */
export interface SimulateHotlineResult {
  readonly scenarioFile: string;
  readonly html: string | null;
  readonly report: HotlineReport;
}

const NONE = '—';
const half = (e: Estimate) => (e.low === null || e.high === null ? null : (e.high - e.low) / 2);

/** 0.888 ± 0.003 → "88.8% ±0.3". */
export function percentCi(e: Estimate | null): string {
  if (!e) return NONE;
  const h = half(e);
  return `${(e.mean * 100).toFixed(1)}%${h === null ? '' : ` ±${(h * 100).toFixed(1)}`}`;
}

/** A number with its half-width, to `digits` decimals. */
function numberCi(e: Estimate | null, digits = 1): string {
  if (!e) return NONE;
  const h = half(e);
  const f = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${f(e.mean)}${h === null ? '' : ` ±${f(h)}`}`;
}

function classLabel(k: ClassKpis, text: HotlineMessages): string {
  if (k.class === 'all') return text.all;
  if (k.class === 'follow-up') return text.followUp;
  return k.class;
}

/** The KPI table per class and overall, each figure with its CI: the terminal's and the HTML chart's. */
export function kpiTable(report: HotlineReport, text: HotlineMessages): { header: string[]; rows: string[][] } {
  const c = text.columns;
  const header = [c.class, c.offered, c.sl, c.asa, c.wait, c.abandon, c.overflow, c.balk];
  const rows = [...report.classes, report.overall].map((k) => [
    classLabel(k, text),
    numberCi(k.offered, 0),
    percentCi(k.serviceLevel),
    numberCi(k.averageAnswerSeconds),
    percentCi(k.waitProbability),
    percentCi(k.abandonRate),
    percentCi(k.overflowRate),
    percentCi(k.balkRate),
  ]);
  return { header, rows };
}

/** The run's heading, the KPI table per class with CIs, the summary lines and the hourly profile. */
export function renderHotline(report: HotlineReport, text: HotlineMessages): string {
  const { header, rows } = kpiTable(report, text);
  const followUps = report.classes.find((k) => k.class === 'follow-up');
  const transfers = report.overall.transfers;
  const lines = [
    text.heading(
      report.scenario ?? text.unnamed,
      (report.horizonSeconds / 86_400).toFixed(1),
      (report.warmUpSeconds / 3600).toFixed(1),
      report.replications,
      report.seed,
    ),
    text.ciNote(report.serviceLevelSeconds),
    '',
    formatTable([header, ...rows]),
    '',
    text.occupancy(percentCi(report.occupancy)),
    ...(report.r4WaitProbability ? [text.r4Wait(percentCi(report.r4WaitProbability))] : []),
    ...(followUps ? [text.followUpsOverdue(percentCi(followUps.overdueRate))] : []),
    ...(transfers && transfers.mean > 0 ? [text.transfers(numberCi(transfers))] : []),
    '',
    text.hourlyHeading,
    formatTable([
      text.hourColumns,
      ...report.hourly.map((h) => [
        `${String(h.hour).padStart(2, '0')}–${String(h.hour + 1).padStart(2, '0')}`,
        h.offered.toFixed(1),
        h.serviceLevel === null ? NONE : `${(h.serviceLevel * 100).toFixed(1)}%`,
        h.abandoned.toFixed(1),
        h.seats.toFixed(1),
        h.occupancy === null ? NONE : `${(h.occupancy * 100).toFixed(1)}%`,
      ]),
    ]),
  ];
  return lines.join('\n');
}
