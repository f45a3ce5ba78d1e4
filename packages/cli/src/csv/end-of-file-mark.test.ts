import { describe, expect, it } from 'vitest';
import type { CsvRecord } from './csv-parser.ts';
import { withoutEndOfFileMark, withoutTrailingMarks } from './end-of-file-mark.ts';

async function through(...batches: CsvRecord[][]): Promise<CsvRecord[]> {
  async function* source() {
    yield* batches;
  }
  const out: CsvRecord[] = [];
  for await (const batch of withoutEndOfFileMark(source())) out.push(...batch);
  return out;
}

describe('withoutEndOfFileMark', () => {
  it.each([
    ['a lone Ctrl-Z', ['\x1a']],
    ['Ctrl-Z with spaces', [' \x1a ']],
    ['two marks', ['\x1a\x1a']],
    ['a mark after blank fields', ['', '', '\x1a']],
  ])('reads %s as a blank record, on its own line', async (_, fields) => {
    expect(await through([{ line: 41, fields }])).toEqual([{ line: 41, fields: [''] }]);
  });

  it.each([
    ['a student', ['1001', '0', '1']],
    ['a mark beside an answer', ['\x1a', '1']],
    ['a mark inside a cell', ['10\x1a01', '0']],
    ['a blank record', ['', '']],
  ])('leaves %s as it is', async (_, fields) => {
    const record = { line: 2, fields };
    const [out] = await through([record]);
    expect(out).toBe(record);
  });

  it('takes a mark stuck to the last cell of the file off that cell, in the last batch only', async () => {
    const early = { line: 2, fields: ['1001', '0\x1a'] };
    const last = { line: 41, fields: ['1040', '0', '3\x1a\x1a'] };
    expect(await through([early], [{ line: 40, fields: ['1039', '1'] }, last])).toEqual([
      early,
      { line: 40, fields: ['1039', '1'] },
      { line: 41, fields: ['1040', '0', '3'] },
    ]);
  });

  it('withoutTrailingMarks strips marks and the spaces among them at the end, and only when a mark is there', () => {
    expect(withoutTrailingMarks('a,b\r\n1,2\x1a')).toBe('a,b\r\n1,2');
    expect(withoutTrailingMarks('a,b\r\n1,2\r\n\x1a\r\n')).toBe('a,b\r\n1,2');
    expect(withoutTrailingMarks('a,b\r\n1,2\r\n')).toBe('a,b\r\n1,2\r\n');
    expect(withoutTrailingMarks('1\x1a2')).toBe('1\x1a2');
  });
});
