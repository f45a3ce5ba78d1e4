import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/csv/read-csv.ts';
import { writeXlsx } from '../src/xlsx/write-xlsx.ts';
import { workbookParts, writeZip } from '../src/xlsx/zip-fixture.ts';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

const examples = fileURLToPath(new URL('../../../examples/screenings/', import.meta.url));

/** class-40.en.csv: its header and rows. */
const [HEADER, ...ROWS] = [...readCsv(readFileSync(join(examples, 'class-40.en.csv'), 'utf8'), { delimiter: ',' })].map(
  (r) => [...r.fields],
) as [string[], ...string[][]];

/** A row's cells reordered by `order` (header names in their new order). */
const reorder = (row: readonly string[], order: readonly string[]) =>
  order.map((name) => row[HEADER.indexOf(name)] ?? '');

describe('triage import: the sheets of one workbook', () => {
  const s = scratch();
  const run = (args: readonly string[]) => runCli(args, { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
  afterAll(() => s.done());

  it('reads a class pasted without its header row: its first student is rejected, not dropped', async () => {
    const book = join(s.dir, 'no-header.xlsx');
    await writeXlsx(book, [
      { name: '7-1', rows: [HEADER, ...ROWS.slice(0, 3)] },
      { name: '7-2', rows: ROWS.slice(3, 6) },
    ]);
    const r = run(['import', book, '--out', join(s.dir, 'no-header'), '--json']);
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 6, scored: 3, rejected: 3 });
    const errors = readOutputCsv(join(s.dir, 'no-header', 'errors.csv'));
    // Read by the first sheet's columns to judge the critical items: line 2's PHQ-A item 9 is 2.
    expect(errors.rows.map((row) => [row._sheet, row._line, row._code, row._urgent])).toEqual([
      ['7-2', '1', 'IMPORT_SHEET_UNMAPPED', ''],
      ['7-2', '2', 'IMPORT_SHEET_UNMAPPED', 'yes'],
      ['7-2', '3', 'IMPORT_SHEET_UNMAPPED', ''],
    ]);
    expect(r.stderr).toContain('1 rejected row shows a positive or unanswered critical item');
  });

  // QA round 11: a class on another template was not read, and its acute-positive ASQ answer went unflagged.
  it('marks urgent the rows of a sheet of other instruments by where its own header puts their critical items', async () => {
    const book = join(s.dir, 'other-instruments.xlsx');
    const asq = ['student_id', 'sex', 'age', 'ASQ1', 'ASQ2', 'ASQ3', 'ASQ4', 'ASQ5'];
    const phq = ['student_id', 'sex', 'age', 'PHQ9_1', 'PHQ9_2', 'PHQ9_3', 'PHQ9_4', 'PHQ9_5', 'PHQ9_6', 'PHQ9_7'];
    await writeXlsx(book, [
      { name: '7-1', rows: [HEADER, ...ROWS.slice(0, 3)] },
      // Item 5 yes: acute; all no; item 1 yes with item 5 no.
      {
        name: '7-2',
        rows: [asq, ['S1', 'F', '13', '0', '0', '0', '0', '1'], ['S2', 'M', '13', '0', '0', '0', '0', '0']],
      },
      // A header that cannot be read (PHQ-9 items 8 and 9 missing): read by the first sheet's columns, where its row
      // leaves PHQ-A item 9 blank: unknown, so urgent.
      {
        name: '7-3',
        rows: [
          [...phq, 'x', 'y'],
          ['S3', 'F', '13', '0', '0', '0', '0', '0', '0', '0', '0', '3'],
        ],
      },
    ]);
    const r = run(['import', book, '--out', join(s.dir, 'other-instruments'), '--json']);
    expect(r.status).toBe(3);
    const errors = readOutputCsv(join(s.dir, 'other-instruments', 'errors.csv'));
    expect(errors.rows.map((row) => [row._sheet, row._line, row._urgent])).toEqual([
      ['7-2', '1', ''],
      ['7-2', '2', 'yes'],
      ['7-2', '3', ''],
      ['7-3', '1', ''],
      ['7-3', '2', 'yes'],
    ]);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 3, rejected: 5, rejectedWithRisk: 2 });
  });

  it('scores a class whose columns come in another order (GAD-7 before PHQ-A, name before id) like the first', async () => {
    const person = HEADER.slice(0, 6);
    const phq = HEADER.filter((h) => h.startsWith('PHQA'));
    const gad = HEADER.filter((h) => h.startsWith('GAD7'));
    const order = [person[1], person[0], ...person.slice(2), ...gad, ...phq] as string[];
    const book = join(s.dir, 'orders.xlsx');
    await writeXlsx(book, [
      { name: '7-1', rows: [HEADER, ...ROWS.slice(0, 20)] },
      { name: '7-2', rows: [order, ...ROWS.slice(20).map((row) => reorder(row, order))] },
    ]);
    const plain = join(s.dir, 'plain.xlsx');
    await writeXlsx(plain, [
      { name: '7-1', rows: [HEADER, ...ROWS.slice(0, 20)] },
      { name: '7-2', rows: [HEADER, ...ROWS.slice(20)] },
    ]);
    const r = run(['import', book, '--out', join(s.dir, 'orders'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 40, scored: 40, rejected: 0 });
    expect(run(['import', plain, '--out', join(s.dir, 'plain'), '--json']).status).toBe(0);
    const results = (dir: string) => readFileSync(join(s.dir, dir, 'results.csv'), 'utf8');
    expect(results('orders')).toBe(results('plain'));
  });

  it('repeats a rejected row of a reordered class under its own column names in errors.csv', async () => {
    const order = [
      'class',
      'name',
      'student_id',
      'note',
      ...HEADER.filter((h) => !['class', 'name', 'student_id'].includes(h)),
    ];
    const bad = [...(ROWS[25] as string[])];
    bad[HEADER.indexOf('age')] = 'abc';
    bad[HEADER.indexOf('PHQA9')] = '2';
    const cells = (row: readonly string[], note: string) =>
      order.map((name) => (name === 'note' ? note : (row[HEADER.indexOf(name)] ?? '')));
    const book = join(s.dir, 'error-columns.xlsx');
    await writeXlsx(book, [
      { name: '7-1', rows: [HEADER, ...ROWS.slice(0, 20)] },
      {
        name: '7-2',
        rows: [order, cells(bad, 'absent on Monday'), ...ROWS.slice(26, 30).map((row) => cells(row, ''))],
      },
    ]);
    const r = run(['import', book, '--out', join(s.dir, 'error-columns'), '--json']);
    expect(r.status).toBe(3);
    const errors = readOutputCsv(join(s.dir, 'error-columns', 'errors.csv'));
    // The first sheet's columns, then the name only the second sheet has.
    expect(errors.header.slice(-HEADER.length - 1)).toEqual([...HEADER, 'note']);
    const [row] = errors.rows;
    expect(row?._sheet).toBe('7-2');
    for (const name of HEADER) expect(row?.[name], name).toBe(bad[HEADER.indexOf(name)]);
    expect(row?.note).toBe('absent on Monday');
    expect(row?._urgent).toBe('yes');
  });

  describe('sheets beside the classes: instructions, a hidden option list', () => {
    const letters = (i: number) =>
      (i < 26 ? '' : String.fromCharCode(64 + Math.floor(i / 26))) + String.fromCharCode(65 + (i % 26));
    const text = (t: string) => t.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);
    /** A sheet's `<sheetData>` of these rows, every cell inline text. */
    const data = (rows: readonly (readonly string[])[]) =>
      rows
        .map(
          (cells, r) =>
            `<row r="${r + 1}">${cells.map((v, c) => `<c r="${letters(c)}${r + 1}" t="inlineStr"><is><t>${text(v)}</t></is></c>`).join('')}</row>`,
        )
        .join('');
    const instructions = {
      name: '填写说明',
      data: data([['本表用于初一年级心理健康筛查'], ['请在各班工作表中填写'], ['学号请设置为文本格式']]),
    };
    const options = { name: '选项', data: data([['完全不会'], ['好几天'], ['一半以上的天数'], ['几乎每天']]) };
    const book = async (name: string, sheets: Parameters<typeof workbookParts>[0]['sheets']) => {
      const path = join(s.dir, name);
      await writeZip(path, workbookParts({ sheets }));
      return path;
    };

    it('reads the class only: the others are said with their rows and in --json, and the exit code is 0', async () => {
      const file = await book('helpers.xlsx', [
        instructions,
        { name: '初一(1)班', data: data([HEADER, ...ROWS.slice(0, 10)]) },
        { ...options, state: 'hidden' },
      ]);
      const r = run(['import', file, '--out', join(s.dir, 'helpers'), '--json']);
      expect(r.status, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout);
      expect(summary.counts).toMatchObject({ rows: 10, scored: 10, rejected: 0 });
      expect(summary.source).toEqual({
        kind: 'xlsx',
        sheets: ['初一(1)班'],
        skipped: [
          { sheet: '选项', rows: 4, reason: 'hidden' },
          { sheet: '填写说明', rows: 3, reason: 'no-columns' },
        ],
      });
      expect(r.stderr).toContain('sheet "选项" (4 rows) not read: the workbook hides it');
      expect(r.stderr).toContain('sheet "填写说明" (3 rows) not read: no column of it is recognised');
      expect(r.stderr).toContain('--sheet "填写说明"');
      expect(readOutputCsv(join(s.dir, 'helpers', 'errors.csv')).rows).toEqual([]);
      const zh = run(['import', file, '--out', join(s.dir, 'helpers-zh'), '--lang', 'zh']);
      expect(zh.stderr).toContain('工作表“选项”（4 行）未读取：它在工作簿中是隐藏的');
    });

    // QA round 19, 5: a 汇总 sheet (a pivot table of counts by class) sent its rows to errors.csv, and the import exited 3.
    it('does not read a pivot table of the classes (班级 | 计数项:学号), as it holds no student; a class pasted without ids is read', async () => {
      const pivot = {
        name: '汇总',
        data: data([
          ['班级', '计数项:学号', '平均值项:PHQA9'],
          ['初一(1)班', '10', '0.3'],
          ['总计', '10', '0.3'],
        ]),
      };
      const file = await book('pivot.xlsx', [{ name: '初一(1)班', data: data([HEADER, ...ROWS.slice(0, 10)]) }, pivot]);
      const r = run(['import', file, '--out', join(s.dir, 'pivot'), '--json']);
      expect(r.status, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout);
      expect(summary.counts).toMatchObject({ rows: 10, scored: 10, rejected: 0 });
      expect(summary.source.skipped).toEqual([{ sheet: '汇总', rows: 3, reason: 'no-columns' }]);
      // A header of classes and counts in other words is no pivot: its rows stay in errors.csv.
      const counts = {
        name: '汇总',
        data: data([
          ['班级', '人数'],
          ['初一(1)班', '10'],
        ]),
      };
      const other = await book('counts.xlsx', [
        { name: '初一(1)班', data: data([HEADER, ...ROWS.slice(0, 10)]) },
        counts,
      ]);
      expect(run(['import', other, '--out', join(s.dir, 'counts'), '--json']).status).toBe(3);
    });

    it('reads a hidden class (a header like the others): said on stderr, in --json and in report.html; an option list is not read', async () => {
      const student = [...(ROWS[30] ?? [])];
      student[HEADER.indexOf('PHQA9')] = '3';
      const file = await book('hidden-class-read.xlsx', [
        { name: '初二(1)班', data: data([HEADER, ...ROWS.slice(0, 5)]) },
        { name: '初二(2)班', data: data([HEADER, student, ...ROWS.slice(31, 33)]), state: 'hidden' },
        { ...options, state: 'hidden' },
      ]);
      const out = join(s.dir, 'hidden-class-read');
      const r = run(['import', file, '--out', out, '--json']);
      expect(r.status, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout);
      expect(summary.counts).toMatchObject({ rows: 8, scored: 8, rejected: 0 });
      expect(summary.source).toEqual({
        kind: 'xlsx',
        sheets: ['初二(1)班', '初二(2)班'],
        hiddenRead: ['初二(2)班'],
        skipped: [{ sheet: '选项', rows: 4, reason: 'hidden' }],
      });
      const read = 'sheet "初二(2)班" is hidden in the workbook but read as a class';
      const unread = 'sheet "选项" (4 rows) not read: the workbook hides it';
      expect(summary.warnings.slice(0, 2)).toEqual([expect.stringContaining(read), expect.stringContaining(unread)]);
      expect(r.stderr).toContain(read);
      expect(r.stderr).toContain(unread);
      const hidden = readOutputCsv(join(out, 'results.csv')).rows.filter((row) => row.sheet === '初二(2)班');
      expect(hidden.map((row) => [row.line, row.level, row['phq-a_flags']])).toEqual([
        ['2', 'R3', 'self-harm-thoughts:positive'],
        ['3', expect.any(String), expect.any(String)],
        ['4', expect.any(String), expect.any(String)],
      ]);
      const html = readFileSync(join(out, 'report.html'), 'utf8');
      expect(html).toContain('Hidden in the workbook, read as classes</dt><dd>初二(2)班</dd>');
      expect(html).toContain('<li>选项 (4 rows): hidden in the workbook');
      const zh = run(['import', file, '--out', join(s.dir, 'hidden-class-read-zh'), '--lang', 'zh']);
      expect(zh.stderr).toContain('工作表“初二(2)班”在工作簿中是隐藏的，但已作为班级读取');
    });

    it('a hidden sheet named with --sheet is read; a sheet with other instruments still sends its rows to errors.csv', async () => {
      const gadOnly = HEADER.filter((h) => !h.startsWith('PHQA'));
      const gadRows = ROWS.slice(10, 13).map((row) => gadOnly.map((h) => row[HEADER.indexOf(h)] ?? ''));
      const file = await book('hidden-class.xlsx', [
        { name: '初一(1)班', data: data([HEADER, ...ROWS.slice(0, 10)]) },
        { name: '初一(2)班', data: data([gadOnly, ...gadRows]) },
        { name: '初一(3)班', data: data([HEADER, ...ROWS.slice(20, 25)]), state: 'hidden' },
      ]);
      const all = run(['import', file, '--out', join(s.dir, 'hidden-class'), '--json']);
      expect(all.status).toBe(3);
      // The other class's header row too: a sheet that does not map may have no header (see above). The hidden
      // class maps like the first: it is read.
      expect(JSON.parse(all.stdout).counts).toMatchObject({ rows: 19, scored: 15, rejected: 4 });
      expect(all.stderr).toContain('sheet "初一(3)班" is hidden in the workbook but read as a class');
      const named = run([
        'import',
        file,
        '--sheet',
        '初一(1)班',
        '--sheet',
        '初一(3)班',
        '--out',
        join(s.dir, 'named'),
        '--json',
      ]);
      expect(named.status, named.stderr).toBe(0);
      expect(JSON.parse(named.stdout).counts).toMatchObject({ rows: 15, scored: 15, rejected: 0 });
      expect(named.stderr).not.toContain('not read');
    });

    // QA round 12: a hidden sheet like a visible sheet that is not read (other instruments than the first) was said to be
    // read as a class, then not read.
    it('leaves unread a hidden sheet with the instruments of a visible sheet that is not read, and says so once', async () => {
      const gadOnly = HEADER.filter((h) => !h.startsWith('PHQA'));
      const gadRows = (from: number) =>
        ROWS.slice(from, from + 2).map((row) => gadOnly.map((h) => row[HEADER.indexOf(h)] ?? ''));
      const file = await book('hidden-like-unread.xlsx', [
        { name: '初一(1)班', data: data([HEADER, ...ROWS.slice(0, 3)]) },
        { name: '初一(2)班', data: data([gadOnly, ...gadRows(10)]) },
        { name: '初一(3)班', data: data([gadOnly, ...gadRows(20)]), state: 'hidden' },
      ]);
      const r = run(['import', file, '--out', join(s.dir, 'hidden-like-unread'), '--json']);
      expect(r.stderr).not.toContain('"初一(3)班" is hidden in the workbook but read as a class');
      expect(r.stderr).toContain('sheet "初一(3)班" (3 rows) not read: the workbook hides it');
      // The visible one says which instruments it holds and how to read it (QA round 12).
      expect(r.stderr).toContain(
        'sheet "初一(2)班" holds GAD-7, not the PHQ-A + GAD-7 of the first sheet read: its rows went to errors.csv',
      );
      expect(r.stderr).toContain('import it alone: --sheet "初一(2)班"');
      expect(JSON.parse(r.stdout).source.skipped).toEqual([{ sheet: '初一(3)班', rows: 3, reason: 'hidden' }]);
    });

    it('instructions beside a hidden class: nothing is skipped silently, the mapping problem is said', async () => {
      const file = await book('only-hidden.xlsx', [
        instructions,
        { name: '初一(1)班', data: data([HEADER, ...ROWS.slice(0, 3)]), state: 'hidden' },
      ]);
      const r = run(['import', file, '--out', join(s.dir, 'only-hidden')]);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('sheet "初一(1)班" (4 rows) not read: the workbook hides it');
      expect(r.stderr).toContain('[填写说明]: no item columns recognised');
    });
  });
});
