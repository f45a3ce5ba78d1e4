import { describe, expect, it } from 'vitest';
import { isXlsxError } from '../xlsx/xlsx-error.ts';
import { resolveSheetNames } from './sheet-names.ts';

describe('resolveSheetNames', () => {
  const sheets = ['初一(1)班', '初一(2)班', 'Class A', '填写说明'];
  it.each([
    { requested: ['初一(1)班'], names: ['初一(1)班'] },
    { requested: ['初一（1）班'], names: ['初一(1)班'] },
    { requested: [' 初一（２）班 '], names: ['初一(2)班'] },
    { requested: ['class  a'], names: ['Class A'] },
    // Unknown names are kept, for the reader to report with the sheets there are.
    { requested: ['初一(3)班'], names: ['初一(3)班'] },
  ])('$requested → $names', ({ requested, names }) => {
    expect(resolveSheetNames(requested, sheets)).toEqual(names);
  });

  it('takes the exact name over one that folds to it, and refuses a name that folds to two sheets', () => {
    const both = ['初一(1)班', '初一（1）班'];
    expect(resolveSheetNames(['初一（1）班'], both)).toEqual(['初一（1）班']);
    let error: unknown;
    try {
      resolveSheetNames(['初一﹙1﹚班'], both);
    } catch (e) {
      error = e;
    }
    expect(isXlsxError(error) && [error.code, error.missing, error.sheets]).toEqual([
      'XLSX_AMBIGUOUS_SHEET',
      ['初一﹙1﹚班'],
      both,
    ]);
  });
});
