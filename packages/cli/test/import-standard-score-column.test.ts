import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../src/xlsx/write-xlsx.ts';
import { runCli, scratch } from './run-cli.ts';

const items = Array.from({ length: 20 }, (_, i) => `SDS${i + 1}`).join(',');
// Line 2: a 问卷星 "按分值" row whose reverse items (2, 5, 6, 11, 12, 14, 16–18, 20) the platform already reversed:
// summed as written 59 (标准分 73.75: 74 half up, 73 cut), triage reverses them again (29, 标准分 36). Line 3: option
// numbers, 59 right.
const asScored = '2,4,2,2,4,4,2,1,2,3,4,4,2,4,2,4,4,4,1,4';
const asNumbered = '2,1,2,2,1,1,2,1,2,3,1,1,2,1,2,1,1,1,1,1';

describe("triage import: the file's own standard score column (SDS 标准分)", () => {
  const s = scratch();
  afterAll(() => s.done());
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const importFile = (name: string, header: string, index: readonly [number, number], extra: string[] = []) => {
    const rows = [`20250001,${asScored},${index[0]}`, `20250002,${asNumbered},${index[1]}`];
    const file = s.write(name, `学号,${items},${header}\n${rows.join('\n')}\n`);
    return runCli(['import', file, '--out', join(s.dir, `${name}.out`), '--no-input', ...extra], env);
  };

  it.each([
    ['标准分', [74, 74]],
    ['SDS标准分', [74, 74]],
    ['标准总分', [73, 73]],
  ] as const)('warns when a %s column (%j) disagrees: the items were reversed twice', (header, index) => {
    const r = importFile(`index-${header}.csv`, header, index);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      `the file's own standard score column "${header}" differs from the computed standard score in 1 of 2 rows (line 2: ${index[0]} in the file, 36 computed); it equals the answers summed as written, with no item reversed`,
    );
  });

  it('says so in Chinese and in --json', () => {
    const zh = importFile('index-zh.csv', '标准分', [74, 74], ['--lang', 'zh']);
    expect(zh.stderr).toContain(
      '文件自带的标准分列“标准分”在 2 行中有 1 行与计算出的标准分不同（第 2 行：文件中为 74，计算为 36）',
    );
    const json = JSON.parse(importFile('index-json.csv', '标准分', [74, 74], ['--json']).stdout);
    expect(json.warnings.some((w: string) => w.includes('"标准分" differs'))).toBe(true);
  });

  it('says nothing when the standard scores agree, rounded half up or cut to a whole number', () => {
    const rows = [`20250002,${asNumbered},74`, `20250003,${asNumbered},73`];
    const file = s.write('agree.csv', `学号,${items},标准分\n${rows.join('\n')}\n`);
    const r = runCli(['import', file, '--out', join(s.dir, 'agree'), '--no-input'], env);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/total column|standard score column/);
  });
});

describe('triage import: two total columns in one sheet (粗分 and 标准分, 总分 and 标准分)', () => {
  const s = scratch();
  afterAll(() => s.done());
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  // The usual 问卷星 / 测评系统 layout: a raw total and a standard score, both computed by the platform.
  const importFile = (name: string, headers: readonly [string, string], rows: readonly string[]) => {
    const file = s.write(name, `学号,${items},${headers.join(',')}\n${rows.join('\n')}\n`);
    return runCli(['import', file, '--out', join(s.dir, `${name}.out`), '--no-input'], env);
  };

  it.each([
    ['总分', '标准分'],
    ['粗分', '标准分'],
    ['标准分', '粗分'],
  ] as const)('%s and %s both warn when the file was downloaded 按分值', (a, b) => {
    // Line 2 reversed twice (59 and 74 in the file; 29 and 36 computed); line 3 option numbers, both right.
    const row = (answers: string, total: number, index: number) =>
      `${answers},${[a, b].map((h) => (h === '标准分' ? index : total)).join(',')}`;
    const r = importFile(
      `both-${a}-${b}.csv`,
      [a, b],
      [`20250001,${row(asScored, 59, 74)}`, `20250002,${row(asNumbered, 59, 74)}`],
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      `the file's own standard score column "标准分" differs from the computed standard score in 1 of 2 rows (line 2: 74 in the file, 36 computed); it equals the answers summed as written, with no item reversed`,
    );
    const total = a === '标准分' ? b : a;
    expect(r.stderr).toContain(
      `"${total}" differs from the computed total in 1 of 2 rows (line 2: 59 in the file, 29 computed)`,
    );
  });

  it('says nothing when both columns agree with the computed scores', () => {
    const r = importFile(
      'both-agree.csv',
      ['总分', '标准分'],
      [`20250002,${asNumbered},59,74`, `20250003,${asNumbered},59,73`],
    );
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/total column|standard score column/);
  });
});

describe('triage import: a plain 总分 beside two instruments (SDS + SAS)', () => {
  const s = scratch();
  afterAll(() => s.done());
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const sas = Array.from({ length: 20 }, (_, i) => `SAS${i + 1}`).join(',');
  // SAS all 1: 15 items at 1 and the reverse items 5, 9, 13, 17, 19 at 4, total 35. SDS as numbered: 59.
  const sasAnswers = Array.from({ length: 20 }, () => '1').join(',');
  const importTotals = (name: string, totals: readonly number[]) => {
    const rows = totals.map((t, i) => `2025000${i + 1},${asNumbered},${sasAnswers},${t}`);
    const file = s.write(name, `学号,${items},${sas},总分\n${rows.join('\n')}\n`);
    return runCli(['import', file, '--out', join(s.dir, `${name}.out`), '--no-input'], env);
  };

  it("says nothing when it holds one instrument's total (a school platform's) or both summed (问卷星's)", () => {
    const r = importTotals('one-or-both.csv', [59, 35, 94]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/total column/);
  });

  it('warns when it holds neither', () => {
    const r = importTotals('neither.csv', [59, 60]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      '"总分" differs from the computed total in 1 of 2 rows (line 3: 60 in the file, 94 computed)',
    );
  });
});

// QA round 22, 6: in a workbook of two classes each checked on its own, the warning said "1 of 19 rows": one sheet's
// count, in a file of 38.
describe("triage import: a workbook's total column checked over every sheet", () => {
  const s = scratch();
  afterAll(() => s.done());
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };

  it('counts the rows of the whole file and gives the first that differs, with its sheet', async () => {
    const book = join(s.dir, 'two-classes.xlsx');
    const header = ['学号', ...items.split(','), '总分'];
    const row = (id: string, total: number) => [id, ...asNumbered.split(',').map(Number), total];
    await writeXlsx(book, [
      // The option numbers of line 3 above sum to 59 (SDS raw, reverse items reversed).
      { name: '初一(1)班', rows: [header, row('20250001', 59), row('20250002', 59), row('20250003', 59)] },
      { name: '初一(2)班', rows: [header, row('20250004', 59), row('20250005', 61)] },
    ]);
    const r = runCli(['import', book, '--out', join(s.dir, 'out'), '--no-input'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      '"总分" differs from the computed total in 1 of 5 rows (line 初一(2)班:3: 61 in the file, 59 computed)',
    );
  });
});
