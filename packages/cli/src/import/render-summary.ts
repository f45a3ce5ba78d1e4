import { formatTable } from '../terminal.ts';
import { importMessages } from './messages.ts';
import { gradeYearOf } from './person.ts';
import type { ReportModel } from './report/model.ts';
import { namesGrade } from './tally.ts';

/** Followed-up students the terminal lists; the rest are in results.csv and report.html. */
const LISTED = 20;

/**
 * The terminal summary: counts, levels, groups (small cells hidden), and the students to follow up first, by
 * pseudonym and source line. No names, no answers, no student ids.
 */
export function renderSummary(model: ReportModel, files: readonly string[], dryRun: boolean): string {
  const text = importMessages(model.lang);
  const cell = (c: number | null) => (c === null ? `<${model.minCell}` : String(c));
  const out: string[] = [text.summaryTitle(model.source.file), text.counts(model.summary), ''];
  out.push(text.levelsHeading);
  out.push(formatTable(model.levels.map((l) => [l.id === 'none' ? '—' : l.id, l.name, String(l.count)])), '');
  const groupTable = (title: string, label: string, rows: ReportModel['byGrade']) => {
    if (rows.length < 2) return;
    out.push(title);
    const header = [label, ...model.levels.map((l) => (l.id === 'none' ? '—' : l.id)), text.total];
    out.push(formatTable([header, ...rows.map((r) => [r.key, ...r.counts.map(cell), cell(r.total)])]), '');
  };
  groupTable(text.byGrade(model.minCell), text.grade, model.byGrade);
  groupTable(text.byClass(model.minCell), text.class, model.byClass.slice(0, 40));
  if (model.followUpTotal === 0) out.push(text.noFollowUp(model.summary.rejectedWithRisk));
  else {
    out.push(text.followUpHeading(model.followUpTotal));
    const rows = model.followUp.slice(0, LISTED).map((f) => {
      const level = model.levels[f.level];
      return [
        `${level?.id ?? ''} ${level?.name ?? ''}`,
        f.id,
        text.lineRef(f.sheet, f.line),
        placeOf(f.school, f.grade, f.class),
        f.scores.join(', '),
      ];
    });
    out.push(formatTable(rows));
    if (model.followUpTotal > LISTED) out.push(text.moreFollowUp(model.followUpTotal - LISTED));
  }
  if (model.summary.rejectedWithRisk > 0) out.push('', text.urgentRejected(model.summary.rejectedWithRisk));
  out.push('');
  if (dryRun) out.push(text.dryRun);
  else if (files.length > 0) out.push(text.files, ...files.map((f) => `  ${f}`));
  return out.join('\n');
}

/** Grade and class as the tables name them: a class that names its grade (初一(1)班 in 七年级) alone. */
function placeOf(school: string | null, grade: string | null, klass: string | null): string {
  const shown =
    grade !== null && klass !== null && namesGrade(klass, grade, gradeYearOf(grade)) ? [klass] : [grade, klass];
  return [school, ...shown].filter((x) => x !== null).join(' ');
}
