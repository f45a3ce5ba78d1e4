import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../src/xlsx/write-xlsx.ts';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

const GAD = ['GAD7_1', 'GAD7_2', 'GAD7_3', 'GAD7_4', 'GAD7_5', 'GAD7_6', 'GAD7_7'];
const PHQ = [
  'PHQA1',
  'PHQA2',
  'PHQA3',
  'PHQA4',
  'PHQA5',
  'PHQA6',
  'PHQA7',
  'PHQA8',
  'PHQA9',
  'PHQA_a',
  'PHQA_b',
  'PHQA_c',
  'PHQA_d',
];
const PERSON = ['student_id', 'name', 'sex', 'age'];

/** Every output file's text, to search for what must not be there. */
const outputText = (dir: string) =>
  readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');

describe('triage import --pseudonymize: rows whose columns are not known or may have moved', () => {
  const s = scratch();
  const run = (args: readonly string[]) => runCli(args, { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
  afterAll(() => s.done());

  it('withholds every cell of a sheet pasted without its header or holding another instrument, keeping sheet and line', async () => {
    const answers = (n: number) => GAD.map(() => String(n % 3));
    const book = join(s.dir, 'sheets.xlsx');
    await writeXlsx(book, [
      {
        name: '7-1',
        rows: [
          [...PERSON, ...GAD],
          ['20269001', 'Ceshi Yi', 'F', '13', ...answers(1)],
          ['20269002', 'Ceshi Er', 'M', '13', ...answers(2)],
        ],
      },
      // Pasted without its header: its first row is a student's.
      {
        name: '7-2',
        rows: [
          ['20269101', 'Moni Jia', 'F', '13', ...answers(1)],
          ['20269102', 'Moni Yi', 'M', '12', ...answers(2)],
        ],
      },
      // Another instrument than the first sheet.
      {
        name: '7-3',
        rows: [
          [...PERSON, ...PHQ],
          ['20269201', 'Xuni Bing', 'F', '13', ...PHQ.map(() => '1')],
        ],
      },
    ]);
    for (const lang of ['en', 'zh'] as const) {
      const out = join(s.dir, `sheets-${lang}`);
      const r = run(['import', book, '--out', out, '--no-input', '--pseudonymize', '--lang', lang]);
      expect(r.status, r.stderr).toBe(3);
      const text = outputText(out);
      for (const raw of ['20269101', '20269102', '20269201', 'Moni', 'Xuni', '20269001', 'Ceshi']) {
        expect(text).not.toContain(raw);
      }
      const errors = readOutputCsv(join(out, 'errors.csv'));
      expect(errors.rows.map((row) => [row._sheet, row._line, row._code])).toEqual([
        ['7-2', '1', 'IMPORT_SHEET_UNMAPPED'],
        ['7-2', '2', 'IMPORT_SHEET_UNMAPPED'],
        // The other instrument's header is read as a row too (the sheet is not read): withheld like the rest.
        ['7-3', '1', 'IMPORT_SHEET_UNMAPPED'],
        ['7-3', '2', 'IMPORT_SHEET_UNMAPPED'],
      ]);
      const source = errors.header.slice(errors.header.indexOf('_urgent') + 1);
      for (const row of errors.rows) {
        expect(source.map((h) => row[h])).toEqual(source.map(() => ''));
        expect(row._message).toContain(
          lang === 'en' ? 'cells withheld under --pseudonymize' : '单元格已按 --pseudonymize 隐去',
        );
      }
      expect(r.stderr).toContain(
        lang === 'en'
          ? '4 rows of errors.csv have their cells withheld under --pseudonymize'
          : 'errors.csv 中有 4 行的单元格已按 --pseudonymize 隐去',
      );
    }
  });

  it('without --pseudonymize, keeps such rows as they are (they are the user’s to fix)', async () => {
    const book = join(s.dir, 'plain.xlsx');
    await writeXlsx(book, [
      {
        name: '7-1',
        rows: [
          [...PERSON, ...GAD],
          ['20269001', 'Ceshi Yi', 'F', '13', ...GAD.map(() => '1')],
        ],
      },
      { name: '7-2', rows: [['20269101', 'Moni Jia', 'F', '13', ...GAD.map(() => '1')]] },
    ]);
    const out = join(s.dir, 'plain');
    expect(run(['import', book, '--out', out, '--no-input']).status).toBe(3);
    const [row] = readOutputCsv(join(out, 'errors.csv')).rows;
    expect(row).toMatchObject({ student_id: '20269101', name: 'Moni Jia', _code: 'IMPORT_SHEET_UNMAPPED' });
    expect(row?._message).not.toContain('withheld');
  });

  describe('a CSV row whose cells may have moved (a name with an unquoted comma, a quote never closed)', () => {
    const gad = (n: string) => GAD.map(() => n).join(',');
    const idFirst = [
      `${PERSON.join(',')},${GAD.join(',')}`,
      `20269301,Zhang Fang,F,13,${gad('1')}`,
      `20269302,Ouyang, Xiaoli,F,13,${gad('1')}`,
      `20269303,"Li, Hua",M,13,${gad('2')}`,
      `20269304,Sima Qian,M,,13,${gad('0')}`,
      `20269305,"Zhuge, Liang,M,13,${gad('0')}`,
      `20269306,Wang Li,X,13,${gad('1')}`,
    ].join('\n');
    const nameFirst = [
      `name,student_id,sex,age,${GAD.join(',')}`,
      `Huang, Zhong,20269401,M,13,${gad('1')}`,
      `Ma Chao,20269402,M,13,${gad('1')}`,
    ].join('\n');

    it('keeps no cell that could hold a name; the pseudonym only when the id is the first cell', () => {
      const out = join(s.dir, 'moved');
      expect(run(['import', s.write('moved.csv', idFirst), '--out', out, '--no-input', '--pseudonymize']).status).toBe(
        3,
      );
      const text = outputText(out);
      for (const raw of ['Ouyang', 'Xiaoli', 'Sima', 'Qian', 'Zhuge', 'Liang', 'Wang Li', '2026930']) {
        expect(text).not.toContain(raw);
      }
      const errors = readOutputCsv(join(out, 'errors.csv'));
      const byLine = new Map(errors.rows.map((row) => [row._line, row]));
      const cells = (row: Record<string, string> | undefined) =>
        errors.header.slice(errors.header.indexOf('_urgent') + 1).map((h) => row?.[h] ?? '');
      for (const [line, code] of [
        ['3', 'IMPORT_FIELD_COUNT'],
        ['5', 'IMPORT_FIELD_COUNT'],
        ['6', 'IMPORT_UNTERMINATED_QUOTE'],
      ] as const) {
        const row = byLine.get(line);
        expect(row?._code).toBe(code);
        expect(row?._message).toContain('cells withheld under --pseudonymize');
        const [id, ...rest] = cells(row);
        expect(id).toMatch(/^P-[0-9a-f]{16}$/);
        expect(rest.every((cell) => cell === '')).toBe(true);
      }
      // A row whose cells are in place: the id is a pseudonym, the name empty, the rest kept to be fixed.
      const sex = byLine.get('7');
      expect(sex).toMatchObject({ _code: 'IMPORT_SEX_INVALID', name: '', sex: 'X', GAD7_1: '1' });
      expect(sex?.student_id).toMatch(/^P-[0-9a-f]{16}$/);
      expect(sex?._message).not.toContain('withheld');
      expect(errors.rows).toHaveLength(4);
      expect(readOutputCsv(join(out, 'results.csv')).rows).toHaveLength(2);
    });

    it('withholds the id too when cells before it may have moved', () => {
      const out = join(s.dir, 'name-first');
      const r = run(['import', s.write('name-first.csv', nameFirst), '--out', out, '--no-input', '--pseudonymize']);
      expect(r.status).toBe(3);
      const text = outputText(out);
      for (const raw of ['Huang', 'Zhong', '20269401', '20269402', 'Ma Chao']) expect(text).not.toContain(raw);
      const [row] = readOutputCsv(join(out, 'errors.csv')).rows;
      expect(row).toMatchObject({ _line: '2', _code: 'IMPORT_FIELD_COUNT', name: '', student_id: '', sex: '' });
    });
  });
});

describe('triage import --pseudonymize: columns not read', () => {
  const s = scratch();
  afterAll(() => s.done());

  it('are emptied in errors.csv (a parent’s name, a phone number), the cells needed to fix the row are kept', () => {
    const header = ['学号', '姓名', '家长姓名', '联系电话', '性别', ...GAD];
    const bad = ['20250101', '王测试', '王家长', '13800000000', '女', '1', '9', '0', '0', '0', '0', '0'];
    const file = s.write('parents.csv', `${header.join(',')}\n${bad.join(',')}\n`);
    const out = join(s.dir, 'out');
    const r = runCli(['import', file, '--out', out, '--no-input', '--pseudonymize'], {
      TRIAGE_CONFIG_DIR: join(s.dir, 'config'),
    });
    expect(r.status).toBe(1);
    const errors = readOutputCsv(join(out, 'errors.csv'));
    const row = errors.rows[0];
    expect(row?.家长姓名).toBe('');
    expect(row?.联系电话).toBe('');
    expect(row?.姓名).toBe('');
    expect(row?.学号).toMatch(/^P-[0-9a-f]{16}$/);
    expect([row?.性别, row?.GAD7_2]).toEqual(['女', '9']);
    for (const secret of ['王家长', '13800000000', '王测试', '20250101']) expect(outputText(out)).not.toContain(secret);
  });
});
