import type { Decision, Level } from '@triage/core';
import { getInstrument, type ScoreValue } from '@triage/scales';
import { classNumber, namesYearAlone } from './class-number.ts';
import { isDigits } from './digits.ts';
import { gradeYearOf } from './person.ts';
import type { RowResult } from './read-row.ts';

/** Level columns, most severe first; `none` = scored, no rule fired. */
export const LEVEL_COLUMNS = ['R4', 'R3', 'R2', 'R1', 'R0', 'none'] as const;

function levelColumn(level: Level | null): number {
  return level === null ? LEVEL_COLUMNS.length - 1 : LEVEL_COLUMNS.indexOf(level);
}

/** A student at R3 or above, kept for the follow-up list (no name, no answers). */
export interface FollowUp {
  /** Pseudonym for display, or null when the file has no id. */
  readonly pseudonym: string | null;
  readonly sheet: string | null;
  readonly line: number;
  /** The school, where the file has a school column: ids and class names repeat across schools. */
  readonly school: string | null;
  readonly grade: string | null;
  readonly class: string | null;
  readonly level: number;
  readonly scores: readonly {
    readonly instrument: string;
    /** The score its band is read on: the total, or the standard score (Zung) or mean where bands apply to those. */
    readonly score: number | null;
    readonly measure: 'total' | 'index' | 'mean';
    readonly band: string | null;
    /** A categorical screener's outcome (ASQ `acute-positive`, C-SSRS `high`): it has no total and no band. */
    readonly category: string | null;
    /** The category is what the answers given establish; an unanswered item could raise it. */
    readonly open?: boolean;
  }[];
  readonly decision: Decision;
}

/** How many follow-up entries are kept for the terminal and the report; results.csv has them all. */
const FOLLOW_UP_KEPT = 5000;

/** A class of the by-class table. */
interface ClassEntry {
  /** As the table names it. */
  readonly label: string;
  /** The class name as first written. */
  readonly spelling: string;
  /** Its name says another school year than its rows' grade. */
  readonly otherYear: boolean;
}

/** Counts of an import as it goes: memory bounded by groups and the kept follow-up list, not by rows. */
export class Tally {
  readonly levels: number[] = LEVEL_COLUMNS.map(() => 0);
  /**
   * Counts per class within each grade (`—` for none): a class named in two grades is two groups, and so is a class of
   * two schools (keyed school first, see {@link schoolOf}).
   */
  readonly byGradeAndClass = new Map<string, Map<string, number[]>>();
  /** R4 and R3 entries, each list capped, so the most severe are always kept. */
  private readonly urgent: FollowUp[][] = [[], []];
  followUpTotal = 0;
  /** The grade as first written for each school year (初一 for year 7): 七年级, 7 and Grade 7 then count under it. */
  private readonly gradeNames = new Map<number, string>();

  private gradeName({ grade, gradeYear }: RowResult['person']): string {
    if (grade === null) return '—';
    if (gradeYear === null) return grade;
    const name = this.gradeNames.get(gradeYear);
    if (name !== undefined) return name;
    this.gradeNames.set(gradeYear, grade);
    return grade;
  }

  /** Each class name as written, by school year (or grade text): the class it is counted in. */
  private readonly classNames = new Map<string, ClassEntry>();
  /** Classes by school year (or grade text) and class number: `1班`, `1` and `初一(1)班` in year 7 are one. */
  private readonly numberedClasses = new Map<string, ClassEntry>();
  /** Rows whose class names another school year than their grade (初一1班 in a row of 初二), and the first such. */
  otherYearClasses: { count: number; grade: string; class: string } | null = null;

  /**
   * The class a row is counted in. A class named by its number (`1班`, `1`, `(1)班`, or after a spelling of its own
   * grade: `初一(1)班`, `七年级1班`) is one class within its school year, named as first written; any other name is a
   * class of its own. Labelled with its grade before it (classes are numbered within a grade: 3班 in every grade),
   * unless the name already says the grade in any spelling (初一(1)班 under 七年级).
   */
  private classOf(klass: string, gradeKey: string, year: number | null, school: string | null): ClassEntry {
    // Rows come class by class: the last row's class again is found without making its key.
    const last = this.lastClass;
    if (last && last.klass === klass && last.gradeKey === gradeKey && last.year === year && last.school === school)
      return last.entry;
    const entry = this.findClass(klass, gradeKey, year, school);
    this.lastClass = { klass, gradeKey, year, school, entry };
    return entry;
  }

