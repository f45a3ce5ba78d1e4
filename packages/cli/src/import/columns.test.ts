import { getInstrument, type InstrumentDefinition, instruments } from '@triage/scales';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ColumnTarget, type MappingIssue, mapHeader, type SheetMapping } from './columns.ts';

function instrument(id: string): InstrumentDefinition {
  const definition = getInstrument(id);
  if (!definition) throw new Error(`no instrument ${id}`);
  return definition;
}
const phq9 = instrument('phq-9');
const phqA = instrument('phq-a');
const gad7 = instrument('gad-7');
const sds = instrument('sds');
const sas = instrument('sas');

const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
const PHQA_ITEMS = [...numbers(9), 'a', 'b', 'c', 'd'];

type Mapped = ReturnType<typeof mapHeader>;
function ok(result: Mapped): SheetMapping {
  if (!result.ok) throw new Error(`expected a mapping, got ${JSON.stringify(result.error)}`);
  return result.value;
}
function issues(result: Mapped): readonly MappingIssue[] {
  if (result.ok) throw new Error('expected issues, got a mapping');
  return result.error;
}
/** Instrument id → [item, column index] pairs, in the instrument's item order. */
const itemsOf = (mapping: SheetMapping) =>
  Object.fromEntries(mapping.instruments.map((i) => [i.definition.id, i.items.map((c) => [c.item, c.index])]));
const auto = { candidates: instruments, named: false };
const named = (...definitions: InstrumentDefinition[]) => ({ candidates: definitions, named: true });

// QA round 11, LOW-1: `-i scared-child` says which form; the family name heads its columns.
describe('mapHeader: a SCARED form named with --instrument, its columns headed SCARED', () => {
  const child = instrument('scared-child');
  const parent = instrument('scared-parent');
  const items = child.items.map((d) => d.id);
  it.each(['SCARED', 'SCARED_', 'SCARED ', 'scared-'])('reads %j + item number as the named form', (prefix) => {
    for (const form of [child, parent]) {
      const mapping = ok(mapHeader(['学号', ...items.map((i) => `${prefix}${i}`)], named(form)));
      expect(mapping.instruments.map((i) => i.definition.id)).toEqual([form.id]);
      expect(itemsOf(mapping)[form.id]).toEqual(items.map((item, k) => [item, k + 1]));
    }
  });

  it('never reads them without --instrument naming the form: SCARED alone does not say child or parent', () => {
    expect(mapHeader(['学号', ...items.map((i) => `SCARED${i}`)], auto).ok).toBe(false);
  });
});

describe('mapHeader: items by the instrument’s own prefix', () => {
  it.each<[string, string[], InstrumentDefinition, string[]]>([
    ['PHQA1 …', PHQA_ITEMS.map((i) => `PHQA${i}`), phqA, PHQA_ITEMS],
    [
      'PHQ-A 1、情绪低落…',
      PHQA_ITEMS.map((i) => `PHQ-A ${i}、${phqA.items.find((d) => d.id === i)?.label.zh}`),
      phqA,
      PHQA_ITEMS,
    ],
    ['phq-a_1 …', PHQA_ITEMS.map((i) => `phq-a_${i}`), phqA, PHQA_ITEMS],
    ['ＰＨＱＡ１ (full-width)', PHQA_ITEMS.map((i) => `ＰＨＱＡ${i}`), phqA, PHQA_ITEMS],
    ['PHQ9_1 …', numbers(9).map((i) => `PHQ9_${i}`), phq9, numbers(9)],
    ['PHQ-9 1. … with optional item 10', numbers(10).map((i) => `PHQ-9 ${i}. x`), phq9, numbers(10)],
    ['GAD7_1 …', numbers(7).map((i) => `GAD7_${i}`), gad7, numbers(7)],
    ['GAD-7 1、…', numbers(7).map((i) => `GAD-7 ${i}、紧张`), gad7, numbers(7)],
    ['GAD7_01 …', numbers(7).map((i) => `GAD7_0${i}`), gad7, numbers(7)],
    ['SDS1 …', numbers(20).map((i) => `SDS${i}`), sds, numbers(20)],
    ['sds_1 …', numbers(20).map((i) => `sds_${i}`), sds, numbers(20)],
    ['SAS-1 …', numbers(20).map((i) => `SAS-${i}`), sas, numbers(20)],
    ['K10_1 …', numbers(10).map((i) => `K10_${i}`), instrument('k10'), numbers(10)],
    ['K6 1 …', numbers(6).map((i) => `K6 ${i}`), instrument('k6'), numbers(6)],
  ])('%s', (_, itemHeaders, definition, items) => {
    const headers = ['学号', '姓名', ...itemHeaders, '备注'];
    const mapping = ok(mapHeader(headers, auto));
    expect(mapping.how).toBe('prefix');
    expect(itemsOf(mapping)).toEqual({ [definition.id]: items.map((item, i) => [item, i + 2]) });
    expect(mapping.person).toEqual({ studentId: { index: 0, header: '学号' }, name: { index: 1, header: '姓名' } });
    expect(mapping.ignored).toEqual([{ index: headers.length - 1, header: '备注' }]);
    expect(mapping.width).toBe(headers.length);
  });

  it('maps several instruments on one sheet, each by its own prefix', () => {
    const headers = ['学号', '性别', ...numbers(7).map((i) => `GAD7_${i}`), ...PHQA_ITEMS.map((i) => `PHQA${i}`)];
    const mapping = ok(mapHeader(headers, auto));
    expect(itemsOf(mapping)).toEqual({
      'gad-7': numbers(7).map((item, i) => [item, i + 2]),
      'phq-a': PHQA_ITEMS.map((item, i) => [item, i + 9]),
    });
  });

  it('does not take one instrument’s items for another’s: GAD7_1 is not PHQ-9 item 1', () => {
    const headers = [...numbers(9).map((i) => `PHQ9_${i}`), 'GAD7_1'];
    const mapping = ok(mapHeader(headers, named(phq9)));
    expect(itemsOf(mapping)).toEqual({ 'phq-9': numbers(9).map((item, i) => [item, i]) });
    expect(mapping.ignored).toEqual([{ index: 9, header: 'GAD7_1' }]);
  });

  it('ignores totals and scores named after an instrument', () => {
    const headers = [...numbers(7).map((i) => `GAD7_${i}`), 'GAD7总分', 'GAD-7 score', 'GAD-7'];
    const mapping = ok(mapHeader(headers, auto));
    expect(mapping.ignored.map((c) => c.header)).toEqual(['GAD7总分', 'GAD-7 score', 'GAD-7']);
  });

  it('ignores unprefixed item-like columns beside prefixed instruments', () => {
    const headers = [...numbers(7).map((i) => `GAD7_${i}`), 'Q1', '3、其他'];
    const mapping = ok(mapHeader(headers, auto));
    expect(itemsOf(mapping)).toEqual({ 'gad-7': numbers(7).map((item, i) => [item, i]) });
    expect(mapping.ignored.map((c) => [c.index, c.header])).toEqual([
      [7, 'Q1'],
      [8, '3、其他'],
    ]);
  });
});

