import type { PersonFacts } from '@triage/core';
import { simplifiedHan } from '@triage/scales';
import { z } from 'zod';
import { isDigits } from './digits.ts';
import type { SharedText } from './output/row-text.ts';

/**
 * Person fields of one row, validated: what rules and group views may read. The name column is never read.
 * Codes are stable (`IMPORT_*`); `expected` holds values only, so a message can be said in either language.
 */
export interface Person {
  readonly studentId: string | null;
  readonly sex: 'male' | 'female' | null;
  readonly age: number | null;
  /** As written (folded to half-width, trimmed); the group key. */
  readonly grade: string | null;
  /** School year 1–12 when the grade text says it (七年级, 初一, 高二, Grade 7, 7). */
  readonly gradeYear: number | null;
  readonly class: string | null;
  readonly school: string | null;
}

export type PersonIssueCode =
  | 'IMPORT_ID_MISSING'
  | 'IMPORT_ID_MANGLED'
  | 'IMPORT_AGE_INVALID'
  | 'IMPORT_AGE_RANGE'
  | 'IMPORT_SEX_INVALID';

export interface PersonIssue {
  readonly code: PersonIssueCode;
  readonly field: 'studentId' | 'sex' | 'age';
  readonly expected: string;
}

/** Ages a school screening covers; anything else is a typo or a birth year in the wrong column. */
export const AGE_RANGE = { min: 6, max: 25 } as const;

const SEX_WORDS: Readonly<Record<string, 'male' | 'female'>> = {
  男: 'male',
  男性: 'male',
  男生: 'male',
  m: 'male',
  male: 'male',
  boy: 'male',
  女: 'female',
  女性: 'female',
  女生: 'female',
  f: 'female',
  female: 'female',
  girl: 'female',
};

/**
 * Sex codes of the national standard that student-record (学籍) systems and many school platforms export: 1 男性,
 * 2 女性; 0 未知的性别 and 9 未说明的性别 say no sex. A mapping file's `values.sex` overrides them (a file coded 0/1).
 * @see GB/T 2261.1-2003 个人基本信息分类与代码 第1部分：人的性别代码
 */
const SEX_CODES: Readonly<Record<string, 'male' | 'female' | null>> = {
  '1': 'male',
  '2': 'female',
  '0': null,
  '9': null,
};

const CN_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Spaces and the invisible characters copied from web pages and chat apps (zero-width space, joiners, BOM). */
const EDGES = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g;

/** Full-width forms folded (NFKC), edges trimmed; plain ASCII, as most cells are, skips the Unicode pass. */
function fold(value: string): string {
  return PRINTABLE_ASCII.test(value) ? value.trim() : value.normalize('NFKC').replace(EDGES, '');
}

/**
 * An age written in Chinese numerals, as typed into a free-text field: 十三 → 13, 一十三 → 13, 九 → 9, 二十 → 20,
 * 二十一 → 21, and in the financial forms used against tampering: 拾叁 → 13, 壹拾叁 → 13.
 */
function chineseAge(typed: string): number | undefined {
  const text = typed.replace(/[壹贰貳叁參肆伍陆陸柒捌玖拾]/g, (c) => FINANCIAL[c] ?? c);
  const m = /^([一二三四五六七八九]?)(十)?([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === '') return undefined;
  const [, tens = '', ten, ones = ''] = m;
  if (!ten) return text.length === 1 ? CN_DIGITS[text] : undefined;
  return (tens === '' ? 1 : (CN_DIGITS[tens] ?? 0)) * 10 + (ones === '' ? 0 : (CN_DIGITS[ones] ?? 0));
}

/** The financial forms of the numerals (大写数字), as the common ones. */
const FINANCIAL: Readonly<Record<string, string>> = {
  壹: '一',
  贰: '二',
  貳: '二',
  叁: '三',
  參: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
};

/** A number of a grade or class: digits, or 一 … 十二. */
export function cnNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十一') return 11;
  if (text === '十二') return 12;
  return CN_DIGITS[text];
}

