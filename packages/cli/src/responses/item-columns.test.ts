import { describe, expect, it } from 'vitest';
import { itemIdOfHeader, mapColumns, normalizeHeader } from './item-columns.ts';

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

const phq = {
  id: 'phq-9',
  abbreviation: 'PHQ-9',
  items: [
    ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((id) => ({ id, label: { zh: id, en: id } })),
    { id: '10', label: { zh: '10', en: '10' }, optional: true },
  ],
};
const items = (headers: string[]) => ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => headers[0] + n);

describe('mapColumns', () => {
  it('finds items, the id column, and ignores the rest', () => {
    const r = mapColumns(['学号', '姓名', '班级', ...items(['第']).map((h) => `${h}题`)], phq);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.id).toEqual({ index: 0, header: '学号' });
    expect(r.value.items.map((c) => [c.item, c.index])).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((id, i) => [id, i + 3]),
    );
    expect(r.value.ignored).toBe(2);
  });

  it.each([
    [['学号', '编号'], '学号'],
    [['ID', '编号'], '编号'],
    [['student_id'], 'student_id'],
    [['id'], 'id'],
    [['姓名'], null],
  ])('id column of %j is %j', (idHeaders, expected) => {
    const r = mapColumns([...idHeaders, ...items(['Q'])], phq);
    expect(r.ok && (r.value.id?.header ?? null)).toBe(expected);
  });

  it('takes the optional item when present and reports item-like columns the instrument lacks', () => {
    const r = mapColumns([...items(['Q']), 'Q10', 'Q11'], phq);
    expect(r.ok && r.value.items.map((c) => c.item).at(-1)).toBe('10');
    expect(r.ok && r.value.unknownItems.map((c) => c.header)).toEqual(['Q11']);
  });

  it('does not read another instrument’s columns', () => {
    const r = mapColumns(['GAD7_1', 'GAD7_2', ...items(['PHQ9_'])], phq);
    expect(r.ok && r.value.items.map((c) => c.header)).toEqual(items(['PHQ9_']));
  });

  it('recognises a first row of answers and does not repeat it', () => {
    const r = mapColumns(['S001', '0', '1', '1', '2', '0', '0', '1', '0', '0'], phq);
    expect(r).toEqual({ ok: false, error: [{ code: 'header-looks-like-data' }] });
  });

  it('reports missing and duplicate item columns', () => {
    const r = mapColumns(['1', 'Q1', '2', '3', '4', '5', '6', '7'], phq);
    expect(r).toEqual({
      ok: false,
      error: [
        {
          code: 'duplicate-item',
          item: '1',
          columns: [
            { index: 0, header: '1', item: '1' },
            { index: 1, header: 'Q1', item: '1' },
          ],
        },
        { code: 'missing-items', items: ['8', '9'] },
      ],
    });
  });
});
