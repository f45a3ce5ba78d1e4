import { chmod, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutMainPrefix } from './exceljs-stream.ts';
import { listSheets, listWorksheets, readXlsxRows, type XlsxRow } from './read-xlsx.ts';
import { writeXlsx } from './write-xlsx.ts';
import { isXlsxError, type XlsxError } from './xlsx-error.ts';
import { readZipDirectory, readZipEntry } from './zip-directory.ts';
import { type FixtureWorkbook, workbookParts, writeZip } from './zip-fixture.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const path = (name: string) => join(dir, name);

async function readAll(file: string, sheets?: readonly string[], pause = 0): Promise<XlsxRow[][]> {
  const batches: XlsxRow[][] = [];
  for await (const batch of readXlsxRows(file, sheets ? { sheets } : {})) {
    batches.push([...batch]);
    // A slow consumer (a real import validates and scores each batch) lets the zip stream run ahead.
    if (pause > 0) await setTimeout(pause);
  }
  return batches;
}

async function rows(file: string, sheets?: readonly string[]): Promise<[string, number, readonly string[]][]> {
  return (await readAll(file, sheets)).flat().map((r) => [r.sheet, r.line, r.fields]);
}

async function failure(promise: Promise<unknown>): Promise<XlsxError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isXlsxError(error)) throw new Error(`expected an XlsxError, got ${String(error)}`);
  return error;
}

describe('readXlsxRows on a workbook written by exceljs', () => {
  let file: string;
  beforeAll(async () => {
    file = path('screening.xlsx');
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('初一(3)班');
    a.addRow(['学号', '姓名', '出生日期', '住校', '备注', '总分']);
    a.addRow([
      202301010012,
      '张三',
      new Date(Date.UTC(2010, 4, 3)),
      true,
      { richText: [{ text: '多' }, { font: { bold: true }, text: '动' }] },
      { formula: 'SUM(1,2)', result: 3 },
    ]);
    // Row 3 left blank on purpose.
    a.getCell('A4').value = 42;
    a.getCell('A4').numFmt = '000000';
    a.getCell('B4').value = 7;
    a.getCell('B4').numFmt = '"00000000"';
    a.getCell('C4').value = new Date(Date.UTC(2023, 8, 1, 14, 5, 30));
    a.getCell('C4').numFmt = 'yyyy-mm-dd hh:mm:ss';
    a.getCell('D4').value = false;
    a.getCell('E4').value = { text: '说明', hyperlink: 'https://example.org/' };
    a.getCell('F4').value = { formula: '0*1', result: 0 };
    // Sparse: cells only in A and E.
    a.getCell('A5').value = 'a';
    a.getCell('E5').value = 'e';
    a.getCell('A6').value = 3.14;
    a.getCell('B6').value = 0.1 + 0.2;
    a.getCell('C6').value = { formula: 'C4+1', result: 45171.5 };
    a.getCell('C6').numFmt = 'yyyy-mm-dd';
    a.getCell('D6').value = { formula: '"x"&"y"', result: 'xy' };
    a.getCell('E6').value = { error: '#N/A' };
    a.getCell('F6').value = -5;
    a.getCell('F6').numFmt = '000';
    a.getCell('A7').value = '=1+1';
    a.getCell('B7').value = '  空格  ';
    a.getCell('C7').value = { formula: 'A1' }; // never calculated: no result in the file, shown as its formula
    const b = wb.addWorksheet('初一(4)班', { state: 'hidden' });
    b.addRow(['学号', '姓名']);
    b.addRow(['202301020001', '李四']);
    await wb.xlsx.writeFile(file);
  });

  it('reads every sheet, hidden ones too, converting each kind of cell', async () => {
    expect(await rows(file)).toEqual([
      ['初一(3)班', 1, ['学号', '姓名', '出生日期', '住校', '备注', '总分']],
      ['初一(3)班', 2, ['202301010012', '张三', '2010-05-03', 'TRUE', '多动', '3']],
      ['初一(3)班', 4, ['000042', '00000007', '2023-09-01 14:05', 'FALSE', '说明', '0']],
      ['初一(3)班', 5, ['a', '', '', '', 'e']],
      ['初一(3)班', 6, ['3.14', '0.3', '2023-09-02 12:00', 'xy', '#N/A', '-005']],
      ['初一(3)班', 7, ['=1+1', '  空格  ', '=A1']],
      ['初一(4)班', 1, ['学号', '姓名']],
      ['初一(4)班', 2, ['202301020001', '李四']],
    ]);
  });

  it('lists sheets in tab order, hidden ones included, and says which are hidden', async () => {
    expect(await listSheets(file)).toEqual(['初一(3)班', '初一(4)班']);
    expect(await listWorksheets(file)).toEqual([
      { name: '初一(3)班', hidden: false },
      { name: '初一(4)班', hidden: true },
    ]);
  });

  it('reads only the sheets asked for', async () => {
    expect(await rows(file, ['初一(4)班'])).toEqual([
      ['初一(4)班', 1, ['学号', '姓名']],
      ['初一(4)班', 2, ['202301020001', '李四']],
    ]);
  });

  it('rejects an unknown sheet name before reading, listing the sheets there are', async () => {
    const error = await failure(readAll(file, ['初一(4)班', '初二(1)班']));
    expect(error).toMatchObject({
      code: 'XLSX_NO_SUCH_SHEET',
      missing: ['初二(1)班'],
      sheets: ['初一(3)班', '初一(4)班'],
    });
    expect(error.message).toBe('no sheet named "初二(1)班"; the workbook has "初一(3)班", "初一(4)班"');
  });

  it('stops cleanly when the consumer stops early', async () => {
    for await (const batch of readXlsxRows(file)) {
      expect(batch[0]?.line).toBe(1);
      break;
    }
    expect(await listSheets(file)).toHaveLength(2);
  });
});

