import { createDecisionMemo, defaultRuleSet, evaluateRules, type RuleSet, scaleFacts } from '@triage/core';
import { getInstrument, type InstrumentDefinition, scoreInstrument } from '@triage/scales';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerPatterns } from './answer-patterns.ts';
import type { SheetMapping } from './columns.ts';
import { type TextSink, writeCsvRow, writeJsonRow } from './output/row-text.ts';
import { personReader, personSchema } from './person.ts';
import {
  aboveHeader,
  headerKind,
  instrumentPlans,
  isHeaderAgain,
  isHeaderRow,
  type RowContext,
  readRow,
  underUnmappedHeader,
} from './read-row.ts';
import { describeDecision, rowText, scoreText } from './result-cells.ts';
import { RowDecisions } from './row-decisions.ts';

// Sums, subscales with bands of their own (DASS-21), items a rule reads (C-SSRS item 2), categories (ASQ).
const INSTRUMENTS = ['phq-a', 'gad-7', 'dass-21', 'cssrs-screener', 'asq'].map((id) => {
  const d = getInstrument(id);
  if (!d) throw new Error(id);
  return d;
});
const PERSON = ['studentId', 'sex', 'age', 'grade', 'class'] as const;

/** One sheet: the person columns, then every instrument's items in order. */
function mapping(definitions: readonly InstrumentDefinition[]): SheetMapping {
  let index = PERSON.length;
  return {
    width: PERSON.length + definitions.reduce((n, d) => n + d.items.length, 0),
    person: Object.fromEntries(PERSON.map((field, i) => [field, { index: i, header: field }])),
    instruments: definitions.map((definition) => ({
      definition,
      items: definition.items.map((item) => ({ index: index++, header: item.id, item: item.id })),
    })),
    ignored: [],
    unknownItems: [],
    how: 'prefix',
  };
}

const paths = (id: string) => id === 'cssrs-screener';

/** The default rules and one that reads the person (as a `--rules` file may): row keys must tell ages apart. */
const rules: RuleSet = {
  ...defaultRuleSet,
  rules: [
    ...defaultRuleSet.rules,
    {
      id: 'young-and-low',
      description: { zh: '15 岁以下且 PHQ-A ≥ 3', en: 'under 15 and PHQ-A ≥ 3' },
      when: {
        all: [
          { fact: 'person.age', lt: 15 },
          { fact: 'scales.phq-a.total', gte: 3 },
        ],
      },
      // biome-ignore lint/suspicious/noThenProperty: a rule's outcome (the rule schema's word), never awaited.
      then: { level: 'R2', actions: ['rescreen'] },
    },
  ],
};

/** A context as runImport makes one: caches of answer patterns, results and person cells, and a decision memo. */
function context(definitions: readonly InstrumentDefinition[]): RowContext {
  const sheet = mapping(definitions);
  return {
    mapping: sheet,
    plans: instrumentPlans(sheet, {}, paths),
    person: personReader(personSchema({ idRequired: true }), { idRequired: true }),
    memo: createDecisionMemo(rules),
    decisions: new RowDecisions(),
    strictWidth: true,
  };
}

/** Everything a sink was given, as one byte string. */
function textSink(): TextSink & { text(): string } {
  const parts: Buffer[] = [];
  return {
    write: (t) => void parts.push(Buffer.from(t)),
    writeBytes: (b) => void parts.push(Buffer.from(b)),
    text: () => Buffer.concat(parts).toString('utf8'),
  };
}

/**
 * A row's cells: answers drawn from each item's options (as digits, as their zh or en labels, padded, blank, out of
 * range, or '/' and ':' that border the digits).
 */
function rowArbitrary(definitions: readonly InstrumentDefinition[]) {
  const answers = definitions.flatMap((d) =>
    d.items.map((item) => {
      const options = item.options ?? d.options;
      const values = options.map((o) => String(o.value));
      const labels = options.flatMap((o) => [o.label.zh, ` ${o.label.en}`]);
      return fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...values) },
        { weight: 3, arbitrary: fc.constantFrom(...labels) },
        { weight: 1, arbitrary: fc.constantFrom('', ' 1', '9', '10', '/', ':') },
      );
    }),
  );
  return fc.tuple(
    fc.constantFrom('2025001', '2025002', '2025003'),
    fc.constantFrom('男', '女', ''),
    fc.constantFrom('13', '15', '17'),
    fc.constantFrom('初一', '高二'),
    fc.constantFrom('1班', '2班'),
    ...answers,
  );
}

/** Five instruments (row keys too long for the row-decision cache: the memo decides), and the usual two. */
const SHEETS = [INSTRUMENTS, INSTRUMENTS.slice(0, 2)] as const;