describe('mapHeader: generic headers', () => {
  const generic: [string, string[]][] = [
    ['Q1', numbers(9).map((i) => `Q${i}`)],
    ['1', numbers(9)],
    ['第1题', numbers(9).map((i) => `第${i}题`)],
    ['1、question text', numbers(9).map((i) => `${i}、question text ${i}`)],
    ['item1', numbers(9).map((i) => `item${i}`)],
    ['Ｑ１ (full-width)', numbers(9).map((i) => `Ｑ${String.fromCharCode(0xff10 + Number(i))}`)],
  ];

  it.each(generic)('%s: mapped to the one named instrument', (_, items) => {
    const mapping = ok(mapHeader(['学号', ...items], named(phq9)));
    expect(mapping.how).toBe('named');
    expect(itemsOf(mapping)).toEqual({ 'phq-9': numbers(9).map((item, i) => [item, i + 1]) });
  });

  it.each(generic)('%s: mapped without a name when exactly one instrument has these items', (_, items) => {
    const mapping = ok(mapHeader(['学号', ...items], auto));
    expect(itemsOf(mapping)).toEqual({ 'phq-9': numbers(9).map((item, i) => [item, i + 1]) });
  });

  it.each<[string, number, string]>([
    ['1–9: PHQ-9 (its 10 is optional)', 9, 'phq-9'],
    ['1–4: ASQ (its 5 is optional)', 4, 'asq'],
    ['1–5: ASQ', 5, 'asq'],
  ])('the item numbers %s', (_, n, id) => {
    const mapping = ok(
      mapHeader(
        numbers(n).map((i) => `Q${i}`),
        auto,
      ),
    );
    expect(mapping.instruments.map((i) => i.definition.id)).toEqual([id]);
  });

  it.each<[string, string[], InstrumentDefinition[], string[]]>([
    [
      'SDS vs SAS vs CES-D vs CESD-R: all 20 items',
      numbers(20).map((i) => `Q${i}`),
      [...instruments],
      ['sds', 'sas', 'cesd', 'cesd-r'],
    ],
    ['GAD-7 vs ISI: both 7 items', numbers(7).map((i) => `Q${i}`), [...instruments], ['gad-7', 'isi']],
    ['PHQ-2 vs GAD-2', ['Q1', 'Q2'], [...instruments], ['phq-2', 'gad-2']],
    [
      'PHQ-9 (10 optional) vs K10 vs PSS-10',
      numbers(10).map((i) => `Q${i}`),
      [...instruments],
      ['phq-9', 'k10', 'pss-10'],
    ],
    [
      'C-SSRS screener (3–5 optional) vs K6',
      numbers(6).map((i) => `Q${i}`),
      [...instruments],
      ['cssrs-screener', 'k6'],
    ],
    ['two named instruments cannot take generic items', numbers(20).map((i) => `${i}`), [sds, sas], ['sds', 'sas']],
  ])('ambiguous: %s', (_, headers, candidates, ids) => {
    const [issue] = issues(mapHeader(['学号', ...headers], { candidates, named: candidates.length < 10 }));
    expect(issue).toEqual({
      code: 'ambiguous',
      candidates: ids,
      // Bare numbers may be cell values (an age): issues keep no header for them, messages give the column number.
      itemLike: headers.map((header, i) => ({
        index: i + 1,
        header: /^\d+$/.test(header) ? '' : header,
        item: String(i + 1),
      })),
    });
  });

  // QA round 6: `1 … 9` read as PHQ-9 with `a` … `d` beside them left unread, the suicide questions c and d too.
  it('reads lone letters beside the numbers as the items of the one instrument that has all of them (PHQ-A)', () => {
    const mapping = ok(mapHeader(['学号', '性别', ...PHQA_ITEMS, '备注'], auto));
    expect(mapping.how).toBe('count');
    expect(itemsOf(mapping)).toEqual({ 'phq-a': PHQA_ITEMS.map((item, i) => [item, i + 2]) });
    expect(mapping.ignored.map((c) => c.header)).toEqual(['备注']);
  });

  it('reads 1 … 9, c, d as PHQ-A (its supplements a and b are optional)', () => {
    const mapping = ok(mapHeader(['学号', ...numbers(9), 'c', 'd'], auto));
    expect(Object.keys(itemsOf(mapping))).toEqual(['phq-a']);
  });

  it('never guesses PHQ-9 while lone letters of PHQ-A stand beside its numbers (1 … 9, a, b)', () => {
    const [issue] = issues(mapHeader(['学号', '性别', ...numbers(9), 'a', 'b'], auto));
    expect(issue).toMatchObject({ code: 'ambiguous', candidates: ['phq-9', 'phq-a'] });
  });

  it('says no instrument fits items 1–8', () => {
    const headers = numbers(8).map((i) => `Q${i}`);
    expect(issues(mapHeader(headers, auto))).toEqual([
      { code: 'no-instrument', itemLike: headers.map((header, i) => ({ index: i, header, item: String(i + 1) })) },
    ]);
  });

  it('says no instrument when there is nothing item-like', () => {
    // The header's width: one or two columns hint at a wrong delimiter, three do not.
    expect(issues(mapHeader(['学号', '姓名', '备注'], auto))).toEqual([
      { code: 'no-instrument', itemLike: [], width: 3 },
    ]);
    expect(issues(mapHeader([], auto))).toEqual([{ code: 'no-instrument', itemLike: [], width: 0 }]);
  });

  it('takes lettered items by generic headers for the one named instrument (PHQ-A c and d are required)', () => {
    const letters = ['Qa', 'b、上述问题造成的困难', 'c', 'item_d'];
    const headers = [...numbers(9).map((i) => `Q${i}`), ...letters];
    const mapping = ok(mapHeader(headers, named(phqA)));
    expect(itemsOf(mapping)).toEqual({ 'phq-a': PHQA_ITEMS.map((item, i) => [item, i]) });
  });

  it('never takes a letter for an item by a generic header without a named instrument: it asks', () => {
    const headers = [...numbers(9).map((i) => `Q${i}`), 'a', 'b'];
    expect(issues(mapHeader(headers, auto))).toMatchObject([{ code: 'ambiguous', candidates: ['phq-9', 'phq-a'] }]);
    const mapping = ok(mapHeader(headers, named(phq9)));
    expect(itemsOf(mapping)).toEqual({ 'phq-9': numbers(9).map((item, i) => [item, i]) });
    expect(mapping.ignored.map((c) => c.header)).toEqual(['a', 'b']);
  });
});