/** School year from grade text: 初一 → 7, 國一 → 7, 高二 → 11, 七年级 → 7, 小学三年级 → 3, Grade 7 / G7 / 7 → 7. */
export function gradeYearOf(grade: string): number | null {
  // 七年級 as 七年级 (traditional characters, as a zh-TW/zh-HK export writes them); Taiwan's 國小 (primary school)
  // as 小学 and 國中 (junior high) as 初中, so 國小三年級 is 3 and 國一 or 國中一年級 is 7.
  const g = simplifiedHan(fold(grade))
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^[國国]小/, '小学')
    .replace(/^[國国]中?/, '初');
  let m = /^(初中?|高中?)([一二三123])(年级)?$/.exec(g);
  if (m) return (m[1]?.startsWith('初') ? 6 : 9) + (cnNumber(m[2] ?? '') ?? 0);
  m = /^(?:初中|高中)?([一二三123])年级$/.exec(g);
  const stage = g.startsWith('初中') ? 6 : g.startsWith('高中') ? 9 : undefined;
  if (m && stage !== undefined) return stage + (cnNumber(m[1] ?? '') ?? 0);
  m = /^(?:小学)?(十[一二]?|[一二三四五六七八九]|\d{1,2})年级$/.exec(g);
  if (m) {
    // "13年级" and "0年级" name no school year.
    const n = cnNumber(m[1] ?? '') ?? 0;
    return n >= 1 && n <= 12 ? n : null;
  }
  m = /^(?:grade|g|year)?(\d{1,2})(?:th|st|nd|rd)?(?:grade)?$/.exec(g);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? n : null;
  }
  return null;
}

/**
 * 1.23E+11: Excel showed a long number (12 digits or more) in scientific notation, one digit and an exponent of 11 or
 * more, and the export kept only the shown digits. Ids such as 2023E001 or 7E01 are not Excel's notation and pass.
 */
const MANGLED_ID = /^\d(\.\d+)?e\+?(1[1-9]|[2-9]\d|\d{3,})$/i;

/**
 * 202501010001.5, 202501010001.0: the id column was taken for numbers (by Excel, or by a script that wrote ids as
 * floats) and the id is no longer as written. No id is a number with a fraction.
 */
const FRACTION_ID = /^\d+\.\d+$/;

function issue(ctx: z.RefinementCtx, code: PersonIssueCode, expected: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: code, params: { code, expected } });
  return z.NEVER;
}

/**
 * Spaces inside an id (`2025 0001`, a no-break or ideographic space, a zero-width one) and control characters (a NUL
 * or \x01 a broken export left, QA round 23, 5: an id with one was another student, its own pseudonym and no
 * duplicate): typed, pasted or left over, never meant. Built from a string: control characters in a regular expression
 * literal are refused by the linter.
 */
const NOT_IN_ID = '[\\s\\u200b-\\u200d\\u2060\\ufeff\\u0000-\\u001f\\u007f-\\u009f]';
const SPACE_INSIDE = new RegExp(NOT_IN_ID);
const SPACES_INSIDE = new RegExp(`${NOT_IN_ID}+`, 'g');
/** ' and the typographic ’ and ‘ a phone or a word processor puts in its place. */
const APOSTROPHES = new Set([0x27, 0x2019, 0x2018]);

/**
 * A student id cell: the id (folded, without spaces), null when blank and not required, or what is wrong with it.
 * `2025 0001` is `20250001`, as `２０２５０００１` is: one student, one id, one pseudonym, and a duplicate found as such.
 */
function readStudentId(
  value: string,
  required: boolean,
): string | null | { readonly code: 'IMPORT_ID_MISSING' | 'IMPORT_ID_MANGLED'; readonly expected: 'id' | 'fraction' } {
  // Most ids are digits as typed: nothing to fold, take off or find mangled.
  if (isDigits(value)) return value;
  let id = fold(value);
  if (SPACE_INSIDE.test(id)) id = id.replace(SPACES_INSIDE, '');
  // Excel's mark for "keep as text" ('0123), typed into the cell and kept by some exports (or as ’ by a phone's
  // keyboard): no part of the id. An apostrophe alone is no id.
  if (APOSTROPHES.has(id.charCodeAt(0))) id = id.slice(1).trim();
  if (id === '') return required ? { code: 'IMPORT_ID_MISSING', expected: 'id' } : null;
  if (MANGLED_ID.test(id)) return { code: 'IMPORT_ID_MANGLED', expected: 'id' };
  if (FRACTION_ID.test(id)) return { code: 'IMPORT_ID_MANGLED', expected: 'fraction' };
  return id;
}

