import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { workbookParts, writeZip } from '../src/xlsx/zip-fixture.ts';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

// A class sheet from Excel or WPS with its statistics rows under the students (QA round 6, finding 1, in small).
describe('triage import: statistics rows under the students', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

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
