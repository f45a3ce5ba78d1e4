import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LevelOrNone } from '@triage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/csv/read-csv.ts';
import { pseudonymOf } from '../src/import/pseudonym.ts';
import type { SimulateCohortResult } from '../src/simulate/cohort-run.ts';
import { workbookParts, writeZip } from '../src/xlsx/zip-fixture.ts';
import { runCli, scratch } from './run-cli.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const screenings = join(root, 'examples/screenings');
const example = join(root, 'examples/simulate/school-cohort');
const stricter = join(example, 'stricter.yaml');
const START = '2026-09-01';
const LEVELS: readonly LevelOrNone[] = ['none', 'R0', 'R1', 'R2', 'R3', 'R4'];

const s = scratch();
const config = join(s.dir, 'config');
const KEY = Buffer.alloc(32, 7);
mkdirSync(config, { recursive: true });
writeFileSync(join(config, 'pseudonym.key'), `${KEY.toString('hex')}\n`, { mode: 0o600 });
const run = (args: readonly string[]) => runCli(['simulate', 'cohort', ...args], { TRIAGE_CONFIG_DIR: config });
const json = (args: readonly string[]) => {
  const r = run([...args, '--json']);
  return { ...r, result: JSON.parse(r.stdout) as SimulateCohortResult };
};
afterAll(() => s.done());

