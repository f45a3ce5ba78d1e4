import { getInstrument, type InstrumentDefinition, instruments } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { mapHeader } from './columns.ts';
import { headersOf, isStudentAbove, joinHeaderRows, shortName } from './header-row.ts';
import { answerTexts } from './header-text.ts';
import type { Source } from './source.ts';

describe('joinHeaderRows', () => {
  const group = ['', '', 'PHQ-A 青少年抑郁量表', '', '', 'GAD-7', ''];
  const names = ['学号', '姓名', '1', '9', 'd', '1', '7'];

  it('reads every group by its own short name: a longer name does not drop another group', () => {
    expect(joinHeaderRows(group, names, true)?.fields).toEqual([
      '学号',
      '姓名',
      'PHQ-A 1',
      'PHQ-A 9',
      'PHQ-A d',
      'GAD-7 1',
      'GAD-7 7',
    ]);
  });

  it('says, by column, the group name as written over it and its own name', () => {
    const grouped = joinHeaderRows(group, names, true)?.grouped;
    expect(grouped?.[1]).toBeUndefined();
    expect(grouped?.[4]).toEqual({ group: 'PHQ-A 青少年抑郁量表', own: 'd' });
    expect(grouped?.[6]).toEqual({ group: 'GAD-7', own: '7' });
  });

  it('as written, keeps the whole name', () => {
    expect(joinHeaderRows(group, names)?.fields[2]).toBe('PHQ-A 青少年抑郁量表 1');
  });
});

describe('shortName', () => {
  it.each([
    ['GAD-7 广泛性焦虑量表', 'GAD-7'],
    ['广泛性焦虑量表（GAD-7）', 'GAD-7'],
    ['SCL-90症状自评量表', 'SCL-90'],
    ['青少年抑郁量表', '青少年抑郁量表'],
  ])('%j → %j', (group, short) => {
    expect(shortName(group)).toBe(short);
  });

  // Why reading every group by its short name is sound: an instrument's own name keeps naming it.
  it.each(instruments.map((d) => [d.abbreviation, d]))('%s over its first item maps by its short name', (_, d) => {
    const item = d.items[0]?.id ?? '1';
    for (const name of [d.abbreviation, d.id]) {
      const result = mapHeader([`${shortName(name)} ${item}`], { candidates: [d], named: false });
      const read = result.ok ? result.value.instruments : [];
      const missing = result.ok ? [] : result.error.filter((i) => i.code === 'missing-items');
      expect(read.length + missing.length, name).toBe(1);
    }
  });
});

