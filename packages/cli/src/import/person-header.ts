import { simplifiedHan } from '@triage/scales';
import { normalizeHeader } from '../responses/item-columns.ts';

/** The person fields an import knows. `name` is recognised only so it is never mistaken for anything else: never read. */
export const PERSON_FIELDS = ['studentId', 'name', 'sex', 'age', 'grade', 'class', 'school'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/**
 * The words school platforms use for each person field (zh and en), compared after {@link personHeaderWords}. Id
 * headers in order of preference: a 学号 column is the id beside a 学籍号 or 编号 (a platform's response number) one.
 * Response numbers by their own names (`序号`, `答卷编号`, `提交序号`) are no person field: never the id.
 */
const PERSON_HEADERS: Readonly<Record<PersonField, readonly string[]>> = {
  studentId: [
    '学号',
    '学生学号',
    '学生编号',
    '学籍号',
    '考号',
    'student_id',
    'student id',
    'studentid',
    'student no',
    'student number',
    '编号',
    'id',
  ],
  name: ['姓名', '学生姓名', '名字', 'name', 'student_name', 'student name', 'full name'],
  sex: ['性别', 'sex', 'gender'],
  age: ['年龄', 'age'],
  grade: ['年级', '年级名称', 'grade', 'grade level', 'year group'],
  // A column of both (初一3班) is the class: the class tables are by class, and a grade read from it is not needed.
  class: [
    '班级',
    '班',
    '班别',
    '班级名称',
    '行政班',
    '年级班级',
    '年级和班级',
    '年级与班级',
    'class',
    'class name',
    'classroom',
    'homeroom',
  ],
  school: ['学校', '学校名称', '学校名', 'school', 'school name'],
};

/*
 * What questionnaire platforms (问卷星 wjx.cn, 腾讯问卷) and hand-made templates put around a field's name, taken off
 * until none is left: a required mark (`*学号`, `学号*`), a question number (`1、`, `1.`, `Q1.`, `第1题：`, `(1)`),
 * a hint or note in brackets (`（如2023010101）`, `(必填)`, `(岁)`), a colon or question mark, a request (`请填写你的`,
 * `您的`, `个人`, `请选择你所在的`, `就读`, `please enter your`) and a question's ending (`是？`, `是多少`).
 */
const STEPS: readonly RegExp[] = [
  /^\*+|\*+$/g,
  /^(?:q|第)?\d{1,3}\s*题?\s*[、.:)\]]\s*|^\(\d{1,3}\)\s*/,
  /[([【〔<《][^)\]】〕>》]*[)\]】〕>》]/g,
  /[\s:?。!,;.]+$/,
  /^(?:请(?:您|你)?(?:输入|填写|填入|写出|选择|提供|注明)?)?(?:你|您|本人|个人)?(?:的)?(?:目前|现在|当前)?(?:所在|所就读|就读|所读|所属)?(?:的)?/,
  /^(?:please\s+)?(?:enter|write|fill in|type)?\s*(?:your)?\s+/,
  /(?:是|为)(?:多少|什么)?$/,
];

/** A header that is one bracketed word (`【学号】`, `[姓名]`): the word. */
const BRACKETED = /^[([【〔<《]([^)\]】〕>》]+)[)\]】〕>》]$/;
/** Between Chinese characters a space is layout (`学 号`, `姓  名`), never a word break. */
const SPACE_BY_HAN = /\s*(\p{Script=Han})\s*/gu;
/** Alternatives in one header (`学号/考号`, `学号或学籍号`): the column is a field when each of them names it. */
const ALTERNATIVES = /\/|\||或/;

/** The words of a header that may name a person field: the header folded, without what surrounds a field's name. */
export function personHeaderWords(header: string): string {
  // Traditional characters (學號, 班級) as a zh-TW/zh-HK export writes them: read as their simplified forms.
  let h = simplifiedHan(normalizeHeader(header)).replace(SPACE_BY_HAN, '$1');
  for (let before = ''; before !== h; ) {
    before = h;
    h = (BRACKETED.exec(h)?.[1] ?? h).trim();
    for (const step of STEPS) h = h.replace(step, '').trim();
  }
  return h;
}

/** By header words: the field, and the header's place in the field's list (its preference as an id). */
const PERSON_BY_WORDS = new Map<string, { field: PersonField; rank: number }>(
  PERSON_FIELDS.flatMap((field) =>
    PERSON_HEADERS[field].map((h, rank) => [personHeaderWords(h), { field, rank }] as const),
  ),
);

function lookUp(header: string): { field: PersonField; rank: number } | undefined {
  const whole = PERSON_BY_WORDS.get(personHeaderWords(header));
  if (whole !== undefined || !ALTERNATIVES.test(header)) return whole;
  const named = header.split(ALTERNATIVES).map((part) => PERSON_BY_WORDS.get(personHeaderWords(part)));
  const field = named[0]?.field;
  if (field === undefined || named.some((n) => n?.field !== field)) return undefined;
  return { field, rank: Math.min(...named.map((n) => n?.rank ?? Number.MAX_SAFE_INTEGER)) };
}

/**
 * The person field a header names, if it names one: as written (`学号`), or as a questionnaire platform asks for it
 * (`1、请填写你的学号（如2023010101）：`, `*姓名`, `【班级】`, `您的年龄是？`). Only the whole header counts: `学号1`,
 * `班级学号后两位` or an instruction that mentions 学号 name no field.
 */
export function personFieldOfHeader(header: string): PersonField | undefined {
  return lookUp(header)?.field;
}

/** Preference among id headers, lower first: 学号 over 学籍号 over 编号; headers naming no id last. */
export function idRank(header: string): number {
  const found = lookUp(header);
  return found?.field === 'studentId' ? found.rank : Number.MAX_SAFE_INTEGER;
}
