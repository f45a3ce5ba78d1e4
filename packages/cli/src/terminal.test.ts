import { describe, expect, it } from 'vitest';
import { colorEnabled, displayWidth, formatTable, paint, printable } from './terminal.ts';

describe('colorEnabled', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ])('tty=%s env=%j → %s', (isTTY, env, enabled) => {
    expect(colorEnabled({ isTTY }, env)).toBe(enabled);
  });
});

describe('printable', () => {
  const ESC = String.fromCharCode(27);
  it('turns control characters a cell may hold into U+FFFD, keeping line breaks and tabs', () => {
    expect(printable(`7-1${ESC}[2J\r\u0007\u009b`)).toBe('7-1\uFFFD[2J\uFFFD\uFFFD\uFFFD');
    expect(printable(`a\tb\n${ESC}[31mR3${ESC}[39m`)).toBe(`a\tb\n\uFFFD[31mR3\uFFFD[39m`);
  });

  it('with colour, keeps only the codes paint writes: concealed or black-on-black text from a cell never passes', () => {
    const own =
      paint(true, 'red', 'R3') + paint(true, 'bold', 'x') + paint(true, 'dim', 'y') + paint(true, 'yellow', 'z');
    expect(printable(own, true)).toBe(own);
    expect(printable(`7-1${ESC}[8;30;40m next`, true)).toBe('7-1\uFFFD[8;30;40m next');
    expect(printable(`${ESC}[8m${ESC}[0m${ESC}[2J`, true)).toBe('\uFFFD[8m\uFFFD[0m\uFFFD[2J');
  });
});

describe('tables', () => {
  it('counts Chinese characters as two columns and colour codes as none', () => {
    expect(displayWidth('学号1')).toBe(5);
    expect(displayWidth(paint(true, 'red', 'ab'))).toBe(2);
  });

  it('aligns columns', () => {
    expect(
      formatTable([
        ['行', 'x'],
        ['S1', 'y'],
      ]),
    ).toBe('行  x\nS1  y');
  });
});
