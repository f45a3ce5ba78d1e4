import { describe, expect, it } from 'vitest';
import type { CsvRecord } from './csv-parser.ts';
import { shownText, withShownText } from './string-formula.ts';

describe('shownText', () => {
  it.each([
    ['="202501110001"', '202501110001'],
    ['="0012"', '0012'],
    [' ="202501110001" ', '202501110001'],
    ['="好几天"', '好几天'],
    ['=""', ''],
    ['="say ""hi"""', 'say "hi"'],
  ])('%j is the text %j', (field, text) => {
    expect(shownText(field)).toBe(text);
  });

  // Other formulas are no text: the import says they were saved without their value.
  it.each(['=A1+1', '="a"&B2', '= "a"', '="a', '="a"b"', 'x="a"', '202501110001', '', 'a="b"'])(
    '%j stays as written',
    (field) => {
      expect(shownText(field)).toBe(field);
    },
  );
});

describe('withShownText', () => {
  async function collect(batches: readonly (readonly CsvRecord[])[]): Promise<CsvRecord[][]> {
    async function* from() {
      yield* batches;
    }
    const out: CsvRecord[][] = [];
    for await (const batch of withShownText(from())) out.push([...batch]);
    return out;
  }

  it('unwraps string formulas in any field, and keeps a record without one as it is', async () => {
    const plain: CsvRecord = { line: 1, fields: ['学号', 'PHQA1'] };
    const wrapped: CsvRecord = { line: 2, fields: ['="0012"', '="1"'], damaged: true };
    const [batch] = await collect([[plain, wrapped]]);
    expect(batch?.[0]).toBe(plain);
    expect(batch?.[1]).toEqual({ line: 2, fields: ['0012', '1'], damaged: true });
  });
});
