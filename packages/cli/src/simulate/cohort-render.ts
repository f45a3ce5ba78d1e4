import type { CohortComparison, CohortProjection, CohortWeek, CohortWeekDelta, LevelOrNone } from '@triage/core';
import { formatTable } from '../terminal.ts';
import type { CohortMessages } from './cohort-messages.ts';

/** Levels most severe first, as the import's summary lists them; `none` last. */
const SHOWN: readonly LevelOrNone[] = ['R4', 'R3', 'R2', 'R1', 'R0', 'none'];

/** Whole numbers as they are, expected values to one decimal. */
function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}
const signed = (x: number) => (x > 0 ? `+${formatNumber(x)}` : formatNumber(x));
const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((s, n) => s + n, 0);
const levelName = (l: LevelOrNone, text: CohortMessages) => (l === 'none' ? text.noLevel : l);

function weekCells(w: CohortWeek): string[] {
  return [
    String(w.week),
    w.from,
    String(sum(w.newCases)),
    String(w.referrals),
    formatNumber(sum(w.followUps)),
    formatNumber(w.retries),
    formatNumber(w.contacts),
    String(w.openCases),
    formatNumber(w.staffHours),
  ];
}

/** The levels line, the weekly table with its total, what falls after the horizon and the caseload. */
export function renderProjection(p: CohortProjection, label: string, text: CohortMessages): string {
  const levels = SHOWN.map((l) => `${levelName(l, text)} ${p.cohort.levels[l]}`).join(' · ');
  const t = p.totals;
  const rows = [
    [...text.columns],
    ...p.weekly.map(weekCells),
    [
      text.total,
      '',
      String(t.cases),
      String(t.referrals),
      formatNumber(t.followUps),
      formatNumber(t.retries),
      formatNumber(t.contacts),
      '',
      formatNumber(t.staffHours),
    ],
  ];
  const lines = [text.projectionTitle(label, p.weeks, p.start), text.levels(levels), '', formatTable(rows), ''];
  // Retries shown to one decimal: a tail of the geometric series below 0.05 is not worth a line.
  const retries = p.beyond.retries >= 0.05 ? formatNumber(p.beyond.retries) : null;
  if (p.beyond.followUps > 0 || retries !== null) lines.push(text.beyond(p.weeks, p.beyond.followUps, retries));
  const c = p.caseload;
  lines.push(
    text.caseload({
      weeks: String(p.weeks),
      perWeek: formatNumber(c.perWeek),
      meanWeeks: formatNumber(c.meanWeeks),
      meanOpen: formatNumber(c.meanOpen),
      steadyOpen: formatNumber(c.steadyOpen),
    }),
  );
  lines.push(text.assumptions(String(p.settings.noAnswerRate), p.settings.referralFrom));
  return lines.join('\n');
}

function deltaCells(d: CohortWeekDelta): string[] {
  return [
    String(d.week),
    d.from,
    signed(d.newCases),
    signed(d.referrals),
    signed(d.followUps),
    signed(d.retries),
    signed(d.contacts),
    signed(d.openCases),
    signed(d.staffHours),
  ];
}

/** The transition matrix, who changed (up to `show` pseudonyms) and the weekly delta B − A. */
export function renderComparison(
  c: CohortComparison,
  labels: { readonly a: string; readonly b: string },
  options: { readonly text: CohortMessages; readonly show: number },
): string {
  const { text, show } = options;
  const order = [...SHOWN].reverse();
  const matrix = [
    [`${labels.a} \\ ${labels.b}`, ...order.map((l) => levelName(l, text))],
    ...order.map((from) => [levelName(from, text), ...order.map((to) => String(c.transitions[from][to]))]),
  ];
  const lines = [
    text.transitionsTitle(labels.a, labels.b),
    '',
    formatTable(matrix),
    '',
    text.changes(c.changes.raised, c.changes.lowered, c.changes.unchanged),
  ];
  if (show > 0 && c.changed.length > 0) {
    // Sorted by pseudonym: the order of the file (which could point at a class or a seat) is not shown.
    const sorted = [...c.changed].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    lines.push('', text.changedTitle);
    for (const s of sorted.slice(0, show))
      lines.push(`  ${s.id}  ${levelName(s.from, text)} → ${levelName(s.to, text)}`);
    if (sorted.length > show) lines.push(`  ${text.moreChanged(sorted.length - show)}`);
  }
  const t = c.delta.totals;
  const rows = [
    [...options.text.columns],
    ...c.delta.weekly.map(deltaCells),
    [
      text.total,
      '',
      signed(t.cases),
      signed(t.referrals),
      signed(t.followUps),
      signed(t.retries),
      signed(t.contacts),
      '',
      signed(t.staffHours),
    ],
  ];
  lines.push('', text.deltaTitle(labels.a, labels.b), '', formatTable(rows));
  return lines.join('\n');
}