describe('mapHeader: problems', () => {
  it('lists the missing items of an instrument', () => {
    const headers = numbers(8).map((i) => `PHQA${i}`);
    expect(issues(mapHeader(headers, auto))).toEqual([
      { code: 'missing-items', instrument: 'phq-a', items: ['9', 'c', 'd'] },
    ]);
  });

  it('does not miss optional items', () => {
    const mapping = ok(
      mapHeader(
        [...numbers(9), 'c', 'd'].map((i) => `PHQA${i}`),
        auto,
      ),
    );
    expect(mapping.instruments[0]?.items.map((c) => c.item)).toEqual([...numbers(9), 'c', 'd']);
  });

  it('lists every column of a duplicate item, and missing items with it', () => {
    const headers = ['PHQA1', 'PHQ-A 1、情绪低落', ...PHQA_ITEMS.slice(1, -1).map((i) => `PHQA${i}`)];
    expect(issues(mapHeader(headers, auto))).toEqual([
      {
        code: 'duplicate-item',
        instrument: 'phq-a',
        item: '1',
        columns: [
          { index: 0, header: 'PHQA1', item: '1' },
          { index: 1, header: 'PHQ-A 1、情绪低落', item: '1' },
        ],
      },
      { code: 'missing-items', instrument: 'phq-a', items: ['d'] },
    ]);
  });

  it.each<[string, string[], string]>([['班级 and 班', ['班级', '班'], 'class']])(
    'duplicate person fields: %s',
    (_, person, field) => {
      const headers = [...person, ...numbers(7).map((i) => `GAD7_${i}`)];
      expect(issues(mapHeader(headers, auto))).toEqual([
        { code: 'duplicate-field', field, columns: person.map((header, index) => ({ index, header })) },
      ]);
    },
  );

  it.each([
    [['学号', '学籍号'], '学号'],
    [['学籍号', '学号'], '学号'],
    [['学号', 'ID'], '学号'],
    [['编号', '学号', '学生编号'], '学号'],
    // 腾讯问卷: 编号 is the response number (1, 2, 3 …), the 学号 question the id.
    [['编号', '1.请填写你的学号（如2023010101）:'], '1.请填写你的学号（如2023010101）:'],
    [['ID', '*学号'], '*学号'],
    [['学籍号（身份证号）', '【学号】'], '【学号】'],
  ])('several id columns %j: the best-ranked header is the id, the others are ignored', (person, chosen) => {
    const headers = [...person, ...numbers(7).map((i) => `GAD7_${i}`)];
    const mapping = ok(mapHeader(headers, auto));
    expect(mapping.person.studentId?.header).toBe(chosen);
    expect(mapping.ignored.map((c) => c.header).sort()).toEqual(person.filter((h) => h !== chosen).sort());
  });

  // A file without a header row: its first data row is taken for a header.
  const dataRow = ['20250101', '张三', '男', '13', '1', '2', '0', '1', '3', '2', '1', '0', '0'];

  it.each([
    ['named', named(phq9)],
    ['not named', auto],
  ])('a data row as header looks like data, and no cell of it is repeated back (%s)', (_, options) => {
    const result = issues(mapHeader(dataRow, options));
    expect(result).toEqual([{ code: 'header-looks-like-data' }]);
    expect(JSON.stringify(result)).not.toContain('20250101');
  });

  // QA's files without a header row: a student id, a name, an age, a class, answers as words or numbers.
  it.each([
    [
      'answers as words',
      ['202501110001', '郭测试', '女', '13', '初一', '初一(1)班', '完全不会', '好几天', '完全不会', '否', '毫无困难'],
    ],
    ['an age and a class with units', ['202501010001', '王一', '男', '13岁', '初一', '1班', '2', '2', '2', '3', '1']],
    ['ids and numbers only', ['202501010001', '13', '1', '2', '0', '3']],
  ])('a data row as header (%s) looks like data, named or not, and repeats no cell', (_, row) => {
    for (const options of [auto, named(phqA, gad7), named(phqA)]) {
      const result = issues(mapHeader(row, options));
      expect(result).toEqual([{ code: 'header-looks-like-data' }]);
    }
  });

  it('no header listed in an issue is a cell that may be data (numbers, ages, answers)', () => {
    // 13 and 1 may be an age and a class number: listed by column number only.
    const [issue] = issues(mapHeader(['学号', '13', '1', 'Q2'], named(phqA, gad7)));
    expect(issue).toMatchObject({ code: 'no-instrument' });
    const listed = issue?.code === 'no-instrument' ? issue.itemLike.map((c) => c.header) : [];
    expect(listed).toEqual(['', '', 'Q2']);
  });

  // QA: two PHQA9 columns, or two GAD7_1, are headers (words), not answers: each is a duplicate item.
  it.each([
    ['PHQA9', [...PHQA_ITEMS.map((i) => `PHQA${i}`), 'PHQA9'], 'phq-a', '9', [8, 13]],
    ['GAD7_1', [...numbers(7).map((i) => `GAD7_${i}`), 'GAD7_1'], 'gad-7', '1', [0, 7]],
    ['Q1 (named)', [...numbers(7).map((i) => `Q${i}`), 'Q1'], 'gad-7', '1', [0, 7]],
  ])('the same item header twice (%s) is a duplicate item, not data', (header, headers, instrument, item, at) => {
    const options = header.includes('named') ? named(gad7) : auto;
    expect(issues(mapHeader(['学号', ...headers], options))).toEqual([
      {
        code: 'duplicate-item',
        instrument,
        item,
        columns: at.map((i) => ({ index: i + 1, header: headers[i], item })),
      },
    ]);
  });

  it('the same number twice where item headers should be is still data (an answer, an age)', () => {
    expect(issues(mapHeader(['学号', '1', '2', '1'], named(gad7)))).toEqual([{ code: 'header-looks-like-data' }]);
  });
});

describe('mapHeader: unknown items', () => {
  it('reports Q11 beside the named PHQ-9, and never reads it', () => {
    const headers = ['学号', ...numbers(9).map((i) => `Q${i}`), 'Q11'];
    const mapping = ok(mapHeader(headers, named(phq9)));
    expect(mapping.unknownItems).toEqual([{ index: 10, header: 'Q11', instrument: 'phq-9', item: '11' }]);
    expect(mapping.ignored).toEqual([{ index: 10, header: 'Q11' }]);
    expect(mapping.instruments[0]?.items.map((c) => c.item)).toEqual(numbers(9));
  });

  it('reports a prefixed item the instrument does not have', () => {
    const headers = [...numbers(7).map((i) => `GAD7_${i}`), 'GAD7_8'];
    const mapping = ok(mapHeader(headers, auto));
    expect(mapping.unknownItems).toEqual([{ index: 7, header: 'GAD7_8', instrument: 'gad-7', item: '8' }]);
    expect(mapping.ignored).toEqual([{ index: 7, header: 'GAD7_8' }]);
  });

  // A school's PHQ-9 with the adolescent form's suicide questions after it: a "yes" there must never go unread unsaid.
  const phq9With = (...extra: string[]) => ['学号', ...numbers(9).map((i) => `PHQ9_${i}`), ...extra];
  it.each<[string, string[], number[]]>([
    ['PHQ9_c, PHQ9_d', phq9With('PHQ9_c', 'PHQ9_d'), [10, 11]],
    ['PHQ-9 10、…认真想过自杀 (no difficulty item 10)', phq9With('PHQ-9 10、过去一个月是否认真想过自杀'), [10]],
    ['PHQ-9 11、是否曾经尝试自杀', phq9With('PHQ-9 11、是否曾经尝试自杀'), [10]],
    ['PHQ9_d alone', phq9With('PHQ9_d'), [10]],
  ])('refuses PHQ-9 by its name beside suicide questions it lacks: %s', (_, headers, columns) => {
    const [issue] = issues(mapHeader(headers, auto));
    expect(issue).toMatchObject({ code: 'suicide-items', instrument: 'phq-9', readBy: 'phq-a' });
    expect(issue?.code === 'suicide-items' && issue.columns.map((c) => c.index)).toEqual(columns);
  });

  it('with -i phq-9, reads PHQ-9 alone and reports each suicide question unread, saying PHQ-A reads it', () => {
    const mapping = ok(mapHeader(phq9With('PHQ9_c', 'PHQ-9 10、过去一个月是否认真想过自杀'), named(phq9)));
    expect(mapping.unknownItems).toEqual([
      { index: 10, header: 'PHQ9_c', instrument: 'phq-9', item: 'c', suicide: { readBy: 'phq-a' } },
      {
        index: 11,
        header: 'PHQ-9 10、过去一个月是否认真想过自杀',
        instrument: 'phq-9',
        item: '10',
        suicide: { readBy: 'phq-a' },
      },
    ]);
    expect(mapping.instruments[0]?.items.map((c) => c.item)).toEqual(numbers(9));
  });

  it('reports a letter item the instrument lacks (PHQA_e), as a number it lacks', () => {
    const headers = PHQA_ITEMS.map((i) => `PHQA_${i}`).concat('PHQA_e');
    const mapping = ok(mapHeader(headers, auto));
    expect(mapping.unknownItems).toEqual([{ index: 13, header: 'PHQA_e', instrument: 'phq-a', item: 'e' }]);
  });

  it('CESD-R 1 … 20 are CESD-R items, never CES-D unknown items "r"', () => {
    const mapping = ok(mapHeader(['学号', ...numbers(20).map((i) => `CESD-R ${i}`)], auto));
    expect(mapping.instruments.map((i) => i.definition.id)).toEqual(['cesd-r']);
    expect(mapping.unknownItems).toEqual([]);
  });

  it('-i phq-a reads columns headed PHQ9_1 … PHQ9_d as PHQ-A (schools call the adolescent form PHQ-9)', () => {
    const mapping = ok(mapHeader(phq9With('PHQ9_a', 'PHQ9_b', 'PHQ9_c', 'PHQ9_d'), named(phqA)));
    expect(itemsOf(mapping)['phq-a']?.map(([item]) => item)).toEqual(PHQA_ITEMS);
    expect(mapping.unknownItems).toEqual([]);
  });

  it('PHQ-9 item 10 headed as the difficulty item is still item 10', () => {
    const mapping = ok(mapHeader(phq9With('PHQ-9 10、这些问题给你带来多大困难'), auto));
    expect(itemsOf(mapping)['phq-9']?.at(-1)).toEqual(['10', 10]);
  });

  // QA round 10 §3: GAD-7 as Q1–Q7 then PHQ-9 as Q8–Q16, numbered straight through.
  it.each<[string, number, InstrumentDefinition, number]>([
    ['Q1–Q16 with -i phq-9', 16, phq9, 10],
    ['Q1–Q16 with -i gad-7', 16, gad7, 7],
    ['Q1–Q9 (PHQ-9 first) with -i gad-7', 9, gad7, 7],
    ['Q1–Q11 with -i phq-9', 11, phq9, 10],
    ['Q1–Q10 with -i phq-a', 10, phqA, 9],
  ])('refuses a numbered run longer than the named instrument: %s', (_, length, definition, has) => {
    const headers = ['学号', '姓名', ...numbers(length).map((i) => `Q${i}`)];
    expect(issues(mapHeader(headers, named(definition)))).toEqual([
      {
        code: 'run-too-long',
        instrument: definition.id,
        first: { index: 2, header: 'Q1' },
        last: { index: length + 1, header: `Q${length}` },
        items: length,
        has,
      },
    ]);
  });

  it.each<[number, InstrumentDefinition]>([
    [9, phq9],
    [10, phq9],
    [7, gad7],
  ])('reads a run of %i as the named %s', (length, definition) => {
    const mapping = ok(
      mapHeader(
        numbers(length).map((i) => `Q${i}`),
        named(definition),
      ),
    );
    expect(mapping.instruments[0]?.items).toHaveLength(length);
  });

  it('does not guess an instrument when Q11 stands beside Q1–Q9', () => {
    const [issue] = issues(
      mapHeader(
        [...numbers(9), '11'].map((i) => `Q${i}`),
        auto,
      ),
    );
    expect(issue?.code).toBe('no-instrument');
  });
});

