import type { Level } from '@triage/core';
import { describe, expect, it } from 'vitest';
import { groupTables } from './group-tables.ts';
import { gradeYearOf } from './person.ts';
import type { RowResult } from './read-row.ts';
import { Tally } from './tally.ts';

interface Student {
  readonly grade: string | null;
  readonly class: string | null;
  readonly level?: Level;
  readonly sheet?: string;
  readonly school?: string;
}

/** A scored row as the tally reads it: person, place and decision; no scores. */
function row({ grade, class: klass, level = 'R2', sheet, school }: Student, line: number): RowResult {
  const person = {
    studentId: null,
    sex: null,
    age: null,
    grade,
    gradeYear: grade === null ? null : gradeYearOf(grade),
    class: klass,
    school: school ?? null,
  };
  return {
    ok: true,
    record: { line, fields: [], ...(sheet === undefined ? {} : { sheet }) },
    person,
    scores: [],
    decision: { level },
  } as unknown as RowResult;
}

function tallyOf(students: readonly Student[]): Tally {
  const tally = new Tally();
  students.forEach((s, i) => {
    tally.add(row(s, i + 2), null);
  });
  return tally;
}

/** `count` students alternating between the spellings in `grades`. */
const alternating = (grades: readonly string[], klass: string | null, count: number, sheet?: string): Student[] =>
  Array.from({ length: count }, (_, i) => ({
    grade: grades[i % grades.length] ?? null,
    class: klass,
    ...(sheet === undefined ? {} : { sheet }),
  }));

const totals = (rows: readonly { key: string; total: number | null }[]) => rows.map((r) => [r.key, r.total]);

describe('groupTables: one row per class within its school year', () => {
  it('keeps a class whole when its rows spell the grade 七年级 and 初一 and the class names 初一', () => {
    const tally = tallyOf([
      ...alternating(['七年级', '初一'], '初一(1)班', 12),
      ...alternating(['初一', '七年级'], '初一(2)班', 12),
    ]);
    const { byGrade, byClass } = groupTables(tally, 5, 'zh');
    expect(totals(byGrade)).toEqual([['七年级', 24]]);
    expect(totals(byClass)).toEqual([
      ['初一(1)班', 12],
      ['初一(2)班', 12],
    ]);
  });

  // QA round 13: the spellings of a class number merge within a school, never across two.
  it('keeps 1班 of one school and （1）班 of another two classes', () => {
    const tally = tallyOf([
      ...Array.from({ length: 6 }, () => ({ grade: '初一', class: '1班', school: '一中' })),
      ...Array.from({ length: 6 }, () => ({ grade: '初一', class: '（1）班', school: '二中' })),
      ...Array.from({ length: 6 }, () => ({ grade: '初一', class: '(1)班', school: '二中' })),
    ]);
    expect(totals(groupTables(tally, 5, 'zh').byClass)).toEqual([
      ['初一 （1）班', 12],
      ['初一 1班', 6],
    ]);
  });

  // QA round 14: classes named alike in two schools were one row (12 students of 1班 counted as one class).
  it('keeps 1班 of two schools two rows, each named with its school; one school alone names none', () => {
    const tally = tallyOf([
      ...Array.from({ length: 6 }, () => ({ grade: '初一', class: '1班', school: '一中' })),
      ...Array.from({ length: 7 }, () => ({ grade: '初一', class: '1班', school: '二中' })),
      ...Array.from({ length: 5 }, () => ({ grade: '初一', class: '2班', school: '二中' })),
    ]);
    expect(totals(groupTables(tally, 5, 'zh').byClass)).toEqual([
      ['初一 2班', 5],
      ['二中 初一 1班', 7],
      ['一中 初一 1班', 6],
    ]);
    const one = tallyOf(Array.from({ length: 6 }, () => ({ grade: '初一', class: '1班', school: '一中' })));
    expect(totals(groupTables(one, 5, 'zh').byClass)).toEqual([['初一 1班', 6]]);
  });

  it('names a class that does not say its grade with the grade as first written, whatever each row wrote', () => {
    const tally = tallyOf([
      ...alternating(['初一', 'Grade 7', '7'], '1班', 9),
      ...alternating(['7', '初一'], '2班', 8),
    ]);
    expect(totals(groupTables(tally, 5, 'en').byClass)).toEqual([
      ['初一 1班', 9],
      ['初一 2班', 8],
    ]);
  });

  it.each([null, '初一(1)班'])('keeps a class whole in a workbook of one sheet per class, class column %s', (klass) => {
    const tally = tallyOf([
      ...alternating(['七年级', '初一'], klass, 6, '初一(1)班'),
      ...alternating(['七年级', '初一'], klass && '初一(2)班', 6, '初一(2)班'),
    ]);
    expect(totals(groupTables(tally, 5, 'zh').byClass)).toEqual([
      ['初一(1)班', 6],
      ['初一(2)班', 6],
    ]);
  });

  it('still tells apart classes of one name in two school years', () => {
    const tally = tallyOf([...alternating(['八年级', '初二'], '3班', 6), ...alternating(['七年级', '初一'], '3班', 6)]);
    expect(totals(groupTables(tally, 5, 'zh').byClass)).toEqual([
      ['七年级 3班', 6],
      ['八年级 3班', 6],
    ]);
  });

  it.each(['zh', 'en'] as const)('puts grades in school-year order, not by pinyin (%s)', (lang) => {
    const tally = tallyOf([
      ...alternating(['高一'], '高一(1)班', 5),
      ...alternating(['初三'], '初三(1)班', 5),
      ...alternating(['初二'], '初二(2)班', 5),
      ...alternating(['初二'], '初二(1)班', 5),
      ...alternating(['预备班'], '1班', 5),
      ...alternating(['初一'], '初一(10)班', 5),
      ...alternating(['初一'], '初一(2)班', 5),
    ]);
    const { byGrade, byClass } = groupTables(tally, 5, lang);
    expect(byGrade.map((r) => r.key)).toEqual(['初一', '初二', '初三', '高一', '预备班']);
    expect(byClass.map((r) => r.key)).toEqual([
      '初一(2)班',
      '初一(10)班',
      '初二(1)班',
      '初二(2)班',
      '初三(1)班',
      '高一(1)班',
      '预备班 1班',
    ]);
  });

  it('suppresses small cells on the class counts as merged: the tables are those of the grade spelled one way', () => {
    // Each class: 6 at R2 (3 + 3 if split by spelling, so hidden) and 2 at R3 (hidden either way).
    const students = (grades: readonly string[], klass: string): Student[] => [
      ...alternating(grades, klass, 6),
      ...alternating(grades, klass, 2).map((s) => ({ ...s, level: 'R3' as const })),
    ];
    const mixed = groupTables(
      tallyOf([...students(['七年级', '初一'], '初一(1)班'), ...students(['初一', '七年级'], '初一(2)班')]),
      5,
      'zh',
    );
    const one = groupTables(
      tallyOf([...students(['七年级'], '初一(1)班'), ...students(['七年级'], '初一(2)班')]),
      5,
      'zh',
    );
    expect(mixed).toEqual(one);
    expect(mixed.byClass.map((r) => r.total)).toEqual([8, 8]);
    expect(mixed.byClass.flatMap((r) => r.counts).filter((c) => c !== null && c > 0 && c < 5)).toEqual([]);
  });

  it('lists a student to follow up under the grade as the tables name it', () => {
    const tally = tallyOf([
      { grade: '七年级', class: '初一(1)班' },
      { grade: '初一', class: '初一(1)班', level: 'R3' },
    ]);
    expect(tally.followUp().map((f) => [f.grade, f.class])).toEqual([['七年级', '初一(1)班']]);
  });
});

