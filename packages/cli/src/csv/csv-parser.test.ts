import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord } from './csv-parser.ts';

/** Feeds `text` cut at `cuts` (offsets into it) and reads every record, at most `max` per read(). */
function parseInPieces(text: string, cuts: readonly number[], max = 1): CsvRecord[] {
  const parser = new CsvParser({ delimiter: ',' });
  const records: CsvRecord[] = [];
  const drain = () => {
    for (let r = parser.read(max); r.length > 0; r = parser.read(max)) records.push(...r);
  };
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut));
    drain();
    from = cut;
  }
  parser.push(text.slice(from));
  parser.end();
  drain();
  return records;
}

const whole = (text: string) => parseInPieces(text, [], Number.POSITIVE_INFINITY);

/** Texts where a cut can fall inside every state of the parser. */
const TRICKY = [
  'a,b\r\n1,2\r\n',
  'a,b\r1,2\r',
  'h1,h2\n"multi\nline",2\nnext,3\n',
  'h\r\n"a\r\nb\r\nc"\r\nz\r\n',
  '"say ""hi""",x\n"""",""\n',
  '"",x\n,\n,,\n',
  'a,',
  '"ab"c,d\nab"c,d\n',
  '学号,姓名,第1题\r\nS1,"张,三",好几天\r\n',
  'h\n\n\r\n\r1\n',
  'h\n1\n"open,2\r\n3\r',
  '"closed at the end"',
  '"cr\rinside",x\r\n',
];

describe('CsvParser', () => {
  it.each(TRICKY)('reads %j the same cut at every offset', (text) => {
    const expected = whole(text);
    for (let cut = 0; cut <= text.length; cut++) expect(parseInPieces(text, [cut])).toEqual(expected);
    expect(
      parseInPieces(
        text,
        Array.from({ length: text.length }, (_, k) => k),
      ),
    ).toEqual(expected);
  });

  it.each([
    {
      text: 'a,b\r\n1,2\r\n',
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
    },
    {
      text: '"x\r\ny"\r\nz',
      records: [
        { line: 1, fields: ['x\r\ny'] },
        { line: 3, fields: ['z'] },
      ],
    },
    {
      text: '"x\ry"\rz',
      records: [
        { line: 1, fields: ['x\ry'] },
        { line: 3, fields: ['z'] },
      ],
    },
    { text: 'a,"b', records: [{ line: 1, fields: ['a', 'b'], unterminated: true }] },
    { text: '"a""', records: [{ line: 1, fields: ['a"'], unterminated: true }] },
    { text: '"a"""', records: [{ line: 1, fields: ['a"'] }] },
    { text: '\r\n', records: [{ line: 1, fields: [''] }] },
  ])('reads $text', ({ text, records }) => {
    expect(whole(text)).toEqual(records);
  });

  it('reports the line it has reached', () => {
    const parser = new CsvParser({ delimiter: ',' });
    parser.push('a\r\n"b\n');
    parser.read();
    expect(parser.line).toBe(3);
  });

  it.each(['', ',,', '"', '\n', '\r'])('refuses the delimiter %j', (delimiter) => {
    expect(() => new CsvParser({ delimiter })).toThrow(RangeError);
  });

  it('reads no more records than asked for', () => {
    const parser = new CsvParser({ delimiter: ',' });
    parser.push('a\nb\nc');
    parser.end();
    expect(parser.read(0)).toEqual([]);
    expect(parser.read(2).map((r) => r.fields)).toEqual([['a'], ['b']]);
    expect(parser.read(2).map((r) => r.fields)).toEqual([['c']]);
    expect(parser.read()).toEqual([]);
  });

  it('refuses text after end()', () => {
    const parser = new CsvParser({ delimiter: ',' });
    parser.end();
    expect(() => parser.push('a')).toThrow();
  });
});