describe('readRow caches', () => {
  it.each(SHEETS.map((sheet) => [sheet.map((d) => d.id).join(' + '), sheet] as const))(
    'give each row exactly what scoring and deciding it alone gives, down to the bytes written (%s)',
    (_, sheet) => {
      const shared = context(sheet);
      const describe = new Map<string, ReturnType<typeof describeDecision>>();
      const textOf = (decision: Parameters<typeof describeDecision>[0]) => {
        const content = JSON.stringify(decision);
        let t = describe.get(content);
        if (!t) {
          t = describeDecision(decision, `d${describe.size + 1}`, decision.level ?? '', '', 'en');
          describe.set(content, t);
        }
        return t;
      };
      let line = 1;
      fc.assert(
        fc.property(rowArbitrary(sheet), (cells) => {
          const record = { line: ++line, fields: cells };
          const got = readRow(record, shared);
          // The same row through a context that has seen nothing: no cache can answer.
          const alone = readRow(record, context(sheet));
          expect(got.ok).toBe(alone.ok);
          if (!got.ok || !alone.ok) {
            expect(got).toEqual(alone);
            return;
          }
          for (const [i, score] of got.scores.entries()) {
            const definition = sheet[i] as InstrumentDefinition;
            const answers = definition.items.map(
              (_, p) => cells[PERSON.length + offset(sheet, definition) + p] as string,
            );
            const fresh = scoreInstrument(definition, answers, paths(definition.id) ? { includeItems: true } : {});
            if (!fresh.ok) throw new Error('scored alone but not fresh');
            expect(score.value).toEqual(fresh.value);
            expect(score.facts).toEqual(scaleFacts(fresh.value));
            expect(score.json).toBe(scoreText(fresh.value));
          }
          const facts = {
            scales: Object.fromEntries(got.scores.map((s) => [s.instrument, s.facts])),
            person: alone.personShape.facts,
          };
          expect(got.decision).toEqual(evaluateRules(rules, facts));
          // Written twice, once from the shared parts and once from the lone row's: the same bytes.
          const [a, b] = [got, alone].map((row) => {
            const csv = textSink();
            const json = textSink();
            const extras = { student: row.person.studentId, duplicateOf: null };
            const text = rowText(row, sheet, textOf(row.decision), extras, false);
            writeCsvRow(csv, text);
            writeJsonRow(json, text);
            return `${csv.text()}${json.text()}`;
          });
          expect(a).toBe(b);
        }),
        { numRuns: 1500, seed: 20261123 },
      );
      // The caches were used: far fewer distinct results than rows; with two instruments, decisions by row key.
      const plan = shared.plans[0];
      expect(plan?.kept).toBeLessThan(1500);
      if (sheet.length === 2) expect(shared.decisions?.size).toBeGreaterThan(0);
      else expect(shared.decisions?.size).toBe(0);
    },
  );
});

function offset(sheet: readonly InstrumentDefinition[], definition: InstrumentDefinition): number {
  let n = 0;
  for (const d of sheet) {
    if (d === definition) return n;
    n += d.items.length;
  }
  throw new Error(definition.id);
}

