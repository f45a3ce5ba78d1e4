import { describe, expect, it } from 'vitest';
import { itemIdOfHeader, normalizeHeader } from './item-columns.ts';

const prefixes = ['question', 'phq-9', 'phq9', 'item', '题目', 'sds', '题', 'no', 'q', '第'];
const known = new Set(['1', '2', '9', '10', '6b', 'a', 'b']);

describe('itemIdOfHeader', () => {
  it.each([
    ['1', '1'],
    ['9', '9'],
    ['Q1', '1'],
    ['q1', '1'],
    ['Q01', '1'],
    ['第1题', '1'],
    ['第 1 题', '1'],
    ['1、', '1'],
    ['1、做事时提不起劲或没有兴趣', '1'],
    ['1. Little interest', '1'],
    ['1做事时提不起劲', '1'],
    ['PHQ9_1', '1'],
    ['PHQ-9_1', '1'],
    ['phq-9 1', '1'],
    ['PHQ91', '1'],
    ['SDS1', '1'],
    ['item1', '1'],
    ['Item_10', '10'],
    ['题目2', '2'],
    ['Ｑ２', '2'],
    ['6b', '6b'],
    ['Q6b', '6b'],
    ['a', 'a'],
    ['Qa', 'a'],
    ['b、是否', 'b'],
    ['Q11', '11'],
    ['GAD7_1', null],
    ['学号', null],
    ['班级', null],
    ['姓名', null],
    ['name', null],
    ['PHQ-9', null],
    ['总分', null],
    ['', null],
  ])('%j → %j', (header, id) => {
    expect(itemIdOfHeader(header, prefixes, known)).toBe(id);
  });
});

describe('normalizeHeader', () => {
  it('folds full-width forms, case, spaces and stray BOMs', () => {
    expect(normalizeHeader('\uFEFF  Ｑ１  Item ')).toBe('q1 item');
  });
});