const LINE_ENDS = ['\n', '\r\n', '\r'] as const;
const fieldText = fc.stringMatching(/^[a-z0-9 ,;"\r\n学号好几天]{0,8}$/);
const rows = fc.array(fc.array(fieldText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

/** A field as a spreadsheet writes it: quoted when it must be (or when `quote` says so), quotes doubled. */
function quote(field: string, always: boolean): string {
  return always || /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

describe('CsvParser properties', () => {
  it('reads back the rows a CSV writer wrote, with the line each starts on', () => {
    fc.assert(
      fc.property(rows, fc.array(fc.constantFrom(...LINE_ENDS)), fc.boolean(), (data, ends, quoteAll) => {
        let text = '';
        const expected: CsvRecord[] = [];
        let line = 1;
        data.forEach((fields, k) => {
          expected.push({ line, fields });
          // A lone empty field is written quoted, or the row would read as a blank line.
          const row = fields.map((f) => quote(f, quoteAll || fields.length === 1)).join(',');
          const end = ends[k % Math.max(ends.length, 1)] ?? '\n';
          text += row + end;
          line += (row + end).match(/\r\n|\r|\n/g)?.length ?? 0;
        });
        expect(whole(text)).toEqual(expected);
      }),
    );
  });

  it('reads the same records wherever the text is cut', () => {
    fc.assert(
      fc.property(
        rows,
        fc.constantFrom(...LINE_ENDS),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        (data, end, offsets, finalEnd) => {
          const text =
            data.map((fields) => fields.map((f) => quote(f, false)).join(',')).join(end) + (finalEnd ? end : '');
          const cuts = offsets.map((o) => o % (text.length + 1));
          expect(parseInPieces(text, cuts)).toEqual(whole(text));
        },
      ),
    );
  });

  it('reads the same records from arbitrary text wherever it is cut, quotes unbalanced included', () => {
    const text = fc.stringMatching(/^[a,"\r\n学]{0,40}$/);
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), (t, offsets) => {
        expect(
          parseInPieces(
            t,
            offsets.map((o) => o % (t.length + 1)),
          ),
        ).toEqual(whole(t));
      }),
    );
  });
});

describe('CsvParser on a quote that never closes', () => {
  const students = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, k) => `${from + k},Name${from + k},0,3`);

  it('rejects the line it opened on and reads every later line as before (a stray " before a name)', () => {
    const lines = ['id,name,q1,q9', ...students(1, 3), '4,"Ceshi,0,3', ...students(5, 40)];
    const records = whole(`${lines.join('\r\n')}\r\n`);
    expect(records).toHaveLength(41);
    expect(records[4]).toEqual({ line: 5, fields: ['4', 'Ceshi,0,3'], unterminated: true });
    expect(records.slice(5).map((r) => [r.line, r.fields])).toEqual(
      students(5, 40).map((row, k) => [k + 6, row.split(',')]),
    );
    for (const cuts of [[1], [100, 101, 102], [37, 200, 201, 800]]) {
      expect(parseInPieces(`${lines.join('\r\n')}\r\n`, cuts)).toEqual(records);
    }
  });

  it('gives up on it past the longest cell a spreadsheet holds, without waiting for the end of the text', () => {
    const parser = new CsvParser({ delimiter: ',' });
    parser.push(`id,name\n1,"stray\n${students(2, 9000).join('\n')}\n`);
    // Not ended: the rows after the stray quote come already, the field having outgrown 32,767 characters.
    const records = parser.read();
    expect(records[1]).toEqual({ line: 2, fields: ['1', 'stray'], unterminated: true });
    expect(records.at(-1)?.line).toBe(9001);
    expect(records).toHaveLength(9001);
  });

  // QA round 23, 2: a quoted field of 65,300 characters on one line, cut by a 64 KiB read, was a record, and its rest
  // a second record on the same line; cut elsewhere, it was a field.
  it('reads a quoted field longer than a cell on one line as a field, wherever the text is cut', () => {
    const long = 'A'.repeat(65_300);
    const text = `id,name,q1\r\n1,x,0\r\n2,"${long}",3\r\n3,y,1\r\n`;
    const records = whole(text);
    expect(records.map((r) => [r.line, r.fields.length, r.unterminated ?? false])).toEqual([
      [1, 3, false],
      [2, 3, false],
      [3, 3, false],
      [4, 3, false],
    ]);
    expect(records[2]?.fields[1]).toBe(long);
    for (const cuts of [[20], [40_000], [65_536], [20, 40_000, 65_536, 65_330]]) {
      expect(parseInPieces(text, cuts)).toEqual(records);
    }
  });

  it('decides a quoted field longer than a cell over lines the same wherever the text is cut', () => {
    const long = `${'B'.repeat(20_000)}\n${'C'.repeat(20_000)}`;
    const text = `id,name,q1\r\n1,x,0\r\n2,"${long}",3\r\n3,y,1\r\n`;
    const records = whole(text);
    expect(records[2]).toMatchObject({ line: 3, unterminated: true });
    expect(records.at(-1)).toEqual({ line: 5, fields: ['3', 'y', '1'] });
    for (let cut = 0; cut <= text.length; cut += 4_999) expect(parseInPieces(text, [cut])).toEqual(records);
  });

  it('still reads a quoted cell over several lines (Alt+Enter in Excel) as one field', () => {
    expect(whole('a,b\r\n1,"line 1\r\nline 2"\r\n2,x\r\n').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', 'line 1\r\nline 2'],
      ['2', 'x'],
    ]);
  });
});

describe('CsvParser on a stray quote that a later quote seems to close', () => {
  const zeros = '0,0,0,0';
  it('rejects the stray line and reads the lines after it, the later quoted cell included', () => {
    const text = `id,name,a,b,c,d\r\n1,A,${zeros}\r\n2,"B,${zeros}\r\n3,C,${zeros}\r\n4,"Wang, D",${zeros}\r\n`;
    const records = whole(text);
    expect(records.map((r) => [r.line, r.fields, r.unterminated ?? false])).toEqual([
      [1, ['id', 'name', 'a', 'b', 'c', 'd'], false],
      [2, ['1', 'A', '0', '0', '0', '0'], false],
      [3, ['2', `B,${zeros}`], true],
      [4, ['3', 'C', '0', '0', '0', '0'], false],
      [5, ['4', 'Wang, D', '0', '0', '0', '0'], false],
    ]);
    for (let cut = 0; cut <= text.length; cut++) expect(parseInPieces(text, [cut])).toEqual(records);
  });

  it('rejects each of two stray quotes on their own lines, not the rows between them', () => {
    const text = `id,name,a\n1,"B,3\n2,C,3\n3,"D,0\n4,E,0\n`;
    expect(whole(text).map((r) => [r.line, r.fields, r.unterminated ?? false])).toEqual([
      [1, ['id', 'name', 'a'], false],
      [2, ['1', 'B,3'], true],
      [3, ['2', 'C', '3'], false],
      [4, ['3', 'D,0'], true],
      [5, ['4', 'E', '0'], false],
    ]);
  });

  it('keeps a quote inside one line as text, as spreadsheets leave it ("Ce"shi)', () => {
    expect(whole('a,b\n1,"Ce"shi\n').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', 'Ceshi'],
    ]);
  });
});

