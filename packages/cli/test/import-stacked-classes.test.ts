import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workbookParts, writeZip } from '../src/xlsx/zip-fixture.ts';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

// A grade sheet with its classes stacked: each class under a title merged across the table, then the header again
// (QA round 7, finding 5, in small). Synthetic students.
describe('triage import: a grade sheet with class titles merged across the table', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const header = ['学号', '性别', '年龄', '年级', '班级', ...'123456789abcd'.split('').map((n) => `PHQA${n}`)];
  const last = String.fromCharCode(64 + header.length); // column R
  const student = (id: string, klass: string, answers: string) => [id, '女', '13', '初一', klass, ...answers.split('')];
  const zero = '0000000000000';
  const rows: { cells: readonly string[]; merge?: string }[] = [
    { cells: ['初一年级心理筛查'], merge: 'A1:R1' },
    { cells: header },
    { cells: ['初一(1)班'], merge: 'A3:R3' },
    { cells: header },
    { cells: student('202501110001', '初一(1)班', zero) },
    // Item 9 answered: R3.
    { cells: student('202501110002', '初一(1)班', '2111000110000') },
    { cells: ['初一(2)班'], merge: 'A7:R7' },
    { cells: header },
    { cells: student('202501120001', '初一(2)班', zero) },
    // Absent: 缺考 merged across every answer cell.
    { cells: [...student('202501120002', '初一(2)班', '').slice(0, 5), '缺考'], merge: 'F10:R10' },
  ];

  async function workbook(name: string): Promise<string> {
    const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const data = rows
      .map(
        ({ cells }, l) =>
          `<row r="${l + 1}">${cells.map((v, i) => cell(`${String.fromCharCode(65 + i)}${l + 1}`, v)).join('')}</row>`,
      )
      .join('');
    const refs = rows.flatMap((r) => (r.merge ? [`<mergeCell ref="${r.merge}"/>`] : []));
    const after = `<mergeCells count="${refs.length}">${refs.join('')}</mergeCells>`;
    const file = join(s.dir, name);
    await writeZip(file, workbookParts({ sheets: [{ name: '初一年级', data, after }] }));
    return file;
  }

  it('sets the class titles aside, reads the absent student as no answers, and warns of nothing urgent', async () => {
    expect(last).toBe('R');
    const file = await workbook('grade.xlsx');
    const out = join(s.dir, 'grade');
    const r = runCli(['import', file, '--out', out, '--no-input'], env);
    // The absent student is rejected: exit 3, as for any such file. The header again under each title is skipped.
    expect(r.status, r.stderr).toBe(3);
    expect(r.stdout).toContain(
      '6 rows read: 3 scored, 1 rejected, 2 title rows (a title over the rows, such as the class name 初一(2)班) set aside, 2 repeated header rows skipped',
    );
    expect(r.stdout).toContain('Follow up first: 1 student at R3 or above');
    expect(r.stdout + r.stderr).not.toMatch(/risk signal|critical item/);
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((e) => [e._line, e._code, e._urgent])).toEqual([
      ['3', 'IMPORT_TITLE_ROW', ''],
      ['7', 'IMPORT_TITLE_ROW', ''],
      ['10', 'IMPORT_NO_ANSWERS', ''],
    ]);
    expect(errors[0]?._message).toContain('a title line');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<strong>');
    expect(html).toContain('Title rows (a title over the rows, such as the class name 初一(2)班), set aside');
    expect(html).toContain('Header rows repeated, skipped');
  });

  it('counts them in --json and says them in Chinese', async () => {
    const file = await workbook('grade-zh.xlsx');
    const r = runCli(['import', file, '--out', join(s.dir, 'grade-zh'), '--json', '--lang', 'zh'], env);
    expect(JSON.parse(r.stdout).counts).toMatchObject({
      rows: 6,
      scored: 3,
      rejected: 1,
      titleRows: 2,
      headerRows: 2,
      summaryRows: 0,
    });
    const zh = runCli(['import', file, '--out', join(s.dir, 'grade-zh-text'), '--lang', 'zh', '--no-input'], env);
    expect(zh.stdout).toContain('标题行（表格中的标题，如班级名初一(2)班）2 行另放，跳过重复的表头 2 行');
    const errors = readOutputCsv(join(s.dir, 'grade-zh-text', 'errors.csv')).rows;
    expect(errors[0]?._message).toContain('标题行');
  });
});

