import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

const GAD = ['GAD7_1', 'GAD7_2', 'GAD7_3', 'GAD7_4', 'GAD7_5', 'GAD7_6', 'GAD7_7'];

describe('triage import: cells written back to results.csv and errors.csv', () => {
  const s = scratch();
  let results: ReturnType<typeof readOutputCsv>;
  let errors: ReturnType<typeof readOutputCsv>;
  beforeAll(() => {
    const lines = [
      `学号,姓名,性别,班级,${GAD.join(',')}`,
      '20250001,Ceshi Yi,男,-1,1,1,1,1,1,1,1',
      '20250002,Ceshi Er,女,-A1,1,1,1,1,1,1,1',
      '20250003,Ceshi San,女,+1,1,1,1,1,1,1,1',
      '20250004,Ceshi Si,男,=1,1,1,1,1,1,1,1',
      // 问卷星 writes -3 for a question skipped by its logic: not asked (GAD-7 prorated over six items), scored.
      '20250005,Ceshi Wu,女,@SUM(1),-3,1,1,1,1,1,1',
      '20250006,Ceshi Liu,男,-0.5,-1+1,1,1,1,1,1,1',
    ];
    const file = s.write('cells.csv', `${lines.join('\n')}\n`);
    const out = join(s.dir, 'out');
    const r = runCli(['import', file, '--out', out], { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
    expect(r.status, r.stderr).toBe(3);
    results = readOutputCsv(join(out, 'results.csv'));
    errors = readOutputCsv(join(out, 'errors.csv'));
  });
  afterAll(() => s.done());

  it('writes a plain number with a sign as it is, and defuses every other cell that could start a formula', () => {
    expect(results.rows.map((row) => [row.line, row.class])).toEqual([
      ['2', '-1'],
      ['3', "'-A1"],
      ['4', '+1'],
      ['6', "'@SUM(1)"],
    ]);
    expect(errors.rows.map((row) => [row._line, row.班级, row.GAD7_1])).toEqual([
      // A formula in a class cell is rejected (saved without its value), and written back defused.
      ['5', "'=1", '1'],
      ['7', '-0.5', "'-1+1"],
    ]);
  });
});
