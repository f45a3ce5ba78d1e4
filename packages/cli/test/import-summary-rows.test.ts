import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { workbookParts, writeZip } from '../src/xlsx/zip-fixture.ts';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

const header = [
  '学号',
  '姓名',
  '性别',
  '年级',
  '班级',
  ...'123456789'.split('').map((n) => `PHQA${n}`),
  'PHQA_c',
  'PHQA_d',
];
const students = [
  ['20250001', '测一', '男', '初一', '1班', ...'101010100'.split(''), '0', '0'],
  // The one student with item 9 answered: R3.
  ['20250002', '测二', '女', '初一', '1班', ...'211100011'.split(''), '0', '0'],
  ['20250003', '测三', '女', '初一', '1班', ...'003020000'.split(''), '0', '0'],
];

// A class sheet from Excel or WPS with its statistics rows under the students (QA round 6, finding 1, in small).
describe('triage import: statistics rows under the students', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const statistics = [
    ['合计', '', '', '', '', '3', '1', '5', '1', '2', '0', '1', '1', '1', '0', '0'],
    ['平均分：', '', '', '', '', '1', '0.33', '1.67', '0.33', '0.67', '0', '0.33', '0.33', '0.33', '0', '0'],
    ['最高分', '', '', '', '', '2', '1', '3', '1', '2', '0', '1', '1', '1', '0', '0'],
    ['最低分', '', '', '', '', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
  ];
  const rows = [header, ...students, ...statistics];

  function check(file: string, out: string, line: (n: number) => string) {
    const r = runCli(['import', file, '--out', join(s.dir, out)], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('7 rows read: 3 scored, 0 rejected, 4 statistics rows (合计, 平均分 …) set aside');
    expect(r.stdout).toContain('Follow up first: 1 student at R3 or above');
    expect(r.stdout + r.stderr).not.toContain('risk signal');
    expect(r.stdout).not.toMatch(/— +—/);
    const results = readOutputCsv(join(s.dir, out, 'results.csv')).rows;
    expect(results.map((row) => row.line)).toEqual([line(2), line(3), line(4)]);
    const errors = readOutputCsv(join(s.dir, out, 'errors.csv')).rows;
    expect(errors.map((e) => [e._line, e._code, e._urgent])).toEqual(
      [5, 6, 7, 8].map((n) => [line(n), 'IMPORT_SUMMARY_ROW', '']),
    );
    expect(errors[0]?._message).toContain("a statistics row (合计, 平均分, 最高分 …), not a student's answers");
  }

  it('sets them aside in errors.csv from a GBK CSV: never scored, never urgent, said once', () => {
    const file = s.write('class.csv', iconv.encode(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'gbk'));
    check(file, 'csv', String);
  });

  it('fails (exit 1) on a sheet of statistics rows only: no student was imported', () => {
    const file = s.write('only.csv', `${[header, ...statistics].map((r) => r.join(',')).join('\r\n')}\r\n`);
    const r = runCli(['import', file, '--out', join(s.dir, 'only'), '--no-input'], env);
    expect(r.status, r.stderr).toBe(1);
  });

  it('does the same in a workbook with a merged title row above the header', async () => {
    const column = (i: number) => String.fromCharCode(65 + i);
    const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const all = [['初一1班 PHQ-A 筛查'], ...rows];
    const data = all
      .map(
        (r, l) =>
          `<row r="${l + 1}">${r.map((v, i) => (v === '' ? '' : cell(`${column(i)}${l + 1}`, v))).join('')}</row>`,
      )
      .join('');
    const file = join(s.dir, 'class.xlsx');
    const merge = `<mergeCells count="1"><mergeCell ref="A1:P1"/></mergeCells>`;
    await writeZip(file, workbookParts({ sheets: [{ name: '1班', data, after: merge }] }));
    const r = runCli(['import', file, '--out', join(s.dir, 'xlsx-json'), '--json'], env);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 7, scored: 3, rejected: 0, summaryRows: 4 });
  });
});

// Lines under the students of a 教务 or 测评 export, and a DOS end-of-file mark: no student, never urgent (QA round 16, 6).
describe('triage import: lines under the table and a Ctrl-Z at the end of the file', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const csv = (rows: readonly (readonly string[])[]) => `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
  const blank = (n: number) => Array.from({ length: n }, () => '');

  /** What `simulate cohort` counts for the file: the same students as the import. */
  function cohort(file: string) {
    const r = runCli(['simulate', 'cohort', '--input', file, '--start', '2026-09-01', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  }

  it('sets the footer lines aside as statistics rows: never rejected, never urgent, the name beside 制表人 not printed', () => {
    const footers = [
      ['注：以上数据仅供参考，请勿外传', ...blank(header.length - 1)],
      ['制表人：测甲', '', '', '', '导出时间：2025-09-10 10:00', ...blank(header.length - 5)],
      ['导出时间：2025/9/10'],
      ['审核人', '测乙'],
      ['打印时间 2025-09-10'],
      ['共3人'],
    ];
    const file = s.write('footer.csv', iconv.encode(csv([header, ...students, ...footers]), 'gb18030'));
    const out = join(s.dir, 'footer');
    const r = runCli(['import', file, '--out', out, '--no-input'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('9 rows read: 3 scored, 0 rejected, 6 statistics rows (合计, 平均分 …) set aside');
    expect(r.stdout + r.stderr).not.toContain('risk signal');
    expect(r.stdout + r.stderr).not.toMatch(/测甲|测乙/);
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((e) => [e._line, e._code, e._urgent])).toEqual(
      [5, 6, 7, 8, 9, 10].map((n) => [String(n), 'IMPORT_SUMMARY_ROW', '']),
    );
    expect(cohort(file).counts).toEqual({ rows: 3, scored: 3, rejected: 0 });
  });

  it('never sets aside a footer label beside an answer: read as a student, its blank critical items escalate', () => {
    const row = ['制表人：测甲', '', '', '', '', '1', ...blank(header.length - 6)];
    const file = s.write('footer-answer.csv', csv([header, ...students, row]));
    const out = join(s.dir, 'footer-answer');
    const r = runCli(['import', file, '--out', out, '--no-input', '--json'], env);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 4, summaryRows: 0 });
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.map((row) => [row.line, row.level])).toContainEqual(['5', 'R3']);
  });

  it('reads a Ctrl-Z after the last line as the end of the file, not as an urgent row', () => {
    const file = s.write('ctrl-z.csv', `${csv([header, ...students])}\x1a`);
    const r = runCli(['import', file, '--out', join(s.dir, 'ctrl-z'), '--no-input'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 rows read: 3 scored, 0 rejected, 1 blank row skipped');
    expect(r.stdout + r.stderr).not.toContain('risk signal');
    expect(readOutputCsv(join(s.dir, 'ctrl-z', 'errors.csv')).rows).toEqual([]);
    expect(cohort(file).counts).toEqual({ rows: 3, scored: 3, rejected: 0 });
  });

  it('reads a Ctrl-Z stuck to the last cell (no line end before it) as the end of the file: the student is scored', () => {
    const file = s.write('ctrl-z-cell.csv', `${csv([header, ...students]).trimEnd()}\x1a`);
    const r = runCli(['import', file, '--out', join(s.dir, 'ctrl-z-cell'), '--no-input'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 rows read: 3 scored, 0 rejected');
    const results = readOutputCsv(join(s.dir, 'ctrl-z-cell', 'results.csv')).rows;
    expect(results.map((row) => [row.line, row['phq-a_total']])).toContainEqual(['4', '5']);
    expect(cohort(file).counts).toEqual({ rows: 3, scored: 3, rejected: 0 });
  });
});