// The header again under each class, as school platforms export a grade: `学号,性别,班级,1,…,9,a,…,d` with
// --instrument phq-a, the same header above every class. Synthetic students.
describe('triage import: a stacked sheet that repeats its header under each class', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const header = ['学号', '性别', '班级', ...'123456789abcd'.split('')];
  const zero = '0000000000000'.split('');
  const classes = ['初一(1)班', '初一(2)班', '初一(3)班'].map((klass, c) => [
    header,
    ...[0, 1, 2].map((n) => [`2025${c + 1}0${n + 1}`, n % 2 ? '男' : '女', klass, ...zero]),
  ]);
  const lines = classes.flat();
  const csv = s.write('grade.csv', `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`);

  async function workbook(name: string): Promise<string> {
    const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const data = lines
      .map(
        (cells, l) =>
          `<row r="${l + 1}">${cells.map((v, i) => cell(`${String.fromCharCode(65 + i)}${l + 1}`, v)).join('')}</row>`,
      )
      .join('');
    const file = join(s.dir, name);
    await writeZip(file, workbookParts({ sheets: [{ name: '初一年级', data }] }));
    return file;
  }

  it.each(['csv', 'xlsx'])('skips the header again in a %s: exit 0, counted, nothing in errors.csv', async (kind) => {
    const file = kind === 'csv' ? csv : await workbook('grade.xlsx');
    const out = join(s.dir, `out-${kind}`);
    const r = runCli(['import', file, '--instrument', 'phq-a', '--out', out, '--no-input'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('9 rows read: 9 scored, 0 rejected, 2 repeated header rows skipped');
    expect(readOutputCsv(join(out, 'errors.csv')).rows).toEqual([]);
    expect(readOutputCsv(join(out, 'results.csv')).rows).toHaveLength(9);
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(json.summary).toMatchObject({ rows: 9, scored: 9, rejected: 0, headerRows: 2 });
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Header rows repeated, skipped');
  });

  it('counts them in --json and says them in Chinese', () => {
    const r = runCli(['import', csv, '--instrument', 'phq-a', '--out', join(s.dir, 'json'), '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 9, scored: 9, rejected: 0, headerRows: 2 });
    const zh = runCli(['import', csv, '--instrument', 'phq-a', '--out', join(s.dir, 'zh'), '--lang', 'zh'], env);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('读取 9 行：计分 9，拒收 0，跳过重复的表头 2 行');
  });

  // Saved as CSV, a title merged across a stacked sheet keeps its text in the first cell alone (初一(2)班,,,,).
  it('sets aside the class headings of a stacked CSV: exit 0, counted as titles', () => {
    const blanks = Array.from({ length: header.length - 1 }, () => '');
    const titled = classes.flatMap((rows, c) => [[`初一(${c + 1})班`, ...blanks], ...rows]);
    const file = s.write('titled.csv', `${titled.map((cells) => cells.join(',')).join('\r\n')}\r\n`);
    const out = join(s.dir, 'titled');
    const r = runCli(['import', file, '--instrument', 'phq-a', '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 9, rejected: 0, titleRows: 2, headerRows: 2 });
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((e) => [e._code, e._urgent])).toEqual([
      ['IMPORT_TITLE_ROW', ''],
      ['IMPORT_TITLE_ROW', ''],
    ]);
  });

  // QA round 15, 2: the class's teacher in a second cell of its heading (初一(2)班,班主任：张老师,,,). Synthetic.
  it('sets aside a class heading with its teacher beside it, above or between classes: exit 0, counted as titles', () => {
    const blanks = Array.from({ length: header.length - 2 }, () => '');
    const titled = classes.flatMap((rows, c) => [[`初一(${c + 1})班`, `班主任：老师${c + 1}`, ...blanks], ...rows]);
    const file = s.write('teacher.csv', `${titled.map((cells) => cells.join(',')).join('\r\n')}\r\n`);
    const out = join(s.dir, 'teacher');
    const r = runCli(['import', file, '--instrument', 'phq-a', '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 line above it skipped (a title or notes');
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 9, rejected: 0, titleRows: 2, headerRows: 2 });
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((e) => [e._line, e._code, e._urgent])).toEqual([
      ['6', 'IMPORT_TITLE_ROW', ''],
      ['11', 'IMPORT_TITLE_ROW', ''],
    ]);
    expect(readOutputCsv(join(out, 'results.csv')).rows).toHaveLength(9);
  });

  // A header of two rows (PHQ-A over its item numbers) repeated under each class: neither row is a student. Read as
  // one, the numbers row was rejected as urgent (item 9 = "9") and its numbers suggested --coding one-based.
  it.each(['csv', 'xlsx'])('skips a header of two rows again in a %s, and reads each class by it', async (kind) => {
    const group = ['', '', '', 'PHQ-A', ...Array.from({ length: 12 }, () => '')];
    const positive = ['20253004', '女', '初一(3)班', ...'0000000010000'.split('')];
    const stacked = classes.flatMap((rows, c) => [group, ...rows, ...(c === 2 ? [positive] : [])]);
    const file =
      kind === 'csv'
        ? s.write('two-rows.csv', `${stacked.map((cells) => cells.join(',')).join('\r\n')}\r\n`)
        : await (async () => {
            const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
            const data = stacked
              .map((cells, l) => {
                const filled = cells.flatMap((v, i) =>
                  v === '' ? [] : [cell(`${String.fromCharCode(65 + i)}${l + 1}`, v)],
                );
                return `<row r="${l + 1}">${filled.join('')}</row>`;
              })
              .join('');
            const path = join(s.dir, 'two-rows.xlsx');
            await writeZip(path, workbookParts({ sheets: [{ name: '初一年级', data }] }));
            return path;
          })();
    const out = join(s.dir, `two-rows-${kind}`);
    const r = runCli(['import', file, '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 10, scored: 10, rejected: 0, headerRows: 4 });
    expect(r.stderr).not.toContain('--coding');
    expect(readOutputCsv(join(out, 'errors.csv')).rows).toEqual([]);
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.filter((row) => row.level === 'R3').map((row) => row.student_id)).toEqual(['20253004']);
  });

  // QA round 12, HIGH: the second class's header numbers its items in another order (9, 1, 2 … 8): bare numbers that
  // read as answers. Read as a student, its class's rows were read by the first header and item 9 = 3 was lost.
  it('reads a class under a header of bare item numbers in another order by it, in import and simulate cohort', () => {
    const first = ['学号', '性别', '班级', ...'123456789cd'.split('').map((n) => `PHQ-A ${n}`)];
    const reordered = ['学号', '性别', '班级', ...'912345678cd'.split('')];
    const lines = [
      first,
      ['20251001', '女', '初一(1)班', ...'00000000000'.split('')],
      ['初一(2)班', ...Array.from({ length: first.length - 1 }, () => '')],
      reordered,
      // Item 9 (first answer here) = 3.
      ['20252001', '女', '初一(2)班', ...'30000000000'.split('')],
    ];
    const file = s.write('reordered-numbers.csv', `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`);
    const out = join(s.dir, 'reordered-numbers');
    const r = runCli(['import', file, '-i', 'phq-a', '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 3, scored: 2, rejected: 0, headerRows: 1, titleRows: 1 });
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.map((row) => [row.student_id, row.level, row['phq-a_total']])).toEqual([
      ['20251001', '', '0'],
      ['20252001', 'R3', '3'],
    ]);
    const cohort = runCli(
      ['simulate', 'cohort', '--input', file, '-i', 'phq-a', '--start', '2026-09-01', '--json'],
      env,
    );
    expect(cohort.status, cohort.stderr).toBe(0);
    expect(JSON.parse(cohort.stdout).projection.cohort.levels).toMatchObject({ R3: 1 });
  });

  // QA round 12: the group row and the numbers written otherwise under each class (PHQ-A over every item, PHQ-A量表,
  // C and D upper case, d before c): each class read by its own header, no student rejected, item d kept as d.
  it('skips a two-row header repeated in other forms, reading each class by its own', () => {
    const blanks = (n: number) => Array.from({ length: n }, () => '');
    const numbers = '123456789cd'.split('');
    const person = ['学号', '性别', '班级'];
    const klass = (n: number, group: readonly string[], items: readonly string[], answers: string) => [
      [`初一(${n})班`, ...blanks(person.length + items.length - 1)],
      group,
      [...person, ...items],
      [`2025000${n}`, '女', `${n}班`, ...answers.split('')],
    ];
    const over = [...blanks(person.length), 'PHQ-A', ...blanks(numbers.length - 1)];
    const lines = [
      ...klass(1, over, numbers, '00000000000').slice(1),
      ...klass(2, [...blanks(person.length), ...numbers.map(() => 'PHQ-A')], numbers, '00000000000'),
      ...klass(3, [...blanks(person.length), 'PHQ-A量表', ...blanks(numbers.length - 1)], numbers, '00000000000'),
      ...klass(4, over, [...numbers.slice(0, 9), 'C', 'D'], '00000000000'),
      // d before c: this student answers d (ever attempted) yes.
      ...klass(5, over, [...numbers.slice(0, 9), 'd', 'c'], '00000000010'),
    ];
    const file = s.write('two-row-forms.csv', `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`);
    const out = join(s.dir, 'two-row-forms');
    const r = runCli(['import', file, '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 5, rejected: 0, titleRows: 4 });
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.filter((row) => row.level === 'R3').map((row) => row.student_id)).toEqual(['20250005']);
    expect(results.find((row) => row.student_id === '20250005')?.['phq-a_flags']).toContain('suicide-attempt');
  });

  it('reads the rows under a header in other words (学号 … Q1 … under 学号 … 1 …) by it', () => {
    const other = ['学号', '性别', '班级', ...'123456789abcd'.split('').map((n) => `Q${n}`)];
    const student = ['20254001', '女', '初一(4)班', ...zero];
    const file = s.write('other.csv', [...lines, other, student].map((cells) => cells.join(',')).join('\n'));
    const out = join(s.dir, 'other');
    const r = runCli(['import', file, '--instrument', 'phq-a', '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 10, scored: 10, rejected: 0, headerRows: 3 });
    expect(readOutputCsv(join(out, 'errors.csv')).rows).toEqual([]);
  });
});

// QA round 14: the second class's header of two rows puts GAD-7 before PHQ-A (person words in the group row, as Excel
// saves a header merged down both rows; or none). Met as a header that cannot be read, the class under it was never
// scored (urgent rows in errors.csv) and its numbers row was rejected as a student.
describe('triage import: a header of two rows in another instrument order between classes', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const blanks = (n: number) => Array.from({ length: n }, () => '');
  const person = ['学号', '性别', '班级'];
  const phqa = '123456789abcd'.split('');
  const gad = '1234567'.split('');
  const group = (first: string, n: number, second: string, m: number, words: readonly string[]) => [
    ...words,
    first,
    ...blanks(n - 1),
    second,
    ...blanks(m - 1),
  ];
  // `above`: the person words in the group row (the names row blank under them), else in the names row.
  const lines = (above: boolean) => [
    group('PHQ-A', phqa.length, 'GAD-7', gad.length, person),
    [...person, ...phqa, ...gad],
    ['20251001', '女', '初一(1)班', ...'0000000000000'.split(''), ...'0000000'.split('')],
    group('GAD-7', gad.length, 'PHQ-A', phqa.length, above ? person : blanks(person.length)),
    [...(above ? blanks(person.length) : person), ...gad, ...phqa],
    // GAD-7 first: 1 2 3 0 0 0 0 (= 6), then PHQ-A with item 9 = 3 (total 5).
    ['20252001', '男', '初一(2)班', ...'1230000'.split(''), ...'1100000030000'.split('')],
    ['20252002', '女', '初一(2)班', ...'0000000'.split(''), ...'0000000000000'.split('')],
  ];

  it.each([
    ['in the group row', true],
    ['in the names row', false],
  ])('reads the class by the second header (person words %s), in import and simulate cohort', (_, above) => {
    const file = s.write(
      `reordered-two-rows-${above ? 'above' : 'below'}.csv`,
      `${lines(above)
        .map((c) => c.join(','))
        .join('\r\n')}\r\n`,
    );
    const out = join(s.dir, `reordered-two-rows-${above ? 'above' : 'below'}`);
    const r = runCli(['import', file, '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 3, scored: 3, rejected: 0, headerRows: 2 });
    expect(r.stderr).toContain('a header in another layout on line 4');
    expect(readOutputCsv(join(out, 'errors.csv')).rows).toEqual([]);
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.map((row) => [row.student_id, row.level, row['phq-a_total'], row['gad-7_total']])).toEqual([
      ['20251001', '', '0', '0'],
      ['20252001', 'R3', '5', '6'],
      ['20252002', '', '0', '0'],
    ]);
    const cohort = runCli(['simulate', 'cohort', '--input', file, '--start', '2026-09-01', '--json'], env);
    expect(cohort.status, cohort.stderr).toBe(0);
    const projected = JSON.parse(cohort.stdout);
    expect(projected.counts).toEqual({ rows: 3, scored: 3, rejected: 0 });
    expect(projected.projection.cohort.levels).toMatchObject({ R3: 1 });
  });

  it('reads no row under such a group row when no names row follows it, each urgent where it may hide a risk', () => {
    const cut = lines(true).filter((_, i) => i !== 4);
    const file = s.write('group-alone.csv', `${cut.map((c) => c.join(',')).join('\r\n')}\r\n`);
    const out = join(s.dir, 'group-alone');
    const r = runCli(['import', file, '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(3);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 3, scored: 1, rejected: 2, headerRows: 1 });
    expect(r.stderr).toContain('the header on line 4 cannot be read');
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((row) => [row._line, row._code])).toEqual([
      ['5', 'IMPORT_UNDER_UNMAPPED_HEADER'],
      ['6', 'IMPORT_UNDER_UNMAPPED_HEADER'],
    ]);
  });
});

// Session 15: a class pasted above another with a header of its own that cannot be read (PHQ-A without its
// supplements c and d) made the header below the file's; the first header was "a title or notes", and its students,
// "above the header", were judged by the columns of the header below (GAD-7, no critical item): a positive PHQ-A item 9
// was not urgent. They are the rows of a header that cannot be read, urgent as their risk is unknown.
describe('triage import: a class above the header, under a header of its own that cannot be read', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  it('rejects its header and rows as a header that cannot be read and its rows, urgent; the class below is read', () => {
    const lines = [
      ['学号', '性别', '年龄', '班级', ...'123456789'.split('').map((n) => `PHQA${n}`)],
      ['20251001', '男', '13', '初一(1)班', ...'010101010'.split('')],
      ['20251002', '男', '13', '初一(1)班', ...'010101012'.split('')],
      ['学号', '性别', '年龄', '班级', ...'1234567'.split('').map((n) => `GAD7_${n}`)],
      ['20252001', '女', '14', '初一(2)班', ...'1111111'.split('')],
    ];
    const file = s.write('above.csv', `${lines.map((c) => c.join(',')).join('\n')}\n`);
    const out = join(s.dir, 'above');
    const r = runCli(['import', file, '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(3);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 4, scored: 1, rejected: 3 });
    expect(r.stderr).toContain('the header on line 1 cannot be read as this file');
    expect(r.stderr).not.toMatch(/title or notes|IMPORT_ABOVE_HEADER/);
    expect(readOutputCsv(join(out, 'errors.csv')).rows.map((e) => [e._line, e._code, e._urgent])).toEqual([
      ['1', 'IMPORT_HEADER_UNMAPPED', ''],
      ['2', 'IMPORT_UNDER_UNMAPPED_HEADER', 'yes'],
      ['3', 'IMPORT_UNDER_UNMAPPED_HEADER', 'yes'],
    ]);
    // simulate cohort reads it the same way.
    const cohort = runCli(['simulate', 'cohort', '--input', file, '--start', '2026-09-01', '--json'], env);
    expect(cohort.status, cohort.stderr).toBe(3);
    const projected = JSON.parse(cohort.stdout);
    expect(projected.counts).toEqual({ rows: 4, scored: 1, rejected: 3 });
    expect(projected.warnings.join('\n')).toContain('2 rejected rows show a positive or unanswered critical item');
  });
});