describe('mapHeader: a mapping file key that matches no header', () => {
  const headers = ['学号', ...PHQA_ITEMS.map((i) => `PHQA${i}`), '16、曾经尝试自杀'];
  const explicit = (key: string): ReadonlyMap<string, ColumnTarget> =>
    new Map([[key, { kind: 'item', instrument: phqA, item: 'd' }]]);

  it('is reported with the mapping', () => {
    const mapping = ok(mapHeader(headers, { ...auto, explicit: explicit('备注') }));
    expect(mapping.unmatchedKeys).toEqual(['备注']);
  });

  it('is the first issue when the mapping fails', () => {
    const without = headers.filter((h) => h !== 'PHQAd');
    const found = issues(mapHeader(without, { ...auto, explicit: explicit('13、曾经尝试自杀') }));
    expect(found[0]).toEqual({ code: 'unmatched-keys', keys: ['13、曾经尝试自杀'] });
    expect(found[1]).toMatchObject({ code: 'missing-items', items: ['d'] });
  });

  it('is not reported when every key matches', () => {
    const without = headers.filter((h) => h !== 'PHQAd');
    expect(ok(mapHeader(without, { ...auto, explicit: explicit('16、曾经尝试自杀') })).unmatchedKeys).toBeUndefined();
  });
});

describe('mapHeader: blank headers', () => {
  it('ignores blank and whitespace headers, wherever they are', () => {
    const headers = ['', '学号', ' ', ...numbers(7).map((i) => `GAD7_${i}`), '\t', ''];
    const mapping = ok(mapHeader(headers, auto));
    expect(mapping.ignored.map((c) => c.index)).toEqual([0, 2, 10, 11]);
    expect(mapping.width).toBe(12);
  });
});

