import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

// 问卷星 writes `(跳过)` (text download) or `-3` (numeric download) for a question its skip logic did not show (QA round
// 11, MEDIUM-3): read as not asked, as the same cell left blank, never as an unreadable critical answer.
describe('triage import: 问卷星 skip marks', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const header =
    '学号,班级,C-SSRS 1,C-SSRS 2,C-SSRS 3,C-SSRS 4,C-SSRS 5,C-SSRS 6,C-SSRS 6b,ASQ 1,ASQ 2,ASQ 3,ASQ 4,ASQ 5';
  /** C-SSRS 1–2 no (3–5 not asked), 6 no (6b not asked); ASQ 1–4 as given, 5 as given. */
  const row = (id: string, skipped: string, asq: string, asq5: string) =>
    [id, '1班', '否', '否', skipped, skipped, skipped, '否', skipped, ...asq.split(''), asq5].join(',');

  it.each(['', '(跳过)', '（跳过）', '-3'])('reads %j as a question not asked: same levels as blank cells', (mark) => {
    const lines = [
      header,
      row('S1', mark, '否否否否', mark),
      // ASQ item 1 yes: item 5 is asked; skipped there, its answer is unknown, and that is urgent (R3).
      row('S2', mark, '是否否否', mark),
      row('S3', mark, '是否否否', '是'),
    ];
    const name = `skip-${mark.length}-${mark.codePointAt(0) ?? 0}`;
    const file = s.write(`${name}.csv`, `${lines.join('\r\n')}\r\n`);
    const out = join(s.dir, name);
    const r = runCli(['import', file, '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 3, scored: 3, rejected: 0 });
    const levels = readOutputCsv(join(out, 'results.csv')).rows.map((x) => [x.student_id, x.level]);
    expect(levels).toEqual([
      ['S1', ''],
      ['S2', 'R3'],
      ['S3', 'R4'],
    ]);
  });

  // QA round 12: a survey branch that skipped the whole screener is a student without answers, not an unknown risk.
  it('reads a row of skip marks only as no answers (IMPORT_NO_ANSWERS), never urgent', () => {
    const skipped = [
      'S1',
      '1班',
      ...header
        .split(',')
        .slice(2)
        .map(() => '-3'),
    ].join(',');
    const file = s.write('skip-all.csv', `${header}\r\n${skipped}\r\n${row('S2', '', '否否否否', '')}\r\n`);
    const out = join(s.dir, 'skip-all');
    const r = runCli(['import', file, '--out', out, '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(3);
    const [rejected] = readOutputCsv(join(out, 'errors.csv')).rows;
    expect([rejected?._line, rejected?._code, rejected?._urgent]).toEqual(['2', 'IMPORT_NO_ANSWERS', '']);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 1, rejected: 1, rejectedWithRisk: 0 });
  });

  // QA round 13: an optional person question skipped by the platform's logic cost the student their row.
  it('reads skip marks in person cells as blank: the student is scored', () => {
    const items = Array.from({ length: 9 }, (_, i) => `PHQ-9 ${i + 1}`).join(',');
    const file = s.write(
      'skip-person.csv',
      `学号,性别,年龄,班级,${items}\r\nS1,(跳过),-3,(跳过),0,0,0,0,0,0,0,0,1\r\n`,
    );
    const out = join(s.dir, 'skip-person');
    const r = runCli(['import', file, '--out', out, '--no-input'], env);
    expect(r.status, r.stderr).toBe(0);
    const [scored] = readOutputCsv(join(out, 'results.csv')).rows;
    expect([scored?.sex, scored?.age, scored?.class, scored?.level]).toEqual(['', '', '', 'R3']);
  });

  it('keeps the mark as written in errors.csv when the row is rejected for something else', () => {
    const lines = [header, row('S1', '-3', '否否否否', '-3').replace(',否,否,-3', ',否,x,-3')];
    const file = s.write('skip-rejected.csv', `${lines.join('\r\n')}\r\n`);
    const out = join(s.dir, 'skip-rejected');
    const r = runCli(['import', file, '--out', out, '--no-input'], env);
    // Its only row rejected: nothing imported, exit 1.
    expect(r.status, r.stderr).toBe(1);
    const [rejected] = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(rejected?.['C-SSRS 3']).toBe('-3');
  });
});

// QA round 14: a -3 typed into an ordinary item (not a 问卷星 file) was prorated without a word.
describe('triage import: skip marks are counted and said', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const items = Array.from({ length: 9 }, (_, i) => `PHQ-9 ${i + 1}`).join(',');

  it('says how many rows of each instrument held one, in English and Chinese; none, no word', () => {
    const lines = [
      `学号,班级,${items}`,
      'S1,1班,-3,1,1,1,1,1,1,1,0',
      'S2,1班,1,1,1,1,1,1,1,1,0',
      'S3,1班,1,(跳过),1,1,1,1,1,1,0',
    ];
    const file = s.write('typo.csv', `${lines.join('\r\n')}\r\n`);
    const r = runCli(['import', file, '--out', join(s.dir, 'typo'), '--no-input', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('PHQ-9: 2 rows hold -3 or (跳过)');
    expect(JSON.parse(r.stdout).warnings).toContainEqual(expect.stringContaining('a -3 is a typo'));
    const zh = runCli(['import', file, '--out', join(s.dir, 'typo-zh'), '--no-input', '--lang', 'zh'], env);
    expect(zh.stderr).toContain('PHQ-9：2 行含 -3 或“(跳过)”');
    const clean = s.write('clean.csv', `${lines.slice(0, 3).join('\r\n').replace('-3', '1')}\r\n`);
    const none = runCli(['import', clean, '--out', join(s.dir, 'clean'), '--no-input'], env);
    expect(none.stderr).not.toContain('跳过');
  });
});
