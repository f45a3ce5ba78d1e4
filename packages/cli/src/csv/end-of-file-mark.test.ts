import { describe, expect, it } from 'vitest';
import type { CsvRecord } from './csv-parser.ts';
import { withoutEndOfFileMark } from './end-of-file-mark.ts';

async function through(records: CsvRecord[]): Promise<CsvRecord[]> {
  async function* one() {
    yield records;
  }
  const out: CsvRecord[] = [];
  for await (const batch of withoutEndOfFileMark(one())) out.push(...batch);
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
});