describe('mapHeader: explicit mapping', () => {
  const phqQ1: ColumnTarget = { kind: 'item', instrument: phqA, item: '1' };

  it('maps a column as the mapping says, whatever it looks like', () => {
    const headers = ['学生代码', '编号', 'Question one', ...PHQA_ITEMS.slice(1).map((i) => `PHQA${i}`), 'PHQA1'];
    const explicit = new Map<string, ColumnTarget>([
      ['学生代码', { kind: 'person', field: 'studentId' }],
      ['编号', { kind: 'ignore' }],
      ['question one', phqQ1],
      ['phqa1', { kind: 'ignore' }],
    ]);
    const mapping = ok(mapHeader(headers, { ...auto, explicit }));
    expect(mapping.how).toBe('map');
    expect(mapping.person).toEqual({ studentId: { index: 0, header: '学生代码' } });
    expect(itemsOf(mapping)['phq-a']?.[0]).toEqual(['1', 2]);
    expect(mapping.ignored.map((c) => c.header)).toEqual(['编号', 'PHQA1']);
  });

  it('finds the column by its normalized header', () => {
    const explicit = new Map<string, ColumnTarget>([['student code', { kind: 'person', field: 'studentId' }]]);
    const headers = ['ＳＴＵＤＥＮＴ  Code', ...numbers(7).map((i) => `GAD7_${i}`)];
    expect(ok(mapHeader(headers, { ...auto, explicit })).person.studentId?.index).toBe(0);
  });

  it('maps items of an instrument that is not a candidate', () => {
    const explicit = new Map<string, ColumnTarget>(
      numbers(7).map((i) => [`x${i}`, { kind: 'item', instrument: gad7, item: i }]),
    );
    const mapping = ok(
      mapHeader(
        numbers(7).map((i) => `x${i}`),
        { ...named(phq9), explicit },
      ),
    );
    expect(itemsOf(mapping)).toEqual({ 'gad-7': numbers(7).map((item, i) => [item, i]) });
  });

  it.each([[['学号', '代码']], [['代码', '学号']]])(
    'an explicit field wins over a column found by its header, in either order (%j)',
    (person) => {
      const explicit = new Map<string, ColumnTarget>([['代码', { kind: 'person', field: 'studentId' }]]);
      const headers = [...person, ...numbers(7).map((i) => `GAD7_${i}`)];
      const mapping = ok(mapHeader(headers, { ...auto, explicit }));
      expect(mapping.person.studentId?.header).toBe('代码');
      expect(mapping.ignored.map((c) => c.header)).toContain('学号');
    },
  );

  it('a column named by position ignores one of two sex columns, and the other is read', () => {
    const headers = ['学号', 'sex', ...numbers(7).map((i) => `GAD7_${i}`), 'sex'];
    const explicitAt = new Map<number, ColumnTarget>([[9, { kind: 'ignore' }]]);
    const mapping = ok(mapHeader(headers, { ...auto, explicitAt }));
    expect(mapping.person.sex).toEqual({ index: 1, header: 'sex' });
    expect(mapping.ignored).toEqual([{ index: 9, header: 'sex' }]);
  });

  it('a column named by position wins over its header: Q1 … twice, the second run GAD-7', () => {
    const q = (n: number) => numbers(n).map((i) => `Q${i}`);
    const headers = ['学号', ...q(9), 'PHQA_c', 'PHQA_d', ...q(7)];
    const explicit = new Map<string, ColumnTarget>(
      numbers(9).map((i) => [`q${i}`, { kind: 'item', instrument: phqA, item: i }]),
    );
    const explicitAt = new Map<number, ColumnTarget>(
      numbers(7).map((i, n) => [12 + n, { kind: 'item', instrument: gad7, item: i }]),
    );
    const mapping = ok(mapHeader(headers, { ...named(phqA, gad7), explicit, explicitAt }));
    expect(itemsOf(mapping)).toEqual({
      'phq-a': [...numbers(9).map((i, n) => [i, n + 1]), ['c', 10], ['d', 11]],
      'gad-7': numbers(7).map((i, n) => [i, n + 12]),
    });
  });

  it('a position past the last column is an issue, never silently nothing', () => {
    const headers = ['学号', ...numbers(7).map((i) => `GAD7_${i}`)];
    const explicitAt = new Map<number, ColumnTarget>([[8, { kind: 'ignore' }]]);
    expect(issues(mapHeader(headers, { ...auto, explicitAt }))).toEqual([
      { code: 'no-such-column', column: 9, width: 8 },
    ]);
  });

  describe('two runs of Q-numbers, each from 1 (PHQ-A as Q1 … Q9, then GAD-7 as Q1 … Q7)', () => {
    const q = (n: number) => numbers(n).map((i) => `Q${i}`);
    const headers = ['学号', ...q(9), 'PHQA_c', 'PHQA_d', ...q(7)];

    it.each([
      ['phq-a, gad-7', [phqA, gad7]],
      ['gad-7, phq-a', [gad7, phqA]],
    ])('each run is the one named instrument of its length (%s)', (_, candidates) => {
      const mapping = ok(mapHeader(headers, named(...candidates)));
      expect(itemsOf(mapping)).toMatchObject({
        'phq-a': [...numbers(9).map((i, n) => [i, n + 1]), ['c', 10], ['d', 11]],
        'gad-7': numbers(7).map((i, n) => [i, n + 12]),
      });
    });

    it('runs that fit no named instrument, or several, are an issue naming each run', () => {
      const phq9 = instrument('phq-9');
      expect(issues(mapHeader(['学号', ...q(9), ...q(9)], named(phqA, phq9)))).toContainEqual({
        code: 'numbered-runs',
        runs: [
          { first: 1, last: 9, items: 9 },
          { first: 10, last: 18, items: 9 },
        ],
        among: ['phq-a', 'phq-9'],
      });
    });
  });

  // QA round 15: PHQ-A numbered straight through, its a … d as 10 … 13 (as some printed forms number them).
  describe('PHQ-A as 1 … 13, then GAD-7 as 1 … 7', () => {
    const headers = ['学号', ...numbers(13), ...numbers(7)];

    it.each([
      ['phq-a, gad-7', [phqA, gad7]],
      ['gad-7, phq-a', [gad7, phqA]],
    ])('with -i %s, 10 … 13 are PHQ-A a … d, by position', (_, candidates) => {
      const mapping = ok(mapHeader(headers, named(...candidates)));
      expect(itemsOf(mapping)).toEqual({
        'phq-a': PHQA_ITEMS.map((i, n) => [i, n + 1]),
        'gad-7': numbers(7).map((i, n) => [i, n + 14]),
      });
    });

    it('without -i, the example --instrument is phq-a,gad-7; a run of 7 is offered no instrument numbered through', () => {
      const [issue] = issues(mapHeader(headers, auto));
      expect(issue).toMatchObject({ code: 'unnamed-runs', example: ['phq-a', 'gad-7'] });
      expect(issue?.code === 'unnamed-runs' && issue.runs.map((r) => r.fits)).toEqual([['phq-a'], ['gad-7', 'isi']]);
    });

    it('with -i phq-9,gad-7, 13 fits nothing: an issue, never PHQ-9 with four columns unread', () => {
      expect(issues(mapHeader(headers, named(phq9, gad7)))).toContainEqual(
        expect.objectContaining({ code: 'numbered-runs' }),
      );
    });
  });

  // QA round 15, 1: a row counter first, then PHQ-A as 1 … 9, a … d and GAD-7 as 1 … 7.
  describe("bare numbers with PHQ-A's letters after its run (序号,学号,…,1 … 9,a,b,c,d,1 … 7)", () => {
    const headers = ['序号', '学号', '姓名', ...numbers(9), 'a', 'b', 'c', 'd', ...numbers(7)];

    it("with -i phq-a,gad-7, the letters after the first run are PHQ-A's; 序号 is ignored", () => {
      const mapping = ok(mapHeader(headers, named(phqA, gad7)));
      expect(itemsOf(mapping)).toEqual({
        'phq-a': PHQA_ITEMS.map((i, n) => [i, n + 3]),
        'gad-7': numbers(7).map((i, n) => [i, n + 16]),
      });
      expect(mapping.ignored).toEqual([{ index: 0, header: '序号' }]);
    });

    it('with -i phq-9,gad-7, the letters are unknown PHQ-9 items, c and d said to be suicide questions', () => {
      const mapping = ok(mapHeader(headers, named(phq9, gad7)));
      expect(mapping.unknownItems.map((c) => [c.index, c.item, c.suicide])).toEqual([
        [12, 'a', undefined],
        [13, 'b', undefined],
        [14, 'c', { readBy: 'phq-a' }],
        [15, 'd', { readBy: 'phq-a' }],
      ]);
    });

    it('without -i, the example --instrument reads the letters: phq-a, never phq-9', () => {
      const [issue] = issues(mapHeader(headers, auto));
      expect(issue).toMatchObject({ code: 'unnamed-runs', example: ['phq-a', 'gad-7'] });
      expect(issue?.code === 'unnamed-runs' && issue.runs[0]?.fits).toEqual(['phq-a']);
    });
  });

  describe('a platform numbering its own questions too (问卷星: 1、你的学号： … 7、你是否住校？, then 1、… 9、…)', () => {
    const demographics = [
      '1、你的学号：',
      '2、你的姓名：',
      '3、性别：',
      '4、年龄：',
      '5、年级：',
      '6、班级：',
      '7、你是否住校？',
    ];
    const items = numbers(9).map((i) => `${i}、${phqA.items.find((d) => d.id === i)?.label.zh}`);
    const headers = [...demographics, ...items, 'PHQ-A a', 'PHQ-A b', 'PHQ-A c', 'PHQ-A d'];

    it.each([
      ['without --instrument (PHQ-A named by its a … d)', auto],
      ['with --instrument phq-a', named(phqA)],
    ])('the complete run 1 … 9 is PHQ-A; 7、你是否住校？ is never read (%s)', (_, options) => {
      const mapping = ok(mapHeader(headers, options));
      expect(itemsOf(mapping)).toEqual({
        'phq-a': [...numbers(9).map((i, n) => [i, n + 7]), ['a', 16], ['b', 17], ['c', 18], ['d', 19]],
      });
      expect(mapping.ignored).toEqual([{ index: 6, header: '7、你是否住校？' }]);
    });

    it('a number that continues no run (Q7 again after Q9) is still two columns for one item, never dropped', () => {
      const result = mapHeader(['学号', ...numbers(9).map((i) => `Q${i}`), 'Q7'], named(phqA));
      expect(issues(result)).toContainEqual(expect.objectContaining({ code: 'duplicate-item', item: '7' }));
    });
  });

  // QA round 16, 5: 问卷星 numbers the scale on after its person questions (1、学号 … 4、班级, then SDS as 5、 … 24、).
  describe('a scale numbered on after the person questions', () => {
    const person = ['1、学号', '2、性别', '3、年级', '4、班级'];
    const items = numbers(20).map((n) => `${Number(n) + 4}、第${n}题`);

    it('with -i naming the one instrument, as many columns as its items are its items, by position', () => {
      const mapping = ok(mapHeader(['序号', ...person, ...items], named(sds)));
      expect(itemsOf(mapping)).toEqual({ sds: numbers(20).map((i, n) => [i, n + 5]) });
    });

    it('never with a question more (5、你是否住校？), with two instruments named, or without -i', () => {
      const more = ['序号', ...person, '5、你是否住校？', ...numbers(20).map((n) => `${Number(n) + 5}、第${n}题`)];
      expect(mapHeader(more, named(sds)).ok).toBe(false);
      expect(mapHeader(['序号', ...person, ...items], named(sds, gad7)).ok).toBe(false);
      expect(mapHeader(['序号', ...person, ...items], auto).ok).toBe(false);
    });

    it('when not read, is one issue naming those columns and what was named, in --instrument order', () => {
      const columns = items.map((header, i) => ({ index: i + 5, header }));
      const ids = (d: typeof sds) => d.items.map((i) => i.id);
      expect(issues(mapHeader(['序号', ...person, ...items], named(gad7, phqA)))).toEqual([
        { code: 'numbered-on', columns, named: [gad7, phqA].map((d) => ({ id: d.id, items: ids(d) })), fits: [] },
      ]);
      const unnamed = issues(mapHeader(['序号', ...person, ...items], auto))[0];
      expect(unnamed).toMatchObject({ code: 'numbered-on', named: [] });
      expect(unnamed?.code === 'numbered-on' && unnamed.fits).toEqual(expect.arrayContaining(['sds', 'sas']));
      // A lone question of the questionnaire's after its person questions is no instrument's run.
      expect(issues(mapHeader([...person, '5、你是否住校？'], named(sds)))).toEqual([
        { code: 'no-instrument', itemLike: [], width: person.length + 1, named: ['sds'] },
      ]);
    });
  });

  describe('two runs of Q-numbers and no --instrument', () => {
    const q = (n: number) => numbers(n).map((i) => `Q${i}`);

    it('is one issue naming both runs and an --instrument list in run order that reads them', () => {
      expect(issues(mapHeader(['学号', '姓名', ...q(9), ...q(7)], auto))).toEqual([
        {
          code: 'unnamed-runs',
          runs: [
            {
              first: { index: 2, header: 'Q1' },
              last: { index: 10, header: 'Q9' },
              items: 9,
              fits: ['phq-9', 'phq-a'],
            },
            { first: { index: 11, header: 'Q1' }, last: { index: 17, header: 'Q7' }, items: 7, fits: ['gad-7', 'isi'] },
          ],
          example: ['phq-9', 'gad-7'],
        },
      ]);
    });

    it('the instrument the file names by its a … d columns comes first in the example', () => {
      const headers = ['学号', ...q(9), 'PHQA_a', 'PHQA_b', 'PHQA_c', 'PHQA_d', ...q(7)];
      expect(issues(mapHeader(headers, auto))).toContainEqual(
        expect.objectContaining({ code: 'unnamed-runs', example: ['phq-a', 'gad-7'] }),
      );
    });

    it('two runs of one length: no --instrument list could read them, so none is offered', () => {
      const [issue] = issues(mapHeader(['学号', ...q(9), ...q(9)], auto));
      expect(issue).toMatchObject({ code: 'unnamed-runs' });
      expect(issue).not.toHaveProperty('example');
    });

    it('the example read back: PHQ-9 (item 10 optional) as Q1 … Q9, then GAD-7', () => {
      const mapping = ok(mapHeader(['学号', '姓名', ...q(9), ...q(7)], named(phq9, gad7)));
      expect(itemsOf(mapping)).toEqual({
        'phq-9': numbers(9).map((i, n) => [i, n + 2]),
        'gad-7': numbers(7).map((i, n) => [i, n + 11]),
      });
    });
  });

  it("a second name column (a parent's, say) is ignored: names are never read", () => {
    const headers = ['学号', '姓名', '家长姓名', 'Name', ...numbers(7).map((i) => `GAD7_${i}`)];
    const mapping = ok(mapHeader(headers, auto));
    expect(mapping.person.name?.header).toBe('姓名');
    expect(mapping.ignored.map((c) => c.header)).toContain('Name');
  });

  it('two columns the mapping file both names as one field are a duplicate field', () => {
    const explicit = new Map<string, ColumnTarget>([
      ['代码', { kind: 'person', field: 'studentId' }],
      ['编码', { kind: 'person', field: 'studentId' }],
    ]);
    const headers = ['代码', '编码', ...numbers(7).map((i) => `GAD7_${i}`)];
    expect(issues(mapHeader(headers, { ...auto, explicit }))[0]?.code).toBe('duplicate-field');
  });
});

