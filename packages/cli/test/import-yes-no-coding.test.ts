import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

// QA round 16, HIGH: 问卷星's 按序号 download numbers every option from 1 in the order the form lists it, and Chinese
// forms often list 是 before 否 (是 = 1). Read under --coding one-based as 否 = 1, the one student who said yes to
// PHQ-A c and d lost both flags, and every student who said no was flagged. A yes/no question's number is never read
// under a shifted coding: its text is. Synthetic students.
describe('triage import: yes/no questions under --coding one-based', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const header = '学号,班级,PHQA1,PHQA2,PHQA3,PHQA4,PHQA5,PHQA6,PHQA7,PHQA8,PHQA9,PHQA_c,PHQA_d';

  it('rejects c and d given as numbers, urgent, and says to export the answers as text', () => {
    // Items 1–9 coded 1–4; c and d as the form's option numbers (是 = 1, 否 = 2 here, which nothing in the file says).
    const lines = [header, 'S1,1班,1,1,1,1,1,1,1,1,1,1,1', 'S2,1班,4,1,1,1,1,1,1,1,1,2,2'];
    const file = s.write('numbers.csv', `${lines.join('\r\n')}\r\n`);
    const out = join(s.dir, 'numbers');
    const r = runCli(['import', file, '--out', out, '--no-input', '--coding', 'one-based', '--json'], env);
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 0, rejected: 2, rejectedWithRisk: 2 });
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((e) => [e._line, e._code, e._urgent])).toEqual([
      ['2', 'SCALES_YES_NO_NUMBER', 'yes'],
      ['3', 'SCALES_YES_NO_NUMBER', 'yes'],
    ]);
    expect(errors[0]?._message).toContain('export the answers as option text');
    // Without --coding, the hint that suggests it says so for an instrument with yes/no questions.
    const hint = runCli(['import', file, '--out', join(s.dir, 'hint'), '--no-input'], env);
    expect(hint.stderr).toContain('--coding one-based (its yes/no questions are then read only as text');
  });

  it('reads c and d given as text in the same file, with items 1–9 coded 1–4', () => {
    const lines = [header, 'S1,1班,1,1,1,1,1,1,1,1,1,是,是', 'S2,1班,2,1,1,1,1,1,1,1,1,否,否'];
    const file = s.write('text.csv', `${lines.join('\r\n')}\r\n`);
    const out = join(s.dir, 'text');
    const r = runCli(['import', file, '--out', out, '--no-input', '--coding', 'one-based'], env);
    expect(r.status, r.stderr).toBe(0);
    const rows = readOutputCsv(join(out, 'results.csv')).rows;
    expect(rows.map((row) => [row.student_id, row['phq-a_total'], row['phq-a_flags']])).toEqual([
      ['S1', '0', 'serious-suicidal-ideation:positive;lifetime-suicide-attempt:positive'],
      ['S2', '1', ''],
    ]);
  });
});
