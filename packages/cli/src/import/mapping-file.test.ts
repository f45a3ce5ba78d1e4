import { getInstrument, type InstrumentDefinition, instruments } from '@triage/scales';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeHeader } from '../responses/item-columns.ts';
import { type Column, type ColumnTarget, mapHeader, type SheetMapping } from './columns.ts';
import { type MappingFile, mappingToYaml, parseMappingFile } from './mapping-file.ts';
import { importMessages } from './messages.ts';

let core: typeof import('@triage/core');
beforeAll(async () => {
  core = await import('@triage/core');
});

function instrument(id: string): InstrumentDefinition {
  const definition = getInstrument(id);
  if (!definition) throw new Error(`no instrument ${id}`);
  return definition;
}
const phqA = instrument('phq-a');
const gad7 = instrument('gad-7');

const parse = (text: string) => parseMappingFile(text, 'school.map.yaml', core, importMessages('en'));
function parsed(text: string): MappingFile {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected a mapping file, got ${JSON.stringify(result.error)}`);
  return result.value;
}
/** The one issue of a file, without the file name. */
function issueOf(text: string) {
  const result = parse(text);
  if (result.ok) throw new Error('expected issues');
  expect(result.error).toHaveLength(1);
  const [{ file, ...issue }] = result.error as [(typeof result.error)[number]];
  expect(file).toBe('school.map.yaml');
  return issue;
}

describe('parseMappingFile', () => {
  it('reads instruments, columns by normalized header, and sex codes', () => {
    const file = parsed(
      [
        'instruments: [PHQ-A, gad7]',
        'columns:',
        '  学生学号: studentId',
        '  Student Code: student_id',
        '  性别代码: gender',
        '  Q1: phq-a.1',
        '  "Q 4": PHQ-A.c',
        '  焦虑1: gad-7.1',
        '  备注: ignore',
        '  名字: name',
        'values:',
        '  sex: { "1": male, " F ": female, 2: female }',
        '',
      ].join('\n'),
    );
    expect(file.instruments).toEqual([phqA, gad7]);
    expect(file.columns).toEqual(
      new Map<string, ColumnTarget>([
        ['学生学号', { kind: 'person', field: 'studentId' }],
        ['student code', { kind: 'person', field: 'studentId' }],
        ['性别代码', { kind: 'person', field: 'sex' }],
        ['q1', { kind: 'item', instrument: phqA, item: '1' }],
        ['q 4', { kind: 'item', instrument: phqA, item: 'c' }],
        ['焦虑1', { kind: 'item', instrument: gad7, item: '1' }],
        ['备注', { kind: 'ignore' }],
        ['名字', { kind: 'person', field: 'name' }],
      ]),
    );
    expect(file.sex).toEqual(
      new Map([
        ['1', 'male'],
        ['f', 'female'],
        ['2', 'female'],
      ]),
    );
  });

  // QA round 10 §10: a mapping file saved by Notepad as ANSI (GBK) or "Unicode" (UTF-16), read as UTF-8.
  it.each<[string, string, number, number, RegExp]>([
    [
      'GBK (U+FFFD where bytes are no UTF-8)',
      'instruments: [phq-a]\ncolumns:\n  "\uFFFD\uFFFD\uFFFD": phq-a.1\n',
      3,
      4,
      /not UTF-8 text/,
    ],
    ['UTF-16 LE with its BOM', '\uFFFD\uFFFDi\u0000n\u0000', 1, 1, /UTF-16 text/],
    ['UTF-16 without a BOM', 'i\u0000n\u0000s\u0000', 1, 1, /UTF-16 text/],
  ])('says a file in %s is not UTF-8, and where', (_, text, line, column, message) => {
    const issue = issueOf(text);
    expect(issue).toMatchObject({ line, column });
    expect(issue.message).toMatch(message);
    expect(issue.message).toContain('UTF-8');
  });

  it.each([
    ['instruments: phq-a', ['phq-a']],
    ['instruments: phq-a, gad-7', ['phq-a', 'gad-7']],
    ['instruments: [phq-a]', ['phq-a']],
  ])('reads %s', (text, ids) => {
    expect(parsed(`${text}\n`).instruments.map((d) => d.id)).toEqual(ids);
  });

  it('rejects a column naming an instrument its instruments list leaves out', () => {
    const issue = issueOf('instruments: [phq-9]\ncolumns:\n  Q1: phq-a.1\n');
    expect(issue).toMatchObject({ line: 3, path: 'columns.Q1' });
    expect(issue.message).toContain('phq-a is not in the file');
  });

  it('reads an empty file as an empty mapping', () => {
    const empty = { instruments: [], columns: new Map(), positions: new Map(), sex: new Map() };
    expect(parsed('{}\n')).toEqual(empty);
    expect(parsed('# only a comment\ninstruments: []\n')).toEqual(empty);
  });

  it('reads a column by its position: its number or its Excel letter, in English or Chinese', () => {
    const file = parsed(
      [
        'columns:',
        '  Q1: phq-a.1',
        '  column 20: gad-7.1',
        '  "Column AA": ignore',
        '  第21列: gad-7.2',
        '  第 L 列: sex',
        '',
      ].join('\n'),
    );
    expect(file.columns).toEqual(new Map([['q1', { kind: 'item', instrument: phqA, item: '1' }]]));
    expect(file.positions).toEqual(
      new Map<number, ColumnTarget>([
        [19, { kind: 'item', instrument: gad7, item: '1' }],
        [26, { kind: 'ignore' }],
        [20, { kind: 'item', instrument: gad7, item: '2' }],
        [11, { kind: 'person', field: 'sex' }],
      ]),
    );
  });

  it('rejects two keys for one position (a number and its letter)', () => {
    const { line, message } = issueOf('columns:\n  column 12: ignore\n  column L: sex\n');
    expect(line).toBe(3);
    expect(message).toBe('"column L" is the same column as "column 12"');
  });

  it('rejects column 0', () => {
    expect(issueOf('columns:\n  column 0: ignore\n').message).toMatch(/column 1 is the first/);
  });

  it.each<[string, string, { line: number; column: number; path: string; message: RegExp }]>([
    [
      'an unknown instrument',
      'instruments:\n  - phq-a\n  - phq-x\n',
      { line: 3, column: 5, path: 'instruments.1', message: /unknown instrument "phq-x"/ },
    ],
    [
      'an unknown item',
      'instruments: [phq-a]\ncolumns:\n  Q1: phq-a.1\n  Q11: phq-a.11\n',
      {
        line: 4,
        column: 8,
        path: 'columns.Q11',
        message: /PHQ-A has no item "11".*1, 2, 3, 4, 5, 6, 7, 8, 9, a, b, c, d/,
      },
    ],
    [
      'a bad target',
      'columns:\n  学号: studentId\n  备注:   skip\n',
      { line: 3, column: 9, path: 'columns.备注', message: /"skip": expected ignore, studentId, name, .* phq-a\.1/ },
    ],
    [
      'an item of an unknown instrument',
      'columns:\n  Q1: phq-x.1\n',
      { line: 2, column: 7, path: 'columns.Q1', message: /"phq-x.1": expected ignore/ },
    ],
    [
      'a target that is not text',
      'columns:\n  Q1: phq-a.1\n  Q2: [phq-a.2]\n',
      { line: 3, column: 7, path: 'columns.Q2', message: /string/ },
    ],
    [
      'an unknown sex value',
      'values:\n  sex:\n    "1": boy\n',
      { line: 3, column: 10, path: 'values.sex.1', message: /male|female/ },
    ],
  ])('locates %s', (_, text, expected) => {
    const { message, problem: _problem, ...at } = issueOf(text);
    expect(at).toEqual({ line: expected.line, column: expected.column, path: expected.path });
    expect(message).toMatch(expected.message);
  });

  it('words its own problems in the language of the messages it is given', () => {
    const zh = parseMappingFile('columns:\n  Q1: phq-a.e\n', 'school.map.yaml', core, importMessages('zh'));
    expect(zh.ok ? [] : zh.error.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 7, '“phq-a.e”：PHQ-A 没有第“e”题；应为 1、2、3、4、5、6、7、8、9、a、b、c、d 之一'],
    ]);
  });

  it('locates YAML errors: a repeated key', () => {
    const { line, column, message } = issueOf('columns:\n  Q1: phq-a.1\n  Q1: phq-a.2\n');
    expect({ line, column }).toEqual({ line: 3, column: 3 });
    expect(message).toMatch(/unique/);
  });

  it('rejects two keys that are one header to the import (case, width, spaces)', () => {
    const { line, column, message } = issueOf('columns:\n  Name: name\n  "ＮＡＭＥ ": ignore\n');
    expect({ line, column }).toEqual({ line: 3, column: 12 }); // at the entry's value, as every column issue
    expect(message).toBe('"ＮＡＭＥ " is the same header as "Name"');
  });

  it('reports every problem of a file, not only the first', () => {
    const result = parse('instruments: [phq-x, gad-9]\ncolumns:\n  Q1: phq-a.99\n  Q2: nonsense\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((i) => [i.path, i.line])).toEqual([
      ['instruments.0', 1],
      ['instruments.1', 1],
      ['columns.Q1', 3],
      ['columns.Q2', 4],
    ]);
  });

  it('locates an unknown key inside values', () => {
    const { line, path, message } = issueOf('values:\n  sex: { "1": male }\n  age: { "x": 1 }\n');
    expect(path).toBe('values');
    expect(message).toMatch(/age/);
    // At the key itself (its value's position, on the key's line).
    expect(line).toBe(3);
  });

  it('locates an unknown top-level key on its own line', () => {
    const { line, message } = issueOf('instruments: [phq-a]\ncolumns:\n  Q1: phq-a.1\nvalue: 1\n');
    expect(message).toMatch(/value/);
    expect(line).toBe(4);
  });

  it('locates a problem under a numeric header key', () => {
    const { line } = issueOf('columns:\n  1: phq-a.1\n  11: phq-a.11\n');
    expect(line).toBe(3);
  });
});

const PHQA_ITEMS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd'];

function mapped(headers: readonly string[], options: Parameters<typeof mapHeader>[1]): SheetMapping {
  const result = mapHeader(headers, options);
  if (!result.ok) throw new Error(`expected a mapping, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * What a mapping says of each column whose header says it alone, by normalized header: what its mapping file should
 * say by header. A header over columns read differently, and a blank one over a column read, are said by position.
 */
function targetsOf(mapping: SheetMapping): {
  byHeader: Map<string, ColumnTarget>;
  byPosition: Map<number, ColumnTarget>;
} {
  const all: [Column, ColumnTarget][] = [];
  for (const [field, column] of Object.entries(mapping.person))
    if (column) all.push([column, { kind: 'person', field } as ColumnTarget]);
  for (const { definition, items } of mapping.instruments)
    for (const c of items) all.push([c, { kind: 'item', instrument: definition, item: c.item }]);
  for (const c of mapping.ignored) all.push([c, { kind: 'ignore' }]);
  const said = (t: ColumnTarget) => JSON.stringify(t.kind === 'item' ? [t.instrument.id, t.item] : t);
  const kinds = new Map<string, Set<string>>();
  for (const [c, t] of all)
    kinds.set(normalizeHeader(c.header), (kinds.get(normalizeHeader(c.header)) ?? new Set()).add(said(t)));
  const byHeader = new Map<string, ColumnTarget>();
  const byPosition = new Map<number, ColumnTarget>();
  for (const [c, t] of all) {
    const key = normalizeHeader(c.header);
    if (key === '' ? t.kind !== 'ignore' : (kinds.get(key)?.size ?? 0) > 1) byPosition.set(c.index, t);
    else if (key !== '' && !byHeader.has(key)) byHeader.set(key, t);
  }
  return { byHeader, byPosition };
}

/** The same mapping through its saved file: the file says what the mapping says, and maps the sheet the same way. */
function expectRoundTrip(headers: readonly string[], mapping: SheetMapping): void {
  const file = parsed(mappingToYaml(mapping));
  expect(file.instruments).toEqual(mapping.instruments.map((i) => i.definition));
  const { byHeader, byPosition } = targetsOf(mapping);
  expect(file.columns).toEqual(byHeader);
  expect(file.positions).toEqual(byPosition);
  const again = mapped(headers, {
    candidates: file.instruments,
    named: true,
    explicit: file.columns,
    explicitAt: file.positions,
  });
  expect(again.person).toEqual(mapping.person);
  expect(again.instruments.map((i) => [i.definition.id, i.items])).toEqual(
    mapping.instruments.map((i) => [i.definition.id, i.items]),
  );
  expect(again.ignored.map((c) => c.index).sort((a, b) => a - b)).toEqual(
    mapping.ignored.map((c) => c.index).sort((a, b) => a - b),
  );
}

describe('mappingToYaml', () => {
  it('writes a mapping file that reads back as the same mapping', () => {
    const headers = [
      '学号',
      '姓名',
      '性别',
      '班级',
      ...PHQA_ITEMS.map((i) => `PHQ-A ${i}、题目`),
      ...['1', '2', '3', '4', '5', '6', '7'].map((i) => `GAD7_${i}`),
      '提交时间',
      '',
      'Q1',
      'GAD7_8',
    ];
    const mapping = mapped(headers, { candidates: instruments, named: false });
    const yaml = mappingToYaml(mapping);
    expect(yaml).toMatch(
      /^# triage import mapping: use it with --map\ninstruments:\n {2}- phq-a\n {2}- gad-7\ncolumns:\n/,
    );
    expect(yaml).toContain('  "学号": studentId\n');
    expect(yaml).toContain('  "PHQ-A c、题目": phq-a.c\n');
    expect(yaml).toContain('  "提交时间": ignore\n');
    expect(yaml).not.toContain('"": ignore');
    expectRoundTrip(headers, mapping);
  });

  it('writes headers that YAML would misread as quoted strings', () => {
    const headers = [
      '学号',
      ...['1', '2', '3', '4', '5', '6', '7'].map((i) => `GAD7_${i}`),
      'note: "quoted" # not a comment',
      'multi\nline',
      '- dash',
      '? key',
      'yes',
      'null',
      '123',
      '\\back\\slash',
      "it's",
      '{[brackets]}',
      '&anchor *alias',
      '\t tab',
    ];
    expectRoundTrip(headers, mapped(headers, { candidates: instruments, named: false }));
  });

  it('writes one entry for ignored columns with the same header', () => {
    const headers = [
      '学号',
      '备注',
      ...['1', '2', '3', '4', '5', '6', '7'].map((i) => `GAD7_${i}`),
      '备注',
      '时间',
      '时间',
    ];
    const mapping = mapped(headers, { candidates: instruments, named: false });
    expect(mapping.ignored.map((c) => c.header)).toEqual(['备注', '备注', '时间', '时间']);
    expect(mappingToYaml(mapping).match(/"备注": ignore/g)).toHaveLength(1);
    expectRoundTrip(headers, mapping);
  });

  it('writes one entry for a header both read and ignored (a second name or id column)', () => {
    for (const headers of [
      ['学号', '年级', ...PHQA_ITEMS.map((i) => `PHQA${i}`), 'nAme', 'nAme'], // fast-check's counterexample
      ['学号', '姓名', '学号 ', ...PHQA_ITEMS.map((i) => `PHQA${i}`), 'NAME', '姓名'],
    ]) {
      const mapping = mapped(headers, { candidates: instruments, named: false });
      expect(mapping.ignored.length).toBeGreaterThan(0);
      const yaml = mappingToYaml(mapping);
      expect(new Set(yaml.split('\n')).size).toBe(yaml.split('\n').length);
      expectRoundTrip(headers, mapping);
    }
  });

  it('says by position a header over columns read differently, and a blank header over a column read', () => {
    const gad7 = getInstrument('gad-7');
    if (!gad7) throw new Error('no gad-7');
    // GAD-7's items all headed 得分 (as a platform's matrix question exports), one more 得分 and a blank not read.
    const headers = ['学号', ...Array(7).fill('得分'), '得分', ''];
    const explicitAt = new Map<number, ColumnTarget>(
      [1, 2, 3, 4, 5, 6, 7].map((item) => [item, { kind: 'item', instrument: gad7, item: String(item) }]),
    );
    const mapping = mapped(headers, { candidates: [gad7], named: true, explicitAt });
    const yaml = mappingToYaml(mapping);
    expect(yaml).toContain('  "column 2": gad-7.1\n');
    expect(yaml).toContain('  "column 8": gad-7.7\n');
    expect(yaml).toContain('  "column 9": ignore\n');
    expect(yaml).not.toContain('"得分"');
    expectRoundTrip(headers, mapping);
    const blank = ['学号', '', ...Array(6).fill('得分')];
    expect(mappingToYaml(mapped(blank, { candidates: [gad7], named: true, explicitAt }))).toContain(
      '  "column 2": gad-7.1\n',
    );
  });

  it('reads back as the same mapping for any extra columns, in any order', () => {
    const base = ['学号', '年级', ...PHQA_ITEMS.map((i) => `PHQA${i}`)];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 })), {
          maxLength: 6,
        }),
        fc.nat(),
        (extra, seed) => {
          const headers = [...base, ...extra];
          // A fixed shuffle from the seed, so a failure shrinks to a readable case.
          const order = headers.map((h, i) => ({ h, k: (i * 7919 + seed) % 104729 })).sort((a, b) => a.k - b.k);
          const shuffled = order.map((o) => o.h);
          const result = mapHeader(shuffled, { candidates: instruments, named: false });
          if (!result.ok) return;
          expectRoundTrip(shuffled, result.value);
        },
      ),
      { numRuns: 300 },
    );
  });
});