describe('groupTables: one row per class number within its school year', () => {
  const spellings = ['1班', '1', '初一(1)班', '七年级(1)班', '初一1班', '七年级1班'];
  /** `count` students of year 7, grade and class spelled differently row by row. */
  const class1 = (count: number, level?: Level): Student[] =>
    Array.from({ length: count }, (_, i) => ({
      grade: ['七年级', '初一', '7', 'Grade 7'][i % 4] ?? null,
      class: spellings[i % spellings.length] ?? null,
      ...(level ? { level } : {}),
    }));

  it('counts 1班, 1, 初一(1)班, 七年级(1)班, 初一1班 and 七年级1班 as one class, named as first written', () => {
    const { byGrade, byClass } = groupTables(tallyOf(class1(12)), 5, 'zh');
    expect(totals(byGrade)).toEqual([['七年级', 12]]);
    expect(totals(byClass)).toEqual([['七年级 1班', 12]]);
  });

  it('shows a class first written with its grade as written (初一(1)班)', () => {
    const tally = tallyOf([{ grade: '初一', class: '初一(1)班' }, ...class1(6)]);
    expect(totals(groupTables(tally, 5, 'zh').byClass)).toEqual([['初一(1)班', 7]]);
  });

  it('keeps names that are not a class number as written: 7-1, 实验班, A班', () => {
    const tally = tallyOf([
      ...alternating(['七年级'], '7-1', 5),
      ...alternating(['初一'], '实验班', 5),
      ...alternating(['七年级'], 'A班', 5),
      ...alternating(['初一'], '(1)班', 5),
    ]);
    expect(totals(groupTables(tally, 5, 'zh').byClass)).toEqual([
      ['七年级 (1)班', 5],
      ['七年级 7-1', 5],
      ['七年级 实验班', 5],
      ['七年级 A班', 5],
    ]);
  });

  it('keeps apart a class that names another grade than its row (初一1班 under 初二) and counts those rows', () => {
    const tally = tallyOf([
      ...alternating(['初二'], '1班', 5),
      ...alternating(['初二'], '初一1班', 2),
      ...alternating(['初一'], '初一1班', 5),
    ]);
    expect(totals(groupTables(tally, 1, 'zh').byClass)).toEqual([
      ['初一1班', 5],
      ['初二 1班', 5],
      ['初二 初一1班', 2],
    ]);
    expect(tally.otherYearClasses).toEqual({ count: 2, grade: '初二', class: '初一1班' });
    expect(tallyOf(class1(6)).otherYearClasses).toBeNull();
  });

  it('suppresses as if every row spelled the class one way', () => {
    const students = (level: Level, count: number) => class1(count, level);
    const mixed = groupTables(tallyOf([...students('R2', 6), ...students('R3', 2)]), 5, 'zh');
    const one = groupTables(
      tallyOf([
        ...alternating(['七年级'], '1班', 6),
        ...alternating(['七年级'], '1班', 2).map((s) => ({ ...s, level: 'R3' as const })),
      ]),
      5,
      'zh',
    );
    expect(mixed).toEqual(one);
    expect(mixed.byClass.map((r) => r.total)).toEqual([8]);
  });

  it('lists a student to follow up under the class as the tables name it', () => {
    const tally = tallyOf([
      { grade: '初一', class: '初一(1)班' },
      { grade: '七年级', class: '1', level: 'R3' },
      { grade: '初一', class: '七年级1班', level: 'R4' },
    ]);
    expect(tally.followUp().map((f) => [f.grade, f.class])).toEqual([
      ['初一', '初一(1)班'],
      ['初一', '初一(1)班'],
    ]);
  });
});
