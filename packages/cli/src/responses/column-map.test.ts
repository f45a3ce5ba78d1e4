import { getInstrument, type InstrumentDefinition, instruments } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { mapColumns } from './column-map.ts';

const instrument = (id: string) => getInstrument(id) as InstrumentDefinition;
const phq = instrument('phq-9');
const map = (headers: readonly string[], definition = phq) => mapColumns(headers, { definition, known: instruments });
const nine = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const items = (prefix: string) => nine.map((n) => prefix + n);
/** item → header of each item column read. */
const read = (headers: readonly string[], definition = phq) => {
  const r = map(headers, definition);
  return r.ok ? Object.fromEntries(r.value.items.map((c) => [c.item, c.header])) : r.error;
};

describe('mapColumns', () => {
  it('finds items, the id column, and ignores the rest', () => {
    const r = map(['学号', '姓名', '班级', ...items('第').map((h) => `${h}题`)]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.id).toEqual({ index: 0, header: '学号' });
    expect(r.value.items.map((c) => [c.item, c.index])).toEqual(nine.map((id, i) => [id, i + 3]));
    expect(r.value.ignored).toBe(2);
  });

  it.each([
    [['学号', '编号'], '学号'],
    [['ID', '编号'], '编号'],
    [['student_id'], 'student_id'],
    [['id'], 'id'],
    [['姓名'], null],
    // As `triage import` reads them (person-header.ts): traditional characters, platform wording, more id names.
    [['學號'], '學號'],
    [['學生學號'], '學生學號'],
    [['编号', '學號'], '學號'],
    [['学籍号', '學號'], '學號'],
    [['考号'], '考号'],
    [['Student Number'], 'Student Number'],
    [['1、请填写你的学号（如2023010101）：'], '1、请填写你的学号（如2023010101）：'],
    [['*学号'], '*学号'],
    [['【学号】'], '【学号】'],
    [['学号/考号'], '学号/考号'],
  ])('id column of %j is %j', (idHeaders, expected) => {
    const r = map([...idHeaders, ...items('Q')]);
    expect(r.ok && (r.value.id?.header ?? null)).toBe(expected);
  });

  it.each([
    // Person columns a platform numbers as questions are never items (`1、姓名` is no item 1).
    ['phq-9', ['1、姓名', '2、學號', ...items('PHQ-9 ')], Object.fromEntries(nine.map((n) => [n, `PHQ-9 ${n}`]))],
    // 腾讯问卷: its question number, then the instrument's own header; the item is GAD-7's, not the Q number.
    [
      'gad-7',
      ['Q1:学号', ...['1', '2', '3', '4', '5', '6', '7'].map((n) => `Q${Number(n) + 1}:GAD-7 ${n}`)],
      Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((n) => [n, `Q${Number(n) + 1}:GAD-7 ${n}`])),
    ],
    // A full-width colon, as 腾讯问卷 writes it in Chinese.
    [
      'gad-7',
      ['1', '2', '3', '4', '5', '6', '7'].map((n) => `Q${Number(n) + 3}：GAD-7 ${n}、`),
      Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((n) => [n, `Q${Number(n) + 3}：GAD-7 ${n}、`])),
    ],
    // GAD-7's questions before PHQ-9's: never read as PHQ-9 items 1 … 7.
    [
      'phq-9',
      [
        ...['1', '2', '3', '4', '5', '6', '7'].map((n) => `Q${n}:GAD-7 ${n}`),
        ...nine.map((n) => `Q${Number(n) + 7}:PHQ-9 ${n}`),
      ],
      Object.fromEntries(nine.map((n) => [n, `Q${Number(n) + 7}:PHQ-9 ${n}`])),
    ],
    ['phq-9', items('PHQ-9 Q'), Object.fromEntries(nine.map((n) => [n, `PHQ-9 Q${n}`]))],
  ])('%s reads %j', (id, headers, expected) => {
    expect(read(headers, instrument(id))).toEqual(expected);
  });

  // Guards, passing before and after headers were read as import reads them: what score read stays read the same.
  it.each([
    ['phq-9', ['序号', '学号', ...items('Q')], '学号', items('Q')],
    ['phq-9', ['序号', ...items('Q')], null, items('Q')],
    ['phq-9', ['学号1', ...items('Q')], null, items('Q')],
    ['phq-9', items('PHQ9_'), null, items('PHQ9_')],
    ['phq-a', [...items('Q'), 'a', 'b', 'Qc', 'd、是否'], null, [...items('Q'), 'a', 'b', 'Qc', 'd、是否']],
  ])('%s still reads %j (id %j)', (id, headers, idHeader, itemHeaders) => {
    const r = map(headers, instrument(id));
    expect(r.ok && [r.value.id?.header ?? null, r.value.items.map((c) => c.header)]).toEqual([idHeader, itemHeaders]);
  });

  it('takes the optional item when present and reports item-like columns the instrument lacks', () => {
    const r = map([...items('Q'), 'Q10', 'Q11']);
    expect(r.ok && r.value.items.map((c) => c.item).at(-1)).toBe('10');
    expect(r.ok && r.value.unknownItems.map((c) => c.header)).toEqual(['Q11']);
  });

  it('does not read another instrument’s columns, nor report them as unknown items', () => {
    const r = map(['GAD7_1', 'GAD7_2', 'Q11:GAD-7 1', ...items('PHQ9_')]);
    expect(r.ok && r.value.items.map((c) => c.header)).toEqual(items('PHQ9_'));
    expect(r.ok && [r.value.unknownItems, r.value.ignored]).toEqual([[], 3]);
  });

  it('recognises a first row of answers and does not repeat it', () => {
    const r = map(['S001', '0', '1', '1', '2', '0', '0', '1', '0', '0']);
    expect(r).toEqual({ ok: false, error: [{ code: 'header-looks-like-data' }] });
  });

  it('reports missing and duplicate item columns', () => {
    const r = map(['1', 'Q1', '2', '3', '4', '5', '6', '7']);
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

  // QA round 17, 1: read as the class column, SDQ's impact question was lost and its score empty.
  it('reads a word the instrument names an item by (SDQ classroom) as that item, never the class column', () => {
    const sdq = instrument('sdq-self');
    const impact = ['difficulties', 'distress', 'home', 'friendships', 'classroom', 'leisure'];
    const got = read(['id', ...Array.from({ length: 25 }, (_, i) => `Q${i + 1}`), ...impact], sdq);
    expect(got).toMatchObject({ classroom: 'classroom', leisure: 'leisure' });
    // A question number before a person word is never an item: `1、班级` is not SDQ item 1.
    expect(read(['id', '1、班级', ...items('Q')], phq)).toMatchObject({ '1': 'Q1' });
  });
});