describe('AnswerPatterns', () => {
  // Around the digits ('/' and ':' border '0' and '9'), text answers, and more than 10 texts at an item.
  const answer = fc.oneof(
    fc.constantFrom('', '0', '1', '2', '3', '9', '10', ' 1', '1 ', '"', ',', '\u001f', '/', ':', '没有', '有时'),
    fc.string({ maxLength: 2 }),
  );
  const answers = fc.array(answer, { maxLength: 20 });

  it('finds a value only under exactly the answers it was remembered for', () => {
    fc.assert(
      fc.property(fc.array(answers, { maxLength: 30 }), answers, (remembered, asked) => {
        const patterns = new AnswerPatterns<number>(1000);
        const first = new Map<string, number>();
        remembered.forEach((a, i) => {
          if (patterns.find(a) !== undefined) return;
          patterns.remember(i);
          first.set(JSON.stringify(a), i);
        });
        expect(patterns.find(asked)).toBe(first.get(JSON.stringify(asked)));
        expect(patterns.size).toBe(first.size);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('tells blanks, counts and halves apart, and keeps only the first patterns met', () => {
    const patterns = new AnswerPatterns<string>(4);
    const seen = [[''], ['', ''], ['0'], Array.from({ length: 9 }, () => '1')];
    for (const a of seen) {
      expect(patterns.find(a)).toBeUndefined();
      patterns.remember(a.join('|'));
    }
    for (const a of seen) expect(patterns.find(a)).toBe(a.join('|'));
    expect(patterns.find([...Array.from({ length: 8 }, () => '1'), '2'])).toBeUndefined();
    // Full: a new pattern is looked up but not kept.
    expect(patterns.find(['3'])).toBeUndefined();
    patterns.remember('3');
    expect(patterns.find(['3'])).toBeUndefined();
  });

  it('keeps 14 answers of 9s apart from 13 and 15 (the largest exact number key, then text keys)', () => {
    const patterns = new AnswerPatterns<number>(10, 10);
    const nines = (n: number) => Array.from({ length: n }, () => '9');
    const eights = (n: number) => [...nines(n - 1), '8'];
    for (const n of [13, 14, 15]) {
      for (const [a, value] of [
        [nines(n), n * 10 + 9],
        [eights(n), n * 10 + 8],
      ] as const) {
        expect(patterns.find(a)).toBeUndefined();
        patterns.remember(value);
      }
    }
    for (const n of [13, 14, 15]) {
      expect(patterns.find(nines(n))).toBe(n * 10 + 9);
      expect(patterns.find(eights(n))).toBe(n * 10 + 8);
    }
    expect(patterns.size).toBe(6);
  });

  it('keys up to 14 answers by number (digits, or texts by code) and the rest by text, each to its capacity', () => {
    const patterns = new AnswerPatterns<string>(3, 1);
    const long = (a: string) => Array.from({ length: 15 }, () => a);
    for (const a of [['1'], ['没有'], ['2'], ['3'], long('1'), long('2')]) {
      patterns.find(a);
      patterns.remember(a.join(''));
    }
    expect([['1'], ['没有'], ['2'], ['3'], long('1'), long('2')].map((a) => patterns.find(a))).toEqual([
      '1',
      '没有',
      '2',
      undefined,
      '1'.repeat(15),
      undefined,
    ]);
  });

  it('tells apart texts at one item past the ten it codes, and the same text at two items', () => {
    const patterns = new AnswerPatterns<number>(1000);
    const texts = Array.from({ length: 12 }, (_, i) => `选项${i}`);
    const asked = [...texts.map((t) => [t, '有']), ...texts.map((t) => ['有', t])];
    asked.forEach((a, i) => {
      expect(patterns.find(a)).toBeUndefined();
      patterns.remember(i);
    });
    asked.forEach((a, i) => {
      expect(patterns.find(a)).toBe(i);
    });
  });
});

describe('readRow marks a rejected row urgent', () => {
  const phqA = INSTRUMENTS[0] as InstrumentDefinition;
  const person = ['2025001', '女', '14', '初一', '1班'];
  /** PHQ-A answers in item order (1–9, a–d) with `changes` by item id. */
  const row = (changes: Record<string, string>) => phqA.items.map((item) => changes[item.id] ?? '0');
  const read = (changes: Record<string, string>) => {
    const result = readRow({ line: 2, fields: [...person, ...row(changes)] }, context([phqA]));
    if (result.ok) throw new Error('expected a rejection');
    return result;
  };

  it.each([
    ['item 9 positive, item 1 unreadable', { '1': 'sometimes', '9': '3' }],
    ['item 9 unreadable itself', { '9': 'sometimes' }],
    ['item 1 out of range, item 9 and c, d blank', { '1': '5', '9': '', c: '', d: '' }],
    ['supplement c yes, item 2 out of range', { '2': '7', c: '1' }],
  ])('when a critical item of the same instrument is positive or unknown: %s', (_, changes) => {
    const rejection = read(changes);
    expect(rejection.issues.some((issue) => issue.instrument === 'phq-a')).toBe(true);
    expect(rejection.riskSignal).toBe(true);
  });

  it('not when every critical item was read and is negative', () => {
    expect(read({ '1': '5' }).riskSignal).toBe(false);
  });

  // The suicide screens have no critical items of their own: every item is one (a positive or unknown answer flags).
  const asq = INSTRUMENTS[4] as InstrumentDefinition;
  const cssrs = INSTRUMENTS[3] as InstrumentDefinition;
  const screen = (definition: InstrumentDefinition, answers: Record<string, string>, fill = '0') => {
    const fields = [...person, ...definition.items.map((item) => answers[item.id] ?? fill)];
    return readRow({ line: 2, fields }, context([definition]));
  };
  it.each([
    ['ASQ item 1 yes, item 5 unreadable', asq, { '1': '1', '5': 'x' }],
    ['ASQ item 1 unreadable', asq, { '1': 'x' }],
    ['ASQ item 4 unreadable, the rest no', asq, { '4': '?', '5': '' }],
    ['C-SSRS item 6 unreadable', cssrs, { '6': 'x' }],
    ['C-SSRS item 1 yes, item 2 unreadable', cssrs, { '1': '1', '2': 'x' }],
    // Out of the screen's flow, but a typo may hide a yes the engine counts (scales: error.flags).
    ['ASQ item 5 unreadable after four no', asq, { '5': '2' }],
    ['C-SSRS item 5 unreadable, the rest no', cssrs, { '5': '2' }],
  ])('when a suicide screen shows a positive or unreadable answer: %s', (_, definition, answers) => {
    const result = screen(definition, answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.some((issue) => issue.instrument === definition.id)).toBe(true);
    expect(result.riskSignal).toBe(true);
  });

  it('not when a suicide screen was read whole and is negative (its row rejected for something else)', () => {
    const fields = ['2025001', '?', ...person.slice(2), ...asq.items.map((item) => (item.id === '5' ? '' : '0'))];
    const result = readRow({ line: 2, fields }, context([asq]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.code)).toEqual(['IMPORT_SEX_INVALID']);
    expect(result.riskSignal).toBe(false);
  });

  it('when an ASQ row lost a cell and its item 1 column shows yes or is blank', () => {
    const answers = asq.items.map((item) => (item.id === '1' ? '1' : item.id === '5' ? '' : '0'));
    const short = readRow({ line: 2, fields: [...person, ...answers].slice(0, -1) }, context([asq]));
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.riskSignal).toBe(true);
  });

  it('when a row with a cell too few or too many shows a positive critical item in its column', () => {
    const fields = [...person, ...row({ '9': '3' })];
    const short = readRow({ line: 2, fields: fields.slice(0, -1) }, context([phqA]));
    const long = readRow({ line: 2, fields: [...fields, 'absent on Monday'] }, context([phqA]));
    const calm = readRow({ line: 2, fields: [...person, ...row({})].slice(0, -1) }, context([phqA]));
    for (const result of [short, long, calm]) expect(result.ok).toBe(false);
    if (short.ok || long.ok || calm.ok) return;
    expect(short.issues.map((i) => i.code)).toEqual(['IMPORT_FIELD_COUNT']);
    expect([short.riskSignal, long.riskSignal]).toEqual([true, true]);
    // Its last cell (supplement d, a critical item) lost: unknown, so urgent too.
    expect(calm.riskSignal).toBe(true);
    // An extra note after answers whose critical items are all 0: rejected, not urgent.
    const noted = readRow({ line: 2, fields: [...person, ...row({}), 'note'] }, context([phqA]));
    expect(noted.ok || noted.riskSignal).toBe(false);
  });

  // QA round 14: a name split by a comma (张,三) moves every answer one column right; item 9 = 3 then sits where
  // supplement a is read, and item 8's 0 where item 9 is.
  it('when a cell too many moves a positive critical item out of its column', () => {
    const phq9 = getInstrument('phq-9') as InstrumentDefinition;
    const answers = phq9.items.map((item) => (item.id === '9' ? '3' : '0'));
    // PHQ-9 item 9 is its last: moved past the header's width, its column reads item 8's 0.
    const split = readRow({ line: 2, fields: ['X', ...person, ...answers] }, context([phq9]));
    expect(split.ok).toBe(false);
    if (!split.ok) expect([split.issues[0]?.code, split.riskSignal]).toEqual(['IMPORT_FIELD_COUNT', true]);
    const calm = readRow({ line: 2, fields: ['X', ...person, ...answers.map(() => '0')] }, context([phq9]));
    expect(calm.ok || calm.riskSignal).toBe(false);
  });
});

describe('readRow on the header row repeated mid-file', () => {
  const sheet = INSTRUMENTS.slice(0, 2);
  const headerRow = () => {
    const m = mapping(sheet);
    const cells: string[] = [];
    for (const [, column] of Object.entries(m.person)) if (column) cells[column.index] = column.header;
    for (const { items } of m.instruments) for (const item of items) cells[item.index] = item.header;
    return cells;
  };

  it('skips it when it repeats every mapped header cell: a header row, not a rejection', () => {
    const result = readRow({ line: 30, fields: headerRow() }, context(sheet));
    expect(isHeaderRow(result)).toBe(true);
    if (!result.ok) expect(result.issues).toEqual([{ code: 'IMPORT_HEADER_ROW', expected: '' }]);
    expect(result.ok ? true : result.riskSignal).toBe(false);
    // Padded as a spreadsheet may pad it, still the header.
    expect(isHeaderRow(readRow({ line: 30, fields: headerRow().map((c) => ` ${c} `) }, context(sheet)))).toBe(true);
  });

  it.each([
    ['a person cell in other words', 1, 'gender'],
    ['a person cell blank', 3, ''],
    ['an answer in place of a later item header', 12, '0'],
  ])('rejects it with one issue, not one per column, when it repeats the header but %s', (_, index, cell) => {
    const fields = headerRow();
    fields[index] = cell;
    const result = readRow({ line: 30, fields }, context(sheet));
    expect(isHeaderRow(result)).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ code: 'IMPORT_HEADER_REPEATED', expected: '' }]);
  });

  // A hand-made sheet headed 1, 2, 3 … over the items, no id column: a student may answer 1 under the header 1.
  const numbered = (person: readonly ('sex' | 'age')[]): RowContext => {
    const phqA = INSTRUMENTS[0] as InstrumentDefinition;
    const base = context([phqA]);
    const sheetMapping: SheetMapping = {
      ...base.mapping,
      width: person.length + phqA.items.length,
      person: Object.fromEntries(
        person.map((field, i) => [field, { index: i, header: field === 'sex' ? '性别' : '年龄' }]),
      ),
      instruments: [
        {
          definition: phqA,
          items: phqA.items.map((item, i) => ({ index: person.length + i, header: String(i + 1), item: item.id })),
        },
      ],
    };
    return {
      ...base,
      mapping: sheetMapping,
      plans: instrumentPlans(sheetMapping, {}, paths),
      person: personReader(personSchema({ idRequired: false }), { idRequired: false }),
    };
  };

  it('tells a student who answered 1 under the header 1 from the header, in a sheet without an id column', () => {
    const sheetContext = numbered(['sex', 'age']);
    const student = readRow({ line: 9, fields: ['女', '13', '1', ...Array(12).fill('0')] }, sheetContext);
    expect(student.ok).toBe(true);
    const positive = readRow(
      { line: 9, fields: ['女', '13', '1', ...Array(7).fill('0'), '3', '0', '0', '0', '0'] },
      sheetContext,
    );
    expect(positive.ok).toBe(true);
    if (positive.ok) expect(positive.decision.level).not.toBe('R0');
    const header = readRow(
      { line: 9, fields: ['性别', '年龄', ...Array.from({ length: 13 }, (_, i) => String(i + 1))] },
      sheetContext,
    );
    expect(isHeaderRow(header)).toBe(true);
  });

  it('never skips a row of numbers under headers that are all numbers: nothing tells it from answers', () => {
    const sheetContext = numbered([]);
    const row = readRow({ line: 9, fields: Array.from({ length: 13 }, (_, i) => String(i + 1)) }, sheetContext);
    expect(isHeaderRow(row)).toBe(false);
  });

  // A second class pasted below with its own header: other words than this file's, and no answer in it.
  const itemsAs = (name: (item: string, n: number) => string) =>
    sheet.flatMap((d) => d.items.map((item, n) => name(item.id, n + 1)));
  it.each([
    ['学号, 性别 … and Q1 …', ['学号', '性别', '年龄', '年级', '班级'], itemsAs((id) => `Q${id}`)],
    ['student_id … and PHQ-A 1 …', ['student_id', 'sex', 'age', 'grade', 'class'], itemsAs((id) => `PHQ-A ${id}`)],
    ['question texts', ['学号', '性别', '年龄', '年级', '班级'], itemsAs((_, n) => `${n}. 在过去两周内的感受`)],
    ['its person headers only, item headers elsewhere', ['学号', '性别', '年龄', '年级', '班级'], itemsAs(() => '')],
  ])('rejects a header in other words (%s) as a repeated header, never an urgent student', (_, person, items) => {
    const result = readRow({ line: 30, fields: [...person, ...items] }, context(sheet));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([{ code: 'IMPORT_HEADER_REPEATED', expected: '' }]);
    expect(result.riskSignal).toBe(false);
  });

  it.each([
    ['more columns (PHQA_a, PHQA_b added)', ['extra 1', 'extra 2']],
    ['fewer columns (the last items left out)', []],
  ])('takes a header with %s for a header to map, not a row of the wrong width', (what, extra) => {
    const items = itemsAs((id) => `Q${id}`);
    const fields = [
      ...['学号', '性别', '年龄', '年级', '班级'],
      ...(extra.length > 0 ? [...items, ...extra] : items.slice(0, -3)),
    ];
    const result = readRow({ line: 30, fields }, context(sheet));
    expect(isHeaderAgain(result), what).toBe(true);
    expect(result.ok ? true : result.riskSignal).toBe(false);
  });

  it.each([
    ['the header again', () => headerRow(), 'repeat'],
    [
      'a header in other words',
      () => [...['学号', '性别', '年龄', '年级', '班级'], ...itemsAs((id) => `Q${id}`)],
      'again',
    ],
    ['a header with more columns', () => [...headerRow(), 'PHQA_a'], 'again'],
    ['a student row', () => ['2025001', '女', '13', '初一', '1班', ...itemsAs(() => '0')], undefined],
    [
      'a student row with a header word (学号 typed into the id box)',
      () => ['学号', '女', '13', '初一', '1班', ...itemsAs(() => '1')],
      undefined,
    ],
    // Person columns named, or each item cell a different item: a header whatever its items read as (QA round 12).
    [
      'a header of bare item numbers in another order',
      () => [
        ...['学号', '性别', '年龄', '年级', '班级'],
        ...sheet.flatMap((d) => d.items.map((_, n) => d.items[(n + 1) % d.items.length]?.id ?? '')),
      ],
      'again',
    ],
    ['a header of item numbers, no other person word', () => ['学号', '', '', '', '', ...itemsAs((id) => id)], 'again'],
    // QA round 14: the other header puts 学号 in another person column (姓名,学号,…).
    [
      'a header of bare item numbers with 学号 in another column',
      () => [
        ...['年龄', '学号', '', '', ''],
        ...sheet.flatMap((d) => d.items.map((_, n) => d.items[(n + 1) % d.items.length]?.id ?? '')),
      ],
      'again',
    ],
    // An absent student who typed 学号 into the id box: one header word is no header.
    [
      'a row without answers whose id is 学号',
      () => ['学号', '女', '13', '初一', '1班', ...itemsAs(() => '')],
      undefined,
    ],
    // QA round 13: person words alone make no header (a class written （3）班 reads as the word 班).
    [
      'a student without a readable answer, class （3）班',
      () => ['2025001', '女', '13', '初一', '（3）班', ...itemsAs(() => 'x')],
      undefined,
    ],
    [
      'a student who typed 学号 and 性别, class （3）班',
      () => ['学号？', '性别', '13', '初一', '（3）班', ...itemsAs(() => '1')],
      undefined,
    ],
  ])('tells %s as readRow does, without reading it (headerKind)', (_, fields, kind) => {
    expect(headerKind(fields(), context(sheet))).toBe(kind);
  });

  it('keeps a student row of the wrong width a student row (IMPORT_FIELD_COUNT), whatever words it holds', () => {
    const answers = itemsAs((id) => (id === '1' ? '2' : `Q${id}`));
    const result = readRow({ line: 30, fields: ['学号', '女', '13', '初一', '1班', ...answers, 'x'] }, context(sheet));
    expect(isHeaderAgain(result)).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(['IMPORT_FIELD_COUNT']);
  });

  it('keeps a student whose answers are option texts (没有或很少时间) a student, with its own issues', () => {
    const sds = getInstrument('sds') as InstrumentDefinition;
    const answers = sds.items.map((_, n) => (n === 3 ? '说不清' : '没有或很少时间'));
    const result = readRow({ line: 30, fields: ['2025001', '女', '13', '初一', '1班', ...answers] }, context([sds]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(['SCALES_UNKNOWN_LABEL']);
  });

  it('keeps a row with a header word but a valid answer a student row', () => {
    const answers = itemsAs((id) => (id === '1' ? '2' : `Q${id}`));
    const result = readRow({ line: 30, fields: ['学号', '女', '13', '初一', '1班', ...answers] }, context(sheet));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).not.toContain('IMPORT_HEADER_REPEATED');
  });

  it('is not a row with a student id in the id column: that row gets its own issues', () => {
    const cells = headerRow();
    cells[0] = '2025001';
    const result = readRow({ line: 30, fields: cells }, context(sheet));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).not.toContain('IMPORT_HEADER_REPEATED');
  });
});

describe('readRow on formulas saved without their value', () => {
  const phqA = INSTRUMENTS[0] as InstrumentDefinition;
  it('rejects them in person columns as what they are, with no second issue for the same cell', () => {
    const answers = phqA.items.map(() => '0');
    const result = readRow(
      { line: 2, fields: ['="2025"&"001"', '=IF(A1,"男","女")', '13', '初一', '="1班"', ...answers] },
      context([phqA]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.column?.index])).toEqual([
      ['IMPORT_CELL_FORMULA', 0],
      ['IMPORT_CELL_FORMULA', 1],
      ['IMPORT_CELL_FORMULA', 4],
    ]);
  });
});

