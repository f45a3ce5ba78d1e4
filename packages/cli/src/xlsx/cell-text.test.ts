import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateText, decodeXstring, encodeXstring, numberText, valueText } from './cell-text.ts';

const system1900 = { date1904: false };

describe('numberText', () => {
  it.each([
    { n: 202301010012, fmt: undefined, text: '202301010012' },
    { n: 42, fmt: '000000', text: '000042' },
    { n: 7, fmt: '"00000000"', text: '00000007' },
    { n: 42, fmt: '000000_ ', text: '000042' },
    { n: 42, fmt: '000000;@', text: '000042' },
    { n: 1234567, fmt: '000', text: '1234567' },
    { n: -5, fmt: '000', text: '-005' },
    { n: 3.5, fmt: '000000', text: '3.5' },
    { n: 42, fmt: '0.00', text: '42' },
    { n: 42, fmt: '#,##0', text: '42' },
    // Float noise: 15 significant digits, as Excel keeps and shows the stored value (both noisy values read as the
    // answer the psychologist sees).
    { n: 0.1 + 0.2, fmt: undefined, text: '0.3' },
    { n: 0.9999999999999999, fmt: undefined, text: '1' },
    { n: 2.9999999999999996, fmt: undefined, text: '3' },
    { n: 1.0000000000000002, fmt: undefined, text: '1' },
    { n: 0.9999999999999999, fmt: '000', text: '001' },
    { n: 12.5, fmt: undefined, text: '12.5' },
    { n: 123456789.123456, fmt: undefined, text: '123456789.123456' },
    { n: 123456789.1234567, fmt: undefined, text: '123456789.123457' },
    { n: 1.5e-7, fmt: undefined, text: '1.5e-7' },
    { n: -0, fmt: undefined, text: '0' },
    { n: 999_999_999_999_999, fmt: undefined, text: '999999999999999' },
    { n: 123456789012, fmt: '000000000000000000', text: '000000123456789012' },
    // An id as its custom format shows it (number-format.ts); a fraction or a mangled id stays the plain number.
    { n: 100, fmt: '"2025"0000', text: '20250100' },
    { n: 101, fmt: '"S"000', text: 'S101' },
    { n: 104, fmt: '000-000-000', text: '000-000-104' },
    { n: 106, fmt: '0"号"', text: '106号' },
    { n: -5, fmt: '"S"000', text: '-S005' },
    { n: 3.5, fmt: '"S"000', text: '3.5' },
    { n: 4.4010620080101101e17, fmt: '"S"000', text: '4.40106E+17' },
    // From 10^15 on, more digits than Excel keeps: shown as Excel's General format shows it, never as an exact id.
    { n: 4.4010620080101101e17, fmt: undefined, text: '4.40106E+17' },
    { n: Number('440106200801011102'), fmt: undefined, text: '4.40106E+17' },
    { n: Number('110101199001011234'), fmt: '0', text: '1.10101E+17' },
    { n: Number('110101199001011234'), fmt: '000000000000000000', text: '1.10101E+17' },
    { n: 1e15, fmt: undefined, text: '1E+15' },
    { n: 2 ** 53 - 1, fmt: undefined, text: '9.0072E+15' },
    { n: 1.5e15, fmt: undefined, text: '1.5E+15' },
    { n: -4.4010620080101101e17, fmt: undefined, text: '-4.40106E+17' },
    { n: 1e21, fmt: undefined, text: '1E+21' },
    { n: 1.23456789e100, fmt: undefined, text: '1.23457E+100' },
    { n: Number.NaN, fmt: undefined, text: '' },
    { n: Number.POSITIVE_INFINITY, fmt: undefined, text: '' },
  ])('$n with $fmt → "$text"', ({ n, fmt, text }) => {
    expect(numberText(n, fmt)).toBe(text);
  });

  it('reads an integer one unit in the last place off (float noise) as the integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: -1, max: 1 }), (k, ulps) => {
        const noisy = k + ulps * Number.EPSILON * k;
        return numberText(noisy, undefined) === String(k);
      }),
    );
  });

  it('keeps every exact integer Excel can hold, and shows every longer number as Excel does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (n) => numberText(n, undefined) === String(n)),
    );
    fc.assert(
      fc.property(fc.double({ min: 1e15, max: 1e300, noNaN: true }), (n) =>
        /^\d(\.\d{1,5})?E\+\d{2,3}$/.test(numberText(n, '0')),
      ),
    );
  });
});

describe('dateText', () => {
  it.each([
    { at: Date.UTC(2023, 8, 1), text: '2023-09-01' },
    { at: Date.UTC(2023, 8, 1, 14, 5, 30), text: '2023-09-01 14:05' },
    { at: Date.UTC(2023, 8, 1, 7, 59, 59, 999.7), text: '2023-09-01 08:00' },
    { at: Date.UTC(2023, 8, 1, 23, 59, 59, 600), text: '2023-09-02' },
    { at: Date.UTC(1899, 11, 30, 10, 30), text: '10:30' },
    { at: Date.UTC(1899, 11, 30, 0, 3, 25), text: '00:03:25' },
    { at: Date.UTC(999, 0, 1), text: '0999-01-01' },
    { at: Number.NaN, text: '' },
  ])('$text', ({ at, text }) => {
    expect(dateText(new Date(at), system1900)).toBe(text);
  });

  it('takes the 1904 epoch for times without a date', () => {
    expect(dateText(new Date(Date.UTC(1904, 0, 1, 1)), { date1904: true })).toBe('01:00');
    expect(dateText(new Date(Date.UTC(1904, 0, 1, 1)), system1900)).toBe('1904-01-01 01:00');
  });
});