/** A known-good header: every kind of column, in some order. */
const GOOD = [
  '学号',
  '姓名',
  '性别',
  '年龄',
  '年级',
  '班级',
  '学校',
  ...PHQA_ITEMS.map((i) => `PHQA${i}`),
  ...numbers(7).map((i) => `GAD-7 ${i}、问题`),
  'GAD7_8',
  '提交时间',
  '',
  'Q1',
  'PHQ-A总分',
];

describe('mapHeader: every column in exactly one place', () => {
  it('holds for any order of a known-good header', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(GOOD, { minLength: GOOD.length, maxLength: GOOD.length }), (headers) => {
        const mapping = ok(mapHeader(headers, auto));
        const places = [
          ...Object.values(mapping.person).map((c) => c?.index),
          ...mapping.instruments.flatMap((i) => i.items.map((c) => c.index)),
          ...mapping.ignored.map((c) => c.index),
        ];
        expect([...places].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(headers.map((_, i) => i));
        // Each column keeps its header, and items their ids, wherever they stand.
        for (const { items } of mapping.instruments) for (const c of items) expect(headers[c.index]).toBe(c.header);
        expect(itemsOf(mapping)['phq-a']?.map(([item]) => item)).toEqual(PHQA_ITEMS);
        expect(Object.keys(mapping.person).sort()).toEqual([
          'age',
          'class',
          'grade',
          'name',
          'school',
          'sex',
          'studentId',
        ]);
        expect(mapping.unknownItems.map((c) => c.header)).toEqual(['GAD7_8']);
      }),
    );
  });

  it('holds for any subset of it that still maps, in any order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(GOOD), fc.boolean(), (headers, withNamed) => {
        const result = mapHeader(headers, withNamed ? named(phqA, gad7) : auto);
        if (!result.ok) return;
        const mapping = result.value;
        const places = [
          ...Object.values(mapping.person).map((c) => c?.index),
          ...mapping.instruments.flatMap((i) => i.items.map((c) => c.index)),
          ...mapping.ignored.map((c) => c.index),
        ];
        expect([...places].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(headers.map((_, i) => i));
      }),
    );
  });
});

