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
      error: { instrument: 'phq-9', issues: [{ code: 'SCALES_ITEM_COUNT', expected: '9–10', received }] },
    });
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
