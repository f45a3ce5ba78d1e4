import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

// GAD-7 allows no blank item: with one, there is no total, and what the answered items prove is what counts.
describe('triage import: rows with blank items', () => {
  const s = scratch();
  const run = (args: readonly string[]) => runCli(args, { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
  afterAll(() => s.done());
  const header = `学号,${Array.from({ length: 7 }, (_, i) => `GAD7_${i + 1}`).join(',')}`;
  const file = s.write(
    'blanks.csv',
    [
      header,
      '1001,1,1,1,0,0,0,', // 3–6: minimal or mild, nothing proven
      '1002,3,3,3,3,3,3,', // 18–21: severe whatever item 7 is
      '1003,3,3,3,0,0,0,', // 9–12: at least mild
      '1004,0,0,0,0,0,0,0', // complete, minimal
    ].join('\r\n'),
  );

  it('levels what the answered items prove, and says "not decided" where they prove nothing', () => {
    const r = run(['import', file, '--out', join(s.dir, 'out'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 4, undecided: 1 });
    const rows = readOutputCsv(join(s.dir, 'out', 'results.csv')).rows;
    expect(rows.map((row) => [row.student_id, row.level, row['gad-7_band']])).toEqual([
      ['1001', '', ''],
      ['1002', 'R2', 'severe'],
      ['1003', 'R1', ''],
      ['1004', '', 'minimal'],
    ]);
    expect(rows[0]?.reasons).toMatch(/^not decided \(a fact missing, e\.g\. blank items\): gad-7-minimal, gad-7-mild/);
    expect(rows[2]?.reasons).toContain('at least mild');
    expect(rows[3]?.reasons).toBe('GAD-7 minimal (total 0–4)');
    expect(r.stderr).toContain('1 scored row has no level only because blank items leave a band open');
  });

  it('says it in Chinese too', () => {
    const r = run(['import', file, '--out', join(s.dir, 'zh'), '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stderr + r.stdout).toContain('1 个已计分的行没有等级，只是因为空白条目使分级无法确定');
    expect(readOutputCsv(join(s.dir, 'zh', 'results.csv')).rows[0]?.reasons).toContain(
      '未能判定（缺少信息，如空白条目）',
    );
  });
});
