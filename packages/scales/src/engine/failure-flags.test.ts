import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../definition/schema.ts';
import { getInstrument, instruments } from '../registry.ts';
import { scoreInstrument } from './score.ts';
import type { Answers, ScoreOptions } from './types.ts';

// A typo on one item must not hide an endorsed suicide item: item 9 ≥ 1 needs evaluation whatever else the form holds
// (Kroenke, Spitzer & Williams 2001). The failure carries the flags of the answers read; an unreadable one is unknown.
function instrument(id: string): InstrumentDefinition {
  const def = getInstrument(id);
  if (!def) throw new Error(`${id} missing from the registry`);
  return def;
}

const zeros = (n: number) => Array<number>(n).fill(0);
const ones = (n: number) => Array<number>(n).fill(1);
const at = (list: unknown[], position: number, value: unknown) => list.map((v, i) => (i === position ? value : v));

function failureFlags(id: string, answers: unknown, options?: unknown): string[] {
  const r = scoreInstrument(instrument(id), answers as Answers, options as ScoreOptions);
  if (r.ok) throw new Error(`${id}: expected a failure`);
  return r.error.flags.map((f) => `${f.id}@${f.item}:${f.status}`);
}

describe('a failed scoring still carries the critical flags', () => {
  it.each([
    ['phq-9', 'typo on 1, item 9 = 3', [4, 0, 0, 0, 0, 0, 0, 0, 3], ['self-harm-thoughts@9:positive']],
    ['phq-9', 'typo on 1, item 9 = 0', [4, 0, 0, 0, 0, 0, 0, 0, 0], []],
    ['phq-9', 'typo on 1, item 9 blank', [4, 0, 0, 0, 0, 0, 0, 0, null], ['self-harm-thoughts@9:unknown']],
    ['phq-9', 'item 9 itself unreadable', [0, 0, 0, 0, 0, 0, 0, 0, '有时'], ['self-harm-thoughts@9:unknown']],
    ['phq-9', 'item 9 NaN', [0, 0, 0, 0, 0, 0, 0, 0, Number.NaN], ['self-harm-thoughts@9:unknown']],
    ['phq-9', 'keyed, an unknown key beside 9 = 2', { '1': 0, x: 1, '9': 2 }, ['self-harm-thoughts@9:positive']],
    ['phq-9', 'wrong count: no answer can be placed', [0, 0, 3], ['self-harm-thoughts@9:unknown']],
    [
      'phq-a',
      'unknown label on 1, c = yes',
      { '1': '有时候', '9': 0, c: 1, d: 0 },
      ['serious-suicidal-ideation@c:positive'],
    ],
    ['sds', 'typo on 1, item 19 = 4', at(at(ones(20), 0, 5), 18, 4), ['better-off-dead@19:positive']],
    [
      'cesd-r',
      'typo on 1, 14 = 2, 15 blank',
      at(at(at(zeros(20), 0, 7), 13, 2), 14, null),
      ['cesd-r-death-wish@14:positive', 'cesd-r-self-harm@15:unknown'],
    ],
    ['scl-90', 'typo on 1, 59 = 3', at(at(ones(90), 0, 0), 58, 3), ['scl-90-death@59:positive']],
    ['asq', 'yes on 1, 5 unreadable', [1, 0, 0, 0, 'x'], ['asq-endorsed@1:positive', 'asq-acuity-unknown@5:unknown']],
    ['asq', 'four no, 5 unreadable', [0, 0, 0, 0, 'x'], ['asq-unanswered@5:unknown']],
    ['asq', '1 unreadable, the rest no', ['x', 0, 0, 0], ['asq-unanswered@1:unknown']],
    ['cssrs-screener', '6 no, 6b unreadable', [0, 0, null, null, null, 0, 'x'], ['cssrs-unanswered@6b:unknown']],
    [
      'cssrs-screener',
      '4 yes, 6 unreadable',
      [1, 1, 0, 1, 0, 'x', null],
      [
        'cssrs-endorsed@1:positive',
        'cssrs-endorsed@2:positive',
        'cssrs-endorsed@4:positive',
        'cssrs-unanswered@6:unknown',
      ],
    ],
  ])('%s, %s', (id, _case, answers, flags) => {
    expect(failureFlags(id, answers)).toEqual(flags);
  });

  it.each([
    ['a refused option, the coding known', { prorate: 'no' }, ['self-harm-thoughts@9:positive']],
    [
      'a zero-based coding with a refused option',
      { coding: 'zero-based', prorate: 'no' },
      ['self-harm-thoughts@9:positive'],
    ],
    ['an unknown coding: no answer can be placed', { coding: 'weird' }, ['self-harm-thoughts@9:unknown']],
  ])('PHQ-9 item 9 = 3 with %s', (_case, options, flags) => {
    expect(failureFlags('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 3], options)).toEqual(flags);
  });

  it('an instrument without critical items fails with no flags', () => {
    expect(failureFlags('gad-7', [4, 0, 0, 0, 0, 0, 0])).toEqual([]);
  });

  // Property: a typo on a non-critical item leaves the flags as the form without it would have them.
  const sums = instruments.filter((d) => d.scoring === 'sum' && (d.critical?.length ?? 0) > 0);
  it.each(sums.map((d) => [d.id, d] as const))('%s: a typo elsewhere keeps the flags of the valid form', (_id, def) => {
    const critical = new Set(def.critical?.map((c) => c.item));
    const others = def.items.map((item, i) => [item, i] as const).filter(([item]) => !critical.has(item.id));
    fc.assert(
      fc.property(
        fc.tuple(...def.items.map((item) => fc.constantFrom<number | null>(null, ...optionValues(def, item)))),
        fc.constantFrom(...others.map(([, i]) => i)),
        (answers, typo) => {
          const valid = scoreInstrument(def, answers);
          if (!valid.ok) return;
          const failed = scoreInstrument(def, at(answers, typo, 99) as Answers);
          expect(failed.ok).toBe(false);
          if (!failed.ok) expect(failed.error.flags).toEqual(valid.value.flags);
        },
      ),
      { numRuns: 50 },
    );
  });
});

function optionValues(def: InstrumentDefinition, item: InstrumentDefinition['items'][number]): number[] {
  return (item.options ?? def.options).map((o) => o.value);
}
