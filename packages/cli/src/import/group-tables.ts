import type { Lang } from '@triage/scales';
import type { CountTree, ShownTree } from './count-tree.ts';
import { gradeYearOf } from './person.ts';
import type { GroupRow } from './report/model.ts';
import { suppressNested } from './suppress.ts';
import { schoolOf, type Tally } from './tally.ts';

const natural = (lang: Lang) => new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true }).compare;

/**
 * Grades by school year (初一 before 初二, 七年级 before 八年级: their names sort by pinyin the other way round), then grades
 * that name no school year, in natural order.
 */
function gradeOrder(lang: Lang): (a: string, b: string) => number {
  const order = natural(lang);
  const year = (grade: string) => gradeYearOf(grade) ?? Number.POSITIVE_INFINITY;
  return (a, b) => {
    const ya = year(a);
    const yb = year(b);
    return ya === yb ? order(a, b) : ya < yb ? -1 : 1;
  };
}

/** The whole file, split into grades, each split into its classes: the tables are linked through these sums. */
function countTree(tally: Tally, lang: Lang): CountTree {
  const order = natural(lang);
  // A class named in two grades (a sheet holding two grades, a class column that names no grade) is one row per grade,
  // named with its grade; one named alike in two schools, with its school.
  const gradesOf = new Map<string, number>();
  const schoolsOf = new Map<string, Set<string | null>>();
  for (const classes of tally.byGradeAndClass.values()) {
    for (const key of classes.keys()) {
      gradesOf.set(key, (gradesOf.get(key) ?? 0) + 1);
      const { school, label } = schoolOf(key);
      const schools = schoolsOf.get(label) ?? new Set();
      schoolsOf.set(label, schools.add(school));
    }
  }
  const nameOf = (key: string, grade: string) => {
    const { school, label } = schoolOf(key);
    const named = school !== null && (schoolsOf.get(label)?.size ?? 0) > 1 ? `${school} ${label}` : label;
    return (gradesOf.get(key) ?? 0) > 1 ? `${grade} ${named}` : named;
  };
  const byYear = gradeOrder(lang);
  const grades = [...tally.byGradeAndClass].sort(([a], [b]) => byYear(a, b));
  return {
    key: '',
    counts: tally.levels,
    children: grades.map(([grade, classes]) => {
      const children = [...classes]
        .map(([key, counts]) => ({ key: nameOf(key, grade), counts, children: [] }))
        .sort((a, b) => order(a.key, b.key));
      const counts = tally.levels.map((_, c) => children.reduce((sum, k) => sum + (k.counts[c] ?? 0), 0));
      return { key: grade, counts, children };
    }),
  };
}

/** The level columns of the follow-up list (R4, R3), as {@link Tally} counts them. */
const FOLLOW_UP_COLUMNS: ReadonlySet<number> = new Set([0, 1]);

const row = ({ key, total, counts }: ShownTree): GroupRow => ({ key, total, counts: [...counts] });

/**
 * The tables by grade and by class, small cells suppressed across both and the whole-file counts, which are linked
 * (a grade is the sum of its classes), so that no table gives away what another hides. Grades by school year; classes
 * grade by grade, each grade's in natural order.
 */
export function groupTables(tally: Tally, minCell: number, lang: Lang): { byGrade: GroupRow[]; byClass: GroupRow[] } {
  // The follow-up list beside the tables gives each R4 and R3 student's grade and class: those counts are known.
  const shown = suppressNested(countTree(tally, lang), minCell, FOLLOW_UP_COLUMNS);
  return { byGrade: shown.children.map(row), byClass: shown.children.flatMap((grade) => grade.children.map(row)) };
}
