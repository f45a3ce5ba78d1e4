import {
  formatDerivedName,
  formatOutcome,
  formatWarning,
  type InstrumentDefinition,
  type Lang,
  type ScoreValue,
} from '@triage/scales';
import type { Messages } from '../messages.ts';
import { formatTable, paint } from '../terminal.ts';

/** Whole numbers as they are; prorated totals and indices to at most two decimals. */
function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}

function total(v: ScoreValue, text: Messages): string {
  if (v.total === null) return v.category === null ? text.score.noTotal : text.none;
  return v.prorated ? text.score.prorated(formatNumber(v.total)) : formatNumber(v.total);
}

function flags(v: ScoreValue, text: Messages, color: boolean, long: boolean, lang: Lang): string {
  if (v.flags.length === 0) return text.none;
  return v.flags
    .map((f) => {
      const short = text.score.flag(f.item, f.label, f.status);
      return paint(color, f.status === 'positive' ? 'red' : 'yellow', long ? `${short}: ${f.label[lang]}` : short);
    })
    .join(long ? '\n' : '; ');
}

/** Localized warning lines of one score. */
export function warningMessages(v: ScoreValue, lang: Lang): string[] {
  return v.warnings.map((w) => formatWarning(w, lang));
}

/** One respondent, as `triage score --answers` prints it. */
export function renderScore(
  v: ScoreValue,
  definition: InstrumentDefinition,
  text: Messages,
  lang: Lang,
  color: boolean,
): string {
  const s = text.score;
  const rows: string[][] = [[paint(color, 'bold', definition.abbreviation), definition.name[lang]]];
  if (v.category === null || v.total !== null) rows.push([s.total, total(v, text)]);
  if (v.index) rows.push([s.index, formatNumber(v.index.value)]);
  if (v.band) {
    const set = definition.bandSets.find((b) => b.id === v.band?.set);
    rows.push([s.band, `${v.band.label[lang]}${set ? ` (${set.label[lang]})` : ''}`]);
  }
  if (v.category !== null) rows.push([s.category, formatOutcome(v.category, lang)]);
  if (v.cutoffs.length) {
    const state = (p: boolean | null) => (p === null ? s.unknown : p ? s.positive : s.negative);
    const ages = (id: string) => definition.cutoffs?.find((c) => c.id === id)?.ages;
    rows.push([s.cutoffs, v.cutoffs.map((c) => s.cutoff(c.min, ages(c.id), state(c.positive))).join(' · ')]);
  }
  for (const sub of v.subscales) {
    const score = sub.score === null ? text.none : formatNumber(sub.score);
    rows.push([`${s.subscales} ${sub.id}`, `${score}${sub.band ? ` (${sub.band.label[lang]})` : ''}`]);
  }
  for (const [key, value] of Object.entries(v.derived)) {
    rows.push([formatDerivedName(key, lang), formatOutcome(value, lang)]);
  }
  const flagLines = flags(v, text, color, true, lang).split('\n');
  flagLines.forEach((line, i) => {
    rows.push([i === 0 ? s.flags : '', line]);
  });
  const warnings = warningMessages(v, lang);
  if (warnings.length === 0) rows.push([s.warnings, text.none]);
  warnings.forEach((w, i) => {
    rows.push([i === 0 ? s.warnings : '', w]);
  });
  return formatTable(rows);
}

/** Many respondents, one line each, as `triage score --file` prints them. */
export function renderScoreTable(
  rows: readonly { readonly label: string; readonly score: ScoreValue }[],
  text: Messages,
  lang: Lang,
  color: boolean,
): string {
  const t = text.table;
  const hasIndex = rows.some((r) => r.score.index !== null);
  const hasCategory = rows.some((r) => r.score.category !== null);
  const header = [t.row, t.total, ...(hasIndex ? [t.index] : []), t.band, ...(hasCategory ? [t.category] : [])];
  const body = rows.map(({ label, score: v }) => [
    label,
    total(v, text),
    ...(hasIndex ? [v.index ? formatNumber(v.index.value) : text.none] : []),
    v.band ? v.band.label[lang] : text.none,
    ...(hasCategory ? [v.category === null ? text.none : formatOutcome(v.category, lang)] : []),
    flags(v, text, color, false, lang),
    warningMessages(v, lang).join('; ') || text.none,
  ]);
  return formatTable([[...header, t.flags, t.warnings], ...body]);
}
