/** Delimiters recognised in a header line; a comma wins ties. */
const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const CODES = DELIMITERS.map((d) => d.charCodeAt(0));
const QUOTE = 34; // "
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

function mostFrequent(counts: readonly number[]): Delimiter {
  let best = 0;
  let tie = false;
  for (let k = 1; k < counts.length; k++) {
    const count = counts[k] as number;
    const top = counts[best] as number;
    if (count > top) {
      best = k;
      tie = false;
    } else if (count === top) tie = true;
  }
  return tie || counts[best] === 0 ? ',' : DELIMITERS[best as 0 | 1 | 2 | 3];
}

/**
 * The delimiter of the header record, the first line with more than spaces and tabs on it: the most frequent of `,`,
 * tab, `;` and `|` outside quotes, a comma on a tie or when there is none. `undefined` when `text` ends inside the
 * header and more text may follow (`final: false`). Excel's "Unicode Text" export is tab-separated; European locales
 * write `;`.
 */
export function headerDelimiter(text: string, final: boolean): Delimiter | undefined {
  const counts = [0, 0, 0, 0];
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      quoted = !quoted;
      blank = false;
    } else if (quoted) {
      // A delimiter or line break inside quotes is text.
    } else if (c === CR || c === LF) {
      if (!blank) return mostFrequent(counts);
      counts.fill(0);
    } else {
      const k = CODES.indexOf(c);
      if (k !== -1) counts[k] = (counts[k] as number) + 1;
      if (c !== SPACE && c !== TAB) blank = false;
    }
  }
  return final ? mostFrequent(counts) : undefined;
}