describe('readRow on a statistics row under the students (合计, 平均分, 最高分 …)', () => {
  const phqA = INSTRUMENTS.slice(0, 1);
  const width = PERSON.length + (phqA[0]?.items.length ?? 0);
  it.each([
    // 最高分 of a class where one student answered item 9: read as a student, an R3.
    ['最高分', ['最高分', '', '', '', '', '2', '3', '3', '2', '2', '1', '1', '1', '1', '0', '0']],
    // 合计 sums past the options: read as a student, out of range and urgent.
    ['合计', ['合计', '', '', '', '', '4', '5', '7', '3', '4', '1', '1', '1', '1', '0', '0']],
    ['平均分, cells trimmed off the end', ['平均分', '', '', '', '', '0.67', '0.83', '1.17']],
  ])('sets %s aside: one issue, never scored, never urgent', (_, fields) => {
    expect(fields.length).toBeLessThanOrEqual(width);
    const result = readRow({ line: 9, fields }, context(phqA));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([{ code: 'IMPORT_SUMMARY_ROW', expected: '' }]);
    expect(result.riskSignal).toBe(false);
  });

  it('sets aside a labelled row whose words are no option (N/A, —): statistics with nothing to show', () => {
    const fields = ['平均分', '', '', '', '', 'N/A', '—', '0.5', '1', '1', '1', '1', '1', '1', '0', '0'];
    const result = readRow({ line: 9, fields }, context(phqA));
    expect(!result.ok && result.issues).toEqual([{ code: 'IMPORT_SUMMARY_ROW', expected: '' }]);
  });

  it.each([
    [
      'SD',
      [
        'SD',
        '女',
        '14',
        '初二',
        '1班',
        '好几天',
        '好几天',
        '完全不会',
        '完全不会',
        '好几天',
        '没有',
        '没有',
        '没有',
        '几乎每天',
        '',
        '',
        '',
        '',
      ],
    ],
    [
      'Total, numbers but one word',
      ['Total', '', '', '', '', '1', '1', '0', '0', '1', '0', '0', '0', '几乎每天', '', '', '', ''],
    ],
  ])('reads a row labelled %s whose answers are option words as a student (statistics are numbers)', (_, fields) => {
    const result = readRow({ line: 9, fields }, context(phqA));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Item 9 "nearly every day": the student is found, not set aside.
    expect(result.decision.level).toBe('R3');
  });
});