/** The rows of an example CSV (UTF-8, BOM or not) by header. */
function rowsOf(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const [head, ...records] = [...readCsv(text, { delimiter: ',' })];
  const header = [...(head?.fields ?? [])];
  return records
    .filter((r) => r.fields.some((f) => f !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
}

/** Students the stricter rule moves: PHQ-A total ≥ 10 without a suicide item (which makes them R3 already). */
function expectedRaised(path: string): string[] {
  return rowsOf(path)
    .filter((r) => {
      const total = [1, 2, 3, 4, 5, 6, 7, 8, 9].reduce((sum, i) => sum + Number(r[`PHQA${i}`]), 0);
      return total >= 10 && r.PHQA9 === '0' && r.PHQA_c === '0' && r.PHQA_d === '0';
    })
    .map((r) => pseudonymOf(KEY, r.student_id as string))
    .sort();
}

const sumMatrix = (m: Readonly<Record<LevelOrNone, Readonly<Record<LevelOrNone, number>>>>) =>
  LEVELS.reduce((sum, from) => sum + LEVELS.reduce((t, to) => t + m[from][to], 0), 0);

describe('triage simulate cohort on the class of 40', () => {
  const file = join(screenings, 'class-40.en.csv');

  it('projects with the default rules: the same levels as triage import, the default schedules', () => {
    const { status, result } = json(['--input', file, '--start', START]);
    expect(status).toBe(0);
    expect(result.counts).toEqual({ rows: 40, scored: 40, rejected: 0 });
    expect(result.rules.id).toBe('default');
    const imported = JSON.parse(
      runCli(['import', file, '--dry-run', '--json'], { TRIAGE_CONFIG_DIR: config }).stdout,
    ) as { levels: Record<string, number> };
    expect(result.projection.cohort.levels).toEqual({ ...imported.levels });
    const p = result.projection;
    expect(p.weeks).toBe(12);
    expect(p.weekly[0]?.from).toBe(START);
    // Week 1: the R3 students' 24 h and 72 h follow-ups; R2 and R1 start in weeks 2 and 3.
    expect(p.weekly[0]?.followUps).toEqual({ R0: 0, R1: 0, R2: 0, R3: 2 * p.cohort.levels.R3, R4: 0 });
    const { R1, R2, R3 } = p.cohort.levels;
    expect(p.totals.referrals).toBe(R2 + R3);
    expect(p.totals.followUps).toBe(6 * R3 + 4 * R2 + R1);
    expect(p.totals.staffHours).toBeCloseTo((R3 * 25 * 7 + R2 * 15 * 5 + R1 * 10 * 2) / 60, 3);
  });

  it('refuses an instrument named by --instrument when none of its columns is found, as triage import does', () => {
    const r = run(['--input', file, '--start', START, '-i', 'phq-a,gad-7,sds']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('class-40.en.csv:1: no column for SDS items 1, 2, 3');
  });

  it('prints the weekly table and never a name or a student id', () => {
    const r = run(['--input', file, '--start', START, '--compare', stricter]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/week\s+from\s+new cases\s+referrals\s+follow-ups/);
    expect(r.stdout).toContain('Level changes (rows: default, columns: stricter)');
    for (const row of rowsOf(file)) {
      expect(r.stdout + r.stderr).not.toContain(row.name);
      expect(r.stdout + r.stderr).not.toContain(row.student_id);
    }
    expect(r.stderr).toContain('40 rows read, 40 scored');
  });

  it('compares with a stricter rule file: PHQ-A ≥ 10 moves from R2 to R3, and nobody else moves', () => {
    const { status, result } = json(['--input', file, '--start', START, '--compare', stricter]);
    expect(status).toBe(0);
    const c = result.compare;
    if (!c) throw new Error('no comparison');
    expect(c.rules.id).toBe('stricter');
    const raised = expectedRaised(file);
    expect(raised.length).toBeGreaterThan(0);
    expect(c.changed.map((x) => x.id).sort()).toEqual(raised);
    expect(c.changed.every((x) => x.from === 'R2' && x.to === 'R3')).toBe(true);
    expect(c.transitions.R2.R3).toBe(raised.length);
    expect(sumMatrix(c.transitions)).toBe(40);
    expect(c.changes).toEqual({ raised: raised.length, lowered: 0, unchanged: 40 - raised.length });
    // R3 has six follow-ups, R2 four: two more each; the R3 case closes two weeks sooner.
    expect(c.delta.totals.followUps).toBe(2 * raised.length);
    expect(c.delta.weekly[0]?.followUps).toBe(2 * raised.length);
    expect(c.delta.weekly[6]?.followUps).toBe(-raised.length);
    expect(c.delta.totals.referrals).toBe(0);
  });

  it('gives zero delta for a rule file compared with itself', () => {
    const { result } = json(['--input', file, '--start', START, '--rules', stricter, '--compare', stricter]);
    const c = result.compare;
    expect(c?.changed).toEqual([]);
    expect(Object.values(c?.delta.totals ?? { x: 1 }).every((d) => d === 0)).toBe(true);
    expect(c?.delta.weekly.every((w) => w.contacts === 0 && w.staffHours === 0 && w.openCases === 0)).toBe(true);
  });

  it('reads the GB18030 file with Chinese headers and text answers to the same projection', () => {
    const en = json(['--input', file, '--start', START]).result.projection;
    const zh = json(['--input', join(screenings, 'class-40.zh.gb18030.csv'), '--start', START, '--lang', 'zh']);
    expect(zh.status).toBe(0);
    expect(zh.result.input.encoding).toBe('gb18030');
    expect(zh.result.projection).toEqual(en);
    const text = run(['--input', join(screenings, 'class-40.zh.gb18030.csv'), '--start', START, '--lang', 'zh']);
    expect(text.stdout).toContain('在案个案');
  });

  it('takes a no-answer rate, handle times, weeks and the referral level', () => {
    const { status, result } = json([
      '--input',
      file,
      '--start',
      START,
      '--weeks',
      '4',
      '--no-answer-rate',
      '0.2',
      '--handle-time',
      'R3=30,no-answer=3',
      '--referral-from',
      'R3',
    ]);
    expect(status).toBe(0);
    const p = result.projection;
    expect(p.weekly).toHaveLength(4);
    expect(p.totals.retries).toBeGreaterThan(0);
    expect(p.beyond.followUps).toBeGreaterThan(0);
    expect(p.totals.referrals).toBe(p.cohort.levels.R3 + p.cohort.levels.R4);
    expect(p.settings.handleMinutes.assessment.R3).toBe(30);
    expect(p.settings.handleMinutes.followUp.R3).toBe(30);
    expect(p.settings.handleMinutes.noAnswer).toBe(3);
  });
});

describe('triage simulate cohort on other inputs', () => {
  it('reads a workbook, every sheet', () => {
    const { status, result } = json(['--input', join(screenings, 'grade-7.xlsx'), '--start', START]);
    expect(status).toBe(0);
    expect(result.input.kind).toBe('xlsx');
    expect(result.counts.scored).toBe(105);
    expect(
      sumMatrix(
        json(['--input', join(screenings, 'grade-7.xlsx'), '--start', START, '--compare', stricter]).result.compare
          ?.transitions ?? ({} as never),
      ),
    ).toBe(105);
  });

  it('skips a title above the header, as triage import does', () => {
    const csv = readFileSync(join(screenings, 'class-40.en.csv'), 'utf8');
    const file = join(s.dir, 'titled.csv');
    writeFileSync(file, `某某中学2025年秋季心理健康筛查\n${csv}`);
    const titled = json(['--input', file, '--start', START]);
    const plain = json(['--input', join(screenings, 'class-40.en.csv'), '--start', START]);
    expect(titled.status).toBe(0);
    expect(titled.result.counts).toEqual(plain.result.counts);
    expect(titled.result.counts.scored).toBe(40);
    // A header of two rows, a group row over the item numbers.
    const two = join(s.dir, 'two-rows.csv');
    writeFileSync(
      two,
      '学号,性别,GAD-7,GAD-7,GAD-7,GAD-7,GAD-7,GAD-7,GAD-7\n,,1,2,3,4,5,6,7\n2025001,男,0,1,2,3,0,1,2\n',
    );
    const grouped = json(['--input', two, '--start', START]);
    expect(grouped.status).toBe(0);
    expect(grouped.result.counts.scored).toBe(1);
  });

  it('leaves a hidden option list and instructions unread, reads a hidden class, as triage import does, and says so', async () => {
    const cells = (rows: readonly (readonly string[])[]) =>
      rows
        .map(
          (row, r) =>
            `<row r="${r + 1}">${row.map((v, c) => `<c r="${String.fromCharCode(65 + (c % 26)).repeat(1 + Math.floor(c / 26))}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`,
        )
        .join('');
    const [header, ...rows] = [
      ...readCsv(readFileSync(join(screenings, 'class-40.en.csv'), 'utf8'), { delimiter: ',' }),
    ];
    const klass = [header, ...rows.slice(0, 10)].map((r) => [...(r?.fields ?? [])]);
    const file = join(s.dir, 'helpers.xlsx');
    await writeZip(
      file,
      workbookParts({
        sheets: [
          {
            name: '填写说明',
            data: cells([['本表用于初一年级心理健康筛查'], ['请在各班工作表中填写'], ['学号请设置为文本格式']]),
          },
          { name: '初一(1)班', data: cells(klass) },
          { name: '选项', data: cells([['完全不会'], ['好几天'], ['一半以上的天数'], ['几乎每天']]), state: 'hidden' },
        ],
      }),
    );
    const { status, result, stderr } = json(['--input', file, '--start', START]);
    expect(status, stderr).toBe(0);
    expect(result.counts).toEqual({ rows: 10, scored: 10, rejected: 0 });
    expect(result.input).toMatchObject({
      kind: 'xlsx',
      sheets: ['初一(1)班'],
      skipped: [
        { sheet: '选项', rows: 4, reason: 'hidden' },
        { sheet: '填写说明', rows: 3, reason: 'no-columns' },
      ],
    });
    expect(stderr).toContain('sheet "选项" (4 rows) not read: the workbook hides it');
    expect(stderr).toContain('sheet "填写说明" (3 rows) not read: no column of it is recognised');
    // --json carries the warnings the terminal shows, in its words.
    expect(result.warnings).toHaveLength(2);
    for (const w of result.warnings) expect(stderr).toContain(`Warning: ${w}\n`);
    expect(result.warnings[0]).toMatch(/^sheet "选项" \(4 rows\) not read: the workbook hides it/);
    // Named with --sheet, an instruction sheet is read (and its lines rejected), as in triage import.
    const named = json(['--input', file, '--start', START, '--sheet', '初一(1)班', '--sheet', '填写说明']);
    expect(named.status).toBe(3);
    expect(named.stderr).not.toContain('not read');
    // A hidden sheet holding a class (its header maps like the visible one's) is read, as in triage import.
    const hiddenClass = join(s.dir, 'hidden-class.xlsx');
    await writeZip(
      hiddenClass,
      workbookParts({
        sheets: [
          { name: '初一(1)班', data: cells(klass) },
          { name: '初一(2)班', data: cells([klass[0] ?? [], ...klass.slice(1, 4)]), state: 'hidden' },
        ],
      }),
    );
    const read = json(['--input', hiddenClass, '--start', START]);
    expect(read.status, read.stderr).toBe(0);
    expect(read.result.counts).toEqual({ rows: 13, scored: 13, rejected: 0 });
    expect(read.result.input).toMatchObject({ sheets: ['初一(1)班', '初一(2)班'], hiddenRead: ['初一(2)班'] });
    expect(read.result.warnings[0]).toMatch(/^sheet "初一\(2\)班" is hidden in the workbook but read as a class/);
  });

  it('projects the rows it can score and exits 3 when some rows are rejected', () => {
    const { status, result } = json(['--input', join(screenings, 'messy.csv'), '--start', START]);
    expect(status).toBe(3);
    expect(result.counts.rejected).toBeGreaterThan(0);
    expect(result.projection.cohort.size).toBe(result.counts.scored);
  });

  it('explains bad flags (exit 2) and a missing file (exit 1, error in --json)', () => {
    const file = join(screenings, 'class-40.en.csv');
    for (const bad of [
      ['--no-answer-rate', '1'],
      ['--start', 'next monday'],
      ['--handle-time', 'R9=3'],
      ['--sheet', 'x'],
    ]) {
      const r = run(['--input', file, ...bad]);
      expect(r.status, bad.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^Error: /m);
    }
    // Before the file is read, as a pattern that is no date is.
    for (const day of ['2026-02-30', '2026-13-01', '2025-02-29']) {
      const r = run(['--input', join(s.dir, 'none.csv'), '--start', day]);
      expect(r.status, day).toBe(2);
      expect(r.stderr).toBe(
        `Error: --start "${day}" is not a day of the calendar (no such month, or the month is shorter); expected YYYY-MM-DD, e.g. 2026-09-01\n`,
      );
    }
    expect(run(['--input', file, '--start', '2028-02-29']).status).toBe(0);
    const missing = json(['--input', join(s.dir, 'none.csv'), '--start', START]);
    expect(missing.status).toBe(1);
    expect(missing.result).toMatchObject({ error: { code: 'CLI_FILE_NOT_FOUND' } });
  });
});

describe('triage simulate cohort on a generated district cohort (GB18030, Chinese text answers)', () => {
  const file = join(s.dir, 'district.csv');
  beforeAll(() => {
    const made = spawnSync(process.execPath, [
      join(root, 'bench/screening-data.mjs'),
      ...['--rows', '3000', '--seed', '7', '--lang', 'zh', '--answers', 'text', '--encoding', 'gb18030'],
      ...['--out', file],
    ]);
    expect(made.status).toBe(0);
  }, 60_000);

  it('conserves the cohort, agrees with triage import, and compares with --json', () => {
    const { status, result } = json(['--input', file, '--start', START, '--compare', stricter]);
    expect(status).toBe(0);
    expect(result.counts.scored).toBe(3000);
    const imported = JSON.parse(runCli(['import', file, '--dry-run', '--json'], { TRIAGE_CONFIG_DIR: config }).stdout);
    expect(result.projection.cohort.levels).toEqual(imported.levels);
    const c = result.compare;
    if (!c) throw new Error('no comparison');
    expect(sumMatrix(c.transitions)).toBe(3000);
    expect(c.changed.length).toBe(c.changes.raised);
    expect(c.changed.every((x) => /^P-[0-9a-f]{16}$/.test(x.id))).toBe(true);
    expect(c.changes.lowered).toBe(0);
    expect(c.projection.cohort.levels.R3 - result.projection.cohort.levels.R3).toBe(c.changes.raised);
  });

  it('runs the example school of 420 from the README', () => {
    const { status, result } = json([
      '--input',
      join(example, 'school-420.csv'),
      '--start',
      START,
      '--compare',
      stricter,
    ]);
    expect(status).toBe(0);
    expect(result.counts.scored).toBe(420);
    expect(result.compare?.changed.map((x) => x.id).sort()).toEqual(expectedRaised(join(example, 'school-420.csv')));
  });
});
