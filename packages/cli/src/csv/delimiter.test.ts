import { describe, expect, it } from 'vitest';
import { headerDelimiter } from './delimiter.ts';

describe('headerDelimiter', () => {
  it.each([
    ['a,b\n', false, ','],
    ['a\tb\tc\r\n', false, '\t'],
    ['a;b;c\r', false, ';'],
    ['a|b|c', true, '|'],
    ['a|b|c', false, undefined],
    ['"a\nb";c;d\n', false, ';'],
    ['"a\nb;c;d', false, undefined],
    ['\n\t\t\n', false, undefined],
    ['\n\t\t\n', true, ','],
    ['\t\t\na;b\n', false, ';'],
    ['a;b,c|d\n', false, ','],
    ['', true, ','],
  ])('%j (final: %s) → %j', (text, final, delimiter) => {
    expect(headerDelimiter(text, final)).toBe(delimiter);
  });
});