/** Schemas of the person cells, built per import because a mapping file may add sex codes. */
export function personSchema(options: {
  readonly sex?: ReadonlyMap<string, 'male' | 'female'>;
  readonly idRequired: boolean;
}) {
  const text = z.string().transform((v) => {
    const t = fold(v);
    return t === '' ? null : t;
  });
  const studentId = z.string().transform((v, ctx) => {
    const id = readStudentId(v, options.idRequired);
    return typeof id === 'object' && id !== null ? issue(ctx, id.code, id.expected) : id;
  });
  const sex = z.string().transform((v, ctx) => {
    const s = fold(v).toLowerCase();
    if (s === '') return null;
    const value = options.sex?.get(s) ?? SEX_WORDS[s] ?? SEX_CODES[s];
    if (value !== undefined) return value;
    const known = new Set(['男', '女', 'M', 'F', '1', '2', ...(options.sex?.keys() ?? [])]);
    return issue(ctx, 'IMPORT_SEX_INVALID', [...known].join(', '));
  });
  const age = z.string().transform((v, ctx) => {
    const a = simplifiedHan(fold(v)).replace(/\s*(岁|周岁|years?|y)$/i, '');
    if (a === '') return null;
    const n = /^\d+(\.0+)?$/.test(a) ? Number.parseInt(a, 10) : (chineseAge(a) ?? Number.NaN);
    if (Number.isNaN(n)) return issue(ctx, 'IMPORT_AGE_INVALID', `${AGE_RANGE.min}–${AGE_RANGE.max}`);
    if (n < AGE_RANGE.min || n > AGE_RANGE.max)
      return issue(ctx, 'IMPORT_AGE_RANGE', `${AGE_RANGE.min}–${AGE_RANGE.max}`);
    return n;
  });
  return z.object({ studentId, sex, age, grade: text, class: text, school: text });
}

/** Our own issues, carried in zod's `params`; `field` from the issue path, or the given one for a single cell. */
function issuesOf(issues: readonly z.core.$ZodIssue[], field?: PersonIssue['field']): PersonIssue[] {
  return issues.map((i) => {
    const params = (i as { params?: { code: PersonIssueCode; expected: string } }).params;
    return {
      code: params?.code ?? 'IMPORT_ID_MISSING',
      field: field ?? (i.path[0] as PersonIssue['field']),
      expected: params?.expected ?? '',
    };
  });
}

export type PersonCells = Readonly<Record<'studentId' | 'sex' | 'age' | 'grade' | 'class' | 'school', string>>;

/** Validates one row's person cells (blank for absent columns); every problem found, not just the first. */
export function readPerson(
  schema: ReturnType<typeof personSchema>,
  cells: PersonCells,
): { ok: true; value: Person } | { ok: false; error: readonly PersonIssue[] } {
  const parsed = schema.safeParse(cells);
  if (!parsed.success) return { ok: false, error: issuesOf(parsed.error.issues) };
  const p = parsed.data;
  return { ok: true, value: { ...p, gradeYear: p.grade === null ? null : gradeYearOf(p.grade) } };
}

/**
 * What every row with the same person cells but the id shares: the facts rules read (frozen, so the decision memo
 * reads them once) and slots for the result files' text of these cells, encoded on first use (result-cells.ts).
 */
export interface PersonShape {
  readonly facts: PersonFacts;
  /** Equal facts are one object, numbered from 1 (a few hundred in a school: ages × sexes × grades). */
  readonly factsNumber: number;
  text?: { readonly csv: SharedText; readonly json: SharedText };
}