describe('mapHeader: a questionnaire platform export (问卷星)', () => {
  const person = [
    '序号',
    '提交答卷时间',
    '1、你的学号：',
    '2、你的姓名：',
    '3、性别：',
    '4、年龄：',
    '5、年级：',
    '6、班级：',
  ];
  const matrix = (n: number, count: number) => numbers(count).map((i) => `${n}、在过去两周内……—第${i}行`);

  it('reads the person questions as person columns, never as items', () => {
    const mapping = ok(mapHeader([...person, ...PHQA_ITEMS.map((i) => `PHQA${i}`)], auto));
    expect(Object.keys(mapping.person).sort()).toEqual(['age', 'class', 'grade', 'name', 'sex', 'studentId']);
    expect(mapping.person.studentId?.index).toBe(2);
    expect(mapping.ignored.map((c) => c.index)).toEqual([0, 1]);
  });

  it('numbered questions and matrices with several --instrument: the matrices are read, no person column is listed', () => {
    const headers = [...person, ...matrix(7, 9), '8、…', '9、…', '10、…', '11、…', ...matrix(12, 7)];
    expect(issues(mapHeader(headers, named(phqA, gad7)))).toEqual([
      { code: 'missing-items', instrument: 'phq-a', items: ['c', 'd'] },
    ]);
  });

  const supplements = ['PHQ-A a', 'PHQ-A b', 'PHQ-A c', 'PHQ-A d'];
  const itemsOf = (mapping: SheetMapping) =>
    mapping.instruments.map((i) => [i.definition.id, i.items.map((c) => `${c.index}:${c.item}`)]);

  it.each([
    ['-i phq-a,gad-7, stems naming nothing', matrix(7, 9), matrix(8, 7), named(phqA, gad7)],
    [
      'no -i, stems naming PHQ-A and GAD-7',
      numbers(9).map((i) => `7、PHQ-A 过去两周……—第${i}行`),
      numbers(7).map((i) => `8、GAD-7：过去两周……—第${i}行`),
      auto,
    ],
  ])('two matrix questions, %s: rows 1 … n of each, in order', (_, phq, gad, options) => {
    const mapping = ok(mapHeader([...person, ...phq, ...gad, ...supplements], options));
    const at = (from: number, n: number) => numbers(n).map((i) => `${from + Number(i) - 1}:${i}`);
    const abcd = ['a', 'b', 'c', 'd'].map((l, k) => `${person.length + 16 + k}:${l}`);
    expect(itemsOf(mapping)).toEqual([
      ['phq-a', [...at(person.length, 9), ...abcd]],
      ['gad-7', at(person.length + 9, 7)],
    ]);
    expect(mapping.ignored.map((c) => c.index)).toEqual([0, 1]);
  });

  it.each([
    ['—', 'the em dash'],
    ['－', 'a full-width hyphen'],
    ['_', 'an underscore'],
  ])('a matrix split by %s (%s) is read with -i sds', (dash) => {
    const rows = numbers(20).map((i) => `7、最近一周${dash}第${i}行`);
    const mapping = ok(mapHeader([...person, ...rows], named(instrument('sds'))));
    expect(itemsOf(mapping)).toEqual([['sds', numbers(20).map((i) => `${person.length + Number(i) - 1}:${i}`)]]);
  });

  it('a 20-row matrix, no -i, a stem naming nothing: one issue naming the matrix and what would read it', () => {
    const rows = numbers(20).map((i) => `7、最近一周，你有多少时候出现以下情况？—第${i}行`);
    expect(issues(mapHeader([...person, ...rows], auto))).toEqual([
      {
        code: 'unread-matrix',
        question: 7,
        first: { index: person.length, header: rows[0] },
        last: { index: person.length + 19, header: rows[19] },
        rows: 20,
        fits: expect.arrayContaining(['sds', 'sas']),
      },
    ]);
  });

  // QA round 10 §9: the standard Chinese PHQ-9 item 8 holds `——` in its own text.
  const phq9Stem = '6、在过去两周里，你生活中以下症状出现的频率有多少？';
  const phq9Rows = (stem: string) =>
    numbers(9).map((i) =>
      i === '8' ? `${stem}—动作或说话速度缓慢到别人已经觉察？或正好相反——烦躁或坐立不安` : `${stem}—第${i}种情况`,
    );
  it.each<[string, string[], Parameters<typeof mapHeader>[1]]>([
    ['-i phq-9', phq9Rows(phq9Stem), named(phq9)],
    ['a stem naming PHQ-9', phq9Rows('6、PHQ-9：在过去两周里…？'), auto],
    ['a stem naming PHQ-9, split by -', phq9Rows('6、PHQ-9：在过去两周里…？').map((h) => h.replace('—', '-')), auto],
  ])('a 9-row matrix whose item 8 holds —— is read as PHQ-9 items 1 … 9: %s', (_, rows, options) => {
    const mapping = ok(mapHeader([...person, ...rows], options));
    expect(itemsOf(mapping)).toEqual([['phq-9', numbers(9).map((i) => `${person.length + Number(i) - 1}:${i}`)]]);
  });

  it('-i gad-7 on a 9-row matrix: never read as GAD-7, and no other instrument is suggested', () => {
    const [issue] = issues(mapHeader([...person, ...phq9Rows(phq9Stem)], { ...named(gad7), known: instruments }));
    expect(issue).toMatchObject({ code: 'unread-matrix', rows: 9, fits: [], named: ['gad-7'] });
  });

  // QA round 22 §3: rows written `5、(1)…` with no stem, and one scale split over several matrices.
  it.each([
    ['5、(1)我觉得闷闷不乐', (i: string) => `5、(${i})第${i}行的话`],
    ['5(我觉得闷闷不乐)', (i: string) => `5（第${i}行的话）`],
  ])('rows written like %s are a matrix: read with -i sds as items 1 … 20', (_, row) => {
    const rows = numbers(20).map(row);
    const mapping = ok(mapHeader([...person, ...rows], named(instrument('sds'))));
    expect(itemsOf(mapping)).toEqual([['sds', numbers(20).map((i) => `${person.length + Number(i) - 1}:${i}`)]]);
    // Without -i, one issue naming the matrix: SDS, SAS … all have 20 items, none is guessed.
    expect(issues(mapHeader([...person, ...rows], auto))).toMatchObject([
      { code: 'unread-matrix', question: 5, rows: 20 },
    ]);
  });

  it('person questions asked as one (2、(1)年级, 2、(2)班级) are person columns, not a matrix', () => {
    const headers = ['1、学号', '2、(1)年级', '2、(2)班级', ...numbers(7).map((i) => `GAD7_${i}`)];
    const mapping = ok(mapHeader(headers, auto));
    expect(mapping.person.grade?.index).toBe(1);
    expect(mapping.person.class?.index).toBe(2);
  });

  it('rows numbered in brackets out of order are not read as rows in order', () => {
    const rows = numbers(20).map((i) => `5、(${i === '1' ? '2' : i === '2' ? '1' : i})第${i}行`);
    expect(mapHeader([...person, ...rows], named(instrument('sds'))).ok).toBe(false);
  });

  it('one scale over three matrices naming it (SCL-90 第1–30题, 第31–60题, 第61–90题) is numbered on', () => {
    const rows = [1, 2, 3].flatMap((m) =>
      numbers(30).map((i) => `${6 + m}、症状自评量表（SCL-90）第${m * 30 - 29}-${m * 30}题—第${i}行`),
    );
    const mapping = ok(mapHeader([...person, ...rows], auto));
    expect(itemsOf(mapping)).toEqual([['scl-90', numbers(90).map((i) => `${person.length + Number(i) - 1}:${i}`)]]);
  });

  it('two matrices naming one scale that together hold too many rows stay items 1 … n each: a duplicate, said', () => {
    const rows = [1, 2].flatMap((m) => numbers(9).map((i) => `${6 + m}、PHQ-9：过去两周—第${i}行`));
    const result = issues(mapHeader([...person, ...rows], auto));
    expect(result.some((i) => i.code === 'duplicate-item')).toBe(true);
  });

  it('a matrix whose stem names an instrument not asked for is not read', () => {
    const gad = numbers(7).map((i) => `8、GAD-7 过去两周—第${i}行`);
    const options = { ...named(phqA), known: instruments };
    const mapping = ok(mapHeader([...person, ...matrix(7, 9), ...gad, ...supplements], options));
    expect(mapping.instruments.map((i) => i.definition.id)).toEqual(['phq-a']);
    expect(mapping.ignored.map((c) => c.index)).toEqual([0, 1, ...gad.map((_, k) => person.length + 9 + k)]);
  });
});

