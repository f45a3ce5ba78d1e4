import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CallerId,
  type CaseId,
  callerIdSchema,
  type SchoolId,
  type StationId,
  type StudentId,
  studentIdSchema,
} from './ids.ts';

describe('branded ids', () => {
  it('are strings that are not interchangeable', () => {
    expectTypeOf<StudentId>().toExtend<string>();
    expectTypeOf<string>().not.toExtend<StudentId>();
    expectTypeOf<CallerId>().not.toExtend<StudentId>();
    expectTypeOf<StudentId>().not.toExtend<CallerId>();
    expectTypeOf<CaseId>().not.toExtend<StudentId>();
    expectTypeOf<SchoolId>().not.toExtend<StationId>();

    const student = studentIdSchema.parse('stu-7f3a9c');
    const caller = callerIdSchema.parse('cal-0001');
    const takesStudent = (id: StudentId): string => id;
    expect(takesStudent(student)).toBe('stu-7f3a9c');
    // @ts-expect-error a caller id is not a student id
    takesStudent(caller);
    // @ts-expect-error a plain string is not a student id until parsed
    takesStudent('stu-7f3a9c');
  });

  it.each([
    ['stu-7f3a9c', true],
    ['a', true],
    ['HMAC:3f9a.b_c-d', true],
    ['', false],
    ['张三', false],
    ['stu 1', false],
    ['-leading', false],
    ['x'.repeat(129), false],
    ['13812345678', false],
    ['44190020100101123X', false],
    ['12345678901', true],
  ])('student id %j valid: %s', (value, valid) => {
    expect(studentIdSchema.safeParse(value).success).toBe(valid);
  });
});
