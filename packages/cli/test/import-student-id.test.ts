import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

// The student id column as school and questionnaire-platform exports write it, through the built CLI (QA's repros,
// in small).
describe('triage import: the student id', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const items = ['PHQA1', 'PHQA2', 'PHQA3', 'PHQA4', 'PHQA5', 'PHQA6', 'PHQA7', 'PHQA8', 'PHQA9', 'PHQA_c', 'PHQA_d'];
  const answers = ['0', '1', '0', '1', '0', '1', '0', '0', '0', '0', '0'];
  const students = [
    ['202501110001', 'Guo Xiaojiu', 'F', '13', '7', '7-1'],
    ['202501110002', 'Zhao Qi', 'M', '12', '7', '7-1'],
  ];
  const person = (id: string) => [id, 'name', 'sex', 'age', 'grade', 'class'];

  /** Imports CSV lines; the printed text and results' ids. Exit 0 unless `rejected` (3: some rows rejected). */
  function importLines(name: string, lines: readonly string[], rejected = false) {
    const file = s.write(`${name}.csv`, `${lines.join('\r\n')}\r\n`);
    const out = join(s.dir, name);
    const r = runCli(['import', file, '--out', out, '--no-input'], env);
    expect(r.status, r.stderr).toBe(rejected ? 3 : 0);
    const ids = readOutputCsv(join(out, 'results.csv')).rows.map((row) => row.student_id);
    return { stderr: r.stderr, ids, out };
  }
  const csvLine = (cells: readonly string[]) => cells.join(',');

  it.each([
    '您的学号是？',
    '*学号',
    '【学号】',
    '学号/考号',
    '学籍号（身份证号）',
    '"1、请填写你的学号（如2023010101）："',
    '学 号',
    '个人学号',
  ])('%s is the student id column', (header) => {
    const name = `header-${header.length}-${header.codePointAt(1)}`;
    const lines = [csvLine([...person(header), ...items]), ...students.map((p) => csvLine([...p, ...answers]))];
    const { stderr, ids } = importLines(name, lines);
    expect(stderr).not.toContain('no student id column');
    expect(ids).toEqual(['202501110001', '202501110002']);
  });

  it('an id typed with a space inside is the same id: written without it, and found as a duplicate', () => {
    const header = csvLine([...person('student_id'), ...items]);
    const lines = [header, csvLine(['2025 0111 0001', 'A', 'F', '13', '7', '7-1', ...answers])];
    lines.push(csvLine(['202501110001', 'B', 'F', '13', '7', '7-1', ...answers]));
    const { ids, out } = importLines('inner-space', lines);
    expect(ids).toEqual(['202501110001', '202501110001']);
    expect(readOutputCsv(join(out, 'results.csv')).rows[1]?.duplicate_of).toBe('2');
  });

  // QA round 13: person words typed by a student (学号？, 性别) with a class written （3）班 made the row a header, its
  // own item 9 = 3 unflagged and the rows under it unread.
  it('keeps a student who typed 学号 and 性别 into the boxes a student: scored, and the rows under read', () => {
    const lines = [
      csvLine(['学号', '姓名', '性别', '年龄', '年级', '班级', ...items]),
      csvLine(['202501110001', 'A', '女', '13', '7', '（3）班', ...answers]),
      csvLine(['学号？', 'B', '性别', '13', '7', '（3）班', '0', '0', '0', '0', '0', '0', '0', '0', '3', '0', '1']),
      csvLine(['202501110003', 'C', '女', '13', '7', '（3）班', ...answers]),
    ];
    const file = s.write('typed-words.csv', `${lines.join('\r\n')}\r\n`);
    const out = join(s.dir, 'typed-words');
    const r = runCli(['import', file, '--out', out, '--no-input', '--json'], env);
    // The student's sex (性别) is no sex: that row is rejected, urgent by its item 9; the others are scored.
    expect(r.status, r.stderr).toBe(3);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 3, scored: 2, rejected: 1, rejectedWithRisk: 1 });
    const [rejected] = readOutputCsv(join(out, 'errors.csv')).rows;
    expect([rejected?._line, rejected?._code, rejected?._urgent]).toEqual(['3', 'IMPORT_SEX_INVALID', 'yes']);
  });

  it('a platform export: the 学号 question is the id, never the response number (编号)', () => {
    const head = ['编号', '开始答题时间', '结束答题时间', '答题时长', '1.请填写你的学号（如2023010101）:', '2.姓名'];
    const rows = students.map((p, i) => [String(i + 1), '2025-09-11 10:00:00', '2025-09-11 10:05:00', '300秒', ...p]);
    const lines = [
      csvLine([...head, '3.性别', '4.年龄', '5.年级', '6.班级', ...items]),
      ...rows.map((r) => csvLine([...r, ...answers])),
    ];
    const { stderr, ids } = importLines('tencent', lines);
    expect(stderr).toContain('student id (1.请填写你的学号（如2023010101）:)');
    expect(ids).toEqual(['202501110001', '202501110002']);
  });

  it('an id (and any cell) written ="…" to keep it as text is that text, as Excel shows it; other formulas are not', () => {
    const text = (v: string) => `"=""${v}"""`;
    const lines = [
      csvLine([...person('student_id'), ...items]),
      csvLine([text('002501110001'), 'Guo', 'F', text('13'), '7', '7-1', ...answers.map(text)]),
      // As platforms write it, unquoted; spaces around it inside the quotes.
      csvLine(['="202501110002"', 'Zhao', 'M', '" =""12"" "', '7', '7-1', ...answers]),
      csvLine(['=A1', 'Zhou', 'M', '12', '7', '7-1', ...answers]),
    ];
    const { ids, out } = importLines('text-formula', lines, true);
    expect(ids).toEqual(['002501110001', '202501110002']);
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.map((row) => [row.age, row['phq-a_total']])).toEqual([
      ['13', '3'],
      ['12', '3'],
    ]);
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((row) => [row._line, row._code])).toEqual([['4', 'IMPORT_CELL_FORMULA']]);
  });

  it('a platform export without a 学号 question: 编号 (1, 2, 3 …) is read, with a warning that it is no student id', () => {
    const lines = [
      csvLine(['编号', '提交时间', '2.姓名', '3.性别', '4.年龄', '5.年级', '6.班级', ...items]),
      csvLine(['1', '2025-09-11 10:05:00', 'Guo', '女', '13', '初一', '初一3班', ...answers]),
      csvLine(['2', '2025-09-11 10:06:00', 'Zhao', '男', '12', '初一', '初一3班', ...answers]),
    ];
    const { stderr, ids } = importLines('response-number', lines);
    expect(ids).toEqual(['1', '2']);
    expect(stderr).toContain(
      "every student id (编号) is a number of at most 4 digits: most likely a questionnaire platform's response numbers",
    );
  });

  it('student ids of school length raise no such warning', () => {
    const lines = [csvLine([...person('学号'), ...items]), ...students.map((p) => csvLine([...p, ...answers]))];
    expect(importLines('long-ids', lines).stderr).not.toContain('at most 4 digits');
  });

  it('班级学号后两位 (a seat number within the class) is not the id', () => {
    const lines = [
      csvLine([...person('班级学号后两位'), ...items]),
      csvLine(['01', 'Guo', 'F', '13', '7', '7-1', ...answers]),
    ];
    const { stderr, ids } = importLines('seat-number', lines);
    expect(stderr).toContain('no student id column');
    expect(ids).toEqual(['']);
  });

  it.each([
    ['00123.49', 'the student id is a decimal number, not an id'],
    ['2.02501E+11', 'the student id is in scientific notation'],
  ])('an id %j is rejected for what it is', (id, said) => {
    const lines = [
      csvLine([...person('学号'), ...items]),
      ...students.map((p) => csvLine([...p, ...answers])),
      csvLine([id, 'Qian', 'F', '13', '7', '7-1', ...answers]),
    ];
    const { out } = importLines(`mangled-${id.length}`, lines, true);
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((e) => [e._line, e._code])).toEqual([['4', 'IMPORT_ID_MANGLED']]);
    expect(errors[0]?._message).toContain(`column 1 (学号): ${said}`);
  });
});

