import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../csv/read-csv.ts';
import { csvCell, csvLine, UTF8_BOM } from './csv-cell.ts';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['张三', '张三'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line\nbreak', '"line\nbreak"'],
    ['line\r\nbreak', '"line\r\nbreak"'],
    ['cr\ronly', '"cr\ronly"'],
    [' lead', '" lead"'],
    ['trail ', '"trail "'],
    ['trail\t', '"trail\t"'],
    ['\u3000全角空格', '"\u3000全角空格"'],
    ['in side', 'in side'],
    ["it's", "it's"],
    ['a;b|c', 'a;b|c'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+86 138', "'+86 138"],
    ['-', "'-"],
    ['-1+1', "'-1+1"],
    ['-A1', "'-A1"],
    ['+A1', "'+A1"],
    ['@SUM(1)', "'@SUM(1)"],
    ['=1', "'=1"],
    ['-1e5', "'-1e5"],
    ['-.5', "'-.5"],
    ['-1.', "'-1."],
    ['--1', "'--1"],
    ['- 1', "'- 1"],
    ['-1 ', `"'-1 "`],
    ['-1,5', `"'-1,5"`],
    ['-１', "'-１"],
    ['+1\t', `"'+1\t"`],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', `"'\r=cmd"`],
    ['=a,b', `"'=a,b"`],
    ['=trailing ', `"'=trailing "`],
  ])('defuses formula %j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    [-5, '-5'],
    [0, '0'],
    [12.5, '12.5'],
    [-0.25, '-0.25'],
    [1e21, '1e+21'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [Number.NEGATIVE_INFINITY, ''],
    [null, ''],
    [undefined, ''],
  ])('number or nothing %j → %j, never prefixed', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['-3', '-3'],
    ['+1', '+1'],
    ['-0.5', '-0.5'],
    ['+86', '+86'],
    ['-007', '-007'],
  ])('writes a plain signed number %j as it is, no formula anywhere: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['  =HYPERLINK("x")', `"'  =HYPERLINK(""x"")"`],
    ['\u3000@SUM(A1)', "'\u3000@SUM(A1)"],
    ['\u00a0+cmd', "'\u00a0+cmd"],
    ['＝1+1', "'＝1+1"],
    ['＋cmd', "'＋cmd"],
    ['－A1', "'－A1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
  ])('defuses a formula sign after spaces or in full width %j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([' -3', '－３', '　+1', 'ＡＢＣ', ' 张三'])('leaves %j, which starts no formula, as it is', (value) => {
    expect(csvCell(value)).not.toContain("'");
  });

  it('leaves formula characters alone after the first one', () => {
    expect(csvCell('a=b+c-d@e')).toBe('a=b+c-d@e');
  });
});

describe('csvLine', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvLine(['学号', 12, null, 'a,b', -3, '-3', '-A1'])).toBe('学号,12,,"a,b",-3,-3,\'-A1\r\n');
  });

  it('writes an empty line for no cells', () => {
    expect(csvLine([])).toBe('\r\n');
  });

  it('has a UTF-8 byte-order mark for Excel', () => {
    expect(Buffer.from(UTF8_BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

/** What a cell reads back as: the text, with the apostrophe that defuses a formula (not before a plain number). */
const readBack = (value: string) =>
  (/^[=+\-@\t\r]/.test(value) && !/^[+-][0-9]+(\.[0-9]+)?$/.test(value)) ||
  /^[ \u00a0\u3000]*(?:[=@＝＠]|[+\-＋－](?![0-9０-９.]+$))/.test(value)
    ? `'${value}`
    : value;

/** Strings rich in the characters CSV and formula defusing care about. */
const tricky = fc
  .array(
    fc.constantFrom(
      'a',
      '张',
      ' ',
      '\t',
      ',',
      '"',
      '\r',
      '\n',
      '=',
      '+',
      '-',
      '@',
      "'",
      '0',
      '\u3000',
      '\uFEFF',
      '\u{1F600}',
    ),
    {
      maxLength: 8,
    },
  )
  .map((chars) => chars.join(''));
const cellText = fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ maxLength: 12 }));

describe('csvLine round trip through readCsv', () => {
  it('reads back every cell as written, but for the apostrophe before a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const text = rows.map(csvLine).join('');
          const records = [...readCsv(text, { delimiter: ',' })];
          expect(records.map((r) => r.fields)).toEqual(rows.map((cells) => cells.map(readBack)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads back numbers as their decimal text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 6 }),
        (numbers) => {
          const [record] = [...readCsv(csvLine(numbers), { delimiter: ',' })];
          expect(record?.fields).toEqual(numbers.map((n) => String(n)));
        },
      ),
    );
  });
});