  private lastClass:
    | {
        readonly klass: string;
        readonly gradeKey: string;
        readonly year: number | null;
        readonly school: string | null;
        readonly entry: ClassEntry;
      }
    | undefined;

  private findClass(klass: string, gradeKey: string, year: number | null, school: string | null): ClassEntry {
    // Within one school: 1班 of 一中 and （1）班 of 二中 are two classes.
    const group = `${school ?? ''}\u0000${year ?? gradeKey}\u0000`;
    let entry = this.classNames.get(group + klass);
    if (entry !== undefined) return entry;
    const named = (): ClassEntry => ({
      label: namesGrade(klass, gradeKey, year) ? klass : `${gradeKey} ${klass}`,
      spelling: klass,
      otherYear: false,
    });
    const number = classNumber(klass, gradeKey, year);
    if (number.kind === 'number') {
      entry = this.numberedClasses.get(`${group}#${number.n}`);
      if (entry === undefined) {
        entry = named();
        this.numberedClasses.set(`${group}#${number.n}`, entry);
      }
    } else entry = { ...named(), otherYear: number.kind === 'other-year' };
    this.classNames.set(group + klass, entry);
    return entry;
  }

  /** Whether a row decided at `level` goes into the follow-up list (R4 or R3, while the list has room). */
  keeps(level: Level | null): boolean {
    const column = levelColumn(level);
    return column <= 1 && (this.urgent[column] as FollowUp[]).length < FOLLOW_UP_KEPT;
  }

  /** Counts a row; `pseudonym` is only read for a row the follow-up list {@link keeps}. */
  add(row: RowResult, pseudonym: string | null): void {
    const column = levelColumn(row.decision.level);
    this.levels[column] = (this.levels[column] ?? 0) + 1;
    const { grade, class: klass } = row.person;
    const gradeKey = this.gradeName(row.person);
    let classes = this.byGradeAndClass.get(gradeKey);
    if (!classes) {
      classes = new Map();
      this.byGradeAndClass.set(gradeKey, classes);
    }
    const entry =
      klass === null || grade === null ? null : this.classOf(klass, gradeKey, row.person.gradeYear, row.person.school);
    const label = entry?.label ?? klass ?? row.record.sheet ?? `${gradeKey} —`;
    // Classes of two schools are two rows even when named alike (1班 of 一中 and of 二中); see schoolOf.
    const school = entry === null ? null : row.person.school;
    const classKey = school === null ? label : `${school}${SCHOOL_END}${label}`;
    bump(classes, classKey, column);
    if (entry?.otherYear && klass !== null) {
      this.otherYearClasses ??= { count: 0, grade: gradeKey, class: klass };
      this.otherYearClasses.count++;
    }
    if (column > 1) return;
    this.followUpTotal++;
    const list = this.urgent[column] as FollowUp[];
    if (list.length >= FOLLOW_UP_KEPT) return;
    list.push({
      pseudonym,
      sheet: row.record.sheet ?? null,
      line: row.record.line,
      school: row.person.school,
      // The grade as the tables name it, so that a student is found under their grade's row.
      grade: grade === null ? null : gradeKey,
      // The class as the tables name it: a row written `1` of the class first written 初一(1)班 is listed under 初一(1)班.
      class: entry?.spelling ?? klass,
      level: column,
      scores: row.scores.map((s) => shownScore(s.value)),
      decision: row.decision,
    });
  }

  /** The follow-up list, most severe first, in file order within a level. */
  followUp(): readonly FollowUp[] {
    return this.urgent.flat().slice(0, FOLLOW_UP_KEPT);
  }
}

const SCHOOL_END = '\u0000';

/** A by-class key's school (null: none) and the class as the table names it. */
export function schoolOf(key: string): { school: string | null; label: string } {
  const end = key.indexOf(SCHOOL_END);
  return end < 0 ? { school: null, label: key } : { school: key.slice(0, end), label: key.slice(end + 1) };
}

