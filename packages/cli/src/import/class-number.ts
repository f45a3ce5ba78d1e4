import { cnNumber, gradeYearOf } from './person.ts';

/** `[grade](1)班`: a grade prefix, an optional bracket, a class number (1–99 or 一…十二), an optional 班. */
const NUMBERED_CLASS = /^(.*?)[([【〔]?(\d{1,2}|十[一二]?|[一二三四五六七八九])[)\]】〕]?班?$/;

/** A school year alone, as schools write it before the class: 七 of 七(1)班 (七年级1班). */
const BARE_YEAR = /^(?:十[一二]?|[一二三四五六七八九])$/;

/** A class name as a grade prefix and a class number, full-width digits and brackets (１, （）) as ASCII. */
const numbered = (klass: string) => NUMBERED_CLASS.exec(klass.normalize('NFKC').replace(/\s+/g, ''));

/** Whether a class name starts with school year `year` alone, in Chinese numerals (七 of `七(1)班` in year 7). */
export function namesYearAlone(klass: string, year: number): boolean {
  const prefix = numbered(klass)?.[1] ?? '';
  return BARE_YEAR.test(prefix) && cnNumber(prefix) === year;
}

/** What a class name says about its class number within its grade. */
export type ClassNumber =
  /** The class numbered `n` of the row's own grade: `1班`, `1`, `(1)班`, `初一(1)班` or `七年级1班` in year 7. */
  | { readonly kind: 'number'; readonly n: number }
  /** A number after a grade prefix that names another school year (`初一1班` in a row of 初二): kept apart. */
  | { readonly kind: 'other-year'; readonly year: number }
  /** Not a class number (`7-1`, `实验班`, `A班`, `701班`): the class is named as written. */
  | { readonly kind: 'name' };

/**
 * The class number a class name gives within its grade, so that one class written `1班`, `1`, `初一(1)班` and `七年级1班`
 * is one class. A prefix counts as a grade when it is the grade as written or names the grade's school year (also
 * alone in Chinese numerals, 七 of `七(1)班`); a number alone (`7` of `701班`) is not taken for a grade.
 */
export function classNumber(klass: string, grade: string, year: number | null): ClassNumber {
  const m = numbered(klass);
  if (!m) return { kind: 'name' };
  const prefix = m[1] ?? '';
  const digits = m[2] ?? '';
  const n = cnNumber(digits) ?? Number(digits);
  if (n < 1) return { kind: 'name' };
  if (prefix === '' || prefix === grade.normalize('NFKC').replace(/\s+/g, '')) return { kind: 'number', n };
  if (/^\d+$/.test(prefix)) return { kind: 'name' };
  // 七(1)班, 七（1）班 in year 7: the row's own school year alone. Another (一(1)班 in 初一) may be a primary year or
  // another habit: a name, never a claim of another grade.
  if (BARE_YEAR.test(prefix))
    return year !== null && namesYearAlone(klass, year) ? { kind: 'number', n } : { kind: 'name' };
  const prefixYear = gradeYearOf(prefix);
  if (prefixYear === null) return { kind: 'name' };
  // A grade column that names no school year (初中, 2025级) says nothing against the class's own: a name, not a clash.
  if (year === null) return { kind: 'name' };
  return prefixYear === year ? { kind: 'number', n } : { kind: 'other-year', year: prefixYear };
}
