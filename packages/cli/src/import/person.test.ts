import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_RANGE, gradeYearOf, type PersonCells, personReader, personSchema, readPerson } from './person.ts';

describe('gradeYearOf', () => {
  it.each<[string, number | null]>([
    ['初一', 7],
    ['初二', 8],
    ['初三', 9],
    ['高一', 10],
    ['高二', 11],
    ['高三', 12],
    ['初1', 7],
    ['高3', 12],
    ['初一年级', 7],
    ['初中一年级', 7],
    ['初中三年级', 9],
    ['高中二年级', 11],
    ['高中 三 年级', 12],
    ['七年级', 7],
    ['七年級', 7],
    ['高中二年級', 11],
    // Taiwan: 國中 (junior high) years 7–9 as 國一 …, 國小 (primary) years 1–6.
    ['國一', 7],
    ['國二', 8],
    ['國三', 9],
    ['国二', 8],
    ['國中一年級', 7],
    ['國中三年級', 9],
    ['國小一年級', 1],
    ['國小六年級', 6],
    ['高一', 10],
    ['高中三年級', 12],
    ['一年級', 1],
    ['六年級', 6],
    ['八年级', 8],
    ['九年级', 9],
    ['十年级', 10],
    ['十一年级', 11],
    ['十二年级', 12],
    ['一年级', 1],
    ['三年级', 3],
    ['小学三年级', 3],
    ['小学六年级', 6],
    ['7年级', 7],
    ['１２年级', 12],
    ['Grade 7', 7],
    ['grade 12', 12],
    ['G7', 7],
    ['g 9', 9],
    ['7', 7],
    ['07', 7],
    ['７', 7],
    ['7th', 7],
    ['1st', 1],
    ['2nd', 2],
    ['3rd', 3],
    ['7th grade', 7],
    ['Year 8', 8],
    [' 初二 ', 8],
    ['13', null],
    ['0', null],
    ['Grade 13', null],
    ['13年级', null],
    ['0年级', null],
    ['十三年级', null],
    ['初四', null],
    ['國四', null],
    ['國中', null],
    ['國小', null],
    ['高四', null],
    ['初中', null],
    ['小学', null],
    ['2025级', null],
    ['初一(3)班', null],
    ['七年级1班', null],
    ['unknown', null],
    ['', null],
  ])('%j → %j', (grade, year) => {
    expect(gradeYearOf(grade)).toBe(year);
  });

  it('is never outside 1–12', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .tuple(
              fc.constantFrom('', '小学', '初', '初中', '高', '高中', 'grade ', 'g', 'year '),
              fc.oneof(
                fc.integer({ min: 0, max: 120 }).map(String),
                fc.constantFrom('一', '三', '七', '十', '十二', '十三'),
              ),
              fc.constantFrom('', '年级', 'th'),
            )
            .map((parts) => parts.join('')),
        ),
        (grade) => {
          const year = gradeYearOf(grade);
          if (year !== null) {
            expect(Number.isInteger(year)).toBe(true);
            expect(year).toBeGreaterThanOrEqual(1);
            expect(year).toBeLessThanOrEqual(12);
          }
        },
      ),
    );
  });
});

const blank: PersonCells = { studentId: '', sex: '', age: '', grade: '', class: '', school: '' };
const cells = (over: Partial<PersonCells>): PersonCells => ({ ...blank, ...over });
const optional = personSchema({ idRequired: false });
const required = personSchema({ idRequired: true });

