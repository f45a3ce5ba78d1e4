/** Excel's limit on sheet names, in UTF-16 code units. */
const MAX_NAME = 31;

/**
 * Valid, distinct sheet names for a workbook, in order: characters Excel refuses (`[]:*?/\` and controls) become `_`,
 * leading and trailing apostrophes go, names are cut to 31 characters, an empty name becomes `Sheet{n}` and the
 * reserved `History` gets a suffix; a name already taken (case-insensitively, as Excel compares) gets ` (2)`, ` (3)`…
 * @see https://support.microsoft.com/en-us/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function sheetNames(requested: readonly string[]): string[] {
  const taken = new Set<string>();
  return requested.map((raw, i) => {
    let base = clip(raw.replace(/[[\]:*?/\\\p{Cc}]/gu, '_'), MAX_NAME).replace(/^'+|'+$/g, '');
    if (base === '') base = `Sheet${i + 1}`;
    if (base.toLowerCase() === 'history') base = `${base}_`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = clip(base, MAX_NAME - suffix.length).replace(/'+$/, '') + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** East Asian wide and fullwidth characters (CJK, kana, hangul, fullwidth forms) and emoji: two columns each. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/gu;

const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;

/** Display width in columns of monospaced half-width characters, the unit of Excel's column width; widest line. */
export function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    // Code points (a surrogate pair is one character), plus one more for each wide one.
    const width = line.length - (line.match(HIGH_SURROGATE)?.length ?? 0) + (line.match(WIDE)?.length ?? 0);
    if (width > widest) widest = width;
  }
  return widest;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Column widths fitted to the widest cell of each column, with a little padding, between 8 and 60. */
export function columnWidths(rows: readonly (readonly (string | number | null)[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((value, i) => {
      if (value === null) return;
      const width = textWidth(String(value)) + 2;
      if (width > (widths[i] ?? 0)) widths[i] = width;
    });
  }
  return Array.from(widths, (w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w ?? 0)));
}
