import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../definition/schema.ts';
import { getInstrument } from '../registry.ts';
import { scoreInstrument } from './score.ts';

const instrument = (id: string) => getInstrument(id) as InstrumentDefinition;

/** 腾讯问卷 and 金数据 write the option letter before its text: `A.没有`, `B、很轻`. */
describe('an option text after its letter', () => {
  it.each([
    ['A.没有', 1],
    ['B、很轻', 2],
    ['(C)中等', 3],
    ['Ｄ．偏重', 4],
    ['E: 严重', 5],
    ['（E）嚴重', 5],
  ])('SCL-90 %j reads as its text: %d', (answer, value) => {
    const answers = Array.from({ length: 90 }, (_, i) => (i === 0 ? answer : '1'));
    const result = scoreInstrument(instrument('scl-90'), answers);
    expect(result.ok && result.value.total).toBe(89 + value);
  });

  it('reads the text whatever the letter: a platform may show 是 first (A.是), the option order here has 否 first', () => {
    const asq = instrument('asq');
    const result = scoreInstrument(asq, ['A.是', 'B.否', 'B.否', 'B.否', 'B.否']);
    expect(result.ok && result.value.flags.map((f) => [f.id, f.item])).toEqual([['asq-endorsed', '1']]);
  });

  it.each([['A.3'], ['A'], ['A.很多'], ['AB.没有']])('rejects %j: a letter before no option text', (answer) => {
    const answers = Array.from({ length: 90 }, (_, i) => (i === 0 ? answer : '1'));
    const result = scoreInstrument(instrument('scl-90'), answers);
    expect(!result.ok && result.error.issues.map((i) => i.code)).toEqual(['SCALES_UNKNOWN_LABEL']);
  });
});