describe('CsvParser on a stray quote closed by a stray quote rows later', () => {
  const header = 'id,name,a,b,c,d,e,f';
  const row = (id: number, name: string) => `${id},${name},0,0,0,0,0,${id % 2}`;

  it('rejects the line the quote opened on and reads the rows it took in, not one student with another’s answers', () => {
    const lines = [header, row(1, 'A'), row(2, '"B'), row(3, 'C'), row(4, 'D'), row(5, 'x"'), row(6, 'F')];
    const text = `${lines.join('\n')}\n`;
    const records = whole(text);
    expect(records.map((r) => [r.line, r.fields[0], r.unterminated ?? false])).toEqual([
      [1, 'id', false],
      [2, '1', false],
      [3, '2', true],
      [4, '3', false],
      [5, '4', false],
      [6, '5', false],
      [7, '6', false],
    ]);
    // The stray closing quote is text in its own row, as a quote inside an unquoted field always is.
    expect(records[5]?.fields).toEqual(['5', 'x"', '0', '0', '0', '0', '0', '1']);
    for (let cut = 0; cut <= text.length; cut += 7) expect(parseInPieces(text, [cut])).toEqual(records);
  });

  // QA round 18, 3: `"Huang Laowu` on one line, `Liu Xiaoqi"` on the next: the first student scored with the second's
  // answers, the second in no output at all.
  it('rejects a line whose quote the next line closes when the rest of the line is the rest of its row', () => {
    const lines = [header, row(1, 'A'), row(2, '"B'), row(3, 'C"'), row(4, 'D')];
    const text = `${lines.join('\r\n')}\r\n`;
    const records = whole(text);
    expect(records.map((r) => [r.line, r.fields[0], r.unterminated ?? false])).toEqual([
      [1, 'id', false],
      [2, '1', false],
      [3, '2', true],
      [4, '3', false],
      [5, '4', false],
    ]);
    expect(records[3]?.fields).toEqual(['3', 'C"', '0', '0', '0', '0', '0', '1']);
    for (let cut = 0; cut <= text.length; cut += 5) expect(parseInPieces(text, [cut])).toEqual(records);
  });

  it('keeps a cell over two lines near the end of a row, its commas as many as the fields left', () => {
    // Column 6 of 8: two fields left, and "tired, sad" holds one comma fewer; "a, b, c" in column 2 none the same.
    const late = whole(`${header}\n1,A,0,0,0,"tired, sad, alone\nseen",0,0\n`);
    expect(late.map((r) => r.fields.length)).toEqual([8, 8]);
    const early = whole(`${header}\n1,"a, b, c\nd",0,0,0,0,0,0\n`);
    expect(early.map((r) => r.fields.length)).toEqual([8, 8]);
  });

  it('keeps a cell typed over several lines with a few commas in each as one field', () => {
    const cell = '"Notes: tired, sad\nsleeps badly, eats little\nseen by, teacher"';
    const records = whole(`${header}\n1,${cell},0,0,0,0,0,0\n2,B,0,0,0,0,0,0\n`);
    expect(records.map((r) => r.fields.length)).toEqual([8, 8, 8]);
    expect(records[1]?.fields[1]).toBe('Notes: tired, sad\nsleeps badly, eats little\nseen by, teacher');
  });
});
