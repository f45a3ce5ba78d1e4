import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/csv/read-csv.ts';
import { writeXlsx } from '../src/xlsx/write-xlsx.ts';
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
    expect(errors.rows.map((row) => [row._sheet, row._line, row._code])).toEqual([
      ['7-2', '1', 'IMPORT_SHEET_UNMAPPED'],
      ['7-2', '2', 'IMPORT_SHEET_UNMAPPED'],
      ['7-2', '3', 'IMPORT_SHEET_UNMAPPED'],
    ]);
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
});
