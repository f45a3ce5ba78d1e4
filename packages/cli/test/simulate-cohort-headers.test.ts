import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SimulateCohortResult } from '../src/simulate/cohort-run.ts';
import { workbookParts, writeZip } from '../src/xlsx/zip-fixture.ts';
import { runCli, scratch } from './run-cli.ts';

// What `triage import` does with the headers of classes pasted one under the other, and with students' rows above the
// header (import-header-layouts.test.ts), `triage simulate cohort` does too: the same rows read, by the same columns.
// Synthetic students, a handful of rows.

const PERSON = ['学号', '姓名', '性别', '年龄', '班级'];
const PHQ9 = Array.from({ length: 9 }, (_, i) => `PHQ9_${i + 1}`);
const GAD7 = Array.from({ length: 7 }, (_, i) => `GAD7_${i + 1}`);
const PHQA = '123456789cd'.split('').map((n) => `PHQA${n}`);
// Names and student ids: never printed.
const NAMES = ['甲', '乙', '丙', '丁', '学生1', '学生3', 'A001', 'B002', '2025010001'];
const csv = (lines: readonly (readonly string[])[]) => `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
const digits = (answers: string) => answers.split('');
const START = '2026-09-01';

const s = scratch();
const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
afterAll(() => s.done());
const cohort = (file: string, more: readonly string[] = []) => {
  const r = runCli(['simulate', 'cohort', '--input', file, '--start', START, '--no-input', ...more], env);
  for (const name of NAMES) {
    expect(r.stdout).not.toContain(name);
    expect(r.stderr).not.toContain(name);
  }
  return r;
};
const json = (file: string, more: readonly string[] = []) => {
  const r = cohort(file, [...more, '--json']);
  return { ...r, result: JSON.parse(r.stdout) as SimulateCohortResult };
};

describe('triage simulate cohort: a class pasted below under a header in another layout', () => {
  // Class 1 with PHQ-9 before GAD-7; class 2 with GAD-7 before PHQ-9: B001 answers 3 to every GAD-7 item (R2), B002 2
  // to PHQ-9 item 9 (R3). Read by the first header's columns, B002's item 9 would be GAD-7's item 7 and lost.
  const reordered = [
    [...PERSON, ...PHQ9, ...GAD7],
    ['A001', '甲', '男', '15', '1班', ...digits('0000000000000000')],
    [...PERSON, ...GAD7, ...PHQ9],
    ['B001', '乙', '女', '15', '2班', ...digits('3333333000000000')],
    ['B002', '丙', '女', '15', '2班', ...digits('0000000000000002')],
    [...PERSON, ...GAD7, ...PHQ9],
    ['C001', '丁', '男', '15', '3班', ...digits('0000000000000002')],
  ];

  it('reads the rows under it by its own columns, as triage import does, and skips the same header again', () => {
    const file = s.write('stack.csv', csv(reordered));
    const { status, stderr, result } = json(file);
    expect(status, stderr).toBe(0);
    expect(result.counts).toEqual({ rows: 4, scored: 4, rejected: 0 });
    expect(result.projection.cohort.levels).toMatchObject({ R3: 2, R2: 1, none: 1 });
    expect(stderr).toContain('a header in another layout on line 3');
    const imported = JSON.parse(runCli(['import', file, '--dry-run', '--json'], env).stdout) as {
      levels: Record<string, number>;
    };
    expect(result.projection.cohort.levels).toEqual({ ...imported.levels });
  });

  it('does so in a workbook too', async () => {
    const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const data = reordered
      .map(
        (cells, l) =>
          `<row r="${l + 1}">${cells.map((v, i) => cell(`${String.fromCharCode(65 + i)}${l + 1}`, v)).join('')}</row>`,
      )
      .join('');
    const file = join(s.dir, 'stack.xlsx');
    await writeZip(file, workbookParts({ sheets: [{ name: '初一年级', data }] }));
    const { status, stderr, result } = json(file);
    expect(status, stderr).toBe(0);
    expect(result.counts).toEqual({ rows: 4, scored: 4, rejected: 0 });
    expect(result.projection.cohort.levels).toMatchObject({ R3: 2, R2: 1, none: 1 });
    expect(stderr).toContain('[初一年级]: a header in another layout on line 3');
  });

  it('says it in Chinese', () => {
    const r = cohort(join(s.dir, 'stack.csv'), ['--lang', 'zh']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('第 3 行是另一种排列的表头');
  });

  // Class 2's template has PHQA_a, PHQA_b and only five GAD-7 items: it cannot be read as PHQ-A + GAD-7, though its
  // rows are as wide. Class 3 is under the first header again.
  const unmappable = [
    [...PERSON, ...PHQA, ...GAD7],
    ['A001', '甲', '男', '15', '1班', ...digits('000000000000000000')],
    [...PERSON, ...'123456789abcd'.split('').map((n) => `PHQA${n}`), ...GAD7.slice(0, 5)],
    ['B001', '乙', '女', '15', '2班', ...digits('000000000000000000')],
    ['B002', '丙', '女', '15', '2班', ...digits('000000000110000000')],
    [...PERSON, ...PHQA, ...GAD7],
    ['C001', '丁', '男', '15', '3班', ...digits('000000002000000000')],
  ];

  it('reads no row under a header that cannot be read as the file’s instruments, until a header that can', () => {
    const file = s.write('unmappable.csv', csv(unmappable));
    const { status, stderr, result } = json(file);
    expect(status, stderr).toBe(3);
    // As `triage import` counts them: the header and the two rows under it rejected; class 3 read, item 9 = 2.
    expect(result.counts).toEqual({ rows: 5, scored: 2, rejected: 3 });
    expect(result.projection.cohort.levels).toMatchObject({ R3: 1, none: 1 });
    const said = 'the header on line 3 cannot be read as this sheet’s instruments'.replace('’', "'");
    expect(result.warnings.filter((w) => w.includes(said))).toHaveLength(1);
    expect(stderr).toContain(said);
    const imported = JSON.parse(runCli(['import', file, '--dry-run', '--json'], env).stdout) as {
      counts: { rows: number; scored: number; rejected: number };
    };
    expect(imported.counts).toMatchObject(result.counts);
  });

  it('says the rows under it in Chinese', () => {
    const r = cohort(join(s.dir, 'unmappable.csv'), ['--lang', 'zh']);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain('第 3 行的表头无法按本工作表的量表读取');
  });
});

describe('triage simulate cohort: students’ rows above the header', () => {
  const student = (n: number, answers: string) => [
    `202501000${n}`,
    `学生${n}`,
    '女',
    '14',
    '初二1班',
    ...digits(answers),
  ];
  // A title, two students (one with item 9 = 3) above the header, as an Excel sort leaves them; three below.
  const lines = [
    ['初二年级心理筛查'],
    student(1, '11111111300'),
    student(2, '11111111000'),
    [...PERSON, ...PHQA],
    student(3, '11111111000'),
    student(4, '11111111000'),
    student(5, '11111111000'),
  ];

  it('counts them as not read (rejected, exit 3) and warns, the title skipped', () => {
    const file = s.write('above.csv', csv(lines));
    const { status, stderr, result } = json(file);
    expect(status, stderr).toBe(3);
    expect(result.counts).toEqual({ rows: 5, scored: 3, rejected: 2 });
    const said = "2 rows above the header (line 4) hold a student's answers";
    expect(result.warnings.filter((w) => w.includes(said))).toHaveLength(1);
    expect(stderr).toContain(said);
    const imported = JSON.parse(runCli(['import', file, '--dry-run', '--json'], env).stdout) as {
      counts: { rows: number; scored: number; rejected: number };
    };
    expect(imported.counts).toMatchObject(result.counts);
  });

  it('says so in Chinese', () => {
    const r = cohort(join(s.dir, 'above.csv'), ['--lang', 'zh']);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain('表头（第 4 行）上方有 2 行是学生的作答');
  });
});

describe('triage simulate cohort: a config folder that cannot hold the pseudonym key', () => {
  const file = () =>
    s.write(
      'one.csv',
      csv([
        [...PERSON, ...PHQA],
        ['A001', '甲', '男', '15', '1班', ...digits('00000000000')],
      ]),
    );

  it('says it as triage import does (CLI_CONFIG, exit 1), not as an internal error', () => {
    // A folder where the key file would be: it cannot be read.
    const config = join(s.dir, 'folder-key');
    mkdirSync(join(config, 'pseudonym.key'), { recursive: true });
    const r = runCli(['simulate', 'cohort', '--input', file(), '--start', START, '--json'], {
      TRIAGE_CONFIG_DIR: config,
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'CLI_CONFIG', exitCode: 1 });
    expect(r.stderr).toContain(`cannot keep the pseudonym key in the config folder ${config} (EISDIR)`);
    expect(r.stderr).not.toContain('internal error');
  });

  it('says a damaged key file as triage import does (CLI_CONFIG, exit 1), and leaves it as it is', () => {
    const config = join(s.dir, 'damaged-key');
    mkdirSync(config, { recursive: true });
    s.write('damaged-key/pseudonym.key', 'not a key\n');
    const r = runCli(['simulate', 'cohort', '--input', file(), '--start', START, '--json'], {
      TRIAGE_CONFIG_DIR: config,
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'CLI_CONFIG', exitCode: 1 });
    expect(r.stderr).toContain('pseudonym.key in the config folder');
    expect(r.stderr).toContain('is damaged');
    expect(r.stderr).not.toContain('internal error');
  });

  it('projects with a key for this run only when a file stands where the config folder would be', () => {
    const config = join(s.write('config-file', 'not a folder'), 'triage');
    const r = runCli(['simulate', 'cohort', '--input', file(), '--start', START], { TRIAGE_CONFIG_DIR: config });
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('triage simulate cohort: titles, statistics rows and a header of two rows between classes', () => {
  it('sets aside class titles and 合计 rows and skips a two-row header again, as triage import does', () => {
    const blanks = (n: number) => Array.from({ length: n }, () => '');
    const group = [...blanks(PERSON.length), 'PHQ-A', ...blanks(PHQA.length - 1)];
    const names = [...PERSON, ...'123456789cd'.split('')];
    const lines = [
      group,
      names,
      ['A001', '甲', '男', '15', '1班', ...digits('00000000000')],
      ['合计', ...blanks(PERSON.length - 1), ...digits('00000000000')],
      ['初一(2)班', ...blanks(PERSON.length + PHQA.length - 1)],
      group,
      names,
      ['B002', '乙', '女', '15', '2班', ...digits('00000000200')],
    ];
    const file = s.write('titled-two-rows.csv', csv(lines));
    const { status, stderr, result } = json(file);
    expect(status, stderr).toBe(0);
    expect(result.counts).toEqual({ rows: 2, scored: 2, rejected: 0 });
    expect(result.projection.cohort.levels).toMatchObject({ R3: 1 });
    const imported = JSON.parse(runCli(['import', file, '--dry-run', '--json'], env).stdout) as {
      counts: Record<string, number>;
    };
    expect(imported.counts).toMatchObject({ scored: 2, rejected: 0, summaryRows: 1, titleRows: 1, headerRows: 2 });
  });
});

// QA round 11: the projection left out rejected rows showing a positive critical item without a word; the import
// warns of them as urgent.
describe('triage simulate cohort: rejected rows that may hide a risk', () => {
  it('warns of them in the same count as triage import, in English and Chinese', () => {
    const lines = [
      [...PERSON, ...PHQA],
      ['A001', '甲', '男', '15', '1班', ...digits('00000000000')],
      // Item 9 = 2, rejected for its age.
      ['A002', '乙', '女', 'x', '1班', ...digits('00000000200')],
      // Item c unreadable: unknown, urgent.
      ['A003', '丙', '女', '14', '1班', ...digits('000000000'), '?', '0'],
      // Rejected, no critical item: not urgent.
      ['A004', '丁', '男', 'x', '1班', ...digits('00000000000')],
    ];
    const file = s.write('rejected-risk.csv', csv(lines));
    const { status, stderr, result } = json(file);
    expect(status, stderr).toBe(3);
    expect(result.counts).toEqual({ rows: 4, scored: 1, rejected: 3 });
    expect(stderr).toContain('2 rejected rows show a positive or unanswered critical item: not projected, and urgent');
    expect(result.warnings).toContainEqual(expect.stringContaining('2 rejected rows show'));
    const imported = JSON.parse(runCli(['import', file, '--dry-run', '--json'], env).stdout) as {
      counts: { rejectedWithRisk: number };
    };
    expect(imported.counts.rejectedWithRisk).toBe(2);
    expect(cohort(file, ['--lang', 'zh']).stderr).toContain('2 个被拒收的行含阳性或未作答的危机条目');
  });
});

// QA round 16, MEDIUM: the projection read a file coded 1–4 as 0–3 (29 students at R3 instead of 3) without the hint
// triage import gives, and said nothing of 问卷星's skip marks.
describe('triage simulate cohort: what import says of the answers', () => {
  it('says a file looks coded from 1, and counts rows with skip marks, as import does', () => {
    const lines = [
      [...PERSON, ...PHQA],
      // Coded 1–4: no 0 anywhere, and 4s.
      ['A001', '甲', '男', '15', '1班', ...digits('12341111111')],
      ['A002', '乙', '女', '15', '1班', ...digits('41111111111')],
      // A skip mark on an ordinary item.
      ['A003', '丙', '女', '14', '1班', '-3', ...digits('1111111111')],
    ];
    const file = s.write('coded-from-1.csv', csv(lines));
    const { stderr, result } = json(file);
    expect(stderr).toContain('PHQ-A: no answer uses the lowest option');
    expect(stderr).toContain('PHQ-A: 1 row holds -3 or (跳过)');
    expect(result.warnings).toContainEqual(expect.stringContaining('the file looks coded from 1'));
    const imported = runCli(['import', file, '--dry-run'], env);
    expect(imported.stderr).toContain('PHQ-A: no answer uses the lowest option');
  });
});
