import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workbookParts, writeZip } from '../src/xlsx/zip-fixture.ts';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

// Header rows as school exports write them, through the built CLI (QA's repros, in small).
describe('triage import: header rows', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const run = (args: readonly string[]) => runCli(args, env);
  afterAll(() => s.done());

  const column = (i: number) => String.fromCharCode(65 + (i % 26)).padStart(i >= 26 ? 2 : 1, 'A');
  const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  /** A one-sheet workbook of these rows (cells as text). */
  async function workbook(name: string, rows: readonly (readonly string[])[], merges = ''): Promise<string> {
    const data = rows
      .map(
        (r, l) =>
          `<row r="${l + 1}">${r.map((v, i) => (v === '' ? '' : cell(`${column(i)}${l + 1}`, v))).join('')}</row>`,
      )
      .join('');
    const file = join(s.dir, name);
    await writeZip(file, workbookParts({ sheets: [{ name: '1班', data, after: merges }] }));
    return file;
  }
  const csv = (name: string, rows: readonly (readonly string[])[]) =>
    s.write(name, `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
  const results = (out: string) => readFileSync(join(s.dir, out, 'results.csv'), 'utf8');

  describe('two groups over the item numbers, one with words after the short name', () => {
    const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
    const person = ['学号', '姓名', '性别', '年龄', '年级', '班级'];
    const group = (phqA: string) => [
      ...person.map(() => ''),
      phqA,
      ...Array(10).fill(''),
      'GAD-7',
      ...Array(6).fill(''),
    ];
    const names = [...person, ...numbers(9), 'c', 'd', ...numbers(7)];
    // PHQ-A item 9 = 3 and c, d = yes: R3 whatever else.
    const student = [
      '202501010001',
      '王一',
      '男',
      '13',
      '初一',
      '1班',
      ...'222222223'.split(''),
      '1',
      '1',
      ...'1111111',
    ];

    it.each([
      ['xlsx', 'PHQ-A 青少年抑郁量表'],
      ['csv', 'PHQ-A 青少年抑郁量表'],
      ['csv', '青少年抑郁量表（PHQ-A）'],
    ])('reads both instruments (%s, %s): PHQ-A item 9, c, d are read, R3', async (kind, phqA) => {
      const rows = [group(phqA), names, student];
      const out = `groups-${kind}-${phqA.length}`;
      const file = kind === 'xlsx' ? await workbook(`${out}.xlsx`, rows) : csv(`${out}.csv`, rows);
      const r = run(['import', file, '--out', join(s.dir, out), '--no-input']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('PHQ-A + GAD-7');
      expect(r.stderr).toContain('0 other columns ignored');
      expect(results(out)).toMatch(/,R3,/);
      expect(results(out)).toContain('self-harm-thoughts:positive');
    });

    it.each([
      ['PHQ-A 青少年抑郁量表', '"PHQ-A 青少年抑郁量表" over column 7 is PHQ-A item 1'],
      ['青少年抑郁量表（PHQ-A）', '"青少年抑郁量表（PHQ-A）" over column 7 is PHQ-A item 1'],
    ])('says which group it read over which column (%s), never an item number as a cell', (phqA, example) => {
      const out = `groups-note-${phqA.length}`;
      const r = run(['import', csv(`${out}.csv`, [group(phqA), names, student]), '--out', join(s.dir, out)]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`header on lines 1–2, read as one (a group row over the column names: ${example})`);
      expect(r.stderr).not.toContain('over "1"');
    });

    // QA round 6: with a and b too (letters are answers of Zung scales), the item row was taken for a student's, the
    // group skipped as a title and 1 … 9 read as PHQ-9: students with c or d = yes came out R1 or with no level.
    it.each(['csv', 'xlsx'])('reads PHQ-A 1 … 9, a, b, c, d under its group (%s): c = yes is R3', async (kind) => {
      const onlyPhqA = [...person.map(() => ''), 'PHQ-A', ...Array(12).fill('')];
      const items = [...person, ...numbers(9), 'a', 'b', 'c', 'd'];
      const quiet = ['202501010002', '李二', '女', '13', '初一', '1班', ...'1110100000', '2', '1', '0'];
      const out = `groups-abcd-${kind}`;
      const rows = [onlyPhqA, items, quiet];
      // Merged as Excel saves a group over its items, and the person headers down both rows.
      const merges = `<mergeCells count="7">${person.map((_, i) => `<mergeCell ref="${column(i)}1:${column(i)}2"/>`).join('')}<mergeCell ref="G1:S1"/></mergeCells>`;
      const file =
        kind === 'xlsx'
          ? await workbook(
              `${out}.xlsx`,
              [[...person, ...onlyPhqA.slice(person.length)], items.map((v, i) => (i < person.length ? '' : v)), quiet],
              merges,
            )
          : csv(`${out}.csv`, rows);
      const r = run(['import', file, '--out', join(s.dir, out), '--no-input']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('header on lines 1–2, read as one');
      expect(r.stderr).toContain(': PHQ-A; person columns');
      expect(results(out)).toMatch(/,R3,/);
      expect(results(out)).toContain('serious-suicidal-ideation:positive');
    });

    it('quotes an item header under the group when it is clearly a header (Q1), never a data cell', () => {
      const gad = ['学号', '性别', 'GAD-7', ...Array(6).fill('')];
      const qs = ['', '', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7'];
      const r = run([
        'import',
        csv('groups-q.csv', [gad, qs, ['202501010001', '男', ...'1111111']]),
        '--out',
        join(s.dir, 'q'),
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('(a group row over the column names: "GAD-7" over "Q1" is GAD-7 item 1)');
      expect(r.stderr).not.toContain('202501010001');
    });

    it('a group naming no instrument over item numbers is an error naming the group, never read as GAD-7 alone', () => {
      const file = csv('groups-unnamed.csv', [group('青少年抑郁量表'), names, student]);
      const r = run(['import', file, '--out', join(s.dir, 'groups-unnamed'), '--no-input', '--json']);
      expect(r.status).not.toBe(0);
      const message = `${r.stderr}${r.stdout}`;
      expect(message).toContain('"青少年抑郁量表" over columns 7, 8, 9');
      expect(message).toContain('--map');
      expect(message).not.toContain('202501010001');
      // simulate cohort reads screenings the same way.
      const cohort = run(['simulate', 'cohort', '--input', file, '--start', '2026-09-01', '--json']);
      expect(cohort.status).toBe(1);
      expect(cohort.stdout + cohort.stderr).toContain('"青少年抑郁量表" over columns 7, 8, 9');
    });
  });

  describe('a questionnaire platform export (问卷星)', () => {
    const header = ['序号', '提交答卷时间', '1、你的学号：', '2、你的姓名：', '3、性别：', '4、年龄：'];
    const items = ['PHQA1', 'PHQA2', 'PHQA3', 'PHQA4', 'PHQA5', 'PHQA6', 'PHQA7', 'PHQA8', 'PHQA9', 'PHQA_c', 'PHQA_d'];
    const row = (n: number, name: string, item9: string) => [
      `${n}`,
      '2025/9/1 10:00:00',
      `20250111000${n}`,
      name,
      '女',
      '14',
      ...'00000000'.split(''),
      item9,
      '0',
      '0',
    ];

    it('reads its person questions (1、你的学号： …) as person columns; the name stays out with --pseudonymize', () => {
      const file = csv('wjx.csv', [[...header, ...items], row(1, '张测试', '1'), row(2, '李测试', '7')]);
      const r = run(['import', file, '--out', join(s.dir, 'wjx'), '--no-input', '--pseudonymize']);
      expect(r.status).not.toBe(2);
      expect(r.stderr).toContain('student id (1、你的学号：), name (2、你的姓名：), sex (3、性别：), age (4、年龄：)');
      expect(r.stderr).not.toContain('no student id column');
      const errors = readFileSync(join(s.dir, 'wjx', 'errors.csv'), 'utf8');
      expect(errors).toContain('SCALES_ITEM_OUT_OF_RANGE');
      for (const secret of ['李测试', '张测试', '202501110002', '202501110001']) {
        expect(errors).not.toContain(secret);
        expect(r.stdout + r.stderr).not.toContain(secret);
      }
    });

    it('two matrix questions with two --instrument are read as them; what is missing is said, not "item columns (1、你的学号：…)"', () => {
      const matrix = (q: number, n: number) => Array.from({ length: n }, (_, i) => `${q}、在过去两周内—第${i + 1}行`);
      const questions = [...matrix(7, 9), '8、…', '9、…', '10、…', '11、…', ...matrix(12, 7)];
      const file = csv('wjx-text.csv', [[...header, ...questions], row(1, '张测试', '1')]);
      const r = run(['import', file, '-i', 'phq-a,gad-7', '--out', join(s.dir, 'wjx-text'), '--no-input']);
      expect(r.status).not.toBe(0);
      // Questions 7 (9 rows) and 12 (7 rows) are PHQ-A items 1–9 and GAD-7 1–7; PHQ-A's c, d (suicide) have no column.
      expect(r.stderr).toContain('no column for PHQ-A items c, d');
      expect(r.stderr).not.toContain('GAD-7 items');
      expect(r.stderr).not.toContain('expected --instrument');
      expect(r.stderr).not.toContain('你的学号');
    });
  });

  // QA round 16, 5: PHQ-A and GAD-7 numbered on after 问卷星's person questions, 7、 … 26、 (single-choice questions).
  describe('two instruments numbered on after the person questions', () => {
    const person = ['序号', '1、学号', '2、性别', '3、年级', '4、班级'];
    const questions = Array.from({ length: 20 }, (_, i) => `${i + 5}、第${i + 5}题`);
    // PHQ-A 1–9 with item 9 = 2, a–d (c = 1: serious ideation), then GAD-7 1–7.
    const answers = [...'000000002'.split(''), '0', '0', '1', '0', ...'1111111'.split('')];
    const file = () =>
      csv('wjx-on.csv', [
        [...person, ...questions],
        ['1', '20250001', '女', '初一', '1班', ...answers],
      ]);

    it('is an error naming the columns and the --map lines in --instrument order, never the delimiter', () => {
      const r = run(['import', file(), '-i', 'phq-a,gad-7', '--out', join(s.dir, 'wjx-on'), '--no-input']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('columns 6–25 (5、第5题 … 24、第24题) number 20 questions on');
      expect(r.stderr).toContain(
        '"column 6": phq-a.1 … "column 18": phq-a.d, "column 19": gad-7.1 … "column 25": gad-7.7 if it asks them in the order --instrument names them',
      );
      expect(r.stderr).not.toContain('--delimiter');
    });

    it('reads the file by the mapping file those lines make', () => {
      const phqA = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd'];
      const lines = [
        ...phqA.map((item, i) => `  "column ${i + 6}": phq-a.${item}`),
        ...Array.from({ length: 7 }, (_, i) => `  "column ${i + 19}": gad-7.${i + 1}`),
      ];
      const map = s.write('wjx-on.map.yaml', `instruments: [phq-a, gad-7]\ncolumns:\n${lines.join('\n')}\n`);
      const r = run(['import', file(), '--map', map, '--out', join(s.dir, 'wjx-on-map'), '--no-input']);
      expect(r.status, r.stderr).toBe(0);
      const [row] = readOutputCsv(join(s.dir, 'wjx-on-map', 'results.csv')).rows;
      expect([row?.level, row?.['phq-a_total'], row?.['gad-7_total']]).toEqual(['R3', '2', '7']);
      expect(row?.['phq-a_flags']).toContain('serious-suicidal-ideation');
    });
  });

  // QA round 17, 1: SDQ's impact question headed `classroom` was read as the class column: its answer lost, shown as a class.
  it('reads SDQ headed Q1 … Q25 and its impact questions by their words, classroom too, with -i sdq-self', () => {
    const impact = ['difficulties', 'distress', 'home', 'friendships', 'classroom', 'leisure'];
    const header = ['学号', '班级', ...Array.from({ length: 25 }, (_, i) => `Q${i + 1}`), ...impact];
    const answers = [...Array(25).fill('0'), '2', '3', '3', '3', '3', '3'];
    const file = csv('sdq-impact.csv', [header, ['20250001', '1班', ...answers]]);
    const r = run(['import', file, '-i', 'sdq-self', '--out', join(s.dir, 'sdq-impact'), '--no-input']);
    expect(r.status, r.stderr).toBe(0);
    const [row] = readOutputCsv(join(s.dir, 'sdq-impact', 'results.csv')).rows;
    expect([row?.class, row?.['sdq-self_impact'], row?.['sdq-self_impact_band']]).toEqual(['1班', '10', 'abnormal']);
  });

  describe('grade and class as 问卷星 asks for them (你所在的年级：, 班别 …)', () => {
    const gad7 = Array.from({ length: 7 }, (_, i) => `GAD-7 ${i + 1}`);
    const students = (klass: (n: number) => string) =>
      Array.from({ length: 10 }, (_, n) => [`2025000${n}`, n < 5 ? '初一' : '初二', klass(n), ...gad7.map(() => '1')]);

    it.each([
      ['3、你所在的年级：', '4、你所在的班级：'],
      ['所在年级', '所在班级'],
      ['就读年级', '班别'],
    ])('reads %s and %s: a by-grade and a by-class table', (grade, klass) => {
      const name = `grade-${grade.length}-${klass.length}`;
      const file = csv(`${name}.csv`, [
        ['1、你的学号：', grade, klass, ...gad7],
        ...students((n) => `${1 + (n % 2)}班`),
      ]);
      const r = run(['import', file, '--out', join(s.dir, name), '--no-input']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`grade (${grade}), class (${klass}); 0 other columns ignored`);
      expect(r.stderr).not.toContain('no class column');
      expect(r.stdout).toMatch(/By grade[\s\S]*初一[\s\S]*初二/);
      expect(r.stdout).toMatch(/By class[\s\S]*初一 +1班[\s\S]*初一 +2班/);
    });

    it('says so when the file has no class column: the by-class table and the follow-up list lack it', () => {
      const rows = students(() => '').map((row) => row.filter((_, i) => i !== 2));
      const file = csv('no-class.csv', [['学号', '年级', ...gad7], ...rows]);
      const r = run(['import', file, '--out', join(s.dir, 'no-class'), '--no-input']);
      expect(r.stderr).toContain(
        'no-class.csv: no class column (班级); the by-class table and the class in the follow-up list will be empty',
      );
    });

    // QA round 6: a class typed 7-1 is a date to Excel; the import showed 2025-07-01 as the class without a word.
    it('says when classes read as dates (Excel made 7-1 a date): in a workbook and in a CSV saved from it', async () => {
      const dateCell = (ref: string, serial: number) => `<c r="${ref}" s="1"><v>${serial}</v></c>`;
      const data = [['学号', '年级', '班级', ...gad7], ...students(() => 'DATE')]
        .map(
          (r, l) =>
            `<row r="${l + 1}">${r.map((v, i) => (v === 'DATE' ? dateCell(`${column(i)}${l + 1}`, 45839 + (l % 2)) : cell(`${column(i)}${l + 1}`, v))).join('')}</row>`,
        )
        .join('');
      const book = join(s.dir, 'class-dates.xlsx');
      const cellXfs =
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>';
      await writeZip(book, workbookParts({ sheets: [{ name: 'Sheet1', data }], styles: { cellXfs } }));
      const fromBook = run(['import', book, '--out', join(s.dir, 'class-dates-xlsx'), '--no-input']);
      expect(fromBook.status, fromBook.stderr).toBe(0);
      expect(fromBook.stderr).toMatch(/4 classes read as a date \(2025-07-0[12]\): Excel turns a class typed as 7-1/);
      const file = csv('class-dates.csv', [
        ['学号', '年级', '班级', ...gad7],
        ...students((n) => `2025/7/${1 + (n % 2)}`),
      ]);
      const fromCsv = run(['import', file, '--out', join(s.dir, 'class-dates-csv'), '--no-input']);
      expect(fromCsv.stderr).toContain('4 classes read as a date (2025/7/');
      // Classes as schools name them are not dates.
      const named = csv('class-named.csv', [['学号', '年级', '班级', ...gad7], ...students((n) => `7-${1 + (n % 2)}`)]);
      expect(run(['import', named, '--out', join(s.dir, 'class-named'), '--no-input']).stderr).not.toContain(
        'as a date',
      );
    });

    it('says it once for a workbook whose sheets have none, each counted by its sheet name', async () => {
      const rows = students(() => '').map((row) => row.filter((_, i) => i !== 2));
      const data = [['学号', '年级', ...gad7], ...rows]
        .map((r, l) => `<row r="${l + 1}">${r.map((v, i) => cell(`${column(i)}${l + 1}`, v)).join('')}</row>`)
        .join('');
      const file = join(s.dir, 'no-class.xlsx');
      await writeZip(
        file,
        workbookParts({
          sheets: [
            { name: '1班', data },
            { name: '2班', data },
          ],
        }),
      );
      const r = run(['import', file, '--out', join(s.dir, 'no-class-xlsx'), '--no-input']);
      expect(r.stderr.match(/no class column/g)).toHaveLength(1);
      expect(r.stderr).toContain('no class column (班级) in 2 sheets (1班, 2班)');
      expect(r.stdout).toMatch(/By class[\s\S]*1班[\s\S]*2班/);
    });
  });

  it.each([
    ['gad-7', ['学号', 'GAD-7 7'], 'GAD7_1 or "GAD-7 1、…"', '表头应类似 GAD7_1 或“GAD-7 1、……”'],
    ['phq-a', ['学号', 'PHQA9'], 'PHQA1 or "PHQ-A 1、…"', '表头应类似 PHQA1 或“PHQ-A 1、……”'],
  ])('a %s file missing items gives an example header that reads as item 1, not GAD-71', (id, head, en, zh) => {
    const file = csv(`missing-${id}.csv`, [head, ['20250001', '1']]);
    const r = run(['import', file, '-i', id, '--out', join(s.dir, `missing-${id}`), '--no-input']);
    expect(r.stderr).toContain(`expected headers such as ${en} (or a --map file)`);
    const zhRun = run([
      'import',
      file,
      '-i',
      id,
      '--out',
      join(s.dir, `missing-${id}-zh`),
      '--no-input',
      '--lang',
      'zh',
    ]);
    expect(zhRun.stderr).toContain(zh);
  });

  describe('a second class pasted below, with its own header in other words', () => {
    const items = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'c', 'd'];
    const student = (n: number, item9: string) =>
      [`20250101000${n}`, `Ceshi${n}`, 'F', '14', ...'00000000'.split(''), item9, '0', '0'].join(',');
    it.each([
      ['Q1 …', items.map((i) => `Q${i}`)],
      ['question texts', items.map((i) => `${i}. 过去两周的感受`)],
    ])('reads the rows under that header (%s) by it: the header set aside, no student rejected', (name, words) => {
      const lines = [
        ['student_id', 'name', 'sex', 'age', ...items.map((i) => `PHQ-A ${i}`)].join(','),
        student(1, '0'),
        ['学号', '姓名', '性别', '年龄', ...words].join(','),
        student(2, '2'),
      ];
      const out = `pasted-${name.length}`;
      const r = run(['import', s.write(`${out}.csv`, `${lines.join('\r\n')}\r\n`), '--out', join(s.dir, out)]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('a header in another layout on line 3');
      expect(readOutputCsv(join(s.dir, out, 'errors.csv')).rows).toEqual([]);
      const results = readOutputCsv(join(s.dir, out, 'results.csv')).rows;
      expect(results.map((row) => [row.line, row['phq-a_total']])).toEqual([
        ['2', '0'],
        ['4', '2'],
      ]);
      // Item 9 answered under the second header: its flag is read.
      expect(results[1]?.['phq-a_flags']).not.toBe('');
    });
  });

  describe('a file without its header row', () => {
    const students = [
      ['202501110001', '郭测试', '女', '13', '初一', '初一(1)班', '完全不会', '好几天', '完全不会', '否'],
      ['202501110002', '赵测试', '男', '12', '初一', '初一(1)班', '完全不会', '完全不会', '完全不会', '否'],
    ];
    const secrets = ['202501110001', '郭测试', '13', '初一(1)班'];

    it.each([
      ['csv', []],
      ['csv', ['-i', 'phq-a,gad-7']],
      ['xlsx', []],
      ['xlsx (13岁, 1班)', []],
    ])('says line 1 looks like answers, and repeats no cell of it (%s %j)', async (kind, flags) => {
      const rows = kind.includes('岁')
        ? students.map((r) => [r[0] ?? '', '王一', '男', '13岁', '初一', '1班', '2', '3'])
        : students;
      const out = `headerless-${kind.length}-${flags.length}`;
      const file = kind.startsWith('xlsx') ? await workbook(`${out}.xlsx`, rows) : csv(`${out}.csv`, rows);
      const r = run(['import', file, ...flags, '--out', join(s.dir, out), '--no-input', '--json']);
      expect(r.status).not.toBe(0);
      expect(r.stdout + r.stderr).toContain('the first row looks like answers, not a header row');
      const printed = (r.stdout + r.stderr).replaceAll(file, 'FILE');
      for (const secret of [...secrets, '13岁', '王一']) expect(printed).not.toContain(secret);
    });
  });

  // 腾讯问卷: each header after its question number and a colon; 编号 is the response number, not the student id.
  it('reads a 腾讯问卷 export: `Q3:GAD-7 1` is GAD-7 item 1, the questions before it person columns', () => {
    const items = Array.from({ length: 7 }, (_, i) => `Q${i + 3}:GAD-7 ${i + 1}`);
    const file = csv('tencent.csv', [
      ['编号', 'Q1:学号', 'Q2:性别', ...items],
      ['1', '202590000001', '女', '1', '2', '0', '1', '3', '0', '1'],
      ['2', '202590000002', '男', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    const r = run(['import', file, '--out', join(s.dir, 'tencent'), '--no-input']);
    expect(r.status, r.stderr).toBe(0);
    const rows = readOutputCsv(join(s.dir, 'tencent', 'results.csv')).rows;
    expect(rows.map((row) => [row.student_id, row['gad-7_total']])).toEqual([
      ['202590000001', '8'],
      ['202590000002', '0'],
    ]);
  });
});
