import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getInstrument, instruments } from '../registry.ts';
import { scoreInstrument } from './score.ts';
import type { Answers, ScoreOptions } from './types.ts';

// The README's promise: bad input gives a value, never an exception. JSON is where null options and answers come from.
const phq9 = getInstrument('phq-9');
if (!phq9) throw new Error('phq-9 missing from the registry');
const ANSWERS = [0, 1, 2, 1, 0, 0, 1, 0, 1];

describe('scoreInstrument on bad input', () => {
  it('takes null options as none, like undefined', () => {
    const none = scoreInstrument(phq9, ANSWERS);
    expect(scoreInstrument(phq9, ANSWERS, null)).toEqual(none);
    expect(scoreInstrument(phq9, ANSWERS, JSON.parse('{"bandSet":null,"coding":null,"prorate":null}'))).toEqual(none);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['number', 9],
    ['string', '0,1,2,1,0,0,1,0,1'],
    ['boolean', true],
  ])('answers that are %s: SCALES_ITEM_COUNT, not an exception', (received, answers) => {
    expect(scoreInstrument(phq9, answers as unknown as Answers)).toEqual({
      ok: false,
      error: {
        instrument: 'phq-9',
        issues: [{ code: 'SCALES_ITEM_COUNT', expected: '9–10', received }],
        flags: [expect.objectContaining({ item: '9', status: 'unknown' })],
      },
    });
  });

  // Item 9 is 1 in ANSWERS: the failure still says so, unless the coding is unknown and no answer can be placed.
  it.each([
    [{ coding: 'weird' }, 'coding', 'native, zero-based, one-based', 'weird', 'unknown'],
    [{ coding: 1 }, 'coding', 'native, zero-based, one-based', 'number', 'unknown'],
    [{ prorationRounding: 'round' }, 'prorationRounding', 'half-up, truncate, half-even, none', 'round', 'positive'],
    [{ indexRounding: 'HALF-UP' }, 'indexRounding', 'half-up, truncate, half-even, none', 'HALF-UP', 'positive'],
    [{ prorate: 'no' }, 'prorate', 'true, false', 'no', 'positive'],
    [{ includeItems: 1 }, 'includeItems', 'true, false', 'number', 'positive'],
    [{ bandSet: ['kroenke-2001'] }, 'bandSet', 'kroenke-2001', 'array', 'positive'],
    [
      'zero-based',
      '',
      'coding, bandSet, indexRounding, prorationRounding, prorate, includeItems',
      'zero-based',
      'unknown',
    ],
    [[], '', 'coding, bandSet, indexRounding, prorationRounding, prorate, includeItems', 'array', 'unknown'],
  ])('options %j: SCALES_INVALID_OPTION naming %j, never the default', (options, option, expected, received, item9) => {
    expect(scoreInstrument(phq9, ANSWERS, options as unknown as ScoreOptions)).toEqual({
      ok: false,
      error: {
        instrument: 'phq-9',
        issues: [{ code: 'SCALES_INVALID_OPTION', option, expected, received }],
        flags: [expect.objectContaining({ id: 'self-harm-thoughts', item: '9', status: item9 })],
      },
    });
  });

  it('names every wrong option at once, with the bad answers left for after', () => {
    const r = scoreInstrument(phq9, [9], { coding: 'x', prorate: 0 } as unknown as ScoreOptions);
    expect(r.ok ? [] : r.error.issues.map((i) => [i.code, i.option])).toEqual([
      ['SCALES_INVALID_OPTION', 'coding'],
      ['SCALES_INVALID_OPTION', 'prorate'],
    ]);
  });

  it('takes an empty-string or null band set as the default, on subscales too', () => {
    const dass = getInstrument('dass-21');
    if (!dass) throw new Error('dass-21 missing from the registry');
    const answers = Array(21).fill(2);
    const none = scoreInstrument(dass, answers);
    expect(none.ok).toBe(true);
    expect(scoreInstrument(dass, answers, { bandSet: '' })).toEqual(none);
    expect(scoreInstrument(dass, answers, JSON.parse('{"bandSet":null}'))).toEqual(none);
  });

  it('never throws, whatever JSON comes as answers or options', () => {
    fc.assert(
      fc.property(
        // Arrays of the right length too, so that each answer's reader is reached, not only the count check.
        fc
          .constantFrom(...instruments)
          .chain((def) =>
            fc.tuple(
              fc.constant(def),
              fc.oneof(
                fc.jsonValue({ maxDepth: 2 }),
                fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: def.items.length, maxLength: def.items.length }),
              ),
            ),
          ),
        fc.jsonValue({ maxDepth: 2 }),
        ([def, answers], options) => {
          expect(() => scoreInstrument(def, answers as Answers, options as ScoreOptions)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });

  // Blanks are null, undefined and '' only: a NaN from a failed parse must not be prorated as one.
  it.each([
    [Number.NaN, 'NaN', undefined],
    [Number.POSITIVE_INFINITY, 'Infinity', undefined],
    [Number.NEGATIVE_INFINITY, '-Infinity', undefined],
    [Number.NaN, 'NaN', 'one-based' as const],
  ])('an answer of %s is SCALES_ITEM_OUT_OF_RANGE, not a blank', (answer, received, coding) => {
    const answers = coding ? [2, 2, answer, 2, 2, 2, 2, 2, 1] : [1, 1, answer, 1, 1, 1, 1, 1, 0];
    const r = scoreInstrument(phq9, answers, coding ? { coding } : undefined);
    expect(r.ok ? [] : r.error.issues).toEqual([
      {
        code: 'SCALES_ITEM_OUT_OF_RANGE',
        item: '3',
        expected: coding ? '1–4' : '0–3',
        received,
        ...(coding ? { coding } : {}),
      },
    ]);
  });

  it('four NaN answers to the CES-D are refused, not prorated to a positive screen', () => {
    const cesd = getInstrument('cesd');
    if (!cesd) throw new Error('cesd missing from the registry');
    const nan = Number.NaN;
    const r = scoreInstrument(cesd, [1, 1, nan, nan, nan, nan, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r.ok ? [] : r.error.issues.map((i) => [i.code, i.item])).toEqual(
      ['3', '4', '5', '6'].map((item) => ['SCALES_ITEM_OUT_OF_RANGE', item]),
    );
  });

  it('an answer that is neither a number, a string nor blank is SCALES_UNKNOWN_LABEL for its item', () => {
    const r = scoreInstrument(phq9, { '1': true, '2': { value: 1 }, '3': [2] } as unknown as Answers);
    expect(r.ok ? [] : r.error.issues.map((i) => [i.code, i.item, i.received])).toEqual([
      ['SCALES_UNKNOWN_LABEL', '1', 'boolean'],
      ['SCALES_UNKNOWN_LABEL', '2', 'object'],
      ['SCALES_UNKNOWN_LABEL', '3', 'object'],
    ]);
  });
});

describe('getInstrument on bad input', () => {
  it.each([null, undefined, 9, {}])('%j: undefined', (id) => {
    expect(getInstrument(id as unknown as string)).toBeUndefined();
  });
});