describe('date serials', () => {
  const system1904 = { date1904: true };
  // Excel's 1900 system counts a 1900-02-29 that never was (serial 60): serials before it are a day later than a
  // plain count from 1899-12-30 gives.
  it.each([
    { serial: 1, text: '1900-01-01' },
    { serial: 59, text: '1900-02-28' },
    { serial: 60, text: '1900-02-29' },
    { serial: 60.5, text: '1900-02-29 12:00' },
    { serial: 60.999999999, text: '1900-03-01' },
    { serial: 61, text: '1900-03-01' },
    { serial: 45170, text: '2023-09-01' },
    { serial: 0.5, text: '12:00' },
  ])('1900 system: $serial → $text', ({ serial, text }) => {
    expect(valueText(serial, 'yyyy-mm-dd', system1900)).toBe(text);
  });

  // The 1904 system has no fictitious day: serial 0 is 1904-01-01, and 1904 was a leap year.
  it.each([
    { serial: 1, text: '1904-01-02' },
    { serial: 59, text: '1904-02-29' },
    { serial: 60, text: '1904-03-01' },
    { serial: 61, text: '1904-03-02' },
    { serial: 43708, text: '2023-09-01' },
  ])('1904 system: $serial → $text', ({ serial, text }) => {
    expect(valueText(serial, 'yyyy-mm-dd', system1904)).toBe(text);
  });
});

describe('valueText', () => {
  const context = { date1904: false, sharedStrings: ['共享', { richText: [{ text: '富' }, { text: '文本' }] }] };
  it.each([
    { name: 'string', value: '张三', fmt: undefined, text: '张三' },
    { name: 'escaped CR', value: 'a_x000D_b', fmt: undefined, text: 'a\rb' },
    { name: 'null', value: null, fmt: undefined, text: '' },
    { name: 'true', value: true, fmt: undefined, text: 'TRUE' },
    { name: 'false', value: false, fmt: undefined, text: 'FALSE' },
    { name: 'date', value: new Date(Date.UTC(2010, 4, 3)), fmt: 'yyyy-mm-dd', text: '2010-05-03' },
    {
      name: 'rich text',
      value: { richText: [{ font: {}, text: '多' }, { text: '动' }, {}] },
      fmt: undefined,
      text: '多动',
    },
    { name: 'error', value: { error: '#N/A' }, fmt: undefined, text: '#N/A' },
    { name: 'shared string', value: { sharedString: 0 }, fmt: undefined, text: '共享' },
    { name: 'rich shared string', value: { sharedString: 1 }, fmt: undefined, text: '富文本' },
    { name: 'formula result 0', value: { formula: 'A1*0', result: 0 }, fmt: undefined, text: '0' },
    { name: 'shared formula', value: { formula: '', result: 5 }, fmt: undefined, text: '5' },
    { name: 'formula without result', value: { formula: 'A1' }, fmt: undefined, text: '' },
    { name: 'formula string result', value: { formula: 'A1', result: 'ab' }, fmt: undefined, text: 'ab' },
    { name: 'formula date result', value: 45170.333333333336, fmt: 'yyyy-mm-dd hh:mm', text: '2023-09-01 08:00' },
    { name: 'formula error result', value: Number.NaN, fmt: 'yyyy-mm-dd', text: '' },
    { name: 'hyperlink', value: { text: '链接', hyperlink: 'https://example.org/' }, fmt: undefined, text: '链接' },
    { name: 'zero-padded id', value: 42, fmt: '000000', text: '000042' },
    // An escaped letter is text, not a date part: `\d` is the letter d, not a day.
    { name: 'escaped letters', value: 42, fmt: '\\d\\s000', text: 'ds042' },
  ])('$name', ({ value, fmt, text }) => {
    expect(valueText(value, fmt, context)).toBe(text);
  });
});

describe('Xstring escaping', () => {
  it.each([
    ['a\rb', 'a_x000D_b'],
    ['_x0041_', '_x005F_x0041_'],
    ['\x01', '_x0001_'],
    ['tab\tand\nnewline stay', 'tab\tand\nnewline stay'],
    ['_x00', '_x00'],
  ])('%j ↔ %j', (text, escaped) => {
    expect(encodeXstring(text)).toBe(escaped);
    expect(decodeXstring(escaped)).toBe(text);
  });

  it('round-trips any text, and leaves nothing XML would drop or change', () => {
    const pieces = fc.constantFrom(
      '_x000D_',
      '_x005F_',
      '_x',
      '_',
      'x',
      '0',
      'D',
      '\r',
      '\n',
      '\t',
      '\x01',
      '\x7F',
      '学',
      'a',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(pieces).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        const escaped = encodeXstring(s);
        return decodeXstring(escaped) === s && !/[^\P{Cc}\t\n]/u.test(escaped);
      }),
    );
  });
});
