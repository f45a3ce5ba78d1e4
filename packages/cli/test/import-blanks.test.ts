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
      '1005,3,3,1,0,0,0,', // 7–10: at least mild, moderate still open
    ].join('\r\n'),
  );

  it('levels what the answered items prove, and says "not decided" where more could be true', () => {
    const r = run(['import', file, '--out', join(s.dir, 'out'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 5, undecided: 3 });
    const rows = readOutputCsv(join(s.dir, 'out', 'results.csv')).rows;
    expect(rows.map((row) => [row.student_id, row.level, row['gad-7_band']])).toEqual([
      ['1001', '', ''],
      ['1002', 'R2', 'severe'],
      ['1003', 'R1', ''],
      ['1004', '', 'minimal'],
      ['1005', 'R1', ''],
    ]);
    expect(rows[0]?.reasons).toMatch(/^not decided \(a fact missing, e\.g\. blank items\): gad-7-minimal, gad-7-mild/);
    // At least mild (R1) proven; moderate (R2) neither proven nor ruled out: said, and counted.
    expect(rows[2]?.reasons).toContain('at least mild');
    expect(rows[4]?.reasons).toMatch(
      /at least mild.*; not decided \(a fact missing, e\.g\. blank items\): .*gad-7-moderate/,
    );
    // Severe whatever item 7 is, and a complete row: nothing left open.
    expect(rows[1]?.reasons).not.toContain('not decided');
    expect(rows[3]?.reasons).toBe('GAD-7 minimal (total 0–4)');
    expect(r.stderr).toContain('3 scored rows have no level, or a level blank items may keep too low');
  });

  it('says it in Chinese too', () => {
    const r = run(['import', file, '--out', join(s.dir, 'zh'), '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stderr + r.stdout).toContain('3 个已计分的行因空白条目使分级无法确定');
    expect(readOutputCsv(join(s.dir, 'zh', 'results.csv')).rows[0]?.reasons).toContain(
      '未能判定（缺少信息，如空白条目）',
    );
  });
});

// A CSV saved from a sheet where 缺考 was merged across an absent student's answers keeps it in the first answer cell,
// the rest blank. Synthetic students.
describe('triage import: a word for absence in the first answer cell of a CSV', () => {
  const s = scratch();
  const run = (args: readonly string[]) => runCli(args, { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
  afterAll(() => s.done());
  const items = '123456789abcd'.split('');
  const blanks = (n: number) => Array(n).fill('');
  const file = s.write(
    'absent.csv',
    [
      ['学号', '性别', '班级', ...items.map((n) => `PHQA${n}`)],
      ['2025001', '女', '初一(1)班', ...Array(13).fill('0')],
      ['2025003', '男', '初一(1)班', '缺考', ...blanks(12)],
      ['2025004', '女', '初一(1)班', '请假', ...blanks(12)],
      // One answer, every critical item blank: a student whose risk is unknown, never one who was absent.
      ['2025005', '男', '初一(1)班', '1', ...blanks(12)],
      // The word beside an answer: not a note for a student who did not come.
      ['2025006', '女', '初一(1)班', '缺考', '2', ...blanks(11)],
    ]
      .map((cells) => cells.join(','))
      .join('\r\n'),
  );

  it('reads it as no answers (IMPORT_NO_ANSWERS, not urgent); a row with any answer stays urgent', () => {
    const out = join(s.dir, 'out');
    const r = run(['import', file, '--out', out, '--json']);
    expect(r.status, r.stderr).toBe(3);
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(errors.find((e) => e.学号 === '2025003')).toMatchObject({ _code: 'IMPORT_NO_ANSWERS', _urgent: '' });
    expect(errors.find((e) => e.学号 === '2025004')).toMatchObject({ _code: 'IMPORT_NO_ANSWERS', _urgent: '' });
    expect(errors.find((e) => e.学号 === '2025006')).toMatchObject({ _code: 'SCALES_UNKNOWN_LABEL', _urgent: 'yes' });
    // Scored, its blank critical items unknown: escalated, on the follow-up list.
    const one = results.find((row) => row.student_id === '2025005');
    expect(one?.['phq-a_flags']).toContain(':unknown');
    expect(['R3', 'R4']).toContain(one?.level);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 5, scored: 2, rejected: 3, rejectedWithRisk: 1 });
  });
});
