import { formatIssue, type InstrumentDefinition, type Lang, type ScoreIssue } from '@triage/scales';
import { importMessages } from './messages.ts';
import type { Cells, ResultLayout } from './output/result-files.ts';
import type { RowIssue, RowRejection } from './read-row.ts';

/** One problem in words: where (column and header), which item, what was expected. Never the cell's value. */
function issueMessage(issue: RowIssue, lang: Lang, instruments: readonly InstrumentDefinition[]): string {
  const text = importMessages(lang);
  const column = issue.column ? `${text.column(issue.column)}: ` : '';
  if (issue.code.startsWith('SCALES_')) {
    const abbreviation = instruments.find((d) => d.id === issue.instrument)?.abbreviation ?? issue.instrument ?? '';
    const scoreIssue = {
      code: issue.code,
      expected: issue.expected,
      ...(issue.item ? { item: issue.item } : {}),
    } as ScoreIssue;
    return `${column}${abbreviation} ${formatIssue(scoreIssue, lang)}`;
  }
  const say = text.rowIssues[issue.code as keyof typeof text.rowIssues];
  return `${column}${say(issue.expected)}`;
}

/** A rejected row as errors.csv shows it: `withheld` when its cells were left out under `--pseudonymize`. */
export type ShownRejection = RowRejection & { readonly withheld?: boolean };

/**
 * An errors.csv row: where, what (codes and words), whether urgent, then the row's own fields (as `--pseudonymize`
 * left them).
 */
export function rejectionCells(
  rejection: ShownRejection,
  layout: ResultLayout,
  lang: Lang,
  instruments: readonly InstrumentDefinition[],
): Cells {
  const { record, issues } = rejection;
  return [
    ...(layout.sheets ? [record.sheet ?? ''] : []),
    record.line,
    [...new Set(issues.map((i) => i.code))].join(';'),
    issues
      .flatMap((i) => (i.column ? [i.column.index + 1] : []))
      .filter((c, n, all) => all.indexOf(c) === n)
      .join(';'),
    [
      ...issues.map((i) => issueMessage(i, lang, instruments)),
      ...(rejection.withheld ? [importMessages(lang).cellsWithheld] : []),
    ].join(' | '),
    rejection.riskSignal ? 'yes' : '',
    ...record.fields,
  ];
}
