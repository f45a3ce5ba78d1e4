import { describe, expect, it } from 'vitest';
import { detectDelimiter, isBlankRecord, readCsv } from './read-csv.ts';

const read = (text: string, delimiter = ',') => [...readCsv(text, { delimiter })];

describe('readCsv', () => {
  it.each([
    {
      name: 'plain LF',
      text: 'a,b\n1,2\n',
      records: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    {
      name: 'CRLF',
      text: 'a,b\r\n1,2\r\n',
      records: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    {
      name: 'lone CR',
      text: 'a,b\r1,2',
      records: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    {
      name: 'no final newline',
      text: 'a,b\n1,2',
      records: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    { name: 'empty fields', text: ',,\n', records: [[1, ['', '', '']]] },
    { name: 'trailing delimiter at end of text', text: 'a,', records: [[1, ['a', '']]] },
    { name: 'quoted delimiter', text: '"a,b",c\n', records: [[1, ['a,b', 'c']]] },
    { name: 'doubled quotes', text: '"say ""hi""",x\n', records: [[1, ['say "hi"', 'x']]] },
    { name: 'empty quoted field', text: '"",x\n', records: [[1, ['', 'x']]] },
    {
      name: 'LF inside quotes advances the line',
      text: 'h1,h2\n"multi\nline",2\nnext,3\n',
      records: [
        [1, ['h1', 'h2']],
        [2, ['multi\nline', '2']],
        [4, ['next', '3']],
      ],
    },
    {
      name: 'CRLF inside quotes counts once',
      text: 'h\r\n"a\r\nb\r\nc"\r\nz\r\n',
      records: [
        [1, ['h']],
        [2, ['a\r\nb\r\nc']],
        [5, ['z']],
      ],
    },
    {
      name: 'blank lines keep their line numbers',
      text: 'h\n\n1\n',
      records: [
        [1, ['h']],
        [2, ['']],
        [3, ['1']],
      ],
    },
    { name: 'quote inside unquoted field is text', text: 'ab"c,d\n', records: [[1, ['ab"c', 'd']]] },
    { name: 'text after closing quote is kept', text: '"ab"c,d\n', records: [[1, ['abc', 'd']]] },
    {
      name: 'Chinese text',
      text: '学号,第1题\nS1,好几天\n',
      records: [
        [1, ['学号', '第1题']],
        [2, ['S1', '好几天']],
      ],
    },
    { name: 'empty text', text: '', records: [] },
  ])('$name', ({ text, records }) => {
    expect(read(text).map((r) => [r.line, r.fields])).toEqual(records);
  });

  it('reads tab-delimited text', () => {
    expect(read('a\tb,c\n1\t2\n', '\t').map((r) => r.fields)).toEqual([
      ['a', 'b,c'],
      ['1', '2'],
    ]);
  });

  it('marks a record whose quoted field never closes, with the line it starts on, and reads the lines after it', () => {
    const records = read('h\n1\n"open,2\n3\n');
    expect(records.slice(2)).toEqual([
      { line: 3, fields: ['open,2'], unterminated: true },
      { line: 4, fields: ['3'] },
    ]);
    expect(records.filter((r) => r.unterminated)).toHaveLength(1);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b\n1,2', ','],
    ['a\tb\n1\t2', '\t'],
    ['a\tb,c\n', ','],
    ['single\n', ','],
    ['', ','],
    ['a;b;c\n1,5;2;3', ';'],
    ['a|b|c,d', '|'],
    ['a;b\tc', '\t'], // a tie between two that split it: tab before semicolon
    ['a,b\tc\n1\t2\n', '\t'], // the rows split the same by tabs only
    ['"a,b,c";d;e', ';'],
    ['\n \t\na;b', ';'],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('isBlankRecord', () => {
  it.each([
    [[''], true],
    [['', ' ', ''], true],
    [['', '1'], false],
  ])('%j → %s', (fields, blank) => {
    expect(isBlankRecord({ line: 1, fields })).toBe(blank);
  });
});
