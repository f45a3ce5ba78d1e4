import type { Lang } from '@triage/scales';
import type { CountTree, ShownTree } from './count-tree.ts';
import type { GroupRow } from './report/model.ts';
import { suppressNested } from './suppress.ts';
import type { Tally } from './tally.ts';

const natural = (lang: Lang) => new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true }).compare;

/** The whole file, split into grades, each split into its classes: the tables are linked through these sums. */
function countTree(tally: Tally, lang: Lang): CountTree {
  const order = natural(lang);
  // A class named in two grades (a sheet holding two grades, a class column that names no grade) is one row per grade.
  const gradesOf = new Map<string, number>();
  for (const classes of tally.byGradeAndClass.values()) {
    for (const key of classes.keys()) gradesOf.set(key, (gradesOf.get(key) ?? 0) + 1);
  }
  const grades = [...tally.byGradeAndClass].sort(([a], [b]) => order(a, b));
  return {
    key: '',
    counts: tally.levels,
    children: grades.map(([grade, classes]) => {
      const children = [...classes]
        .map(([key, counts]) => ({ key: (gradesOf.get(key) ?? 0) > 1 ? `${grade} ${key}` : key, counts, children: [] }))
        .sort((a, b) => order(a.key, b.key));
      const counts = tally.levels.map((_, c) => children.reduce((sum, k) => sum + (k.counts[c] ?? 0), 0));
      return { key: grade, counts, children };
    }),
  };
}

const row = ({ key, total, counts }: ShownTree): GroupRow => ({ key, total, counts: [...counts] });

/**
 * The tables by grade and by class, small cells suppressed across both and the whole-file counts, which are linked
 * (a grade is the sum of its classes), so that no table gives away what another hides. Rows in natural order.
 */
export function groupTables(tally: Tally, minCell: number, lang: Lang): { byGrade: GroupRow[]; byClass: GroupRow[] } {
  const shown = suppressNested(countTree(tally, lang), minCell);
  const byClass = shown.children.flatMap((grade) => grade.children.map(row));
  return { byGrade: shown.children.map(row), byClass: byClass.sort((a, b) => natural(lang)(a.key, b.key)) };
}
