import { instruments } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { mapHeader } from './columns.ts';
import { joinHeaderRows, shortName } from './header-row.ts';

describe('joinHeaderRows', () => {
  const group = ['', '', 'PHQ-A 青少年抑郁量表', '', '', 'GAD-7', ''];
  const names = ['学号', '姓名', '1', '9', 'd', '1', '7'];

  it('reads every group by its own short name: a longer name does not drop another group', () => {
    expect(joinHeaderRows(group, names, true)?.fields).toEqual([
      '学号',
      '姓名',
      'PHQ-A 1',
      'PHQ-A 9',
      'PHQ-A d',
      'GAD-7 1',
      'GAD-7 7',
    ]);
  });

  it('says, by column, the group name as written over it and its own name', () => {
    const grouped = joinHeaderRows(group, names, true)?.grouped;
    expect(grouped?.[1]).toBeUndefined();
    expect(grouped?.[4]).toEqual({ group: 'PHQ-A 青少年抑郁量表', own: 'd' });
    expect(grouped?.[6]).toEqual({ group: 'GAD-7', own: '7' });
  });

  it('as written, keeps the whole name', () => {
    expect(joinHeaderRows(group, names)?.fields[2]).toBe('PHQ-A 青少年抑郁量表 1');
  });
});

describe('shortName', () => {
  it.each([
    ['GAD-7 广泛性焦虑量表', 'GAD-7'],
    ['广泛性焦虑量表（GAD-7）', 'GAD-7'],
    ['SCL-90症状自评量表', 'SCL-90'],
    ['青少年抑郁量表', '青少年抑郁量表'],
  ])('%j → %j', (group, short) => {
    expect(shortName(group)).toBe(short);
  });

  // Why reading every group by its short name is sound: an instrument's own name keeps naming it.
  it.each(instruments.map((d) => [d.abbreviation, d]))('%s over its first item maps by its short name', (_, d) => {
    const item = d.items[0]?.id ?? '1';
    for (const name of [d.abbreviation, d.id]) {
      const result = mapHeader([`${shortName(name)} ${item}`], { candidates: [d], named: false });
      const read = result.ok ? result.value.instruments : [];
      const missing = result.ok ? [] : result.error.filter((i) => i.code === 'missing-items');
      expect(read.length + missing.length, name).toBe(1);
    }
  });
});
