import { describe, expect, it } from 'vitest';
import type { SheetMapping } from './columns.ts';
import { isFooterRow } from './footer-row.ts';

/** 学号, 姓名, 班级, then three answer columns. */
const sheet = {
  width: 6,
  person: {
    studentId: { index: 0, header: '学号' },
    name: { index: 1, header: '姓名' },
    class: { index: 2, header: '班级' },
  },
  instruments: [{ items: [3, 4, 5].map((index) => ({ index, header: `Q${index - 2}`, item: String(index - 2) })) }],
  ignored: [],
  unknownItems: [],
  how: 'prefix',
} as unknown as SheetMapping;

describe('isFooterRow', () => {
  it.each([
    ['制表人 with a full-width colon', ['制表人：测甲']],
    ['制表人 and 导出时间 in two cells', ['制表人：测甲', '', '导出时间：2025-09-10 10:00']],
    ['导出时间 with an ASCII colon', ['导出时间:2025/9/10']],
    ['打印时间 and its value after a space', ['打印时间 2025-09-10']],
    ['审核人 alone, the name in the next cell', ['审核人', '测乙']],
    ['a traditional form (製表人)', ['製表人：測甲']],
    ['a note', ['注：以上数据仅供参考，请勿外传']],
    ['the count', ['共40人']],
    ['the count spaced out', ['共 40 人']],
    ['the count with a label', ['总人数：40']],
    ['the count not in the first column', ['', '', '共40人']],
    ['an English label', ['Prepared by: T. Teacher']],
    ['an English total', ['Total: 40 students']],
    ['a footer note in an answer column too', ['制表人：测甲', '', '', '', '导出时间：2025-09-10']],
  ])('is true for %s', (_, fields) => {
    expect(isFooterRow(fields, sheet)).toBe(true);
  });

  it.each([
    ['a student', ['20250001', '测一', '初一(1)班', '1', '0', '1']],
    ['a student without an id', ['', '测一', '初一(1)班', '1', '0', '1']],
    ['a footer label with an answer beside it', ['制表人：测甲', '', '', '1', '', '']],
    ['a label inside other words', ['注意力：差', '', '', '', '', '']],
    ['a count without its word', ['40人']],
    ['a student named like a label word, with answers', ['', '时间', '', '1', '0', '1']],
    ['a blank row', ['', '', '', '', '', '']],
  ])('is false for %s', (_, fields) => {
    expect(isFooterRow(fields, sheet)).toBe(false);
  });
});
