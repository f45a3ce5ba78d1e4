import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/csv/read-csv.ts';
import { workbookParts, writeZip } from '../src/xlsx/zip-fixture.ts';
import { runCli, scratch } from './run-cli.ts';

/*
 * Workbooks as Excel, WPS and school platforms write them, through the built CLI: every row in results or errors,
 * no cell misread, and messages that say what is wrong with the file.
 */

const PERSON = ['学号', '姓名', '性别', '年龄', '年级', '班级'];
const GAD7 = Array.from({ length: 7 }, (_, i) => `GAD7_${i + 1}`);

const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, value: string | number) => `<c r="${ref}"><v>${value}</v></c>`;
const col = (i: number) => String.fromCharCode(65 + i);

/** A header row, then one row per student: [学号 cell xml, then GAD-7 cells xml]. */
function sheetData(students: readonly { id: string; gad: readonly string[] }[]): string {
  const header = [...PERSON, ...GAD7].map((h, i) => str(`${col(i)}1`, h)).join('');
  const rows = students.map((s, n) => {
    const r = n + 2;
    const person = [`${s.id.replace('REF', `A${r}`)}`, str(`B${r}`, '王'), str(`C${r}`, '男'), num(`D${r}`, 13)];
    const rest = [str(`E${r}`, '初一'), str(`F${r}`, '1班')];
    const answers = s.gad.map((g, i) => g.replace('REF', `${col(6 + i)}${r}`));
    return `<row r="${r}">${[...person, ...rest, ...answers].join('')}</row>`;
  });
  return `<row r="1">${header}</row>${rows.join('')}`;
}

function errorsCsv(dir: string): Record<string, string>[] {
  const text = readFileSync(join(dir, 'errors.csv'), 'utf8').slice(1);
  const [head, ...records] = [...readCsv(text, { delimiter: ',' })];
  const header = [...(head?.fields ?? [])];
  return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
}