describe('readPerson', () => {
  it('reads a full row, folding full-width forms and trimming', () => {
    const r = readPerson(
      required,
      cells({
        studentId: ' ２０２５０１０１ ',
        sex: '女',
        age: '１４岁',
        grade: '初二',
        class: ' 3班 ',
        school: '一中',
      }),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        studentId: '20250101',
        sex: 'female',
        age: 14,
        grade: '初二',
        gradeYear: 8,
        class: '3班',
        school: '一中',
      },
    });
  });

  it('reads blank cells as null', () => {
    expect(readPerson(optional, blank)).toEqual({
      ok: true,
      value: { studentId: null, sex: null, age: null, grade: null, gradeYear: null, class: null, school: null },
    });
  });

  it('keeps the grade as written when it names no school year', () => {
    expect(readPerson(optional, cells({ grade: '2025级' }))).toMatchObject({
      ok: true,
      value: { grade: '2025级', gradeYear: null },
    });
  });

  describe('sex', () => {
    it.each<[string, 'male' | 'female' | null]>([
      ['男', 'male'],
      ['男性', 'male'],
      ['男生', 'male'],
      ['M', 'male'],
      ['m', 'male'],
      ['Male', 'male'],
      ['BOY', 'male'],
      [' 男 ', 'male'],
      ['Ｍ', 'male'],
      ['女', 'female'],
      ['女性', 'female'],
      ['女生', 'female'],
      ['F', 'female'],
      ['female', 'female'],
      ['Girl', 'female'],
      ['', null],
      ['  ', null],
      // GB/T 2261.1-2003 codes: 1 男性, 2 女性, 0 未知的性别, 9 未说明的性别.
      ['1', 'male'],
      ['2', 'female'],
      ['２', 'female'],
      ['0', null],
      ['9', null],
    ])('%j → %j', (sex, value) => {
      expect(readPerson(optional, cells({ sex }))).toMatchObject({ ok: true, value: { sex: value } });
    });

    it.each(['3', 'x', '未知', 'man', 'woman'])('%j is not a sex word or code without a mapping', (sex) => {
      expect(readPerson(optional, cells({ sex }))).toEqual({
        ok: false,
        error: [{ code: 'IMPORT_SEX_INVALID', field: 'sex', expected: '男, 女, M, F, 1, 2' }],
      });
    });

    // A platform coding 0 男 / 1 女 declares it: the mapping wins over the national codes.
    const coded = personSchema({
      idRequired: false,
      sex: new Map([
        ['0', 'male'],
        ['1', 'female'],
        ['x', 'female'],
      ]),
    });

    it.each<[string, 'male' | 'female']>([
      ['0', 'male'],
      ['1', 'female'],
      ['１', 'female'],
      [' 1 ', 'female'],
      ['X', 'female'],
      ['男', 'male'],
      ['2', 'female'],
    ])('with a mapping: %j → %j', (sex, value) => {
      expect(readPerson(coded, cells({ sex }))).toMatchObject({ ok: true, value: { sex: value } });
    });

    it('names the extra codes in what it expected', () => {
      expect(readPerson(coded, cells({ sex: '3' }))).toEqual({
        ok: false,
        error: [{ code: 'IMPORT_SEX_INVALID', field: 'sex', expected: '男, 女, M, F, 1, 2, 0, x' }],
      });
    });
  });

  describe('age', () => {
    const range = `${AGE_RANGE.min}–${AGE_RANGE.max}`;

    it.each<[string, number | null]>([
      ['14', 14],
      ['14岁', 14],
      ['14 岁', 14],
      ['14周岁', 14],
      ['14歲', 14],
      ['14週歲', 14],
      ['１４', 14],
      ['１４岁', 14],
      ['15.0', 15],
      ['15.00', 15],
      ['15 years', 15],
      ['15y', 15],
      [' 15 ', 15],
      // Chinese numerals, as typed into a free-text field (QA round 11).
      ['十三岁', 13],
      ['十三', 13],
      ['九岁', 9],
      ['十岁', 10],
      ['二十', 20],
      ['二十一周岁', 21],
      ['十七歲', 17],
      // With the tens' one written, and in the financial forms (QA round 14).
      ['一十三', 13],
      ['一十三岁', 13],
      ['拾叁', 13],
      ['壹拾肆岁', 14],
      ['拾伍周岁', 15],
      ['貳拾', 20],
      [String(AGE_RANGE.min), AGE_RANGE.min],
      [String(AGE_RANGE.max), AGE_RANGE.max],
      ['', null],
    ])('%j → %j', (age, value) => {
      expect(readPerson(optional, cells({ age }))).toMatchObject({ ok: true, value: { age: value } });
    });

    it.each(['5', '26', '0', '2009', '150岁', '三十岁', '五'])('%j is out of range', (age) => {
      expect(readPerson(optional, cells({ age }))).toEqual({
        ok: false,
        error: [{ code: 'IMPORT_AGE_RANGE', field: 'age', expected: range }],
      });
    });

    it.each([
      'abc',
      '十四五',
      '百',
      '14.5',
      '-14',
      '14,0',
      '1e1',
      '14岁半',
      '12-13',
      '十三四',
      '一三',
      '一十十',
      '拾拾',
    ])('%j is not an age', (age) => {
      expect(readPerson(optional, cells({ age }))).toEqual({
        ok: false,
        error: [{ code: 'IMPORT_AGE_INVALID', field: 'age', expected: range }],
      });
    });
  });

  describe('student id', () => {
    it.each(['  ', "'", '\u2019 '])('is missing when required and blank, or an apostrophe alone (%j)', (studentId) => {
      expect(readPerson(required, cells({ studentId }))).toEqual({
        ok: false,
        error: [{ code: 'IMPORT_ID_MISSING', field: 'studentId', expected: 'id' }],
      });
    });

    it('is null when not required and blank', () => {
      expect(readPerson(optional, cells({ studentId: '' }))).toMatchObject({ ok: true, value: { studentId: null } });
    });

    it.each(['2.02501E+11', '2.02501e+11', '1.2e11', '2E+11', '1.23457E+17'])(
      'rejects %j: Excel kept only the digits it showed',
      (studentId) => {
        for (const schema of [optional, required]) {
          expect(readPerson(schema, cells({ studentId }))).toEqual({
            ok: false,
            error: [{ code: 'IMPORT_ID_MANGLED', field: 'studentId', expected: 'id' }],
          });
        }
      },
    );

    it.each([
      ['\u200b202501010001', 'a zero-width space'],
      ['202501010001\u200d', 'a zero-width joiner'],
      ['\u2060202501010001', 'a word joiner'],
      ['\ufeff 202501010001\u00a0', 'a BOM and no-break space'],
      ['\u3000２０２５０１０１０００１ ', 'full-width digits and space'],
      ['2025 0101 0001', 'spaces inside, as typed'],
      ['2025\u00a00101\u30000001', 'a no-break and an ideographic space inside'],
      ['20250101\u200b0001', 'a zero-width space inside'],
      ['20250101\u00000001', 'a NUL inside, left by a broken export'],
      ['\u0001202501010001\u007f', 'control characters at the edges'],
      ['2025010100\u008501', 'a C1 control character inside'],
      ["'202501010001", "Excel's apostrophe for text, typed into the cell"],
      ['\u2019202501010001', 'the typographic apostrophe a phone types instead'],
    ])('reads %j (%s, copied from a web page) as the same id', (studentId) => {
      expect(readPerson(required, cells({ studentId }))).toMatchObject({
        ok: true,
        value: { studentId: '202501010001' },
      });
    });

    it.each(['202501010001.5', '202501010001.0', '2.5', '１２３.０'])(
      'rejects %j: an id is never a number with a fraction (a column Excel or a script took for numbers)',
      (studentId) => {
        expect(readPerson(required, cells({ studentId }))).toEqual({
          ok: false,
          error: [{ code: 'IMPORT_ID_MANGLED', field: 'studentId', expected: 'fraction' }],
        });
      },
    );

    it.each(['0123', '00001', '202501010001', '012345678901', 'S-001', '张三01', 'G110101200901011234', '2025.A01'])(
      'keeps %j as written',
      (studentId) => {
        expect(readPerson(required, cells({ studentId }))).toMatchObject({ ok: true, value: { studentId } });
      },
    );
  });

  it('reports every problem of a row together', () => {
    const r = readPerson(required, cells({ studentId: '2.02501E+11', sex: '?', age: '3' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => [i.field, i.code])).toEqual([
      ['studentId', 'IMPORT_ID_MANGLED'],
      ['sex', 'IMPORT_SEX_INVALID'],
      ['age', 'IMPORT_AGE_RANGE'],
    ]);
  });
});

