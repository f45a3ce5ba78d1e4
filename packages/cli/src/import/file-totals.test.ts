import { getInstrument, type InstrumentDefinition, instruments } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { mapHeader } from './columns.ts';
import { FileTotals, sameIndex, totalColumn } from './file-totals.ts';
import { instrumentPlans } from './read-row.ts';

const sds = getInstrument('sds') as InstrumentDefinition;
const sas = getInstrument('sas') as InstrumentDefinition;

describe('totalColumn (a total the platform computed)', () => {
  it.each<[string, 'total' | 'index' | undefined, string | undefined]>([
    ['总分', 'total', undefined],
    ['SDS总分', 'total', 'sds'],
    ['得分', 'total', undefined],
    ['粗分', 'total', undefined],
    ['SDS粗分', 'total', 'sds'],
    ['原始分', 'total', undefined],
    ['标准分', 'index', undefined],
    ['标准总分', 'index', undefined],
    ['21、标准分（满分100）：', 'index', undefined],
    ['SDS标准分', 'index', 'sds'],
    ['SAS_标准分', 'index', 'sas'],
    ['SDS Index', 'index', 'sds'],
    ['SDS指数', 'index', 'sds'],
    ['Standard score', 'index', undefined],
    // Alone, "Index" may number the rows.
    ['Index', undefined, undefined],
    ['指数', undefined, undefined],
    ['备注', undefined, undefined],
  ])('%s → %s %s', (header, measure, instrument) => {
    const found = totalColumn({ index: 21, header }, [sds, sas]);
    expect(found?.measure).toBe(measure);
    expect(found?.instrument?.id).toBe(instrument);
  });

  it.each([['SCL-90总分'], ['SCL90总分'], ['SCL总分'], ['SCL-90 Total']])(
    '%s names SCL-90, with or without its hyphen',
    (header) => {
      const scl = getInstrument('scl-90') as InstrumentDefinition;
      expect(totalColumn({ index: 91, header }, [scl])).toMatchObject({ measure: 'total', instrument: scl });
    },
  );
});

describe('sameIndex (a file standard score against total × 1.25)', () => {
  it.each<[number, number, boolean]>([
    [74, 59 * 1.25, true], // 73.75, half up
    [73, 59 * 1.25, true], // INT(73.75), as a spreadsheet formula cuts it
    [73.75, 59 * 1.25, true],
    [61, 49 * 1.25, true], // 61.25 either way
    [62, 49 * 1.25, false],
    [63, 50 * 1.25, true], // 62.5, half up
    [62, 50 * 1.25, true],
    [36, 29 * 1.25, true],
    [74, 29 * 1.25, false], // 按分值: the file's 74 against triage's 36.25
    [50, 40 * 1.25, true],
    [51, 40 * 1.25, false],
    [49, 40 * 1.25, false],
  ])('%s for %s → %s', (file, exact, same) => {
    expect(sameIndex(file, exact)).toBe(same);
  });
});

describe('FileTotals.of (every total column of a sheet)', () => {
  const sdsItems = Array.from({ length: 20 }, (_, i) => `SDS${i + 1}`);
  const columns = (headers: readonly string[]) => {
    const mapped = mapHeader(['学号', ...sdsItems, ...headers], { candidates: instruments, named: false });
    if (!mapped.ok) throw new Error('no mapping');
    const totals = FileTotals.of(
      mapped.value,
      instrumentPlans(mapped.value, {}, () => false),
    );
    return totals?.found().map((t) => [t.header, t.measure]);
  };

  it.each<[string[], [string, string][] | undefined]>([
    [
      ['总分', '标准分'],
      [
        ['总分', 'total'],
        ['标准分', 'index'],
      ],
    ],
    [
      ['粗分', '标准分'],
      [
        ['粗分', 'total'],
        ['标准分', 'index'],
      ],
    ],
    [
      ['标准分', '粗分'],
      [
        ['标准分', 'index'],
        ['粗分', 'total'],
      ],
    ],
    [['标准分'], [['标准分', 'index']]],
    [['备注'], undefined],
  ])('%j → %j', (headers, found) => {
    expect(columns(headers)).toEqual(found);
  });
});