describe('readXlsxRows on a large sheet', () => {
  const total = 20_000;
  let file: string;
  beforeAll(async () => {
    file = path('large.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('全年级');
    ws.addRow(['学号', '姓名', '题1', '题2', '题3']);
    for (let i = 0; i < total; i++) ws.addRow([202300000000 + i, `学生${i}`, i % 4, (i + 1) % 4, (i + 2) % 4]);
    await wb.xlsx.writeFile(file);
  });

  it('yields full batches of 1,000 rows, every row complete and in order', async () => {
    const batches = await readAll(file);
    expect(batches.map((b) => b.length)).toEqual([...Array.from({ length: 20 }, () => 1000), 1]);
    const all = batches.flat();
    expect(all[0]?.fields).toEqual(['学号', '姓名', '题1', '题2', '题3']);
    all.slice(1).forEach((row, i) => {
      expect(row.line).toBe(i + 2);
      expect(row.fields).toEqual([
        String(202300000000 + i),
        `学生${i}`,
        String(i % 4),
        String((i + 1) % 4),
        String((i + 2) % 4),
      ]);
    });
  });
});

describe('readXlsxRows on files that are not workbooks', () => {
  it.each([
    { name: 'a CSV renamed .xlsx', content: Buffer.from('学号,姓名\n1,张三\n'), reason: 'not-zip' },
    { name: 'an empty file', content: Buffer.alloc(0), reason: 'not-zip' },
    {
      name: 'an old .xls or a password-protected .xlsx',
      content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      reason: 'legacy-or-encrypted',
    },
  ])('$name → XLSX_INVALID $reason', async ({ content, reason }) => {
    const file = path('not-a-workbook.xlsx');
    await writeFile(file, content);
    expect(await failure(readAll(file))).toMatchObject({ code: 'XLSX_INVALID', reason, sheets: [] });
    expect((await failure(listSheets(file))).code).toBe('XLSX_INVALID');
  });

  it('a zip without a workbook (a .docx, say) → XLSX_INVALID not-xlsx', async () => {
    const file = path('document.xlsx');
    await writeZip(file, [['word/document.xml', '<w:document/>']]);
    expect(await failure(readAll(file))).toMatchObject({ code: 'XLSX_INVALID', reason: 'not-xlsx' });
  });

  it('a truncated workbook → XLSX_INVALID corrupt', async () => {
    const whole = path('whole.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表1').addRow(['a']);
    await wb.xlsx.writeFile(whole);
    const bytes = await readFile(whole);
    const file = path('truncated.xlsx');
    await writeFile(file, bytes.subarray(0, bytes.length - 200));
    expect(await failure(readAll(file))).toMatchObject({ code: 'XLSX_INVALID', reason: 'corrupt' });
  });

  it('a workbook damaged inside a sheet → XLSX_INVALID corrupt', async () => {
    const file = path('damaged.xlsx');
    await writeZip(file, workbookParts({ sheets: [{ name: 's', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }));
    const handle = await open(file, 'r+');
    try {
      const entries = (await readZipDirectory(handle, (await handle.stat()).size)) ?? [];
      const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
      await handle.write(Buffer.alloc(4), 0, 4, sheet?.offset ?? 0);
    } finally {
      await handle.close();
    }
    expect(await listSheets(file)).toEqual(['s']);
    expect(await failure(readAll(file))).toMatchObject({ code: 'XLSX_INVALID', reason: 'corrupt' });
  });

  it.each([
    ['xl/workbook.xml', (xml: string) => xml.slice(0, xml.indexOf('<sheet '))],
    ['xl/workbook.xml', (xml: string) => xml.slice(0, xml.indexOf('</sheets>'))],
    ['xl/_rels/workbook.xml.rels', (xml: string) => xml.slice(0, xml.indexOf('<Relationship Id="rId2"'))],
  ])(
    'a workbook whose %s is cut short (sheets lost without an XML error) → XLSX_INVALID corrupt',
    async (part, cut) => {
      const file = path('cut-part.xlsx');
      const sheet = { name: 's', data: '<row r="1"><c r="A1"><v>1</v></c></row>' };
      const parts = workbookParts({ sheets: [sheet, { ...sheet, name: 't' }] });
      await writeZip(
        file,
        parts.map(([name, text]) => [name, name === part ? cut(text) : text] as const),
      );
      expect(await failure(listSheets(file))).toMatchObject({ code: 'XLSX_INVALID', reason: 'corrupt' });
      expect(await failure(readAll(file))).toMatchObject({ code: 'XLSX_INVALID', reason: 'corrupt' });
    },
  );

  it('a workbook whose shared strings part is cut short (cells point past it) → XLSX_INVALID corrupt', async () => {
    const file = path('cut-strings.xlsx');
    const sheet = { name: 's', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' };
    const parts = workbookParts({ sheets: [sheet], sharedStrings: ['<t>学号</t>', '<t>GAD7_1</t>'] });
    await writeZip(
      file,
      parts.map(
        ([name, text]) =>
          [name, name === 'xl/sharedStrings.xml' ? text.slice(0, text.indexOf('<si><t>GAD')) : text] as const,
      ),
    );
    expect(await failure(readAll(file))).toMatchObject({ code: 'XLSX_INVALID', reason: 'corrupt' });
  });

  it('a missing file is Node’s ENOENT', async () => {
    await expect(readAll(path('nowhere.xlsx'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(listSheets(path('nowhere.xlsx'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('readXlsxRows on hand-built workbooks', () => {
  const build = async (name: string, book: FixtureWorkbook) => {
    const file = path(name);
    await writeZip(file, workbookParts(book));
    return file;
  };
  const dateStyles = {
    numFmts: '<numFmt numFmtId="164" formatCode="yyyy/m/d"/>',
    cellXfs: [0, 14, 31, 58, 164, 49]
      .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`)
      .join(''),
  };

  it('reads dates under built-in, Chinese built-in (31, 58) and custom formats', async () => {
    const file = await build('dates.xlsx', {
      styles: dateStyles,
      sheets: [
        {
          name: '日期',
          data: '<row r="1"><c r="A1" s="1"><v>45170</v></c><c r="B1" s="2"><v>45170</v></c><c r="C1" s="3"><v>45170.75</v></c><c r="D1" s="4"><v>45170</v></c><c r="E1" s="5"><v>45170</v></c><c r="F1"><v>45170</v></c></row>',
        },
      ],
    });
    expect(await rows(file)).toEqual([
      ['日期', 1, ['2023-09-01', '2023-09-01', '2023-09-01 18:00', '2023-09-01', '45170', '45170']],
    ]);
  });

  const earlySerials = `<row r="1">${[1, 59, 60, 61].map((v, i) => `<c r="${'ABCD'[i]}1" s="1"><v>${v}</v></c>`).join('')}</row>`;

  it('reads 1900-01-01 to 1900-03-01 as Excel shows them, fictitious 1900-02-29 included', async () => {
    const file = await build('early-dates.xlsx', {
      styles: dateStyles,
      sheets: [{ name: '1900', data: earlySerials }],
    });
    expect(await rows(file)).toEqual([['1900', 1, ['1900-01-01', '1900-02-28', '1900-02-29', '1900-03-01']]]);
  });

  it('reads early serials of a 1904 workbook without the 1900 system’s fictitious day', async () => {
    const file = await build('early-1904.xlsx', {
      workbookPr: '<workbookPr date1904="1"/>',
      styles: dateStyles,
      sheets: [
        {
          name: 'Mac',
          data: earlySerials,
        },
      ],
    });
    expect(await rows(file)).toEqual([['Mac', 1, ['1904-01-02', '1904-02-29', '1904-03-01', '1904-03-02']]]);
  });

  it('honours the 1904 date system, however the flag is spelled', async () => {
    for (const flag of ['1', 'true']) {
      const file = await build(`1904-${flag}.xlsx`, {
        workbookPr: `<workbookPr date1904="${flag}"/>`,
        styles: dateStyles,
        sheets: [{ name: 'Mac', data: '<row r="1"><c r="A1" s="1"><v>43708</v></c></row>' }],
      });
      expect(await rows(file)).toEqual([['Mac', 1, ['2023-09-01']]]);
    }
  });

  it('decodes inline strings, Excel’s _xHHHH_ escapes, shared formulas and cached results', async () => {
    const file = await build('cells.xlsx', {
      sharedStrings: [
        '<t>第一行_x000D_\n第二行</t>',
        '<t>literal _x005F_x0041_</t>',
        '<r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r>',
      ],
      sheets: [
        {
          name: 'cells',
          data: [
            '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="inlineStr"><is><t>内联</t></is></c></row>',
            '<row r="3"><c r="A3"><f t="shared" ref="A3:A4" si="0">B3*2</f><v>4</v></c><c r="B3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>',
            '<row r="4"><c r="A4"><f t="shared" si="0"/><v>0</v></c><c r="B4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C4" t="b"><f>TRUE()</f><v>1</v></c><c r="D4" t="e"><v>#REF!</v></c></row>',
          ].join(''),
        },
      ],
    });
    expect(await rows(file)).toEqual([
      ['cells', 2, ['第一行\r\n第二行', 'literal _x0041_', '富文本', '内联']],
      ['cells', 3, ['4', 'ab']],
      // A formula's error result is its error, never a blank; a boolean result is TRUE, never the answer 1.
      ['cells', 4, ['0', '#DIV/0!', 'TRUE', '#REF!']],
    ]);
  });

  it.each([
    { order: 'strings after the sheets (Excel)', list: [] },
    { order: 'strings first', list: ['xl/sharedStrings.xml'] },
  ])('reads shared strings as Excel shows them, never their phonetic runs ($order)', async ({ list }) => {
    const reading = (base: string, phonetic: string) =>
      `<t>${base}</t><rPh sb="0" eb="${base.length}"><t>${phonetic}</t></rPh><phoneticPr fontId="1" type="noConversion"/>`;
    const file = await build(`phonetic-${list.length}.xlsx`, {
      order: list,
      sharedStrings: [
        reading('学号', 'xuehao'),
        reading('是', 'shi'),
        '<r><t>心理</t></r><r><rPr><b/></rPr><t>健康</t></r><rPh sb="0" eb="4"><t>xinlijiankang</t></rPh><phoneticPr fontId="1"/>',
      ],
      sheets: [
        {
          name: '1班',
          data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row><row r="2"><c r="A2"><v>202501010001</v></c><c r="B2" t="s"><v>1</v></c></row>',
        },
      ],
    });
    expect(await rows(file)).toEqual([
      ['1班', 1, ['学号', '心理健康']],
      ['1班', 2, ['202501010001', '是']],
    ]);
  });

  it('reads rows and cells without an r attribute, as Excel and WPS do (optional in ECMA-376)', async () => {
    const file = await build('no-r.xlsx', {
      sharedStrings: ['<t>学号</t>', '<t>GAD7_1</t>'],
      sheets: [
        {
          name: '1班',
          data: '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c><v>202501010000</v></c><c><v>1</v></c></row><row r="4"><c r="B4"><v>2</v></c></row><row><c><v>202501010002</v></c><c t="e"><f>VLOOKUP(A5,原始!A:Z,20,FALSE)</f><v>#N/A</v></c></row>',
        },
      ],
    });
    expect(await rows(file)).toEqual([
      ['1班', 1, ['学号', 'GAD7_1']],
      ['1班', 2, ['202501010000', '1']],
      ['1班', 4, ['', '2']],
      ['1班', 5, ['202501010002', '#N/A']],
    ]);
  });

  it('fills merged cells with the value of their top-left cell, as Excel shows them', async () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const file = await build('merged.xlsx', {
      sheets: [
        {
          name: '初一',
          data: [
            `<row r="1">${cell('A1', '某某中学心理筛查')}</row>`,
            `<row r="2">${cell('A2', '学号')}${cell('B2', '班级')}${cell('C2', 'GAD7_1')}</row>`,
            `<row r="3">${cell('A3', '1')}${cell('B3', '初一(1)班')}${cell('C3', '0')}</row>`,
            `<row r="4">${cell('A4', '2')}<c r="B4"/>${cell('C4', '1')}</row>`,
            `<row r="5">${cell('A5', '3')}${cell('C5', '2')}</row>`,
            `<row r="6">${cell('A6', '4')}${cell('B6', '初一(2)班')}${cell('C6', '3')}</row>`,
          ].join(''),
          // A title across A–D, a class down rows 3–5, one with an empty top-left cell, and a single-cell "range".
          after:
            '<mergeCells count="4"><mergeCell ref="A1:D1"/><mergeCell ref="B3:B5"/><mergeCell ref="E3:F6"/><mergeCell ref="C6:C6"/></mergeCells>',
        },
      ],
    });
    expect(await rows(file)).toEqual([
      ['初一', 1, ['某某中学心理筛查', '某某中学心理筛查', '某某中学心理筛查', '某某中学心理筛查']],
      ['初一', 2, ['学号', '班级', 'GAD7_1']],
      ['初一', 3, ['1', '初一(1)班', '0']],
      ['初一', 4, ['2', '初一(1)班', '1']],
      ['初一', 5, ['3', '初一(1)班', '2']],
      ['初一', 6, ['4', '初一(2)班', '3']],
    ]);
  });

  it('says which cells a range merged across columns filled (a title, a note across the answers), and no others', async () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const file = await build('merged-across.xlsx', {
      sheets: [
        {
          name: '初一',
          data: [
            `<row r="1">${cell('A1', '学号')}${cell('B1', '班级')}${cell('C1', 'GAD7_1')}${cell('D1', 'GAD7_2')}</row>`,
            `<row r="2">${cell('A2', '初一(2)班')}</row>`,
            `<row r="3">${cell('A3', '1')}${cell('B3', '初一(2)班')}${cell('C3', '缺考')}</row>`,
            `<row r="4">${cell('A4', '2')}${cell('C4', '0')}${cell('D4', '1')}</row>`,
            `<row r="5">${cell('A5', '3')}${cell('C5', '1')}${cell('D5', '2')}</row>`,
          ].join(''),
          // A class title across A–D; a note across C–D; a class down B3:B5 (one column: not "across").
          after:
            '<mergeCells count="3"><mergeCell ref="A2:D2"/><mergeCell ref="C3:D3"/><mergeCell ref="B3:B5"/></mergeCells>',
        },
      ],
    });
    const read = (await readAll(file)).flat().map((r) => [r.line, r.fields, r.merged]);
    expect(read).toEqual([
      [1, ['学号', '班级', 'GAD7_1', 'GAD7_2'], undefined],
      [2, ['初一(2)班', '初一(2)班', '初一(2)班', '初一(2)班'], [{ first: 0, last: 3 }]],
      [3, ['1', '初一(2)班', '缺考', '缺考'], [{ first: 2, last: 3 }]],
      [4, ['2', '初一(2)班', '0', '1'], undefined],
      [5, ['3', '初一(2)班', '1', '2'], undefined],
    ]);
  });

  it('says which cells show the value of a range whose top-left cell is in another row or column', async () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const file = await build('merged-copied.xlsx', {
      sheets: [
        {
          name: '初一',
          data: [
            `<row r="1">${cell('A1', '学号')}${cell('B1', '班级')}${cell('C1', 'GAD7_1')}${cell('D1', 'GAD7_2')}</row>`,
            `<row r="2">${cell('A2', '1')}${cell('B2', '初一(2)班')}${cell('C2', '0')}${cell('D2', '2')}</row>`,
            `<row r="3">${cell('A3', '2')}${cell('C3', '1')}</row>`,
            `<row r="4">${cell('A4', '3')}${cell('C4', '1')}</row>`,
          ].join(''),
          // A class down B2:B4; an answer down D2:D3; answers across C4:D4; an empty range E2:E4 fills nothing.
          after:
            '<mergeCells count="4"><mergeCell ref="B2:B4"/><mergeCell ref="D2:D3"/><mergeCell ref="C4:D4"/><mergeCell ref="E2:E4"/></mergeCells>',
        },
      ],
    });
    const read = (await readAll(file)).flat().map((r) => [r.line, r.fields, r.copied]);
    expect(read).toEqual([
      [1, ['学号', '班级', 'GAD7_1', 'GAD7_2'], undefined],
      [2, ['1', '初一(2)班', '0', '2'], undefined],
      [3, ['2', '初一(2)班', '1', '2'], [1, 3]],
      [4, ['3', '初一(2)班', '1', '1'], [1, 3]],
    ]);
  });

  it('skips rows with no value and drops trailing empty cells', async () => {
    const file = await build('blank.xlsx', {
      sharedStrings: ['<t>x</t>', '<t></t>'],
      sheets: [
        {
          name: 's',
          data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="0"/><c r="D1" t="s"><v>1</v></c></row><row r="2" ht="20" customHeight="1"/><row r="3"><c r="B3" s="0"/></row><row r="4"><c r="B4" t="s"><v>0</v></c></row>',
        },
      ],
    });
    expect(await rows(file)).toEqual([
      ['s', 1, ['x']],
      ['s', 4, ['', 'x']],
    ]);
  });

  it.each([
    { order: 'Excel’s (sheets before styles and strings)', list: undefined },
    {
      order: 'POI’s (strings, styles, workbook, then sheets)',
      list: ['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml'],
    },
    { order: 'strings first, styles after the sheets', list: ['xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels'] },
  ])('reads names, strings and dates whatever the zip order: $order', async ({ list }) => {
    const file = await build('order.xlsx', {
      ...(list ? { order: list } : {}),
      styles: dateStyles,
      sharedStrings: ['<t>姓名</t>'],
      sheets: [
        { name: '一班', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45170</v></c></row>' },
        { name: '二班', data: '<row r="1"><c r="A1" s="2"><v>45171</v></c></row>' },
      ],
    });
    expect(await rows(file)).toEqual([
      ['一班', 1, ['姓名', '2023-09-01']],
      ['二班', 1, ['2023-09-02']],
    ]);
  });

  it.each([
    { order: 'Excel’s', list: undefined },
    {
      order: 'POI’s',
      list: ['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml'],
    },
  ])('reads a large sheet whole and the small one after it ($order zip order)', async ({ list }) => {
    // Long Chinese texts: chunk boundaries of the zip stream fall inside characters.
    const text = (i: number) => `${'心理健康筛查'.repeat(100)}${i}`;
    const n = 2000;
    const data = Array.from(
      { length: n },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${text(i)}</t></is></c></row>`,
    ).join('');
    const file = await build('large-then-small.xlsx', {
      ...(list ? { order: list } : {}),
      sheets: [
        { name: '大表', data },
        { name: '小表', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      ],
    });
    const all = (await readAll(file, undefined, 20)).flat();
    expect(all).toHaveLength(n + 1);
    expect(all.slice(0, n).filter((r, i) => r.fields[0] !== text(i))).toEqual([]);
    expect(all[n]).toEqual({ sheet: '小表', line: 1, fields: ['1'] });
  });

  it('names sheets from absolute relationship targets', async () => {
    const file = await build('absolute.xlsx', {
      absoluteTargets: true,
      sheets: [{ name: '表 & 1', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
    });
    expect(await listSheets(file)).toEqual(['表 & 1']);
    expect(await rows(file)).toEqual([['表 & 1', 1, ['1']]]);
  });

  // QA round 19, 4: the Open XML SDK (.NET school platforms) prefixes its parts; exceljs, which parses the workbook
  // and styles parts, reads only unprefixed tags, and such a workbook was refused as damaged.
  it('reads workbook and styles parts whose tags carry a prefix (<x:workbook>, as the Open XML SDK writes)', async () => {
    const prefixed = (xml: string) =>
      xml
        .replace(/<(\/?)(?!\?)([A-Za-z])/g, '<$1x:$2')
        .replace(
          'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
          'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        );
    const book: FixtureWorkbook = {
      styles: {
        numFmts: '<numFmt numFmtId="164" formatCode="000000"/>',
        cellXfs: '<xf numFmtId="0"/><xf numFmtId="164"/>',
      },
      sheets: [{ name: '初一1班', data: '<row r="1"><c r="A1" s="1"><v>42</v></c><c r="B1"><v>3</v></c></row>' }],
    };
    const file = path('prefixed.xlsx');
    const parts = workbookParts(book).map(([name, xml]): [string, string] =>
      name === 'xl/workbook.xml' || name === 'xl/styles.xml' ? [name, prefixed(xml)] : [name, xml],
    );
    expect(parts.find(([name]) => name === 'xl/workbook.xml')?.[1]).toContain('<x:sheets>');
    await writeZip(file, parts);
    expect(await listSheets(file)).toEqual(['初一1班']);
    expect(await rows(file)).toEqual([['初一1班', 1, ['000042', '3']]]);
  });

  it('withoutMainPrefix takes the prefix of the main namespace off tags only, and keeps a default namespace declared', () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    expect(withoutMainPrefix(`<x:a xmlns:x="${main}"><x:b v="x:y"/></x:a>`)).toBe(
      `<a xmlns="${main}"><b v="x:y"/></a>`,
    );
    expect(withoutMainPrefix(`<x:a xmlns="${main}" xmlns:x="${main}"><x:b/></x:a>`)).toBe(
      `<a xmlns="${main}"><b/></a>`,
    );
    expect(withoutMainPrefix(`<a xmlns="${main}"><b/></a>`)).toBe(`<a xmlns="${main}"><b/></a>`);
  });

  it('lists worksheets only, not chart sheets', async () => {
    const file = await build('chart.xlsx', {
      sheets: [
        { name: '数据', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: '图表', chart: true, data: '' },
      ],
    });
    expect(await listSheets(file)).toEqual(['数据']);
    expect(await rows(file)).toEqual([['数据', 1, ['1']]]);
    expect((await failure(readAll(file, ['图表']))).code).toBe('XLSX_NO_SUCH_SHEET');
  });

  it.each([
    {
      what: 'a sheet whose r:id leads to no relationship',
      damage: { kind: 'sheet-without-part', sheet: '初一(1)班' },
      edit: ([name, text]: [string, string]): [string, string] =>
        name === 'xl/_rels/workbook.xml.rels' ? [name, text.replace('Id="rId1"', 'Id="rId9"')] : [name, text],
    },
    {
      what: 'two sheets with one name',
      damage: { kind: 'duplicate-sheet', sheet: '初一(1)班' },
      edit: ([name, text]: [string, string]): [string, string] =>
        name === 'xl/workbook.xml' ? [name, text.replace('初一(2)班', '初一(1)班')] : [name, text],
    },
  ])('refuses $what as damaged, naming the sheet, before reading any row', async ({ damage, edit }) => {
    const file = path(`catalog-${damage.kind}.xlsx`);
    const data = (n: number) => `<row r="1"><c r="A1"><v>${n}</v></c></row>`;
    const parts = workbookParts({
      sheets: [
        { name: '初一(1)班', data: data(1) },
        { name: '初一(2)班', data: data(2) },
        { name: '初一(3)班', data: data(3) },
      ],
    });
    await writeZip(file, parts.map(edit));
    expect(await failure(listSheets(file))).toMatchObject({ code: 'XLSX_INVALID', reason: 'corrupt', damage });
    expect(await failure(readAll(file))).toMatchObject({ code: 'XLSX_INVALID', reason: 'corrupt', damage });
  });

  it('names the sheet of a cell given twice', async () => {
    const file = await build('duplicate-cell.xlsx', {
      sheets: [
        { name: '初一(1)班', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: '初一(2)班', data: '<row r="2"><c r="O2"><v>1</v></c><c r="O2"><v>0</v></c></row>' },
      ],
    });
    expect(await failure(readAll(file))).toMatchObject({
      reason: 'corrupt',
      damage: { kind: 'duplicate-cell', sheet: '初一(2)班', cell: 'O2' },
    });
  });

  // QA round 19, 7: parts are free names in OOXML; only `xl/worksheets/sheetN.xml` used to be read.
  it('reads a sheet whose part has another name (data.xml, sheet.xml), in tab order', async () => {
    const file = await build('odd-part.xlsx', {
      sheets: [
        { name: 'ok', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'odd', part: 'xl/worksheets/data.xml', data: '<row r="1"><c r="A1"><v>2</v></c></row>' },
        { name: 'bare', part: 'xl/worksheets/sheet.xml', data: '<row r="1"><c r="A1"><v>3</v></c></row>' },
      ],
    });
    expect(await listSheets(file)).toEqual(['ok', 'odd', 'bare']);
    expect(await rows(file)).toEqual([
      ['ok', 1, ['1']],
      ['odd', 1, ['2']],
      ['bare', 1, ['3']],
    ]);
  });

  // QA round 19, 6: a tab dragged first keeps its part (sheet3.xml), and zips may hold parts in any order: the rows
  // come in tab order, as the guide says ("in file order").
  it('reads the sheets in tab order, whatever the order of their parts in the zip', async () => {
    const file = path('zip-order.xlsx');
    const book: FixtureWorkbook = {
      sheets: ['7-1', '7-2', '7-3'].map((name, i) => ({
        name,
        data: `<row r="1"><c r="A1"><v>${i + 1}</v></c></row>`,
      })),
      order: ['xl/worksheets/sheet3.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml'],
    };
    await writeZip(file, workbookParts(book));
    expect(await rows(file)).toEqual([
      ['7-1', 1, ['1']],
      ['7-2', 1, ['2']],
      ['7-3', 1, ['3']],
    ]);
  });

  it('refuses, rather than skips, a sheet whose part the zip lacks', async () => {
    const book: FixtureWorkbook = {
      sheets: [
        { name: 'ok', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'lost', data: '<row r="1"><c r="A1"><v>2</v></c></row>' },
      ],
    };
    const file = path('lost-part.xlsx');
    await writeZip(
      file,
      workbookParts(book).filter(([name]) => name !== 'xl/worksheets/sheet2.xml'),
    );
    expect(await listSheets(file)).toEqual(['ok', 'lost']);
    expect(await rows(file, ['ok'])).toEqual([['ok', 1, ['1']]]);
    expect(await failure(readAll(file))).toMatchObject({ code: 'XLSX_INVALID', reason: 'unsupported' });
  });
});

describe('writeXlsx', () => {
  it('round-trips through readXlsxRows, formula-looking strings staying text', async () => {
    const file = path('export.xlsx');
    const formulaLike = ['=1+1', '+86 138', '-3', '@SUM(A1)', '\tx', '\r=cmd|x', '=HYPERLINK("http://x","y")'];
    await writeXlsx(file, [
      {
        name: '结果',
        rows: [
          ['学号', '姓名', '风险等级', '总分', '备注'],
          ['000042', '张三', '高', 21, null],
          ['202301010012', '李四', '低', 3.5, '多行\n文本 _x0041_'],
          [null, null, null, null, null],
          formulaLike,
        ],
      },
      { name: '说明', rows: [['字段', '含义']] },
    ]);
    expect(await rows(file)).toEqual([
      ['结果', 1, ['学号', '姓名', '风险等级', '总分', '备注']],
      ['结果', 2, ['000042', '张三', '高', '21']],
      ['结果', 3, ['202301010012', '李四', '低', '3.5', '多行\n文本 _x0041_']],
      ['结果', 5, formulaLike],
      ['说明', 1, ['字段', '含义']],
    ]);
    const sheetXml = await zipMember(file, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).not.toContain('<f>');
    // Excel's own reading: text cells, and Text format so that editing one keeps it text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cell = wb.getWorksheet('结果')?.getCell('A5');
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.numFmt).toBe('@');
  });

  it('writes a bold, frozen header and fits columns, CJK counting double', async () => {
    const file = path('layout.xlsx');
    await writeXlsx(file, [
      {
        name: 'layout',
        rows: [
          ['id', '中文标题中文标题中文标题'],
          ['1', 'x'],
        ],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('layout');
    expect(ws?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws?.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.getColumn(1).width).toBe(8);
    expect(ws?.getColumn(2).width).toBe(26);
  });

  it('makes sheet names valid and distinct', async () => {
    const file = path('names.xlsx');
    const sheet = (name: string) => ({ name, rows: [['x']] });
    await writeXlsx(file, [
      sheet('a/b:c*d?[e]\\f'),
      sheet('A/B:C*D?[E]\\F'),
      sheet("'quoted'"),
      sheet(''),
      sheet('History'),
      sheet('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三'),
      sheet('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四'),
    ]);
    expect(await listSheets(file)).toEqual([
      'a_b_c_d__e__f',
      'A_B_C_D__E__F (2)',
      'quoted',
      'Sheet4',
      'History_',
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一',
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七 (2)',
    ]);
  });

  it('creates the file with mode 0600, also in place of a world-readable one', async () => {
    const file = path('private.xlsx');
    await writeFile(file, 'old');
    await chmod(file, 0o644);
    await writeXlsx(file, [{ name: 's', rows: [['x']] }]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await writeXlsx(path('shared.xlsx'), [{ name: 's', rows: [['x']] }], { mode: 0o640 });
    expect((await stat(path('shared.xlsx'))).mode & 0o777).toBe(0o640);
  });

  it('refuses values Excel cannot hold, before creating anything', async () => {
    const file = path('bad.xlsx');
    await expect(writeXlsx(file, [{ name: 's', rows: [[Number.NaN]] }])).rejects.toThrow(RangeError);
    await expect(writeXlsx(file, [{ name: 's', rows: [['x'.repeat(32_768)]] }])).rejects.toThrow(RangeError);
    await expect(writeXlsx(file, [])).rejects.toThrow(RangeError);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

async function zipMember(file: string, name: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const entries = (await readZipDirectory(handle, (await handle.stat()).size)) ?? [];
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`${name} not in ${file}`);
    return (await readZipEntry(handle, entry, 1 << 26)).toString('utf8');
  } finally {
    await handle.close();
  }
}
