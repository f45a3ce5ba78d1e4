import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workbookParts, writeZip } from '../src/xlsx/zip-fixture.ts';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

// Classes pasted one under the other, each under its own header in another layout, and students' rows above the
// header (QA round 10, findings 1 and 6, in small). Synthetic students.

const PERSON = ['学号', '姓名', '性别', '年龄', '班级'];
const PHQ9 = Array.from({ length: 9 }, (_, i) => `PHQ9_${i + 1}`);
const GAD7 = Array.from({ length: 7 }, (_, i) => `GAD7_${i + 1}`);
const csv = (lines: readonly (readonly string[])[]) => `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
const digits = (answers: string) => answers.split('');

async function workbook(
  file: string,
  rows: readonly { readonly cells: readonly string[]; readonly merge?: string }[],
): Promise<string> {
  const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const data = rows
    .map(
      ({ cells }, l) =>
        `<row r="${l + 1}">${cells.map((v, i) => (v === '' ? '' : cell(`${String.fromCharCode(65 + i)}${l + 1}`, v))).join('')}</row>`,
    )
    .join('');
  const refs = rows.flatMap((r) => (r.merge ? [`<mergeCell ref="${r.merge}"/>`] : []));
  const after = refs.length > 0 ? `<mergeCells count="${refs.length}">${refs.join('')}</mergeCells>` : '';
  await writeZip(file, workbookParts({ sheets: [{ name: '初一年级', data, after }] }));
  return file;
}

describe('triage import: a class pasted below under a header in another layout', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  // Class 1 with PHQ-9 before GAD-7; class 2 with GAD-7 before PHQ-9: B001 answers 3 to every GAD-7 item, B002 2 to
  // PHQ-9 item 9.
  const reordered = [
    [...PERSON, ...PHQ9, ...GAD7],
    ['A001', '甲', '男', '15', '1班', ...digits('0000000000000000')],
    [...PERSON, ...GAD7, ...PHQ9],
    ['B001', '乙', '女', '15', '2班', ...digits('3333333000000000')],
    ['B002', '丙', '女', '15', '2班', ...digits('0000000000000002')],
  ];

  it.each(['csv', 'xlsx'])('reads the rows under it by its own columns (%s): GAD-7 21 is no PHQ-9 21', async (kind) => {
    const file =
      kind === 'csv'
        ? s.write('stack.csv', csv(reordered))
        : await workbook(
            join(s.dir, 'stack.xlsx'),
            reordered.map((cells) => ({ cells })),
          );
    const out = join(s.dir, `stack-${kind}`);
    const r = runCli(['import', file, '--out', out, '--no-input'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('a header in another layout on line 3');
    expect(r.stdout).toContain('3 rows read: 3 scored, 0 rejected, 1 repeated header row skipped');
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.map((row) => [row.student_id, row['phq-9_total'], row['gad-7_total'], row.level])).toEqual([
      ['A001', '0', '0', ''],
      ['B001', '0', '21', 'R2'],
      ['B002', '2', '0', 'R3'],
    ]);
    expect(results[2]?.['phq-9_flags']).not.toBe('');
    expect(readOutputCsv(join(out, 'errors.csv')).rows).toEqual([]);
  });

  it('counts the header in --json and says it in Chinese', () => {
    const file = s.write('stack-zh.csv', csv(reordered));
    const r = runCli(['import', file, '--out', join(s.dir, 'zh'), '--lang', 'zh', '--json'], env);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 3, scored: 3, rejected: 0, headerRows: 1 });
    expect(r.stderr).toContain('第 3 行是另一种排列的表头');
  });

  // Class 2's template has PHQA_a, PHQA_b and only five GAD-7 items: it cannot be read as PHQ-A + GAD-7. Class 3 is
  // under the first header again.
  const unmappable = [
    [...PERSON, ...'123456789cd'.split('').map((n) => `PHQA${n}`), ...GAD7],
    ['A001', '甲', '男', '15', '1班', ...digits('000000000000000000')],
    [...PERSON, ...'123456789abcd'.split('').map((n) => `PHQA${n}`), ...GAD7.slice(0, 5)],
    ['B001', '乙', '女', '15', '2班', ...digits('000000000000000000')],
    ['B002', '丙', '女', '15', '2班', ...digits('000000000110000000')],
    [...PERSON, ...'123456789cd'.split('').map((n) => `PHQA${n}`), ...GAD7],
    ['C001', '丁', '男', '15', '3班', ...digits('000000002000000000')],
  ];

  it('reads no row under a header that cannot be read as the file’s instruments, until a header that can', () => {
    const out = join(s.dir, 'unmappable');
    const r = runCli(['import', s.write('unmappable.csv', csv(unmappable)), '--out', out, '--no-input'], env);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain('the header on line 3 cannot be read as this file');
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    // Nothing says where their critical items are: their risk is unknown, urgent.
    expect(errors.map((e) => [e._line, e._code, e._urgent])).toEqual([
      ['3', 'IMPORT_HEADER_UNMAPPED', ''],
      ['4', 'IMPORT_UNDER_UNMAPPED_HEADER', 'yes'],
      ['5', 'IMPORT_UNDER_UNMAPPED_HEADER', 'yes'],
    ]);
    expect(errors[0]?._message).toContain('do not delete this line');
    // Under the first header again: read, item 9 = 2 included.
    const results = readOutputCsv(join(out, 'results.csv')).rows;
    expect(results.map((row) => [row.line, row.student_id, row['phq-a_flags'] !== ''])).toEqual([
      ['2', 'A001', false],
      ['7', 'C001', true],
    ]);
  });

  it('says the rows under it in Chinese', () => {
    const out = join(s.dir, 'unmappable-zh');
    runCli(['import', join(s.dir, 'unmappable.csv'), '--out', out, '--no-input', '--lang', 'zh'], env);
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors[1]?._message).toContain('该行位于第 3 行的表头之下');
  });

  it('marks a row under a header of other instruments urgent by that header’s own critical items', () => {
    const lines = [
      [...PERSON, ...PHQ9, ...GAD7],
      ['A001', '甲', '男', '15', '1班', ...digits('0000000000000000')],
      // PHQ-A under PHQ-9 + GAD-7, five columns fewer: other instruments, rows not read; PHQ-A's item 9 is column 14.
      [...PERSON, ...'123456789cd'.split('').map((n) => `PHQA${n}`)],
      ['B001', '乙', '女', '15', '2班', ...digits('00000000000')],
      ['B002', '丙', '女', '15', '2班', ...digits('00000000300')],
    ];
    const out = join(s.dir, 'other');
    const r = runCli(['import', s.write('other.csv', csv(lines)), '--out', out, '--no-input'], env);
    expect(r.status, r.stderr).toBe(3);
    const errors = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(errors.map((e) => [e._line, e._code, e._urgent])).toEqual([
      ['3', 'IMPORT_HEADER_UNMAPPED', ''],
      ['4', 'IMPORT_UNDER_UNMAPPED_HEADER', ''],
      ['5', 'IMPORT_UNDER_UNMAPPED_HEADER', 'yes'],
    ]);
  });

  it('withholds the name under --pseudonymize where the header in force puts it', () => {
    const lines = [
      [...PERSON, ...PHQ9, ...GAD7],
      ['A001', 'Jia Ceshi', '男', '15', '1班', ...digits('0000000000000000')],
      // The name moved to the end; the sex cell of B001 cannot be read, so its row is in errors.csv.
      [...PERSON.filter((p) => p !== '姓名'), ...GAD7, ...PHQ9, '姓名'],
      ['B001', 'x', '15', '2班', ...digits('0000000000000000'), 'Yi Ceshi'],
    ];
    const out = join(s.dir, 'pseudonymized');
    const r = runCli(['import', s.write('names.csv', csv(lines)), '--out', out, '--no-input', '--pseudonymize'], env);
    expect(r.status, r.stderr).toBe(3);
    const text = readFileSync(join(out, 'errors.csv'), 'utf8');
    expect(text).toContain('IMPORT_SEX_INVALID');
    expect(text).not.toContain('Yi Ceshi');
    expect(text).not.toContain('B001');
  });
});

describe('triage import: students’ rows above the header', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const header = [...PERSON, ...'123456789cd'.split('').map((n) => `PHQA${n}`)];
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
    header,
    student(3, '11111111000'),
    student(4, '11111111000'),
    student(5, '11111111000'),
  ];

  it.each(['csv', 'xlsx'])(
    'rejects them (IMPORT_ABOVE_HEADER, urgent by item 9), the title skipped (%s)',
    async (kind) => {
      const file =
        kind === 'csv'
          ? s.write('above.csv', csv(lines))
          : await workbook(
              join(s.dir, 'above.xlsx'),
              lines.map((cells, l) => (l === 0 ? { cells, merge: 'A1:P1' } : { cells })),
            );
      const out = join(s.dir, `above-${kind}`);
      const r = runCli(['import', file, '--out', out, '--no-input'], env);
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toContain('1 line above it skipped (a title or notes');
      expect(r.stderr).toContain("2 rows above the header (line 4) hold a student's answers");
      expect(r.stdout).toContain('5 rows read: 3 scored, 2 rejected');
      const errors = readOutputCsv(join(out, 'errors.csv')).rows;
      expect(errors.map((e) => [e._line, e._code, e._urgent])).toEqual([
        ['2', 'IMPORT_ABOVE_HEADER', 'yes'],
        ['3', 'IMPORT_ABOVE_HEADER', ''],
      ]);
      expect(errors[0]?._message).toContain('move it below the header');
      expect(readOutputCsv(join(out, 'results.csv')).rows.map((row) => row.line)).toEqual(['5', '6', '7']);
    },
  );

  it('says them in Chinese', () => {
    const out = join(s.dir, 'above-zh');
    const r = runCli(['import', join(s.dir, 'above.csv'), '--out', out, '--no-input', '--lang', 'zh'], env);
    expect(r.stderr).toContain('表头（第 4 行）上方有 2 行是学生的作答');
    expect(readOutputCsv(join(out, 'errors.csv')).rows[0]?._message).toContain('请把它移到表头下方');
  });

  it('still skips a title and notes above the header: exit 0, nothing in errors.csv', () => {
    const notes = [['某某中学 2025 年春季筛查'], ['说明：', '0=完全不会', '3=几乎每天'], ...lines.slice(3)];
    const out = join(s.dir, 'notes');
    const r = runCli(['import', s.write('notes.csv', csv(notes)), '--out', out, '--no-input'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('2 lines above it skipped (a title or notes');
    expect(readOutputCsv(join(out, 'errors.csv')).rows).toEqual([]);
  });
});

// QA round 15, 1: a row counter (序号) first, then PHQ-A headed 1 … 9, a … d and GAD-7 headed 1 … 7. Synthetic.
describe('triage import: 序号, then items headed by bare numbers and PHQ-A letters', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
  const header = ['序号', ...PERSON, ...numbers(9), 'a', 'b', 'c', 'd', ...numbers(7)];
  // A001 answers yes to PHQ-A c (serious suicidal ideation): read only if c is PHQ-A's.
  const file = s.write(
    'counter.csv',
    csv([
      header,
      ['1', 'A001', '甲', '男', '13', '1班', ...digits('0120100000010'), ...digits('1111000')],
      ['2', 'A002', '乙', '女', '13', '1班', ...digits('1111111100000'), ...digits('0000000')],
    ]),
  );

  it('-i phq-a,gad-7: 序号 ignored, every row scored, the letters read as PHQ-A c and d', () => {
    const out = join(s.dir, 'named');
    const r = runCli(['import', file, '--out', out, '--no-input', '-i', 'phq-a,gad-7'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('PHQ-A + GAD-7');
    expect(r.stdout).toContain('2 rows read: 2 scored, 0 rejected');
    const rows = readOutputCsv(join(out, 'results.csv')).rows;
    expect(rows.map((row) => [row.student_id, row.level, row['phq-a_flags']])).toEqual([
      ['A001', 'R3', 'serious-suicidal-ideation:positive'],
      ['A002', 'R1', ''],
    ]);
    expect(readOutputCsv(join(out, 'errors.csv')).rows).toEqual([]);
  });

  it('without -i: the --instrument it suggests is phq-a,gad-7 (phq-9 would leave c and d unread)', () => {
    const r = runCli(['import', file, '--out', join(s.dir, 'auto'), '--no-input'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('such as --instrument phq-a,gad-7 (9 items: phq-a;');
  });
});

// PHQ-A numbered straight through (a … d as 10 … 13), then GAD-7 as 1 … 7: refused before, with a message saying the
// number of items told nothing. Synthetic.
describe('triage import: PHQ-A headed 1 … 13, then GAD-7 headed 1 … 7', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
  const file = s.write(
    'straight.csv',
    csv([
      [...PERSON, ...numbers(13), ...numbers(7)],
      // Column 12 (PHQ-A c) yes.
      ['A001', '甲', '男', '13', '1班', ...digits('0120100000010'), ...digits('1111000')],
      ['A002', '乙', '女', '13', '1班', ...digits('1111111100000'), ...digits('0000000')],
    ]),
  );

  it('-i phq-a,gad-7 reads 10 … 13 as PHQ-A a … d; without -i, that --instrument is suggested', () => {
    const out = join(s.dir, 'named');
    const r = runCli(['import', file, '--out', out, '--no-input', '-i', 'phq-a,gad-7'], env);
    expect(r.status, r.stderr).toBe(0);
    const rows = readOutputCsv(join(out, 'results.csv')).rows;
    expect(rows.map((row) => [row.student_id, row.level, row['phq-a_total'], row['gad-7_total']])).toEqual([
      ['A001', 'R3', '4', '4'],
      ['A002', 'R1', '8', '0'],
    ]);
    expect(rows[0]?.['phq-a_flags']).toBe('serious-suicidal-ideation:positive');
    const unnamed = runCli(['import', file, '--out', join(s.dir, 'unnamed'), '--no-input'], env);
    expect(unnamed.status).toBe(1);
    expect(unnamed.stderr).toContain('--instrument phq-a,gad-7');
  });
});