// QA round 16, MEDIUM: a district's file, 学号 numbered within each school: the same 学号 in two schools was called a
// duplicate, and the follow-up list showed no school to tell the two students apart.
describe('triage import: the same 学号 in two schools', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  it('is two students, not a duplicate; a school repeating one is; the follow-up list names the school', () => {
    const items = Array.from({ length: 9 }, (_, i) => `PHQ-9 ${i + 1}`).join(',');
    const lines = [
      `学校,学号,年级,班级,${items}`,
      '一中,0001,初一,1班,0,0,0,0,0,0,0,0,2',
      '二中,0001,初一,1班,0,0,0,0,0,0,0,0,1',
      '二中,0002,初一,1班,0,0,0,0,0,0,0,0,0',
      '二中,0002,初一,1班,0,0,0,0,0,0,0,0,0',
    ];
    const file = s.write('district.csv', `${lines.join('\r\n')}\r\n`);
    const r = runCli(['import', file, '--out', join(s.dir, 'district'), '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.counts).toMatchObject({ scored: 4, duplicateIds: 1 });
    const shown = runCli(['import', file, '--out', join(s.dir, 'district-shown'), '--no-input'], env);
    expect(shown.stdout).toMatch(/line 2\s+一中 初一 1班/);
    expect(shown.stdout).toMatch(/line 3\s+二中 初一 1班/);
  });
});
