import { describe, expect, it } from 'vitest';
import { delimiterOf, SAMPLE_RECORDS } from './delimiter.ts';

const rows = (row: string, n = SAMPLE_RECORDS) => Array.from({ length: n }, () => row).join('');

describe('delimiterOf', () => {
  it.each([
    ['a,b\n', true, ','],
    ['a\tb\tc\r\n', true, '\t'],
    ['a;b;c\r', true, ';'],
    ['a|b|c', true, '|'],
    ['a|b|c', false, undefined],
    ['"a\nb";c;d\n', true, ';'],
    ['"a\nb;c;d', false, undefined],
    ['\n\t\t\n', false, undefined],
    ['\n\t\t\n', true, ','],
    ['\t\t\na;b\n', true, ';'],
    ['a;b,c|d\n', true, ','],
    ['', true, ','],
    // Enough records: decided without the end of the text.
    [`a,b\n${rows('1,2\n')}`, false, ','],
    [`a\tb\n${rows('1\t2\n')}`, false, '\t'],
  ])('%j (final: %s) → %j', (text, final, delimiter) => {
    expect(delimiterOf(text, final)).toBe(delimiter);
  });

  it.each([
    {
      name: 'a tab-separated header with more commas than tabs in its text',
      text: 'id\tname\tPHQ-A 1. down, depressed, irritable, hopeless\tPHQ-A 2. interest, pleasure, fun, joy\n1\tA\t1\t1\n2\tB\t0\t0\n',
      delimiter: '\t',
    },
    {
      name: 'semicolons with decimal commas in some rows',
      text: 'id;score;note\n1;2,5;x\n2;3;y\n3;1,5;z\n',
      delimiter: ';',
    },
    {
      name: 'a title line above the header',
      text: '某某中学心理健康筛查\n学号,姓名,PHQA1\n1,张三,0\n2,李四,1\n',
      delimiter: ',',
    },
    {
      name: 'commas inside quoted tab-separated fields',
      text: '"a, b, c"\t"d, e"\tf\n1\t2\t3\n',
      delimiter: '\t',
    },
    {
      name: 'rows short of trailing fields',
      text: 'a,b,c,d\n1,2,3,4\n1,2\n1,2,3,4\n',
      delimiter: ',',
    },
  ])('$name → $delimiter', ({ text, delimiter }) => {
    expect(delimiterOf(text, true)).toBe(delimiter);
    // The same as the text grows: undefined until decided, then the same answer.
    for (let k = 0; k <= text.length; k++)
      expect([undefined, delimiter]).toContain(delimiterOf(text.slice(0, k), false));
  });
});
