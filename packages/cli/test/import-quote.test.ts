import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

describe('triage import: a quote that never closes', () => {
  const s = scratch();
  afterAll(() => s.done());

  it('rejects the line with the stray quote and scores every student after it (none lost, R3 rows included)', () => {
    const items = ['PHQA1', 'PHQA2', 'PHQA3', 'PHQA4', 'PHQA5', 'PHQA6', 'PHQA7', 'PHQA8', 'PHQA9', 'PHQA_c', 'PHQA_d'];
    const row = (n: number) => {
      const name = n === 4 ? '"Ceshi' : `Ceshi${n}`;
      // Every fifth student has item 9 = 3: R3.
      return [
        `20250101${String(n).padStart(4, '0')}`,
        name,
        ...'00000000'.split(''),
        n % 5 === 0 ? '3' : '0',
        '0',
        '0',
      ];
    };
    const lines = [['学号', '姓名', ...items], ...Array.from({ length: 40 }, (_, k) => row(k + 1))];
    const file = s.write('quote.csv', `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`);
    const out = join(s.dir, 'out');
    const r = runCli(['import', file, '--out', out, '--json'], { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 40, scored: 39, rejected: 1 });
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((e) => [e._line, e._code])).toEqual([['5', 'IMPORT_UNTERMINATED_QUOTE']]);
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.filter((row) => row.level === 'R3')).toHaveLength(8);
    expect(results.map((row) => Number(row.line))).toEqual(
      Array.from({ length: 40 }, (_, k) => k + 2).filter((line) => line !== 5),
    );
  });

  // QA round 18, 3: a stray quote before one student's name and after the next one's closed over the line break: the
  // first was scored with the second's answers (R3), the second in no output at all.
  it('never reads two students as one when the next line closes a stray quote: the first is rejected, the second scored', () => {
    const items = ['PHQA1', 'PHQA2', 'PHQA3', 'PHQA4', 'PHQA5', 'PHQA6', 'PHQA7', 'PHQA8', 'PHQA9', 'PHQA_c', 'PHQA_d'];
    const row = (n: number, name: string, item9: string) =>
      [`2025010100${n}`, name, ...'00000000'.split(''), item9, '0', '0'].join(',');
    const lines = [
      ['学号', '姓名', ...items].join(','),
      row(1, 'Ceshi1', '0'),
      row(2, '"Ceshi2', '0'),
      row(3, 'Ceshi3"', '2'),
    ];
    const file = s.write('merge.csv', `${lines.join('\r\n')}\r\n`);
    const out = join(s.dir, 'merge');
    const r = runCli(['import', file, '--out', out, '--json', '--pseudonymize'], {
      TRIAGE_CONFIG_DIR: join(s.dir, 'config'),
    });
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 3, scored: 2, rejected: 1 });
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.map((row) => [row.line, row.level])).toEqual([
      ['2', ''],
      ['4', 'R3'],
    ]);
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((e) => [e._line, e._code, e._urgent])).toEqual([['3', 'IMPORT_UNTERMINATED_QUOTE', 'yes']]);
    expect(JSON.stringify(errors)).not.toMatch(/Ceshi|202501010/);
  });

  it('says a stray quote in the header line is a quote problem at line 1 and its column, not "no item columns"', () => {
    const items = ['PHQA1', 'PHQA2', 'PHQA3', 'PHQA4', 'PHQA5', 'PHQA6', 'PHQA7', 'PHQA8', 'PHQA9', 'PHQA_c', 'PHQA_d'];
    const header = ['student_id', '"name', ...items].join(',');
    const student = ['202501010001', 'Ceshi', ...items.map(() => '0')].join(',');
    const file = s.write('header-quote.csv', `${header}\r\n${student}\r\n`);
    const r = runCli(['import', file, '--out', join(s.dir, 'header-quote')], {
      TRIAGE_CONFIG_DIR: join(s.dir, 'config'),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('header-quote.csv:1: column 2: a quoted header cell never closes');
    expect(r.stderr).not.toContain('no item columns');
    expect(r.stderr).not.toContain('Ceshi');
  });
});
