import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInteger } from './number-format.ts';

describe('formatInteger', () => {
  it.each([
    // Zero padding, as school platforms keep leading zeros on ids stored as numbers.
    { digits: '42', fmt: '000000', text: '000042' },
    { digits: '7', fmt: '"00000000"', text: '00000007' },
    { digits: '42', fmt: '000000_ ', text: '000042' },
    { digits: '42', fmt: '000000;@', text: '000042' },
    { digits: '42', fmt: '00_);(00)', text: '42' },
    { digits: '1234567', fmt: '000', text: '1234567' },
    { digits: '0', fmt: '0', text: '0' },
    // Text in quotes, before or after the digits.
    { digits: '100', fmt: '"2025"0000', text: '20250100' },
    { digits: '101', fmt: '"S"000', text: 'S101' },
    { digits: '106', fmt: '0"号"', text: '106号' },
    { digits: '5', fmt: '"初一"00"号"', text: '初一05号' },
    { digits: '5', fmt: '"a;b"00', text: 'a;b05' },
    // Backslash-escaped characters.
    { digits: '42', fmt: '\\S000', text: 'S042' },
    { digits: '42', fmt: '\\N\\o\\.0000', text: 'No.0042' },
    // `-` and spaces between digit placeholders; digits beyond the placeholders go to the first one, as in Excel.
    { digits: '104', fmt: '000-000-000', text: '000-000-104' },
    { digits: '123456789', fmt: '000-000-000', text: '123-456-789' },
    { digits: '12345678901', fmt: '000-000-000', text: '12345-678-901' },
    { digits: '2025001', fmt: '0000 000', text: '2025 001' },
    { digits: '42', fmt: '"ID"\\-000', text: 'ID-042' },
    // QA round 19, 3: `#` after the zeros, `#` before them, and the locale tag Chinese Excel and WPS write first.
    { digits: '1234500', fmt: '00000000000#', text: '000001234500' },
    { digits: '42', fmt: '##000000', text: '000042' },
    { digits: '12345678', fmt: '##000000', text: '12345678' },
    { digits: '1234500', fmt: '[$-804]000000000000', text: '000001234500' },
  ])('$digits with $fmt → "$text"', ({ digits, fmt, text }) => {
    expect(formatInteger(digits, fmt)).toBe(text);
  });

  // Anything more exotic is left to the caller, which shows the plain number.
  it.each([
    undefined,
    'General',
    '0.00',
    '0.0',
    '#,##0',
    '###',
    '@',
    '"S"@',
    '0%',
    '0.00E+00',
    '[Red]000',
    '[$-zh-CN]0000',
    '[>999]0000;000',
    '*-000',
    '"N/A"',
    '"unclosed 000',
    '000\\',
    '# ?/?',
  ])('%j → left as the plain number', (fmt) => {
    expect(formatInteger('42', fmt)).toBeUndefined();
  });

  it('keeps every digit, in order, under any mix of placeholders and literal text', () => {
    const pieces = fc.array(fc.constantFrom('0', '0', '-', ' ', '"S"', '\\N', '_)'), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), pieces, (n, fmt) => {
        const digits = String(n);
        const text = formatInteger(digits, `0${fmt.join('')}`);
        return text !== undefined && text.replace(/\D/g, '').replace(/^0+(?=\d)/, '') === digits;
      }),
    );
  });
});
