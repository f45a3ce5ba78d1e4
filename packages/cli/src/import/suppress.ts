import type { Cell } from './report/model.ts';

/**
 * Small-cell suppression for group views. Counts from 1 to `minCell - 1` are hidden (primary suppression), and then
 * as many other cells as it takes that no hidden count can be worked out by subtraction (complementary suppression):
 * every row adds up to its total, every column (the totals column too) adds up to the whole-file count that the
 * report shows, so no such sum may have exactly one hidden term. The second term hidden is the smallest shown count,
 * a zero if no count is left, or the row's total. Hidden cells show as `<5`, which a complementary cell may not be.
 * A single group is shown whole: its counts are the whole-file counts the report shows anyway.
 * @see reference/triage.md §4 (data protection); Hundepool et al., Statistical Disclosure Control (2012), ch. 4
 */
export function suppressTable(
  rows: readonly { readonly counts: readonly number[] }[],
  minCell: number,
): { total: Cell; counts: Cell[] }[] {
  const width = rows[0]?.counts.length ?? 0;
  // Column `width` is the row total: a cell like the others, in its own column.
  const values = rows.map((r) => [...r.counts, r.counts.reduce((a, b) => a + b, 0)]);
  // One group is the whole file, whose counts the report shows anyway: hiding them would protect nothing.
  const hidden = values.map((row) => row.map((v) => rows.length > 1 && v > 0 && v < minCell));
  if (rows.length > 1) {
    for (let changed = true; changed; ) {
      changed = false;
      values.forEach((row, r) => {
        const mask = hidden[r] as boolean[];
        if (mask.filter(Boolean).length !== 1) return;
        const next = smallestShown(row.slice(0, width), mask);
        mask[next === -1 ? width : next] = true;
        changed = true;
      });
      for (let c = 0; c <= width; c++) {
        const column = values.map((row) => row[c] as number);
        const mask = hidden.map((row) => row[c] === true);
        if (mask.filter(Boolean).length !== 1) continue;
        const next = smallestShown(column, mask);
        if (next === -1) continue; // every other row hidden already: cannot happen with one hidden
        (hidden[next] as boolean[])[c] = true;
        changed = true;
      }
    }
  }
  return values.map((row, r) => ({
    total: hidden[r]?.[width] ? null : (row[width] as number),
    counts: row.slice(0, width).map((count, c) => (hidden[r]?.[c] ? null : count)),
  }));
}

/** The index of the smallest shown positive value, else of a shown zero, else -1. */
function smallestShown(values: readonly number[], hidden: readonly boolean[]): number {
  let best = -1;
  values.forEach((v, i) => {
    if (hidden[i]) return;
    const current = best === -1 ? undefined : (values[best] as number);
    const better = current === undefined || (v > 0 && (current === 0 || v < current));
    if (better) best = i;
  });
  return best;
}