describe('mapHeader: a two-row header whose group names no instrument', () => {
  const grouped = (group: string, own: readonly string[]) => own.map((o) => ({ group, own: o }));
  const person = ['学号', '性别'];

  it('is an issue naming the group, never a silent drop of its items', () => {
    const own = [...numbers(9), 'c', 'd'];
    const headers = [...person, ...own.map((o) => `青少年抑郁量表 ${o}`), ...numbers(7).map((i) => `GAD-7 ${i}`)];
    const by = [undefined, undefined, ...grouped('青少年抑郁量表', own), ...grouped('GAD-7', numbers(7))];
    const result = issues(mapHeader(headers, { ...auto, grouped: by }));
    expect(result).toEqual([
      {
        code: 'unread-group',
        group: '青少年抑郁量表',
        // Their own names, blank where they may be cell values (numbers): messages give column numbers.
        columns: own.map((o, i) => ({ index: i + 2, header: /^\d+$/.test(o) ? '' : o })),
      },
    ]);
    // Without what the rows were, the same header reads GAD-7 alone (why the two-row reader passes them).
    expect(ok(mapHeader(headers, auto)).instruments.map((i) => i.definition.id)).toEqual(['gad-7']);
  });

  it('is no issue for a group naming an instrument not asked for (said as "other instruments")', () => {
    const headers = [...person, ...PHQA_ITEMS.map((o) => `PHQ-A ${o}`), ...numbers(7).map((i) => `GAD-7 ${i}`)];
    const by = [undefined, undefined, ...grouped('PHQ-A', PHQA_ITEMS), ...grouped('GAD-7', numbers(7))];
    const mapping = ok(mapHeader(headers, { ...named(phqA), grouped: by, known: instruments }));
    expect(mapping.instruments.map((i) => i.definition.id)).toEqual(['phq-a']);
  });

  it('is no issue for a group over columns that are not items (备注 over 家长签字)', () => {
    const headers = [...person, ...PHQA_ITEMS.map((o) => `PHQ-A ${o}`), '备注 家长签字'];
    const by = [undefined, undefined, ...grouped('PHQ-A', PHQA_ITEMS), { group: '备注', own: '家长签字' }];
    expect(ok(mapHeader(headers, { ...auto, grouped: by })).ignored).toHaveLength(1);
  });
});

describe('mapHeader: a questionnaire platform export (腾讯问卷)', () => {
  // Each header after its question number and a colon (full-width too): `Q3:GAD-7 1` is GAD-7 item 1, not item 3.
  const person = ['编号', 'Q1:学号', 'Q2：性别'];
  const gad = (from: number) => numbers(7).map((i) => `Q${from + Number(i) - 1}:GAD-7 ${i}`);
  const all = { known: instruments };

  it.each([
    ['not named', { ...auto, ...all }],
    ['--instrument gad-7', { ...named(gad7), ...all }],
  ])('reads `Q3:GAD-7 1` … by the instrument and item after the colon (%s)', (_, options) => {
    const mapping = ok(mapHeader([...person, ...gad(3)], options));
    expect(itemsOf(mapping)).toEqual({ 'gad-7': numbers(7).map((item, i) => [item, i + 3]) });
    expect(mapping.person.studentId?.header).toBe('Q1:学号');
    expect(mapping.person.sex?.header).toBe('Q2：性别');
  });

  it('reads two instruments so, and never one instrument’s items as another’s', () => {
    const phq = numbers(9).map((i) => `Q${Number(i) + 2}:PHQ-9 ${i}`);
    const headers = [...person, ...phq, ...gad(12)];
    expect(itemsOf(ok(mapHeader(headers, { ...auto, ...all })))).toEqual({
      'phq-9': numbers(9).map((item, i) => [item, i + 3]),
      'gad-7': numbers(7).map((item, i) => [item, i + 12]),
    });
    // Only PHQ-9 asked for: the GAD-7 columns are not read, as `GAD-7 1` would not be.
    const mapping = ok(mapHeader(headers, { ...named(phq9), ...all }));
    expect(itemsOf(mapping)).toEqual({ 'phq-9': numbers(9).map((item, i) => [item, i + 3]) });
    expect(mapping.ignored.map((c) => c.index)).toEqual([0, ...numbers(7).map((i) => Number(i) + 11)]);
  });

  it('keeps a header as it is when the text after the colon names no item: `Q3:心情低落` is question 3', () => {
    const mapping = ok(mapHeader(['学号', ...numbers(9).map((i) => `Q${i}:心情低落`)], { ...named(phq9), ...all }));
    expect(itemsOf(mapping)).toEqual({ 'phq-9': numbers(9).map((item, i) => [item, i + 1]) });
  });
});

// QA round 17, 1: SDQ's impact question `classroom` headed by its own word, as the one named instrument's item.
describe('mapHeader: an item named by a word that is also a person header (SDQ classroom)', () => {
  const sdq = instrument('sdq-self');
  const impact = ['difficulties', 'distress', 'home', 'friendships', 'classroom', 'leisure'];
  const header = ['学号', '班级', ...numbers(25).map((n) => `Q${n}`), ...impact];

  it('is the item with -i, beside the class column, and the class column stays the class', () => {
    const mapping = ok(mapHeader(header, named(sdq)));
    expect(mapping.person.class).toEqual({ index: 1, header: '班级' });
    expect(itemsOf(mapping)['sdq-self']).toContainEqual(['classroom', 26 + impact.indexOf('classroom') + 1]);
  });

  it('is the class column for any other instrument, and by a question number (1、班级) never an item', () => {
    const other = ok(mapHeader(['学号', 'classroom', ...PHQA_ITEMS.map((i) => `PHQA_${i}`)], named(phqA)));
    expect(other.person.class).toEqual({ index: 1, header: 'classroom' });
    const numbered = ok(mapHeader(['1、学号', '2、班级', ...numbers(25).map((n) => `Q${n}`), ...impact], named(sdq)));
    expect(numbered.person.class?.header).toBe('2、班级');
  });
});

describe('mapHeader: a school testing system headed by short names (SCL1 … SCL90, DASS1 … DASS21)', () => {
  const person = ['学号', '姓名', '性别', '年级', '班级', '测评时间'];
  const scl = instrument('scl-90');
  const itemsAt = (mapping: SheetMapping) => mapping.instruments.map((i) => [i.definition.id, i.items.length]);

  it.each([
    ['SCL1', (i: string) => `SCL${i}`],
    ['scl_1', (i: string) => `scl_${i}`],
    ['SCL90_1', (i: string) => `SCL90_${i}`],
    ['SCL-90 1', (i: string) => `SCL-90 ${i}`],
  ])('%s … is SCL-90, with its own totals beside it left unread', (_, header) => {
    const headers = [...person, ...numbers(90).map(header), 'SCL总分', 'SCL90总分', '总均分', '阳性项目数'];
    for (const options of [auto, named(scl)]) {
      const mapping = ok(mapHeader(headers, options));
      expect(itemsAt(mapping)).toEqual([['scl-90', 90]]);
      expect(mapping.instruments[0]?.items.map((c) => c.item)).toEqual(numbers(90));
    }
  });

  it('DASS1 … DASS21 is DASS-21', () => {
    const mapping = ok(mapHeader([...person, ...numbers(21).map((i) => `DASS${i}`)], auto));
    expect(itemsAt(mapping)).toEqual([['dass-21', 21]]);
  });
});