export type PersonReading =
  | { readonly ok: true; readonly value: Person; readonly shape: PersonShape }
  | { readonly ok: false; readonly error: readonly PersonIssue[] };

/** The facts rules may read about a person (built without spreads: this runs for every distinct person). */
function personFacts(person: Omit<Person, 'studentId'>): PersonFacts {
  const facts: { age?: number; sex?: 'male' | 'female'; grade?: number } = {};
  if (person.age !== null) facts.age = person.age;
  if (person.sex !== null) facts.sex = person.sex;
  if (person.gradeYear !== null) facts.grade = person.gradeYear;
  return Object.freeze(facts);
}

/** One frozen facts object, and its number, for each distinct set of person facts. */
function internedFacts(): (person: Omit<Person, 'studentId'>) => Pick<PersonShape, 'facts' | 'factsNumber'> {
  const known = new Map<string, Pick<PersonShape, 'facts' | 'factsNumber'>>();
  return (person) => {
    const facts = personFacts(person);
    const key = JSON.stringify(facts);
    let interned = known.get(key);
    if (!interned) {
      interned = { facts, factsNumber: known.size + 1 };
      known.set(key, interned);
    }
    return interned;
  };
}

/**
 * {@link readPerson} for bulk work: the student id is checked on its own, the other cells (a few hundred distinct
 * combinations of sex, age, grade, class, school in a school) are validated once each and remembered.
 */
export function personReader(
  schema: ReturnType<typeof personSchema>,
  options: { readonly idRequired: boolean },
  capacity = 10_000,
): (cells: PersonCells) => PersonReading {
  const rest = schema.omit({ studentId: true });
  const factsOf = internedFacts();
  type Known = { read: ReturnType<typeof readPerson>; shape: PersonShape | null };
  // By class (grade, class, school), then sex, then age: rows come a class at a time, so the class is the last one
  // seen most of the time, and no key string is made for a row.
  type Group = Map<string, Map<string, Known>>;
  const groups = new Map<string, Group>();
  let size = 0;
  let last: { grade: string; class: string; school: string; group: Group } | undefined;
  const groupOf = (cells: PersonCells): Group => {
    if (last && cells.class === last.class && cells.grade === last.grade && cells.school === last.school) {
      return last.group;
    }
    // Never ambiguous, whatever the cells hold (a class change is rare: the cost does not matter).
    const key = JSON.stringify([cells.grade, cells.class, cells.school]);
    let group = groups.get(key);
    if (!group) {
      group = new Map();
      groups.set(key, group);
    }
    last = { grade: cells.grade, class: cells.class, school: cells.school, group };
    return group;
  };
  return (cells) => {
    let bySex = groupOf(cells);
    let byAge = bySex.get(cells.sex);
    let known = byAge?.get(cells.age);
    if (!known) {
      const read = readPerson(rest as unknown as ReturnType<typeof personSchema>, { ...cells, studentId: '' });
      known = { read, shape: read.ok ? { ...factsOf(read.value) } : null };
      if (size >= capacity) {
        groups.clear();
        last = undefined;
        size = 0;
        bySex = groupOf(cells);
        byAge = undefined;
      }
      if (!byAge) {
        byAge = new Map();
        bySex.set(cells.sex, byAge);
      }
      byAge.set(cells.age, known);
      size++;
    }
    // The id rule of the schema, called directly: ids are all different, so this runs for every row.
    const id = readStudentId(cells.studentId, options.idRequired);
    const idIssues: PersonIssue[] =
      typeof id === 'object' && id !== null ? [{ code: id.code, field: 'studentId', expected: id.expected }] : [];
    const { read, shape } = known;
    if (idIssues.length === 0 && read.ok && shape) {
      const v = read.value;
      const studentId = id as string | null;
      return {
        ok: true,
        value: {
          studentId,
          sex: v.sex,
          age: v.age,
          grade: v.grade,
          class: v.class,
          school: v.school,
          gradeYear: v.gradeYear,
        },
        shape,
      };
    }
    return { ok: false, error: [...idIssues, ...(read.ok ? [] : read.error)] };
  };
}