describe('readRow on cells merged across columns (a class title, a note across the answers)', () => {
  const phqA = INSTRUMENTS[0] as InstrumentDefinition;
  const gad7 = INSTRUMENTS[1] as InstrumentDefinition;
  const asq = INSTRUMENTS[4] as InstrumentDefinition;
  const person = ['2025001', '女', '14', '初一', '1班'];
  const width = PERSON.length + phqA.items.length;
  const across = (first: number, last: number) => [{ first, last }];
  /** The row as the workbook reader gives it: the merged range's text in each of its cells. */
  const merged = (fields: readonly string[], first: number, last: number, text: string) =>
    fields.map((f, i) => (i >= first && i <= last ? text : f));
  const read = (fields: readonly string[], spans?: { first: number; last: number }[], defs = [phqA]) =>
    readRow({ line: 6, fields, ...(spans ? { merged: spans } : {}) }, context(defs));
  const codes = (result: ReturnType<typeof readRow>) => (result.ok ? [] : result.issues.map((i) => i.code));

  it.each<[string, readonly string[], { first: number; last: number }[]]>([
    ['a class title across the whole table', Array(width).fill('初一(2)班'), across(0, width - 1)],
    ['a title across the person columns only', Array(PERSON.length).fill('初一(2)班'), across(0, PERSON.length - 1)],
    [
      'a title across the table, past the last column',
      Array(width + 3).fill('某某中学 2025 年春季筛查'),
      across(0, width + 2),
    ],
    ['a title with blanks left of it', ['', '', ...Array(width - 2).fill('初一(2)班')], across(2, width - 1)],
  ])('sets aside %s: one issue, never scored, never urgent', (_, fields, spans) => {
    const result = read(fields, spans);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([{ code: 'IMPORT_TITLE_ROW', expected: '' }]);
    expect(result.riskSignal).toBe(false);
  });

  it('reads the same text typed in every cell (no merged range, as in a CSV) as before: rejected, urgent', () => {
    const result = read(Array(width).fill('初一(2)班'));
    expect(codes(result)).not.toContain('IMPORT_TITLE_ROW');
    expect(codes(result)).toContain('SCALES_UNKNOWN_LABEL');
    expect(result.ok ? false : result.riskSignal).toBe(true);
  });

  it.each<[string, string, InstrumentDefinition]>([
    ['a number (an id, an age, an answer)', '1', phqA],
    ['a number with a fraction', '2.5', phqA],
    ['an answer its items read (是)', '是', asq],
    ['a refusal its items read (拒答)', '拒答', asq],
    ['a label its items read (完全不会)', '完全不会', gad7],
  ])('never sets aside a merged text that is %s: the row is read as a student', (_, text, definition) => {
    const w = PERSON.length + definition.items.length;
    const result = read(Array(w).fill(text), across(0, w - 1), [definition]);
    expect(codes(result)).not.toContain('IMPORT_TITLE_ROW');
    expect(codes(result)).not.toContain('IMPORT_NO_ANSWERS');
  });

  it('reads a student row with cells merged in it (grade and class, a note across two items) as a student', () => {
    const answers = phqA.items.map(() => '0');
    const result = read(merged([...person, ...answers], 3, 4, '初一1班'), across(3, 4));
    expect(result.ok).toBe(true);
    const zeros = read([...person, ...answers], across(PERSON.length, PERSON.length + 1));
    expect(zeros.ok).toBe(true);
  });

  it.each(['缺考', '请假', '缺席', '未参加'])(
    'reads %s merged across every answer cell as no answers: IMPORT_NO_ANSWERS, not urgent',
    (note) => {
      const result = read([...person, ...phqA.items.map(() => note)], across(PERSON.length, width - 1));
      expect(codes(result)).toEqual(['IMPORT_NO_ANSWERS']);
      expect(result.ok ? true : result.riskSignal).toBe(false);
    },
  );

  it('reads a note merged across some answers, the rest blank, as no answers too', () => {
    const answers = phqA.items.map((_, i) => (i < 9 ? '缺考' : ''));
    const result = read([...person, ...answers], across(PERSON.length, PERSON.length + 8));
    expect(codes(result)).toEqual(['IMPORT_NO_ANSWERS']);
  });

  it('still rejects as urgent a note merged across some answers beside an answered critical item', () => {
    // Items 1–9 merged 缺考, supplement c answered yes: an answer, and a positive one.
    const answers = phqA.items.map((item, i) => (i < 9 ? '缺考' : item.id === 'c' ? '1' : '0'));
    const result = read([...person, ...answers], across(PERSON.length, PERSON.length + 8));
    expect(codes(result)).toContain('SCALES_UNKNOWN_LABEL');
    expect(result.ok ? false : result.riskSignal).toBe(true);
  });

  it('reads a student row the same whatever runs of its equal cells the workbook merged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('0', '1', '3', '完全不会', '几乎每天', '缺考', ''), {
          minLength: gad7.items.length,
          maxLength: gad7.items.length,
        }),
        fc.constantFrom('2025001', ''),
        (answers, id) => {
          const fields = [id, '女', '14', '初一', '初一', ...answers];
          // Every run of two or more equal cells, as merged ranges: the cells read the same, merged or not.
          const spans: { first: number; last: number }[] = [];
          for (let first = 0; first < fields.length; ) {
            let last = first;
            while (fields[last + 1] === fields[first]) last++;
            if (last > first && fields[first] !== '') spans.push({ first, last });
            first = last + 1;
          }
          const plain = read(fields, undefined, [gad7]);
          const withSpans = read(fields, spans, [gad7]);
          expect(codes(withSpans)).not.toContain('IMPORT_TITLE_ROW');
          // Unless the only thing in the answers is one merged note (缺考): then no answers, as the test above.
          if (plain.ok || answers.some((a) => a !== '缺考' && a !== '')) {
            expect({ ...withSpans, record: null }).toEqual({ ...plain, record: null });
          }
        },
      ),
    );
  });
});