describe("headersOf: a student's row is never a header's second row", () => {
  /** A CSV source of these rows, one batch. */
  const source = (rows: readonly (readonly string[])[]): Source => ({
    kind: 'csv',
    dialect: { encoding: 'utf-8', bom: false, detected: true, delimiter: ',' },
    read: async function* () {
      yield rows.map((fields, i) => ({ line: i + 1, fields }));
    },
  });
  const headerOf = async (rows: readonly (readonly string[])[], candidates: readonly InstrumentDefinition[]) => {
    const maps = (fields: readonly string[], grouped?: Parameters<typeof mapHeader>[1]['grouped']) =>
      mapHeader(fields, {
        candidates,
        named: candidates !== instruments,
        known: instruments,
        ...(grouped ? { grouped } : {}),
      }).ok;
    return (await headersOf(source(rows), maps, answerTexts(candidates))).get(null);
  };
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
  const phqA = getInstrument('phq-a') as InstrumentDefinition;

  it.each([
    // QA dup-sex.csv: two sex columns; the first student's row joined under them mapped.
    [
      'two sex columns, a student with an id',
      ['student_id', 'sex', 'age', ...numbers(7).map((i) => `GAD7_${i}`), 'sex'],
      ['202501110001', 'F', '13', '0', '1', '0', '0', '2', '0', '0', 'F'],
      instruments,
    ],
    [
      'two sex columns, a student without id or sex letters',
      ['sex', 'age', ...numbers(7).map((i) => `GAD7_${i}`), 'sex'],
      ['1', '13', '0', '1', '0', '0', '2', '0', '0', '1'],
      instruments,
    ],
    // QA wjx-shift.csv with -i phq-a: a platform file numbered straight through.
    [
      'a platform file numbered straight through',
      [
        ...['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '1、你的学号：', '2、你的姓名：'],
        ...['3、性别：', '4、年龄：', '5、年级：', '6、班级：', '7、你是否住校？', '8、你是否独生子女？'],
        ...[
          '9、情绪低落、烦躁或绝望',
          '10、兴趣减退',
          '11、睡眠问题',
          '12、食欲不振',
          '13、疲乏无力',
          '14、自我评价低',
        ],
        ...['15、注意力难以集中', '16、动作迟缓或烦躁不安', '17、死亡或自伤念头'],
        ...['a', 'b', 'c', 'd'].map((i) => `PHQ-A ${i}`),
      ],
      [
        ...['1', '2025/9/11 10:01:00', '101秒', '手机提交', 'N/A', '10.0.0.1', '202501110001', 'Guo Xiaojiu'],
        ...['女', '13', '初一', '初一(1)班', '1', '1', ...'000000000'.split(''), '0', '0', '0', '0'],
      ],
      [phqA],
    ],
  ])('%s: the header is line 1 alone', async (_, header, student, candidates) => {
    const found = await headerOf([header, student, student], candidates);
    expect(found).toMatchObject({ line: 1, fields: header });
    expect(found?.from).toBeUndefined();
  });

  // QA round 6: `1 … 9, a, b, c, d` under `PHQ-A` was taken for a student's row (lone letters are answers: Zung
  // scales exported as A–D), so the group was skipped as a title and the numbers alone read as PHQ-9.
  const items = [...numbers(9), 'a', 'b', 'c', 'd'];
  const person = ['学号', '性别', '年龄', '班级'];
  const student = ['202501110001', '女', '13', '1班', ...'1110111000210'.split(''), ...'0110100'.split('')];
  it.each([
    // As a CSV from Excel: each group name in its first column, the person headers in either row.
    [
      'person headers in the second row',
      ['', '', '', '', 'PHQ-A', ...Array(12).fill(''), 'GAD-7', ...Array(6).fill('')],
      [...person, ...items, ...numbers(7)],
    ],
    [
      'person headers over blanks',
      [...person, 'PHQ-A', ...Array(12).fill(''), 'GAD-7', ...Array(6).fill('')],
      ['', '', '', '', ...items, ...numbers(7)],
    ],
    // As the workbook reader fills merged cells: the group name in every column, person headers in both rows.
    [
      'merged cells filled',
      [...person, ...Array(13).fill('PHQ-A'), ...Array(7).fill('GAD-7')],
      [...person, ...items, ...numbers(7)],
    ],
    [
      'PHQ-A alone, person headers in the second row',
      ['', '', '', '', 'PHQ-A', ...Array(12).fill('')],
      [...person, ...items],
    ],
  ])('a group row over item numbers and letters is one header (%s)', async (_, group, names) => {
    const phqAOnly = names.length === person.length + items.length;
    const found = await headerOf([group, names, phqAOnly ? student.slice(0, -7) : student], instruments);
    expect(found).toMatchObject({ line: 2, from: 1 });
    expect(found?.fields.slice(person.length, person.length + 13)).toEqual(items.map((i) => `PHQ-A ${i}`));
  });

  it('answers in letters under a group row are a student, not item names (they repeat)', async () => {
    const sds = getInstrument('sds') as InstrumentDefinition;
    const found = await headerOf([['SDS', ...Array(19).fill('')], 'ABDCAABBCDDACBAABCDA'.split('')], [sds]);
    expect(found?.from).toBeUndefined();
    expect(found?.line).toBe(1);
  });

  it('a group row over item numbers is still read as one header', async () => {
    const found = await headerOf(
      [
        ['', '', 'GAD-7', ...Array(6).fill('')],
        ['学号', '年龄', ...numbers(7)],
        ['202501110001', '13', ...'0100200'.split('')],
      ],
      instruments,
    );
    expect(found).toMatchObject({ line: 2, from: 1 });
  });
});

// A line above the header: a title or notes (skipped), or a student's row (rejected: the header below may not be its).
describe('isStudentAbove', () => {
  const items = '123456789cd'.split('').map((n) => `PHQA${n}`);
  const header = ['学号', '姓名', '性别', '年龄', '班级', ...items];
  const mapped = mapHeader(header, { candidates: instruments, named: false, known: instruments });
  if (!mapped.ok) throw new Error('header');
  const answers = answerTexts(instruments);
  const width = header.length;
  const line = (cells: readonly string[]) => [...cells, ...Array(width - cells.length).fill('')];
  const student = ['2025010001', '学生1', '女', '14', '初二1班', ...'11111111300'.split('')];

  it.each([
    ['a title', line(['某某中学心理健康筛查'])],
    ['a date and a school', line(['2025-09-01', '某某中学'])],
    ['notes of three cells', line(['说明：', '0=完全不会', '3=几乎每天'])],
    ['notes of three cells over the answers', line(['', '', '', '', '', '完全不会', '好几天', '几乎每天'])],
    [
      'a second header in other words',
      ['student_id', 'name', 'sex', 'age', 'class', ...items.map((_, n) => `Q${n + 1}`)],
    ],
    ['question texts', line(['', '', '', '', '', ...items.map((_, n) => `${n + 1}. 在过去两周内的感受`)])],
  ])('never takes %s for a student', (_, fields) => {
    expect(isStudentAbove({ line: 1, fields }, mapped.value, answers)).toBe(false);
  });

  it('never takes a title merged across the table (every cell filled), or one text in every cell, for a student', () => {
    const fields = Array(width).fill('初一(2)班');
    const merged = [{ first: 0, last: width - 1 }];
    expect(isStudentAbove({ line: 1, fields, merged }, mapped.value, answers)).toBe(false);
    expect(isStudentAbove({ line: 1, fields }, mapped.value, answers)).toBe(false);
  });

  it.each([
    ['a whole row', student],
    ['a row without name and class', ['2025010002', '', '女', '14', '', ...'11111111000'.split('')]],
    ['answers only, most items', line(['', '', '', '', '', ...'113111100'.split('')])],
    ['person cells and a few answers', line(['2025010003', '学生3', '女', '14', '初二1班', '1', '1', '0'])],
  ])('takes %s for a student', (_, fields) => {
    expect(isStudentAbove({ line: 1, fields }, mapped.value, answers)).toBe(true);
  });
});
