import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workbookParts, writeZip } from '../src/xlsx/zip-fixture.ts';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

// Answer cells merged down over the next student's row, or across the next item (QA round 16, finding 4, in small):
// Excel keeps the first cell's value only, so the other cells are not the student's answers. Synthetic students.
describe('triage import: answer cells a merged range fills from another row or item', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  // Columns A–E person, F–N PHQ-A 1–9, O–R a–d.
  const header = ['学号', '性别', '年龄', '年级', '班级', ...'123456789abcd'.split('').map((n) => `PHQA${n}`)];
  const student = (id: string, klass: string, answers: string) => [
    id,
    '女',
    '13',
    '初一',
    klass,
    ...answers.split('').map((a) => (a === '_' ? '' : a)),
  ];
  const rows = [
    header,
    // The class merged down E2:E7, every student's: a person cell, read as Excel shows it.
    student('202501110001', '初一(1)班', '0000000020000'),
    // Item 9 (N) merged down from the row above: its own cell is empty.
    student('202501110002', '', '00000000_0000'),
    student('202501110003', '', '0000000000000'),
    student('202501110004', '', '00000000_0000'),
    // PHQ-A c–d (Q–R) merged: d is empty.
    student('202501110005', '', '000000000000_'),
    // Items 1–2 (F–G) merged: item 2 is empty.
    student('202501110006', '', '1_00000000000'),
  ];
  const merges = ['E2:E7', 'N2:N3', 'N4:N5', 'Q6:R6', 'F7:G7'];

  async function workbook(name: string): Promise<string> {
    const cell = (ref: string, v: string) => (v === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
    const data = rows
      .map(
        (cells, l) =>
          `<row r="${l + 1}">${cells.map((v, i) => cell(`${String.fromCharCode(65 + i)}${l + 1}`, v)).join('')}</row>`,
      )
      .join('');
    const after = `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    const file = join(s.dir, name);
    await writeZip(file, workbookParts({ sheets: [{ name: '初一', data, after }] }));
    return file;
  }

  it('reads them as blank: a critical item unknown (R3), an ordinary one missing; said once, where, never the value', async () => {
    const file = await workbook('merged.xlsx');
    const out = join(s.dir, 'merged');
    const r = runCli(['import', file, '--out', out, '--no-input'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'Warning: 4 answer cells show the value of a merged range that starts in another row or column (first: sheet 初一 row 3 column N, PHQA9)',
    );
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.map((row) => [row.line, row.class, row.level, row['phq-a_flags'], row['phq-a_missing']])).toEqual([
      ['2', '初一(1)班', 'R3', 'self-harm-thoughts:positive', ''],
      ['3', '初一(1)班', 'R3', 'self-harm-thoughts:unknown', '9'],
      ['4', '初一(1)班', '', '', ''],
      ['5', '初一(1)班', 'R3', 'self-harm-thoughts:unknown', '9'],
      ['6', '初一(1)班', 'R3', 'lifetime-suicide-attempt:unknown', ''],
      ['7', '初一(1)班', '', '', '2'],
    ]);
    const cohort = runCli(['simulate', 'cohort', '--input', file, '--start', '2026-09-01', '--json'], env);
    expect(cohort.status, cohort.stderr).toBe(0);
    const projected = JSON.parse(cohort.stdout);
    expect(projected.counts).toEqual({ rows: 6, scored: 6, rejected: 0 });
    expect(projected.projection.cohort.levels).toMatchObject({ R3: 4 });
    // Said by the projection too, in the import's words.
    expect(projected.warnings).toContainEqual(expect.stringContaining('answer cells show the value of a merged range'));
  });

  it('says it in Chinese with --lang zh', async () => {
    const file = await workbook('merged-zh.xlsx');
    const r = runCli(['import', file, '--out', join(s.dir, 'merged-zh'), '--no-input', '--lang', 'zh'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      '4 个作答单元格显示的是从另一行或另一列开始的合并单元格的值（第一个：工作表 初一 第 3 行 N 列，PHQA9）',
    );
  });
});