describe('readRow on a word for absence in the first answer cell, the rest blank (a merged note saved as CSV)', () => {
  const phqA = INSTRUMENTS[0] as InstrumentDefinition;
  const gad7 = INSTRUMENTS[1] as InstrumentDefinition;
  const person = ['2025003', '男', '13', '初一', '1班'];
  const read = (answers: readonly string[], defs = [phqA]) =>
    readRow({ line: 5, fields: [...person, ...answers] }, context(defs));
  const codes = (result: ReturnType<typeof readRow>) => (result.ok ? [] : result.issues.map((i) => i.code));
  const firstOnly = (text: string, n = phqA.items.length) => [text, ...Array(n - 1).fill('')];

  it.each([
    '缺考',
    '缺席',
    '请假',
    '未参加',
    '病假',
    '（缺考）',
    ' 缺考 ',
    '請假',
    '未參加',
    'absent',
    'Absent.',
    'on leave',
  ])('reads %s as no answers: IMPORT_NO_ANSWERS, not urgent', (word) => {
    const result = read(firstOnly(word));
    expect(codes(result)).toEqual(['IMPORT_NO_ANSWERS']);
    expect(result.ok ? true : result.riskSignal).toBe(false);
  });

  it('across two instruments, the word before the first and every other answer blank', () => {
    const n = phqA.items.length + gad7.items.length;
    expect(codes(read(firstOnly('缺考', n), [phqA, gad7]))).toEqual(['IMPORT_NO_ANSWERS']);
  });

  it.each<[string, readonly string[]]>([
    ['the word and an answer beside it', ['缺考', '1', ...Array(11).fill('')]],
    ['the word and a critical item answered 0', ['缺考', ...Array(7).fill(''), '0', '', '', '', '']],
    ['one answer (item 1), the critical items blank', ['2', ...Array(12).fill('')]],
    ['another text in the first cell (a mistyped answer?)', ['有时', ...Array(12).fill('')]],
    ['a word for absence in another cell than the first', ['', '缺考', ...Array(11).fill('')]],
  ])('keeps a row with %s a student, urgent: critical items are never imputed', (_, answers) => {
    const result = read(answers);
    expect(codes(result)).not.toContain('IMPORT_NO_ANSWERS');
    // Scored, its blank critical items flag as unknown and raise the level; or rejected and marked urgent.
    if (result.ok) {
      expect(result.scores[0]?.value.flags.map((f) => f.status)).toContain('unknown');
      expect(['R3', 'R4']).toContain(result.decision.level);
    } else expect(result.riskSignal).toBe(true);
  });
});