describe('triage import of .xlsx workbooks', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const run = (args: readonly string[]) => runCli(args, env);
  afterAll(() => s.done());

  it('rejects an answer whose formula failed (#N/A cached), as it does the typed #N/A, naming line and column', async () => {
    const file = join(s.dir, 'formula-error.xlsx');
    const ones = Array.from({ length: 6 }, () => '<c r="REF"><v>1</v></c>');
    const data = sheetData([
      {
        id: num('REF', '202501010001'),
        gad: ['<c r="REF" t="e"><f>VLOOKUP(A2,原始!A:Z,20,FALSE)</f><v>#N/A</v></c>', ...ones],
      },
      { id: num('REF', '202501010002'), gad: ['<c r="REF" t="e"><v>#N/A</v></c>', ...ones] },
      { id: num('REF', '202501010003'), gad: ['<c r="REF" t="e"><f t="shared" si="0"/><v>#REF!</v></c>', ...ones] },
      { id: num('REF', '202501010004'), gad: ['<c r="REF" t="b"><f>B4&gt;0</f><v>1</v></c>', ...ones] },
      { id: num('REF', '202501010005'), gad: ['<c r="REF"><f>0+1</f><v>1</v></c>', ...ones] },
      // A formula saved without its value (openpyxl, exceljs): not a blank, which GAD-7 cannot score.
      { id: num('REF', '202501010006'), gad: ['<c r="REF"><f>2+1</f></c>', ...ones] },
    ]);
    await writeZip(file, workbookParts({ sheets: [{ name: '1班', data }] }));
    const out = join(s.dir, 'formula-error');
    const r = run(['import', file, '--out', out, '--json']);
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ scored: 1, rejected: 5 });
    const errors = errorsCsv(out);
    expect(errors.map((e) => [e._sheet, e._line, e._column, e._code, e.GAD7_1])).toEqual([
      ['1班', '2', '7', 'IMPORT_CELL_ERROR', '#N/A'],
      ['1班', '3', '7', 'IMPORT_CELL_ERROR', '#N/A'],
      ['1班', '4', '7', 'IMPORT_CELL_ERROR', '#REF!'],
      ['1班', '5', '7', 'SCALES_UNKNOWN_LABEL', 'TRUE'],
      ['1班', '7', '7', 'IMPORT_CELL_FORMULA', "'=2+1"],
    ]);
    expect(errors.every((e) => e._message?.includes('GAD7_1'))).toBe(true);
    // Said as what it is: a failed formula, not an answer the key does not know.
    expect(errors[0]?._message).toContain("Excel's error value #N/A: its formula failed");
  });

  it('rejects an 18-digit id Excel stored as a number (two students, one number) as mangled, as for a CSV', async () => {
    const file = join(s.dir, 'id-precision.xlsx');
    const ones = Array.from({ length: 7 }, () => '<c r="REF"><v>1</v></c>');
    const data = sheetData([
      { id: num('REF', '4.4010620080101101E+17'), gad: ones },
      { id: num('REF', '4.4010620080101101E+17'), gad: ones },
      { id: num('REF', '440106200801'), gad: ones },
    ]);
    await writeZip(file, workbookParts({ sheets: [{ name: '1班', data }] }));
    const out = join(s.dir, 'id-precision');
    const r = run(['import', file, '--out', out, '--json']);
    expect(r.status).toBe(3);
    const summary = JSON.parse(r.stdout);
    expect(summary.counts).toMatchObject({ scored: 1, rejected: 2, duplicateIds: 0 });
    expect(errorsCsv(out).map((e) => [e._line, e._code, e._column, e.学号])).toEqual([
      ['2', 'IMPORT_ID_MANGLED', '1', '4.40106E+17'],
      ['3', 'IMPORT_ID_MANGLED', '1', '4.40106E+17'],
    ]);
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).toContain(',440106200801,');
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).not.toContain('440106200801011000');
  });

  it('reads rows and cells without an r attribute', async () => {
    const file = join(s.dir, 'no-r.xlsx');
    const cells = (values: readonly string[]) =>
      values.map((v) => `<c t="inlineStr"><is><t>${v}</t></is></c>`).join('');
    const rows = [
      [...PERSON, ...GAD7],
      ...[1, 2, 3].map((i) => [`20250101000${i}`, '王', '男', '13', '初一', '1班', ...GAD7.map(() => '1')]),
    ];
    await writeZip(
      file,
      workbookParts({ sheets: [{ name: '1班', data: rows.map((r) => `<row>${cells(r)}</row>`).join('') }] }),
    );
    const r = run(['import', file, '--out', join(s.dir, 'no-r'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 3, scored: 3 });
  });

  it('reads shared strings typed with an IME that records readings as their text, not the reading', async () => {
    // Excel stores the reading as a phonetic run (<rPh>) beside the text; it shows only the text.
    const file = join(s.dir, 'phonetic.xlsx');
    const reading = (base: string, phonetic: string) =>
      `<t>${base}</t><rPh sb="0" eb="${base.length}"><t>${phonetic}</t></rPh><phoneticPr fontId="1" type="noConversion"/>`;
    const shared = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
    const data = sheetData([
      { id: num('REF', '202501010001'), gad: GAD7.map(() => shared('REF', 1)) },
      { id: num('REF', '202501010002'), gad: GAD7.map(() => shared('REF', 2)) },
    ]).replace(str('A1', '学号'), shared('A1', 0));
    const sharedStrings = [
      reading('学号', 'xuehao'),
      reading('完全不会', 'wanquanbuhui'),
      `<r><t>几乎</t></r><r><rPr><b/></rPr><t>每天</t></r><rPh sb="0" eb="4"><t>jihumeitian</t></rPh>`,
    ];
    await writeZip(file, workbookParts({ sharedStrings, sheets: [{ name: '1班', data }] }));
    const out = join(s.dir, 'phonetic');
    const r = run(['import', file, '--out', out, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ rows: 2, scored: 2, rejected: 0 });
    const results = readFileSync(join(out, 'results.csv'), 'utf8');
    expect(results).toContain(',202501010001,');
    expect(results).toContain(',202501010002,');
  });

  describe('--sheet names a sheet as headers are matched (full-width folded), exact name first', () => {
    const answers = GAD7.map(() => '<c r="REF"><v>1</v></c>');
    const book = async (name: string, sheets: readonly string[]) => {
      const file = join(s.dir, name);
      const data = (n: number) => sheetData([{ id: num('REF', `20250101000${n}`), gad: answers }]);
      await writeZip(file, workbookParts({ sheets: sheets.map((sheet, i) => ({ name: sheet, data: data(i + 1) })) }));
      return file;
    };
    const scored = (r: ReturnType<typeof run>) =>
      (JSON.parse(r.stdout) as { counts: { scored: number } }).counts.scored;

    it('full-width brackets given to --sheet find the sheet written with half-width ones', async () => {
      const file = await book('fold.xlsx', ['初一(1)班', '初一(2)班']);
      const r = run(['import', file, '--sheet', '初一（1）班', '--out', join(s.dir, 'fold'), '--json']);
      expect(r.status).toBe(0);
      expect(scored(r)).toBe(1);
      expect(readFileSync(join(s.dir, 'fold', 'results.csv'), 'utf8')).toContain('初一(1)班,2,202501010001');
    });

    it('an exact name wins over one that only folds to it', async () => {
      const file = await book('exact.xlsx', ['初一(1)班', '初一（1）班']);
      const r = run(['import', file, '--sheet', '初一（1）班', '--out', join(s.dir, 'exact'), '--json']);
      expect(r.status).toBe(0);
      expect(readFileSync(join(s.dir, 'exact', 'results.csv'), 'utf8')).toContain('初一（1）班,2,202501010002');
    });

    it.each([
      {
        lang: 'en',
        text: 'ambiguous.xlsx: sheet "初一﹙1﹚班" could be 初一(1)班 or 初一（1）班; give its exact name',
      },
      { lang: 'zh', text: 'ambiguous.xlsx：工作表“初一﹙1﹚班”可能是 初一(1)班 或 初一（1）班；请给出确切的名称' },
    ])('a name that folds to two sheets is refused, naming both ($lang)', async ({ lang, text }) => {
      const file = await book('ambiguous.xlsx', ['初一(1)班', '初一（1）班']);
      const r = run(['import', file, '--sheet', '初一﹙1﹚班', '--dry-run', '--lang', lang]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(text);
    });
  });

  describe('says what is wrong with a workbook, in en and zh', () => {
    const two = async () => {
      const file = join(s.dir, 'two-sheets.xlsx');
      const data = sheetData([{ id: num('REF', '202501010001'), gad: GAD7.map(() => '<c r="REF"><v>1</v></c>') }]);
      await writeZip(
        file,
        workbookParts({
          sheets: [
            { name: '1班', data },
            { name: '2班', data: '' },
          ],
        }),
      );
      return file;
    };

    it.each([
      { lang: 'en', text: 'two-sheets.xlsx: no sheet "3班"; the sheets are 1班, 2班' },
      { lang: 'zh', text: 'two-sheets.xlsx：没有工作表“3班”；现有工作表：1班、2班' },
    ])('an unknown --sheet is named ($lang)', async ({ lang, text }) => {
      const r = run(['import', await two(), '--sheet', '3班', '--dry-run', '--lang', lang]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(text);
    });

    it.each([
      { lang: 'en', text: 'two-sheets.xlsx: sheet 2班 is empty' },
      { lang: 'zh', text: 'two-sheets.xlsx：工作表 2班 是空的' },
    ])('an empty --sheet is named, not called an empty file ($lang)', async ({ lang, text }) => {
      const r = run(['import', await two(), '--sheet', '2班', '--dry-run', '--lang', lang]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toMatch(/file is empty|文件是空的/);
    });

    it.each([
      { lang: 'en', text: 'an old binary workbook (.xls, or WPS .et), or a workbook protected by a password' },
      { lang: 'zh', text: '旧版二进制工作簿（.xls，或 WPS 的 .et），或设了打开密码的工作簿' },
    ])('an OLE container (old .xls or password-protected .xlsx) ($lang)', ({ lang, text }) => {
      const file = join(s.dir, 'protected.xlsx');
      writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
      const r = run(['import', file, '--dry-run', '--lang', lang]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(text);
    });

    it.each([
      {
        lang: 'en',
        text: 'dup-cell.xlsx: the .xlsx workbook is damaged: sheet "初一(1)班" holds cell H2 twice',
      },
      { lang: 'zh', text: 'dup-cell.xlsx：.xlsx 工作簿已损坏：工作表“初一(1)班”中单元格 H2 出现了两次' },
    ])(
      'a cell given twice is refused, naming sheet and cell, never the second copy read ($lang)',
      async ({ lang, text }) => {
        const file = join(s.dir, 'dup-cell.xlsx');
        const gad = GAD7.map(() => '<c r="REF"><v>1</v></c>');
        // H2 (GAD-7 item 2) twice: 3, then 0.
        gad[1] = '<c r="H2"><v>3</v></c><c r="H2"><v>0</v></c>';
        const data = sheetData([{ id: num('REF', '202501010001'), gad }]);
        await writeZip(file, workbookParts({ sheets: [{ name: '初一(1)班', data }] }));
        const r = run(['import', file, '--out', join(s.dir, `dup-cell-${lang}`), '--lang', lang]);
        expect(r.status).toBe(1);
        expect(r.stderr).toContain(text);
      },
    );

    it.each([
      {
        what: 'a sheet whose r:id leads nowhere',
        text: 'sheet "2班" is listed, but its data is missing from the file',
        edit: (name: string, xml: string) =>
          name === 'xl/_rels/workbook.xml.rels' ? xml.replace('Id="rId2"', 'Id="rId7"') : xml,
      },
      {
        what: 'two sheets of one name',
        text: 'sheet "1班" is there twice',
        edit: (name: string, xml: string) => (name === 'xl/workbook.xml' ? xml.replace('2班', '1班') : xml),
      },
      {
        what: 'a row number given twice',
        text: 'sheet "1班" holds row 2 twice',
        edit: (name: string, xml: string) =>
          name === 'xl/worksheets/sheet1.xml'
            ? xml.replace('</sheetData>', '<row r="2"><c r="A2"><v>1</v></c></row></sheetData>')
            : xml,
      },
      {
        what: 'a row past Excel’s last',
        text: 'sheet "1班" has a row numbered 99999999, past Excel\'s last row',
        edit: (name: string, xml: string) =>
          name === 'xl/worksheets/sheet1.xml' ? xml.replace('<row r="2">', '<row r="99999999">') : xml,
      },
    ])('$what is refused as damaged, with exit 1', async ({ what, text, edit }) => {
      const file = join(s.dir, `damaged-${what.replaceAll(/\W/g, '-')}.xlsx`);
      const data = sheetData([{ id: num('REF', '202501010001'), gad: GAD7.map(() => '<c r="REF"><v>1</v></c>') }]);
      const parts = workbookParts({
        sheets: [
          { name: '1班', data },
          { name: '2班', data },
        ],
      });
      await writeZip(
        file,
        parts.map(([name, xml]) => [name, edit(name, xml)] as const),
      );
      const r = run(['import', file, '--dry-run']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(text);
    });

    // QA round 23, 1: member checksums were never checked; one changed byte turned a student's item 9 answer from 2 to
    // 0 and the import exited 0. A member whose bytes do not match its CRC-32 is damaged.
    it.each(['xl/worksheets/sheet1.xml', 'xl/workbook.xml'])(
      'a workbook whose %s fails its CRC-32 is refused as damaged, and nothing is written',
      async (damaged) => {
        const file = join(s.dir, `crc-${damaged.replaceAll('/', '-')}.xlsx`);
        const data = sheetData([{ id: num('REF', '202501010001'), gad: GAD7.map(() => '<c r="REF"><v>2</v></c>') }]);
        const parts = workbookParts({ sheets: [{ name: '1班', data }] });
        // One byte changed (an answer 2 → 0; a space in the workbook part), the checksum of the bytes before it: as a
        // byte changed on a disk or in a copy.
        const before = new Map(parts);
        const changed = (name: string, xml: string) =>
          name !== damaged
            ? xml
            : name === 'xl/workbook.xml'
              ? xml.replace('<sheets>', '<sheets> ')
              : xml.replace('<v>2</v>', '<v>0</v>');
        await writeZip(
          file,
          parts.map(([name, xml]) => [name, changed(name, xml)] as const),
          (name) => before.get(name) ?? '',
        );
        const out = join(s.dir, `crc-out-${damaged.replaceAll('/', '-')}`);
        const r = run(['import', file, '--out', out]);
        expect(r.status).toBe(1);
        expect(r.stderr).toContain('the .xlsx workbook is damaged');
        expect(existsSync(join(out, 'results.csv'))).toBe(false);
      },
    );

    it('a workbook whose sheet is damaged is called damaged, not an old .xls', async () => {
      const file = join(s.dir, 'damaged.xlsx');
      await writeZip(file, workbookParts({ sheets: [{ name: '1班', data: '<row r="1"><c r="A1"><v>1</v></row>' }] }));
      const r = run(['import', file, '--dry-run']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('the .xlsx workbook is damaged');
      expect(r.stderr).not.toContain('.xls,');
      expect(r.stderr).not.toContain('old .xls');
    });
  });
});
