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

// QA round 11 MEDIUM-2: one blank ordinary item in a row otherwise at the lowest option leaves every subscale band
// decided, so the row gets the complete row's decision, not "not decided"; a blank that can tip a band still does.
describe('triage import: one blank item in a subscale instrument', () => {
  const s = scratch();
  const run = (args: readonly string[]) => runCli(args, { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
  afterAll(() => s.done());
  /** Answers by item number (1-based); every other item at `low`. */
  const row = (n: number, low: number, set: Readonly<Record<number, number | ''>>) =>
    Array.from({ length: n }, (_, i) => String(set[i + 1] ?? low));
  const cases = [
    // DASS-21 stress 0 + 3 + 2 answered, item 1 blank: 10–16 (× 2), normal or mild.
    { id: 'dass-21', n: 21, low: 0, open: { 1: '', 6: 3, 8: 2 }, openRule: 'dass-21-mild' },
    // SCL-90 somatization: eleven items at 3, item 1 blank → mean 2.83–3.17, attention or marked.
    {
      id: 'scl-90',
      n: 90,
      low: 1,
      open: { 1: '', 4: 3, 12: 3, 27: 3, 40: 3, 42: 3, 48: 3, 49: 3, 52: 3, 53: 3, 56: 3, 58: 3 },
      openRule: 'scl-90-factor-marked',
    },
    // MSSMHS depression factor (5, 13, 14, 16, 44, 57): five at 3, item 5 blank → 2.67–3.33, mild or moderate.
    { id: 'mssmhs', n: 60, low: 1, open: { 5: '', 13: 3, 14: 3, 16: 3, 44: 3, 57: 3 }, openRule: 'mssmhs-moderate' },
    // SCARED panic/somatic 6 answered, item 38 blank: 6–8 around its cut-off of 7.
    { id: 'scared-child', n: 41, low: 0, open: { 1: 2, 6: 2, 9: 2, 38: '' }, openRule: 'scared-subscale-elevated' },
    // MHT learning anxiety (items 1–15): seven yes, item 8 blank → 7 or 8, average or high.
    {
      id: 'mht',
      n: 100,
      low: 0,
      open: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: '' },
      openRule: 'mht-content-high',
    },
  ] as const;

  it.each(cases)('$id: the blank row is decided as the complete one; an open band still says "not decided"', (c) => {
    const header = ['学号', ...Array.from({ length: c.n }, (_, i) => `${c.id.toUpperCase()} ${i + 1}`)].join(',');
    const file = s.write(
      `${c.id}.csv`,
      [
        header,
        ['complete', ...row(c.n, c.low, {})].join(','),
        ['blank', ...row(c.n, c.low, { 1: '' })].join(','),
        ['open', ...row(c.n, c.low, c.open)].join(','),
      ].join('\r\n'),
    );
    const out = join(s.dir, `${c.id}-out`);
    const r = run(['import', file, '-i', c.id, '--out', out, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 3, undecided: 1 });
    const [complete, blank, open] = readOutputCsv(join(out, 'results.csv')).rows;
    expect(blank?.[`${c.id}_missing`]).toBe('1');
    expect([blank?.level, blank?.reasons]).toEqual([complete?.level, complete?.reasons]);
    expect(open?.reasons).toMatch(
      new RegExp(`not decided \\(a fact missing, e\\.g\\. blank items\\): .*${c.openRule}`),
    );
  });
});

// QA round 15, 3: ASQ item 5 (acuity) blank after a yes on items 1–4 says nothing of acuity. Synthetic students.
describe('triage import: ASQ item 5 blank after a positive screen', () => {
  const s = scratch();
  afterAll(() => s.done());
  const file = s.write(
    'asq.csv',
    ['学号,班级,ASQ1,ASQ2,ASQ3,ASQ4,ASQ5', 'A001,1班,是,否,否,否,', 'A002,1班,是,否,否,否,否'].join('\r\n'),
  );

  it('is positive of unknown acuity, not non-acute positive: category, flag and reason agree', () => {
    const out = join(s.dir, 'out');
    const r = runCli(['import', file, '--out', out, '--no-input'], { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
    expect(r.status, r.stderr).toBe(0);
    const rows = readOutputCsv(join(out, 'results.csv')).rows;
    expect(rows.map((row) => [row.student_id, row.level, row.asq_band, row.asq_flags])).toEqual([
      ['A001', 'R3', 'positive-acuity-unknown', 'asq-endorsed:positive;asq-acuity-unknown:unknown'],
      ['A002', 'R3', 'non-acute-positive', 'asq-endorsed:positive'],
    ]);
    expect(r.stdout).toContain('ASQ positive, acuity unknown (item 5 not answered)');
  });
});
