import { describe, expect, it } from 'vitest';
import { type ClassNumber, classNumber } from './class-number.ts';

const n = (value: number): ClassNumber => ({ kind: 'number', n: value });
const name: ClassNumber = { kind: 'name' };

describe('classNumber (one class whatever spelling each row has)', () => {
  it.each<[string, string, number | null, ClassNumber]>([
    ['1班', '七年级', 7, n(1)],
    ['1', '七年级', 7, n(1)],
    ['01班', '七年级', 7, n(1)],
    ['(1)班', '七年级', 7, n(1)],
    ['（１）班', '七年级', 7, n(1)],
    ['初一(1)班', '七年级', 7, n(1)],
    ['七年级(1)班', '初一', 7, n(1)],
    ['初一1班', '七年级', 7, n(1)],
    ['七年级1班', '7', 7, n(1)],
    ['7年级1班', '初一', 7, n(1)],
    ['初1(1)班', '初一', 7, n(1)],
    ['初一 1 班', '初一', 7, n(1)],
    ['一班', '初一', 7, n(1)],
    ['初一十二班', '初一', 7, n(12)],
    ['十一班', '高二', 11, n(11)],
    ['初一10班', '初一', 7, n(10)],
    // QA round 15, 5: the school year alone before the class, brackets full-width or not.
    ['七（1）班', '初一', 7, n(1)],
    ['七(1)班', '七年级', 7, n(1)],
    ['高一（3）班', '高一', 10, n(3)],
    ['十(3)班', '高一', 10, n(3)],
    // A grade that names no school year: its own name as the prefix.
    ['实验部2班', '实验部', null, n(2)],
    ['2', '实验部', null, n(2)],
    // Not a class number of this grade.
    ['7-1', '七年级', 7, name],
    ['701班', '七年级', 7, name],
    ['实验班', '七年级', 7, name],
    ['A班', '七年级', 7, name],
    ['0班', '七年级', 7, name],
    ['火箭1班', '七年级', 7, name],
    ['初一1班', '初二', 8, { kind: 'other-year', year: 7 }],
    // Another year alone: a name (一(1)班 may be a primary class), never said to be another grade.
    ['一(1)班', '初一', 7, name],
    ['八(1)班', '初一', 7, name],
    ['七(1)班', '初中', null, name],
    // A grade column naming no school year (a department, 初中, 2025级) contradicts nothing (QA round 13).
    ['七年级(3)班', '实验部', null, { kind: 'name' }],
    ['初一1班', '初中', null, { kind: 'name' }],
    ['初一(2)班', '2025级', null, { kind: 'name' }],
  ])('%s in %s (year %s) → %j', (klass, grade, year, expected) => {
    expect(classNumber(klass, grade, year)).toEqual(expected);
  });
});
