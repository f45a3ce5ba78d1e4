import { describe, expect, it } from 'vitest';
import { parseAnswersFlag } from './answers-flag.ts';

describe('parseAnswersFlag', () => {
  it.each([
    ['1,2,0', ['1', '2', '0']],
    ['1,,0', ['1', null, '0']],
    [' 1 , 好几天 ,', ['1', '好几天', null]],
    ['1，2、3', ['1', '2', '3']],
    ['', [null]],
  ])('%j → %j', (input, entries) => {
    expect(parseAnswersFlag(input)).toEqual(entries);
  });
});
