import { basename } from 'node:path';
import { formatOutcome, type InstrumentDefinition, type Lang } from '@triage/scales';
import { encodingDisplayName } from '../csv/decode.ts';
import { groupTables } from './group-tables.ts';
import type { FollowUpEntry, ReportModel } from './report/model.ts';
import type { ImportOutcome } from './run-import.ts';
import { type FollowUp, LEVEL_COLUMNS } from './tally.ts';

/** Level colours as the default scheme names them, made readable on white. Other CSS colours pass through. */
const COLOURS: Readonly<Record<string, string>> = {
  red: '#c62828',
  orange: '#e65100',
  yellow: '#b8860b',
  blue: '#1565c0',
  green: '#2e7d32',
};
const NONE_COLOUR = '#757575';

/** Where the import's source came from, in words for the report. */
function encodingName(outcome: ImportOutcome): string | null {
  if (outcome.source.kind !== 'csv') return null;
  const { encoding, bom } = outcome.source.dialect;
  return `${encodingDisplayName(encoding)}${bom ? ' BOM' : ''}`;
}

/** Everything report.html shows: aggregates with small cells suppressed, the kept follow-up list, sources. */
export function reportModel(
  outcome: ImportOutcome,
  options: {
    readonly file: string;
    readonly lang: Lang;
    readonly minCell: number;
    readonly generator: string;
  },
): ReportModel {
  const { lang, minCell } = options;
  const { tally, levels: scheme } = outcome;
  const levels = LEVEL_COLUMNS.map((id, i) => {
    const display = id === 'none' ? undefined : scheme[id];
    return {
      id,
      name: display ? display.name[lang] : lang === 'zh' ? '未触发规则' : 'no rule fired',
      color: display ? (COLOURS[display.colour] ?? display.colour) : NONE_COLOUR,
      count: tally.levels[i] ?? 0,
    };
  });
  const explanations: string[] = [];
  // By text, not by decision object: equal decisions may come as two objects (see `describe` in run-import.ts).
  const byText = new Map<string, number>();
  const followUp: FollowUpEntry[] = tally.followUp().map((f) => {
    const text = outcome.explain(f.decision);
    let explanation = byText.get(text);
    if (explanation === undefined) {
      explanation = explanations.push(text) - 1;
      byText.set(text, explanation);
    }
    return {
      id: f.pseudonym ?? (lang === 'zh' ? '无学号' : 'no id'),
      sheet: f.sheet,
      line: f.line,
      school: f.school,
      grade: f.grade,
      class: f.class,
      level: f.level,
      scores: f.scores.map((s) =>
        scoreText(
          s,
          outcome.instruments.find((d) => d.id === s.instrument),
          lang,
        ),
      ),
      explanation,
    };
  });
  return {
    lang,
    source: {
      file: basename(options.file),
      sha256: outcome.sha256,
      encoding: encodingName(outcome),
      sheets: outcome.source.kind === 'xlsx' ? outcome.source.sheets : [],
      hiddenRead: outcome.source.kind === 'xlsx' ? outcome.source.hiddenRead : [],
      skipped: outcome.skipped,
    },
    generator: options.generator,
    // The follow-up list shows pseudonyms whatever `--pseudonymize` says: a report gets shared.
    pseudonymized: true,
    summary: { ...outcome.counts, rejectedWithRisk: outcome.rejectedWithRisk },
    levels,
    ...groupTables(tally, minCell, lang),
    minCell,
    followUp,
    followUpTotal: tally.followUpTotal,
    explanations,
    instruments: outcome.instruments.map((d) => ({
      id: d.id,
      name: d.name[lang],
      version: d.version,
      sources: d.citation,
      licence: d.licence.notice[lang],
    })),
    ruleSet: outcome.ruleSetRef,
  };
}

/**
 * One score of the follow-up list: `PHQ-A 22 (severe)`, `SDS index 63 (moderate)`, or for a categorical screener,
 * which has no total and no band, its category in words (`ASQ acute positive`): never `ASQ —` for the very result
 * that put the student on the list.
 */
export function scoreText(
  s: FollowUp['scores'][number],
  definition: InstrumentDefinition | undefined,
  lang: Lang,
): string {
  const name = definition?.abbreviation ?? s.instrument;
  if (s.score === null && s.band === null && s.category !== null) {
    const atLeast =
      s.open && !s.category.includes('unknown')
        ? lang === 'zh'
          ? '（至少；有题未答）'
          : ' (at least: an item unanswered)'
        : '';
    return `${name} ${formatOutcome(s.category, lang)}${atLeast}`;
  }
  const band = definition?.bandSets?.flatMap((set) => set.bands).find((b) => b.id === s.band)?.label[lang];
  const measure = s.measure === 'total' ? '' : `${MEASURE_NAMES[s.measure][lang]} `;
  return `${name} ${measure}${s.score ?? '—'}${band ? ` (${band})` : ''}`;
}

/** Names of the scores other than a total that bands apply to, as the follow-up list shows them. */
const MEASURE_NAMES = {
  index: { zh: '标准分', en: 'index' },
  mean: { zh: '均分', en: 'mean' },
} as const;