/** The longest grade name a class name starts with (`初中一年级`, `Grade 10`), in characters. */
const GRADE_PREFIX_MAX = 10;

/**
 * Whether a class name says its grade: it holds the grade's name, or starts with another spelling of its school year
 * (初一(1)班, 七年级1班 or 七(1)班 in year 7). A number alone (`7` of `7-1`, `1` of `1班`) is not taken for a grade.
 */
export function namesGrade(klass: string, grade: string, year: number | null): boolean {
  if (klass.includes(grade)) return true;
  if (year === null) return false;
  if (namesYearAlone(klass, year)) return true;
  for (let end = 2; end <= Math.min(klass.length, GRADE_PREFIX_MAX); end++) {
    const prefix = klass.slice(0, end);
    if (!/^\d+$/.test(prefix) && gradeYearOf(prefix) === year) return true;
  }
  return false;
}

function bump(map: Map<string, number[]>, key: string, column: number): void {
  let counts = map.get(key);
  if (!counts) {
    counts = LEVEL_COLUMNS.map(() => 0);
    map.set(key, counts);
  }
  counts[column] = (counts[column] ?? 0) + 1;
}

/** School student ids (学号, 学籍号) are longer: a school's ids of at most this many digits number rows or seats. */
const SHORT_ID_DIGITS = 4;

/**
 * The shapes of the student ids: did some lose their leading zeros on the way through Excel (ids of the form 0…)? Are
 * they all short numbers, no student ids at all?
 */
export class IdShapes {
  private readonly byLength = new Map<number, { count: number; zeroLed: number; lines: string[] }>();

  /** @param where names a row's place (`12`, `初一1班:12`); called only for the few places kept */
  constructor(private readonly where: (sheet: string | null, line: number) => string) {}

  private notShort = 0;

  add(id: string, sheet: string | null, line: number): void {
    const digits = isDigits(id);
    if (!digits || id.length > SHORT_ID_DIGITS) this.notShort++;
    if (!digits) return;
    let shape = this.byLength.get(id.length);
    if (!shape) {
      shape = { count: 0, zeroLed: 0, lines: [] };
      this.byLength.set(id.length, shape);
    }
    shape.count++;
    if (id.startsWith('0')) shape.zeroLed++;
    else if (shape.lines.length < 3) shape.lines.push(this.where(sheet, line));
  }

  /**
   * Every id a number of at most {@link SHORT_ID_DIGITS} digits: a platform's response numbers (1, 2, 3 …) or numbers
   * within a class, which other files repeat, rather than student ids.
   */
  onlyShortNumbers(): boolean {
    return this.notShort === 0 && this.byLength.size > 0;
  }

  /** Numeric ids shorter than the ids that start with 0: most likely the same ids with the zeros dropped. */
  strippedZeros(): { count: number; length: number; lines: string[] } | null {
    const zeroLengths = [...this.byLength].filter(([, s]) => s.zeroLed > 0).map(([length]) => length);
    if (zeroLengths.length === 0) return null;
    const length = Math.max(...zeroLengths);
    let count = 0;
    const lines: string[] = [];
    for (const [l, s] of this.byLength) {
      if (l >= length) continue;
      count += s.count - s.zeroLed;
      lines.push(...s.lines);
    }
    return count > 0 ? { count, length, lines: lines.slice(0, 3) } : null;
  }
}

/**
 * The score a result's band is read on, as a psychologist reads it: a Zung scale by its standard score (标准分 63,
 * moderate), not its raw total (50) beside a band of the standard score.
 */
function shownScore(value: ScoreValue): FollowUp['scores'][number] {
  const band = value.band;
  const set = band && getInstrument(value.instrument)?.bandSets?.find((s) => s.id === band.set);
  const measure = set?.appliesTo ?? 'total';
  const score =
    measure === 'index' ? (value.index?.value ?? null) : measure === 'mean' ? (value.mean ?? null) : value.total;
  // A category the given answers establish, with an item the flow asks left blank (C-SSRS 6 yes, 6b blank): it may be
  // higher, and is said so.
  const open = value.category !== null && value.flags.some((f) => f.status === 'unknown');
  return { instrument: value.instrument, score, measure, band: band?.id ?? null, category: value.category, open };
}
