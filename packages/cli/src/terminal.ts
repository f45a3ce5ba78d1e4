type Env = Readonly<Record<string, string | undefined>>;

/**
 * Colour only for a person at a terminal: never when NO_COLOR is set (no-color.org), TERM is dumb, or the stream is
 * a pipe or file; FORCE_COLOR forces it on.
 */
export function colorEnabled(stream: { readonly isTTY?: boolean }, env: Env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const styles = { red: [31, 39], yellow: [33, 39], bold: [1, 22], dim: [2, 22] } as const;
export type Style = keyof typeof styles;

export function paint(enabled: boolean, style: Style, text: string): string {
  if (!enabled) return text;
  const [open, close] = styles[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

// East Asian wide and full-width ranges: these take two terminal columns.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Control characters other than line breaks and tabs: what a cell may hold (ESC[2J, ESC[8m, a CR that hides a line). */
// biome-ignore lint/complexity/useRegexLiterals: as a literal it would hold the control characters it matches
const CONTROL = new RegExp('[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]', 'g');

/** The colour codes `paint` writes, and nothing else: ESC[8m (concealed) or ESC[30;40m from a cell never pass. */
const OWN_COLOUR = new RegExp(
  `${String.fromCharCode(27)}\\[(?:${[...new Set(Object.values(styles).flat())].join('|')})m|[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]`,
  'g',
);

/**
 * Text safe to print: every control character becomes U+FFFD, so what a file's cells hold never acts on the
 * terminal. With `colour`, the codes `paint` writes stay (a cell holding one of them can only colour text).
 */
export function printable(text: string, colour = false): string {
  if (!colour) return text.replace(CONTROL, '\uFFFD');
  return text.replace(OWN_COLOUR, (match) => (match.length > 1 ? match : '\uFFFD'));
}

/** Columns a string takes in a terminal, so tables with Chinese text line up; colour codes take none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, '')) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** Rows of cells as aligned columns, two spaces apart; the last column is not padded. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - displayWidth(cell))))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
