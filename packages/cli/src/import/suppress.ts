import type { Cell } from './report/model.ts';

/**
 * Small-cell suppression for group views: counts from 1 to `minCell - 1` are hidden, and so are as many other cells
 * as it takes that no hidden count can be worked out from what is shown (a row or column with exactly one hidden
 * cell gets a second one: its smallest other positive count, or else its total). Zeros stay shown.
 * @see reference/triage.md §4 (data protection), the usual statistical-disclosure "primary + complementary" scheme
 */
export function suppressTable(
  rows: readonly { readonly counts: readonly number[] }[],
  minCell: number,
): { total: Cell; counts: Cell[] }[] {
  const hidden = rows.map((r) => r.counts.map((c) => c > 0 && c < minCell));
  const totals = rows.map((r) => r.counts.reduce((a, b) => a + b, 0));
  const totalHidden = totals.map((t) => t > 0 && t < minCell);
  const width = rows[0]?.counts.length ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    rows.forEach((row, r) => {
      const mask = hidden[r] as boolean[];
      const n = mask.filter(Boolean).length;
      if (n !== 1 || totalHidden[r]) return;
      const next = smallestShown(row.counts, mask);
      if (next === -1) totalHidden[r] = true;
      else mask[next] = true;
      changed = true;
    });
    for (let c = 0; c < width; c++) {
      const inColumn = hidden.filter((mask) => mask[c]).length;
      if (inColumn !== 1) continue;
      const column = rows.map((row) => row.counts[c] ?? 0);
      const shownMask = hidden.map((mask) => mask[c] === true);
      const next = smallestShown(column, shownMask);
      // No second cell in the column: the whole-file level count (shown elsewhere) names no group, so it stays.
      if (next === -1) continue;
      (hidden[next] as boolean[])[c] = true;
      changed = true;
    }
  }
  return rows.map((row, r) => ({
    total: totalHidden[r] ? null : (totals[r] as number),
    counts: row.counts.map((count, c) => (hidden[r]?.[c] ? null : count)),
  }));
}

function smallestShown(counts: readonly number[], hidden: readonly boolean[]): number {
  let best = -1;
  counts.forEach((count, i) => {
    if (hidden[i] || count === 0) return;
    if (best === -1 || count < (counts[best] as number)) best = i;
  });
  return best;
}