// Rows no header is known to read: above the sheet's header, or under one in the middle that does not map.
describe('rows read by no header', () => {
  const phqA = INSTRUMENTS[0] as InstrumentDefinition;
  const row = (item9: string) => [
    '2025001',
    '女',
    '14',
    '初二',
    '1班',
    ...'11111111'.split(''),
    item9,
    '0',
    '0',
    '0',
    '0',
  ];

  it.each([
    ['item 9 positive', '3', true],
    ['item 9 blank', '', true],
    ['item 9 zero', '0', false],
  ])(
    'rejects a student row above the header (IMPORT_ABOVE_HEADER), urgent by its critical cells: %s',
    (_, item9, urgent) => {
      const result = aboveHeader({ line: 1, fields: row(item9) }, context([phqA]), 3);
      expect(result.issues).toEqual([{ code: 'IMPORT_ABOVE_HEADER', expected: '3' }]);
      expect(result.riskSignal).toBe(urgent);
    },
  );

  it('rejects a row under a header that does not map as urgent: nothing says where its critical items are', () => {
    const result = underUnmappedHeader({ line: 9, fields: row('0') }, 5, null);
    expect(result.issues).toEqual([{ code: 'IMPORT_UNDER_UNMAPPED_HEADER', expected: '5' }]);
    expect(result.riskSignal).toBe(true);
  });

  it.each([
    ['3', true],
    ['0', false],
  ])('reads the critical items by that header where it maps other instruments (item 9 = %s)', (item9, urgent) => {
    // The file holds other instruments; the header on line 5 holds PHQ-A, whose item 9 is where its own columns say.
    const result = underUnmappedHeader({ line: 9, fields: row(item9) }, 5, context([phqA]));
    expect(result.riskSignal).toBe(urgent);
  });
});