describe('personReader', () => {
  const cellValues = {
    // A decimal number (00123.49) is told from Excel's notation (2.02501E+11) on the fast path too.
    studentId: fc.constantFrom('', ' ', '0123', '20250101', '2.02501E+11', '1.2e11', '00123.49', '张三'),
    sex: fc.constantFrom('', '男', 'F', '1', '?', 'x'),
    age: fc.constantFrom('', '14', '14岁', '15.0', '3', 'abc', '１６'),
    // Cells that a joined key could confuse ('初一\u001f1班' + '' against '初一' + '1班').
    grade: fc.constantFrom('', '初一', '高三', 'Grade 7', '2025级', '初一\u001f1班'),
    class: fc.constantFrom('', '1班', ' 2班 ', '\u001f1班'),
    school: fc.constantFrom('', '一中'),
  };

  it.each([
    ['optional id', optional, false],
    ['required id', required, true],
    ['sex codes', personSchema({ idRequired: true, sex: new Map([['1', 'male']]) }), true],
  ] as const)('gives what readPerson gives, row after row (%s)', (_, schema, idRequired) => {
    fc.assert(
      fc.property(
        fc.array(fc.record(cellValues), { maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        (rows, capacity) => {
          const read = personReader(schema, { idRequired }, capacity);
          for (const row of rows) {
            const got = read(row);
            const expected = readPerson(schema, row);
            if (!got.ok) {
              expect(got).toEqual(expected);
              continue;
            }
            expect({ ok: got.ok, value: got.value }).toEqual(expected);
            // The facts rules read, shared by every row with these cells, frozen for the decision memo.
            const { age, sex, gradeYear } = got.value;
            expect(got.shape.facts).toEqual({
              ...(age === null ? {} : { age }),
              ...(sex === null ? {} : { sex }),
              ...(gradeYear === null ? {} : { grade: gradeYear }),
            });
            expect(Object.isFrozen(got.shape.facts)).toBe(true);
          }
        },
      ),
    );
  });
});
