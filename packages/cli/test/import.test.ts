import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/csv/read-csv.ts';
import { chromiumMissing, openInChromium } from './chromium.ts';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

const examples = fileURLToPath(new URL('../../../examples/screenings/', import.meta.url));

describe('triage import', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const copy = (name: string) => {
    const path = join(s.dir, name);
    copyFileSync(join(examples, name), path);
    return path;
  };
  const run = (args: readonly string[], extra: Record<string, string> = {}) => runCli(args, { ...env, ...extra });
  afterAll(() => s.done());

  describe('a class of 40 in UTF-8 with English headers and in GB18030 with Chinese headers and text answers', () => {
    let en: ReturnType<typeof readOutputCsv>;
    let zh: ReturnType<typeof readOutputCsv>;
    let enRun: ReturnType<typeof runCli>;
    beforeAll(() => {
      enRun = run(['import', copy('class-40.en.csv'), '--out', join(s.dir, 'en')]);
      run(['import', copy('class-40.zh.gb18030.csv'), '--out', join(s.dir, 'zh'), '--lang', 'zh']);
      en = readOutputCsv(join(s.dir, 'en', 'results.csv'));
      zh = readOutputCsv(join(s.dir, 'zh', 'results.csv'));
    });

    it('scores every row, exit 0, and says how it read and mapped the file', () => {
      expect(enRun.status).toBe(0);
      expect(en.rows).toHaveLength(40);
      expect(enRun.stderr).toContain('read as UTF-8 (detected)');
      expect(enRun.stderr).toMatch(/PHQ-A \+ GAD-7/);
      expect(enRun.stdout).toContain('40 rows read: 40 scored, 0 rejected');
    });

    it('gives the same students the same scores and levels from both files', () => {
      const key = (r: Record<string, string>) =>
        [r.line, r.student_id, r.level, r['phq-a_total'], r['phq-a_flags'], r['gad-7_total']].join('|');
      expect(zh.rows.map(key)).toEqual(en.rows.map(key));
      expect(zh.rows.filter((r) => r.level === 'R3').length).toBeGreaterThan(0);
    });

    it('reads the same students PHQ-A from a 问卷星 download that numbers every question on (wjx-phqa.csv)', () => {
      const wjxRun = run(['import', copy('wjx-phqa.csv'), '--out', join(s.dir, 'wjx'), '--instrument', 'phq-a']);
      expect(wjxRun.status, wjxRun.stderr).toBe(0);
      expect(wjxRun.stderr).toContain('PHQ-A items a, b, c, d read by position from columns 18, 19, 20, 21');
      const wjx = readOutputCsv(join(s.dir, 'wjx', 'results.csv'));
      const key = (r: Record<string, string>) =>
        [r.line, r.student_id, r['phq-a_total'], r['phq-a_band'], r['phq-a_flags']].join('|');
      expect(wjx.rows.map(key)).toEqual(en.rows.map(key));
      expect(wjx.rows.some((r) => r['phq-a_flags'] !== '')).toBe(true);
    });

    it('lists the students to follow up by pseudonym and line, never by name or id', () => {
      const source = readFileSync(join(examples, 'class-40.en.csv'), 'utf8');
      const [, ...records] = [...readCsv(source, { delimiter: ',' })];
      for (const r of records) {
        expect(enRun.stdout).not.toContain(r.fields[1]); // name
        expect(enRun.stdout).not.toContain(r.fields[0]); // student id
      }
      const urgent = en.rows.filter((r) => r.level === 'R3' || r.level === 'R4');
      expect(enRun.stdout).toContain(`${urgent.length} students at R3 or above`);
      for (const r of urgent) expect(enRun.stdout).toMatch(new RegExp(`P-[0-9a-f]{16}\\s+line ${r.line}\\b`));
    });

    it('writes its files with mode 0600 in a 0700 folder, never names or answers in results', () => {
      const dir = join(s.dir, 'en');
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      for (const name of ['results.csv', 'results.json', 'errors.csv', 'report.html', '.triage-import.json']) {
        expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
      }
      expect(en.header).not.toContain('name');
      expect(en.header.some((h) => /PHQA\d/.test(h))).toBe(false);
      const json = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
      expect(json.results).toHaveLength(40);
      expect(json.summary.scored).toBe(40);
      for (const row of json.results) expect(json.decisions[row.decision]).toBeDefined();
    });

    it('writes results.json a result a line, so a file too big to parse whole reads line by line (the guide says how)', () => {
      const text = readFileSync(join(s.dir, 'en', 'results.json'), 'utf8');
      const lines = text.split('\n');
      const from = lines.indexOf('"results": [');
      const to = lines.indexOf('],', from);
      expect(from).toBeGreaterThan(0);
      const rows = lines.slice(from + 1, to).map((line, i, all) => {
        // A comma ends every result line but the last.
        expect(line.endsWith(','), `line ${i}`).toBe(i < all.length - 1);
        return JSON.parse(line.replace(/,$/, ''));
      });
      expect(rows).toEqual(JSON.parse(text).results);
    });

    it('re-running the same import replaces the results with identical files', () => {
      const dir = join(s.dir, 'en');
      const before = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
      expect(run(['import', join(s.dir, 'class-40.en.csv'), '--out', dir]).status).toBe(0);
      for (const [name, bytes] of Object.entries(before))
        expect(readFileSync(join(dir, name)).equals(bytes)).toBe(true);
    });
  });

  describe('the messy file: every kind of error', () => {
    let result: ReturnType<typeof runCli>;
    let results: ReturnType<typeof readOutputCsv>;
    let errors: ReturnType<typeof readOutputCsv>;
    beforeAll(() => {
      result = run(['import', copy('messy.csv'), '--out', join(s.dir, 'messy'), '--json']);
      results = readOutputCsv(join(s.dir, 'messy', 'results.csv'));
      errors = readOutputCsv(join(s.dir, 'messy', 'errors.csv'));
    });

    it('exits 3 (completed with rejected rows) and reports the counts in the JSON envelope', () => {
      expect(result.status).toBe(3);
      const summary = JSON.parse(result.stdout);
      expect(summary.status).toBe('complete');
      expect(summary.exitCode).toBe(3);
      expect(summary.counts).toMatchObject({ rows: 29, scored: 19, rejected: 10, blankRows: 4, duplicateIds: 1 });
    });

    it('says exit code 1 in the JSON envelope too when every row is rejected (status complete: errors.csv holds them)', () => {
      const file = join(s.dir, 'all-rejected.csv');
      writeFileSync(
        file,
        'student_id,PHQ9_1,PHQ9_2,PHQ9_3,PHQ9_4,PHQ9_5,PHQ9_6,PHQ9_7,PHQ9_8,PHQ9_9\nS1,0,0,0,0,0,0,0,0,7\n',
      );
      const r = run(['import', file, '--out', join(s.dir, 'all-rejected'), '--json']);
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({
        status: 'complete',
        exitCode: 1,
        counts: { rows: 1, scored: 0, rejected: 1 },
      });
    });

    it('puts every data row in exactly one place: results or errors', () => {
      const lines = [...results.rows.map((r) => Number(r.line)), ...errors.rows.map((r) => Number(r._line))];
      expect(new Set(lines).size).toBe(lines.length);
      expect(lines).toHaveLength(29);
    });

    it.each([
      [4, 'SCALES_UNKNOWN_LABEL', '9'],
      [6, 'SCALES_ITEM_OUT_OF_RANGE', '21'],
      [7, 'SCALES_ITEM_OUT_OF_RANGE', '11'],
      [15, 'IMPORT_FIELD_COUNT', ''],
      [16, 'IMPORT_FIELD_COUNT', ''],
      [20, 'IMPORT_ID_MANGLED', '1'],
      [26, 'IMPORT_AGE_INVALID', '4'],
      [27, 'IMPORT_AGE_RANGE', '4'],
      [28, 'IMPORT_SEX_INVALID', '3'],
      [29, 'IMPORT_ID_MISSING', '1'],
    ])('rejects line %i with %s at column %s, keeping its original cells', (line, code, column) => {
      const row = errors.rows.find((r) => Number(r._line) === line);
      expect(row?._code).toBe(code);
      expect(row?._column).toBe(column);
      expect(row?._message).not.toBe('');
      expect(row?.student_id).toBeDefined();
    });

    it('prorates a total with a blank item as the engine says, rounded only when asked', () => {
      expect(results.rows.find((r) => r.line === '10')?.['phq-a_total']).toBe('11.25');
      const out = join(s.dir, 'messy-rounded');
      run(['import', join(examples, 'messy.csv'), '--out', out, '--proration-rounding', 'half-up']);
      expect(readOutputCsv(join(out, 'results.csv')).rows.find((r) => r.line === '10')?.['phq-a_total']).toBe('11');
    });

    it('escalates a blank self-harm item instead of reading it as 0', () => {
      const row = results.rows.find((r) => r.line === '10');
      expect(row?.['phq-a_flags']).toContain('self-harm-thoughts:unknown');
      expect(['R3', 'R4']).toContain(row?.level);
    });

    it('accepts a full-width digit, a trailing empty field and a formula-looking name', () => {
      for (const line of ['11', '30', '31']) expect(results.rows.some((r) => r.line === line)).toBe(true);
    });

    it('marks the duplicate id and warns about ids that lost their leading zeros', () => {
      expect(results.rows.find((r) => r.line === '19')?.duplicate_of).toBe('17');
      expect(result.stderr).toMatch(/1 row repeats a student id seen earlier \(e.g. line 19\)/);
      expect(result.stderr).toMatch(/2 student ids look like they lost leading zeros/);
    });

    it('defuses formulas in every CSV it writes', () => {
      const text = readFileSync(join(s.dir, 'messy', 'errors.csv'), 'utf8');
      for (const record of readCsv(text.slice(1), { delimiter: ',' })) {
        for (const field of record.fields) expect(field).not.toMatch(/^[=+@]/);
      }
    });
  });

  it('reads every sheet of a workbook and names rows by sheet and row', () => {
    const out = join(s.dir, 'xlsx');
    const r = run(['import', copy('grade-7.xlsx'), '--out', out, '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.source).toEqual({ kind: 'xlsx', sheets: ['初一(1)班', '初一(2)班', '初一(3)班'], skipped: [] });
    expect(summary.counts.scored).toBe(105);
    const results = readOutputCsv(join(out, 'results.csv'));
    expect(new Set(results.rows.map((row) => row.sheet))).toEqual(new Set(summary.source.sheets));
    expect(results.rows.every((row) => /^\d{12}$/.test(row.student_id ?? ''))).toBe(true);
  });

  it('reads Excel "Unicode text" (UTF-16LE with BOM, tab-separated) like the CSV it came from', () => {
    const csv = readFileSync(join(examples, 'class-40.en.csv'), 'utf8');
    const tsv = [...readCsv(csv, { delimiter: ',' })].map((r) => r.fields.join('\t')).join('\r\n');
    const file = s.write(
      'class-40.utf16.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${tsv}\r\n`, 'utf16le')]),
    );
    const r = run(['import', file, '--out', join(s.dir, 'utf16'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source).toEqual({ kind: 'csv', encoding: 'utf-16le', delimiter: '\t' });
    const a = readOutputCsv(join(s.dir, 'utf16', 'results.csv')).rows.map((row) => [row.student_id, row.level]);
    expect(run(['import', join(examples, 'class-40.en.csv'), '--out', join(s.dir, 'utf8')]).status).toBe(0);
    const b = readOutputCsv(join(s.dir, 'utf8', 'results.csv')).rows.map((row) => [row.student_id, row.level]);
    expect(a).toEqual(b);
  });

  it('--sheet imports only the sheets named, and an unknown sheet lists the real ones', () => {
    const file = join(examples, 'grade-7.xlsx');
    const r = run(['import', file, '--sheet', '初一(2)班', '--out', join(s.dir, 'sheet'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).counts.scored).toBe(34);
    // A wrong flag value: exit 2, as for any other.
    const bad = run(['import', file, '--sheet', '初二(9)班', '--out', join(s.dir, 'sheet2')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('初一(1)班');
    const csv = run(['import', join(examples, 'messy.csv'), '--sheet', 'x', '--dry-run']);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toContain('--sheet applies to .xlsx workbooks only');
  });

  it('a workbook with an instructions sheet: it is not read (said), the data imports; named with --sheet, its rows go to errors.csv', async () => {
    const { writeXlsx } = await import('../src/xlsx/write-xlsx.ts');
    const records = [...readCsv(readFileSync(join(examples, 'class-40.en.csv'), 'utf8'), { delimiter: ',' })];
    const file = join(s.dir, 'with-notes.xlsx');
    await writeXlsx(file, [
      { name: '说明', rows: [['填写说明'], ['每个学生一行，学号请设为文本格式']] },
      { name: '7-1', rows: records.map((r) => [...r.fields]) },
    ]);
    const r = run(['import', file, '--out', join(s.dir, 'with-notes'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 40, scored: 40, rejected: 0 });
    expect(r.stderr).toContain('sheet "说明" (2 rows) not read');
    const named = run([
      'import',
      file,
      '--sheet',
      '说明',
      '--sheet',
      '7-1',
      '--out',
      join(s.dir, 'notes-named'),
      '--json',
    ]);
    expect(named.status).toBe(3);
    // Both of its rows: a sheet whose header cannot be read has no header row to skip.
    expect(JSON.parse(named.stdout).counts).toMatchObject({ scored: 40, rejected: 2 });
    expect(named.stderr).toContain('sheet "说明"');
    const errors = readOutputCsv(join(s.dir, 'notes-named', 'errors.csv'));
    expect(errors.header).toContain('student_id');
    expect(errors.rows.map((row) => [row._sheet, row._line, row._code])).toEqual([
      ['说明', '1', 'IMPORT_SHEET_UNMAPPED'],
      ['说明', '2', 'IMPORT_SHEET_UNMAPPED'],
    ]);
  });

  it('skips a title and notes above the header, in a CSV and in a workbook sheet, and says so', async () => {
    const csv = readFileSync(join(examples, 'class-40.en.csv'), 'utf8');
    const file = s.write('titled.csv', `某某中学2025年秋季心理健康筛查,,,\n导出时间：2025-10-01\n\n${csv}`);
    const r = run(['import', file, '--out', join(s.dir, 'titled'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 40, scored: 40, rejected: 0 });
    expect(r.stderr).toContain('header on line 4; 2 lines above it skipped');
    const plain = run(['import', join(examples, 'class-40.en.csv'), '--out', join(s.dir, 'untitled')]);
    expect(plain.status).toBe(0);
    const rows = (dir: string, shift: number) =>
      readOutputCsv(join(s.dir, dir, 'results.csv')).rows.map((row) => ({ ...row, line: Number(row.line) - shift }));
    expect(rows('titled', 3)).toEqual(rows('untitled', 0));

    const { writeXlsx } = await import('../src/xlsx/write-xlsx.ts');
    const records = [...readCsv(csv, { delimiter: ',' })].map((rec) => [...rec.fields]);
    const book = join(s.dir, 'titled.xlsx');
    await writeXlsx(book, [{ name: '7-1', rows: [['初一(1)班 心理筛查结果'], [], ...records] }]);
    const x = run(['import', book, '--out', join(s.dir, 'titled-xlsx'), '--json', '--lang', 'zh']);
    expect(x.status).toBe(0);
    expect(JSON.parse(x.stdout).counts).toMatchObject({ scored: 40, rejected: 0 });
    expect(x.stderr).toContain('表头在第 3 行；其上 1 行');
  });

  it('reads a class name merged down the rows of its students, under a merged title', async () => {
    const { workbookParts, writeZip } = await import('../src/xlsx/zip-fixture.ts');
    const records = [...readCsv(readFileSync(join(examples, 'class-40.en.csv'), 'utf8'), { delimiter: ',' })];
    const column = (i: number) => String.fromCharCode(65 + (i % 26)).padStart(i < 26 ? 1 : 2, 'A');
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const classAt = records[0]?.fields.indexOf('class') ?? -1;
    // Row 1 the title, row 2 the header, rows 3–42 the students; the class only in its first row, merged down.
    const data = [
      `<row r="1">${cell('A1', '初一(1)班 心理筛查')}</row>`,
      ...records.map((rec, r) => {
        const line = r + 2;
        const cells = rec.fields.map((v, i) => (i === classAt && r > 1 ? '' : cell(`${column(i)}${line}`, v)));
        return `<row r="${line}">${cells.join('')}</row>`;
      }),
    ].join('');
    const last = column((records[0]?.fields.length ?? 1) - 1);
    const merges = `<mergeCells count="2"><mergeCell ref="A1:${last}1"/><mergeCell ref="${column(classAt)}3:${column(classAt)}42"/></mergeCells>`;
    const file = join(s.dir, 'merged.xlsx');
    await writeZip(file, workbookParts({ sheets: [{ name: '7-1', data, after: merges }] }));
    const r = run(['import', file, '--out', join(s.dir, 'merged'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 40, rejected: 0 });
    const results = readOutputCsv(join(s.dir, 'merged', 'results.csv')).rows;
    expect(new Set(results.map((row) => row.class))).toEqual(new Set(['7-1']));
  });

  it('reads a header of two rows, a group row over the item numbers, merged in a workbook or repeated in a CSV', async () => {
    const { workbookParts, writeZip } = await import('../src/xlsx/zip-fixture.ts');
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const cols = 'ABCDEFGHIJ'.split('');
    const students = [
      ['2025001', '男', '14', '0', '1', '2', '3', '0', '1', '2'],
      ['2025002', '女', '15', '3', '3', '3', '3', '3', '3', '3'],
    ];
    const row = (line: number, values: readonly string[]) =>
      `<row r="${line}">${values.map((v, i) => (v === '' ? '' : cell(`${cols[i]}${line}`, v))).join('')}</row>`;
    const data = [
      row(1, ['学号', '性别', '年龄', 'GAD-7']),
      row(2, ['', '', '', '1', '2', '3', '4', '5', '6', '7']),
      ...students.map((values, i) => row(i + 3, values)),
    ].join('');
    // 学号, 性别, 年龄 merged down both header rows; GAD-7 merged across its seven items.
    const merges =
      '<mergeCells count="4"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/><mergeCell ref="C1:C2"/><mergeCell ref="D1:J1"/></mergeCells>';
    const book = join(s.dir, 'two-rows.xlsx');
    await writeZip(book, workbookParts({ sheets: [{ name: '初二(3)班', data, after: merges }] }));
    const x = run(['import', book, '--out', join(s.dir, 'two-rows-xlsx'), '--json']);
    expect(x.status).toBe(0);
    expect(JSON.parse(x.stdout).counts).toMatchObject({ scored: 2, rejected: 0 });
    expect(x.stderr).toContain('header on lines 1–2, read as one');
    const totals = (dir: string) =>
      readOutputCsv(join(s.dir, dir, 'results.csv')).rows.map((r) => [r.student_id, r['gad-7_total']]);
    expect(totals('two-rows-xlsx')).toEqual([
      ['2025001', '9'],
      ['2025002', '21'],
    ]);

    // The same saved as CSV: the group name repeated, or only over the first item (Excel's merged cells), or a group
    // over the person columns too (基本信息: their own names stay as they are).
    const headers = {
      repeated: ['学号,性别,年龄,GAD-7,GAD-7,GAD-7,GAD-7,GAD-7,GAD-7,GAD-7', ',,,1,2,3,4,5,6,7'],
      'first-cell': ['学号,性别,年龄,GAD-7,,,,,,', ',,,1,2,3,4,5,6,7'],
      grouped: ['基本信息,,,GAD-7,,,,,,', '学号,性别,年龄,1,2,3,4,5,6,7'],
      // The instrument's name with words around it: its short name is what counts.
      'long name': ['学号,性别,年龄,GAD-7 广泛性焦虑量表,,,,,,', ',,,1,2,3,4,5,6,7'],
      'name in brackets': ['学号,性别,年龄,广泛性焦虑量表（GAD-7）,,,,,,', ',,,1,2,3,4,5,6,7'],
    };
    for (const [name, header] of Object.entries(headers)) {
      const csv = s.write(
        `two-rows-${name}.csv`,
        `${[...header, ...students.map((v) => v.join(','))].join('\r\n')}\r\n`,
      );
      const r = run(['import', csv, '--out', join(s.dir, `two-rows-${name}`)]);
      expect(r.status, name).toBe(0);
      expect(r.stderr, name).toContain('header on lines 1–2, read as one');
      expect(totals(`two-rows-${name}`), name).toEqual(totals('two-rows-xlsx'));
    }
  });

  it('looks no further than 10 lines down for the header: past that, the first line is taken and its problem said', () => {
    const csv = readFileSync(join(examples, 'class-40.en.csv'), 'utf8');
    const notes = Array.from({ length: 11 }, (_, i) => `note ${i + 1}`).join('\n');
    const file = s.write('deep.csv', `${notes}\n${csv}`);
    const r = run(['import', file, '--out', join(s.dir, 'deep'), '--no-input']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${file}:1: no item columns recognised`);
  });

  it('the follow-up list shows a Zung scale by its standard score, the score its band is read on', () => {
    const items = Array.from({ length: 20 }, (_, i) => `SDS${i + 1}`).join(',');
    // Raw total 50 → 标准分 63 (moderate, Chinese norm); item 19 answered 2 puts the student at R3.
    const file = s.write(
      'sds.csv',
      `学号,性别,年级,班级,${items}\n20250001,女,初二,3班,1,2,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,2,1\n`,
    );
    const en = run(['import', file, '--out', join(s.dir, 'sds-en'), '--no-input']);
    expect(en.stdout).toMatch(/R3 high .* SDS index 63 \(moderate\)/);
    expect(en.stdout).not.toContain('SDS 50');
    const zh = run(['import', file, '--out', join(s.dir, 'sds-zh'), '--no-input', '--lang', 'zh']);
    expect(zh.stdout).toContain('SDS 标准分 63 (中度抑郁)');
    expect(readFileSync(join(s.dir, 'sds-zh', 'report.html'), 'utf8')).toContain('SDS 标准分 63 (中度抑郁)');
  });

  it('the follow-up list says an ASQ or C-SSRS result in words (no total, no band), never "—"', () => {
    const asq = Array.from({ length: 5 }, (_, i) => `ASQ${i + 1}`).join(',');
    const cssrs = ['C-SSRS 1', 'C-SSRS 2', 'C-SSRS 3', 'C-SSRS 4', 'C-SSRS 5', 'C-SSRS 6', 'C-SSRS 6b'].join(',');
    // Line 2: ASQ acute positive, C-SSRS intent with a plan (R4). Line 3: ASQ non-acute positive, behaviour (R3).
    const file = s.write(
      'asq-cssrs.csv',
      `student_id,sex,age,grade,class,${asq},${cssrs}\n` +
        '202501010001,F,14,8,8-1,1,1,1,0,1,1,1,1,1,1,0,\n' +
        '202501010002,F,14,8,8-1,0,0,0,1,0,0,0,,,,1,1\n',
    );
    const en = run(['import', file, '--out', join(s.dir, 'asq-en'), '--no-input']);
    expect(en.stdout).toMatch(/R4 imminent .* ASQ acute positive, C-SSRS Screener high risk/);
    expect(en.stdout).toMatch(/R3 high .* ASQ non-acute positive, C-SSRS Screener high risk/);
    expect(en.stdout).not.toContain('ASQ —');
    const zh = run(['import', file, '--out', join(s.dir, 'asq-zh'), '--no-input', '--lang', 'zh']);
    expect(zh.stdout).toContain('ASQ 急性阳性, C-SSRS Screener 高风险');
    const html = readFileSync(join(s.dir, 'asq-zh', 'report.html'), 'utf8');
    expect(html).toContain('<li>ASQ 急性阳性</li>');
    expect(html).toContain('<li>C-SSRS Screener 高风险</li>');
    expect(html).not.toContain('ASQ —');
  });

  // QA round 15, 4: a flag id raised on several items (C-SSRS cssrs-endorsed) read as one id repeated.
  it('results.csv names the item of each flag whose id is raised on several items (ASQ, C-SSRS)', () => {
    const asq = Array.from({ length: 5 }, (_, i) => `ASQ${i + 1}`).join(',');
    const cssrs = ['C-SSRS 1', 'C-SSRS 2', 'C-SSRS 3', 'C-SSRS 4', 'C-SSRS 5', 'C-SSRS 6', 'C-SSRS 6b'].join(',');
    const file = s.write('flags.csv', `student_id,class,${asq},${cssrs}\n202501010003,8-1,1,0,0,0,0,1,1,1,1,0,0,\n`);
    const out = join(s.dir, 'flags');
    const r = run(['import', file, '--out', out, '--no-input']);
    expect(r.status, r.stderr).toBe(0);
    const [row] = readOutputCsv(join(out, 'results.csv')).rows;
    // One ASQ flag of its id: as before. Four C-SSRS flags of one id: each with its item.
    expect(row?.asq_flags).toBe('asq-endorsed:positive');
    expect(row?.['cssrs-screener_flags']).toBe(
      'cssrs-endorsed(item 1):positive;cssrs-endorsed(item 2):positive;cssrs-endorsed(item 3):positive;cssrs-endorsed(item 4):positive',
    );
  });

  it("warns when the file's own total column disagrees with the computed totals (items reversed twice)", () => {
    const items = Array.from({ length: 20 }, (_, i) => `SDS${i + 1}`).join(',');
    // Line 2: a 问卷星 "按分值" row whose reverse items (2, 5, 6, 11, 12, 14, 16–18, 20) the platform already reversed:
    // its 总分 59 is the answers summed as written; triage reverses them again (29). Line 3: option numbers, 59 right.
    const rows = ['2,4,2,2,4,4,2,1,2,3,4,4,2,4,2,4,4,4,1,4,59', '2,1,2,2,1,1,2,1,2,3,1,1,2,1,2,1,1,1,1,1,59'];
    const file = s.write('scored.csv', `学号,${items},总分\n${rows.map((r, i) => `2025000${i},${r}`).join('\n')}\n`);
    const r = run(['import', file, '--out', join(s.dir, 'scored'), '--no-input']);
    expect(r.stderr).toContain(
      'the file\'s own total column "总分" differs from the computed total in 1 of 2 rows (line 2: 59 in the file, 29 computed); it equals the answers summed as written, with no item reversed',
    );
    const json = JSON.parse(run(['import', file, '--out', join(s.dir, 'scored'), '--no-input', '--json']).stdout);
    expect(json.warnings.some((w: string) => w.includes('"总分" differs'))).toBe(true);
    // Totals that agree, or a column of the standard score (标准分, ×1.25): nothing to say.
    const agree = s.write('agree.csv', `学号,${items},SDS总分\n20250001,${rows[1]}\n`);
    expect(run(['import', agree, '--out', join(s.dir, 'agree'), '--no-input']).stderr).not.toContain('total column');
    const index = s.write('index.csv', `学号,${items},得分\n20250001,${(rows[1] as string).replace(/,59$/, ',74')}\n`);
    expect(run(['import', index, '--out', join(s.dir, 'index'), '--no-input']).stderr).not.toContain('total column');
  });

  it('--dry-run validates and summarises without writing anything', () => {
    const out = join(s.dir, 'dry');
    const r = run(['import', join(examples, 'messy.csv'), '--out', out, '--dry-run']);
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('Dry run: nothing was written.');
    expect(existsSync(out)).toBe(false);
  });

  it('--pseudonymize keeps student ids out of every output file', () => {
    const out = join(s.dir, 'pseudo');
    expect(run(['import', join(examples, 'class-40.en.csv'), '--out', out, '--pseudonymize']).status).toBe(0);
    const results = readOutputCsv(join(out, 'results.csv'));
    expect(results.header).toContain('pseudonym');
    expect(results.header).not.toContain('student_id');
    const all = readdirSync(out)
      .map((f) => readFileSync(join(out, f), 'utf8'))
      .join('\n');
    expect(all).not.toMatch(/20250111\d{4}/);
    expect(results.rows.every((row) => /^P-[0-9a-f]{16}$/.test(row.pseudonym ?? ''))).toBe(true);
  });

  describe('column mapping', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}题`).join(',');
    // 20 unnamed items: SDS or SAS? Never a guess.
    const generic = () => s.write('generic.csv', `学号,性别,年龄,${items(20)}\r\n1001,男,15,${'1,'.repeat(19)}1\r\n`);

    it('nine unnamed items are taken as the only instrument that has exactly them, and said so', () => {
      const file = s.write('nine.csv', `学号,性别,年龄,${items(9)}\r\n1001,男,15,0,1,2,3,0,1,2,3,1\r\n`);
      const r = run(['import', file, '--out', join(s.dir, 'nine'), '--json']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).instruments).toEqual(['phq-9']);
      expect(r.stderr).toMatch(/taken as PHQ-9.*--instrument/);
    });

    it('without a terminal, unnamed item columns are an error naming the flags that fix it', () => {
      const r = run(['import', generic(), '--out', join(s.dir, 'generic')]);
      expect(r.status).toBe(1);
      // Every 20-item instrument fits (SDS, SAS, CES-D …): named, with the flag that picks one.
      expect(r.stderr).toMatch(/fit several instruments \((?=[^)]*\bsds\b)(?=[^)]*\bsas\b)[^)]*\)/);
      expect(r.stderr).toMatch(/--instrument/);
      expect(r.stderr).toMatch(/--map/);
      expect(existsSync(join(s.dir, 'generic'))).toBe(false);
    });

    it('--instrument names them', () => {
      const r = run(['import', generic(), '--out', join(s.dir, 'generic'), '--instrument', 'sds', '--json']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).instruments).toEqual(['sds']);
    });

    // QA round 11, HIGH-1: SDS named, none of its columns found, and the import went on with PHQ-A alone, exit 0.
    it.each([
      ['--instrument', ['-i', 'phq-a,gad-7,sds']],
      ['a mapping file', ['--map', 'named.yaml']],
    ])('refuses an instrument named by %s when none of its columns is found, writing nothing', (_, flags) => {
      s.write('named.yaml', 'instruments: [phq-a, gad-7, sds]\n');
      const args = flags.map((f) => (f === 'named.yaml' ? join(s.dir, f) : f));
      const out = join(s.dir, `named-${flags[0]}`);
      const r = run(['import', join(examples, 'class-40.en.csv'), ...args, '--out', out, '--no-input']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('class-40.en.csv:1: no column for SDS items 1, 2, 3');
      expect(existsSync(out)).toBe(false);
    });

    it('reads an instrument named twice with --instrument once (-i "phq-a, gad-7, gad-7")', () => {
      const r = run(['import', join(examples, 'class-40.en.csv'), '-i', 'phq-a, gad-7, gad-7', '--dry-run', '--json']);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).instruments).toEqual(['phq-a', 'gad-7']);
    });

    it('a --map file maps any header, and its mistakes point at line and column', () => {
      const file = s.write('odd.csv', 'Kennung,Geschlecht,A,B\r\n7,m,1,2\r\n');
      const good = s.write(
        'good.yaml',
        'columns:\n  Kennung: studentId\n  Geschlecht: sex\n  A: gad-2.1\n  B: gad-2.2\n',
      );
      const r = run(['import', file, '--map', good, '--out', join(s.dir, 'odd'), '--json']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).counts.scored).toBe(1);
      const bad = s.write('bad.yaml', 'columns:\n  Kennung: studentId\n  A: gad-2.9\n');
      const b = run(['import', file, '--map', bad, '--out', join(s.dir, 'odd2')]);
      expect(b.status).toBe(1);
      expect(b.stderr).toContain('bad.yaml:3:');
    });
  });

  it('refuses to mix another file into an import folder', () => {
    const out = join(s.dir, 'shared');
    expect(run(['import', join(examples, 'class-40.en.csv'), '--out', out]).status).toBe(0);
    const r = run(['import', join(examples, 'messy.csv'), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('class-40.en.csv');
  });

  it('import template writes a CSV with BOM and an XLSX that import maps without questions', () => {
    const dir = join(s.dir, 'templates', 'new');
    const r = run(['import', 'template', 'phq-a', 'gad-7', '--out', dir, '--lang', 'zh']);
    expect(r.status).toBe(0);
    const csv = join(dir, 'template-phq-a-gad-7.csv');
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFF学号,姓名')).toBe(true);
    writeFileSync(
      csv,
      `${readFileSync(csv, 'utf8')}1001,x,女,14,初二,初二(1)班,${'0,'.repeat(13)}${'1,'.repeat(6)}1\r\n`,
    );
    const imported = run(['import', csv, '--out', join(s.dir, 'tpl'), '--json']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout).instruments).toEqual(['phq-a', 'gad-7']);
    expect(existsSync(join(dir, 'template-phq-a-gad-7.xlsx'))).toBe(true);
  });

  it('import template names an instrument given twice once, so that its own import reads it', () => {
    const dir = join(s.dir, 'templates', 'twice');
    const r = run(['import', 'template', 'phq-a', 'gad-7', 'phq-a', '--out', dir]);
    expect(r.status).toBe(0);
    const csv = join(dir, 'template-phq-a-gad-7.csv');
    expect(readdirSync(dir).sort()).toEqual(['template-phq-a-gad-7.csv', 'template-phq-a-gad-7.xlsx']);
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}1001,x,female,14,8,8-1,${'0,'.repeat(13)}${'1,'.repeat(6)}1\r\n`);
    const imported = run(['import', csv, '--out', join(s.dir, 'tpl-twice'), '--json']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout).instruments).toEqual(['phq-a', 'gad-7']);
  });

  describe('files that are not what they seem, and rows that are not screenings', () => {
    const header = `学号,姓名,性别,年龄,${Array.from({ length: 7 }, (_, i) => `GAD-7 第${i + 1}题`).join(',')}`;

    it('maps `GAD-7 第1题` headers, and rejects a row without a single answer instead of escalating it', () => {
      const file = s.write('absent.csv', `${header}\r\n1001,甲,男,15,0,1,0,1,0,1,0\r\n1002,乙,女,15,,,,,,,\r\n`);
      const r = run(['import', file, '--out', join(s.dir, 'absent'), '--json']);
      expect(r.status).toBe(3);
      expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 1, rejected: 1 });
      const errors = readOutputCsv(join(s.dir, 'absent', 'errors.csv'));
      expect(errors.rows.map((row) => row._code)).toEqual(['IMPORT_NO_ANSWERS']);
    });

    it('puts a rejected row with a risk signal first, on screen and in the report', () => {
      const phq = Array.from({ length: 9 }, (_, i) => `PHQ9_${i + 1}`).join(',');
      const file = s.write(
        'urgent.csv',
        `学号,年龄,${phq}\r\n1001,abc,0,0,0,0,0,0,0,0,2\r\n1002,14,0,0,0,0,0,0,0,0,0\r\n`,
      );
      const r = run(['import', file, '--out', join(s.dir, 'urgent')]);
      expect(r.status).toBe(3);
      expect(r.stdout).toContain('1 rejected row shows a risk signal');
      expect(readOutputCsv(join(s.dir, 'urgent', 'errors.csv')).rows[0]?._urgent).toBe('yes');
      expect(readFileSync(join(s.dir, 'urgent', 'report.html'), 'utf8')).toContain('1 rejected row shows');
    });

    it('notices answers coded 1–4 on a 0–3 instrument and says which flag reads them', () => {
      const gad = Array.from({ length: 7 }, (_, i) => `GAD7_${i + 1}`).join(',');
      const rows = ['1,1,2,1,1,1,1', '4,3,2,1,2,3,4', '2,2,2,2,2,2,2'].map((a, i) => `${100 + i},${a}`).join('\r\n');
      const file = s.write('one-based.csv', `学号,${gad}\r\n${rows}\r\n`);
      const r = run(['import', file, '--out', join(s.dir, 'one-based')]);
      expect(r.stderr).toMatch(/GAD-7: no answer uses the lowest option.*--coding one-based/);
      const fixed = run(['import', file, '--out', join(s.dir, 'one-based-2'), '--coding', 'one-based', '--json']);
      expect(fixed.status).toBe(0);
      expect(fixed.stderr).not.toMatch(/--coding one-based/);
    });

    it("says when --instrument leaves another instrument's columns out", () => {
      const r = run([
        'import',
        join(examples, 'class-40.en.csv'),
        '--instrument',
        'gad-7',
        '--out',
        join(s.dir, 'only-gad'),
      ]);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/also has PHQ-A columns, not imported/);
    });

    it('a file with a header and no rows is an error that says so', () => {
      const r = run(['import', s.write('empty.csv', `${header}\r\n`), '--out', join(s.dir, 'empty')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('has a header row but no data rows');
      expect(existsSync(join(s.dir, 'empty'))).toBe(false);
      const zero = run(['import', s.write('zero.csv', ''), '--out', join(s.dir, 'zero')]);
      expect(zero.status).toBe(1);
      expect(zero.stderr).toContain('the file is empty');
    });

    it.each([
      { name: 'old.xls', lang: 'zh', text: 'old.xls：旧版二进制工作簿（.xls，或 WPS 的 .et）；请另存为 .xlsx' },
      {
        name: 'old.csv',
        lang: 'en',
        text: 'old.csv: an old binary workbook (.xls, or WPS .et); expected .xlsx or CSV',
      },
      // WPS's own format (the same OLE container): said as what its user knows it by, with where WPS saves as .xlsx.
      {
        name: 'old.et',
        lang: 'zh',
        text: 'old.et：WPS 表格的 .et 工作簿（旧版二进制格式）；请在 WPS 里另存为 .xlsx（文件 → 另存为 → .xlsx）',
      },
      {
        name: 'OLD.ET',
        lang: 'en',
        text: 'OLD.ET: a WPS .et workbook, an old binary format; expected .xlsx or CSV: in WPS, save it again as .xlsx (文件 → 另存为 → .xlsx)',
      },
    ])('an old binary workbook ($name) is named as such, not read as garbled text ($lang)', ({ name, lang, text }) => {
      const file = s.write(name, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
      const r = run(['import', file, '--out', join(s.dir, `old-${name}`), '--lang', lang]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toContain('Excel .xls');
    });

    it.each([
      { order: 'utf-32le', lang: 'en', text: 'utf-32le.csv: UTF-32 text, which triage does not read; expected UTF-8' },
      { order: 'utf-32be', lang: 'zh', text: 'utf-32be.csv：UTF-32 编码的文本，triage 不读取' },
    ])(
      'UTF-32 text ($order) is named as such, not read as UTF-16 with columns nowhere ($lang)',
      ({ order, lang, text }) => {
        const csv = 'student_id,PHQ9_1\r\nS1,0\r\n';
        const units = [...`\ufeff${csv}`].map((c) => c.codePointAt(0) as number);
        const bytes = Buffer.alloc(units.length * 4);
        for (const [i, u] of units.entries()) {
          if (order === 'utf-32le') bytes.writeUInt32LE(u, i * 4);
          else bytes.writeUInt32BE(u, i * 4);
        }
        const r = run(['import', s.write(`${order}.csv`, bytes), '--out', join(s.dir, order), '--lang', lang]);
        expect(r.status).toBe(1);
        expect(r.stderr).toContain(text);
        expect(r.stderr).not.toContain('delimiter');
        expect(existsSync(join(s.dir, order))).toBe(false);
      },
    );

    it("a missing file is said in the user's language", () => {
      const r = run(['import', join(s.dir, 'nope.csv'), '--lang', 'zh']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('找不到文件');
    });
  });

  it('--pseudonymize also keeps ids and names out of errors.csv; --dry-run makes no key', () => {
    const config = join(s.dir, 'fresh-config');
    const dry = runCli(['import', join(examples, 'messy.csv'), '--dry-run'], { TRIAGE_CONFIG_DIR: config });
    expect(dry.status).toBe(3);
    expect(existsSync(config)).toBe(false);
    expect(dry.stderr).toContain('the pseudonyms shown are for this run only');
    const out = join(s.dir, 'messy-pseudo');
    expect(run(['import', join(examples, 'messy.csv'), '--out', out, '--pseudonymize']).status).toBe(3);
    const errors = readOutputCsv(join(out, 'errors.csv'));
    for (const row of errors.rows) {
      expect(row.name).toBe('');
      expect(row.student_id === '' || /^P-[0-9a-f]{16}$/.test(row.student_id ?? '')).toBe(true);
    }
    expect(errors.rows.some((row) => row.student_id?.startsWith('P-'))).toBe(true);
  });

  const missing = chromiumMissing();
  it.skipIf(missing !== null && !process.env.CI)(
    'report.html of a real import opens in Chromium without errors',
    async () => {
      if (missing) throw new Error(missing);
      const out = join(s.dir, 'report');
      run(['import', join(examples, 'class-40.zh.gb18030.csv'), '--out', out, '--lang', 'zh']);
      const page = await openInChromium(join(out, 'report.html'));
      expect(page.consoleMessages).toEqual([]);
      expect(page.pageErrors).toEqual([]);
      expect(page.requests).toEqual([]);
      const results = readOutputCsv(join(out, 'results.csv'));
      for (const row of results.rows.filter((r) => r.level === 'R3')) expect(page.text).toContain(`${row.line}`);
      expect(page.text).toContain('PHQ-A');
      expect(page.text).toContain('高危');
      expect(page.text).toMatch(/P-[0-9a-f]{16}/);
    },
    60_000,
  );
});
