import type { InstrumentDefinition } from '@triage/scales';
import type { Column } from './columns.ts';

/*
 * One header row holding two instruments headed the same way (PHQ-A as Q1 … Q9, then GAD-7 as Q1 … Q7): runs of item
 * numbers, each starting again at 1. A run is read as an instrument only when exactly one named instrument has that
 * many numbered items: a guess between two of one length (PHQ-9 and PHQ-A) is never made.
 */

type NumberedColumn = Column & { readonly item: string };

/** Where a run is: its first and last columns (0-based) and its number of items. */
export interface NumberedRun {
  readonly first: number;
  readonly last: number;
  readonly items: number;
}

/** The columns split at each restart at 1, when there are several runs and each is numbered 1, 2, 3 … in order. */
export function numberedRuns(columns: readonly NumberedColumn[]): NumberedColumn[][] | undefined {
  const runs: NumberedColumn[][] = [];
  for (const column of columns) {
    if (column.item === '1') runs.push([column]);
    else if (runs.at(-1)?.length === Number(column.item) - 1) runs.at(-1)?.push(column);
    else return undefined;
  }
  return runs.length > 1 ? runs : undefined;
}

const numberedItems = (d: InstrumentDefinition) => d.items.filter((i) => /^\d+$/.test(i.id));

/** Each run's instrument: the only one of `candidates` with as many numbered items, each used once; else undefined. */
export function instrumentsOfRuns(
  runs: readonly (readonly NumberedColumn[])[],
  candidates: readonly InstrumentDefinition[],
): InstrumentDefinition[] | undefined {
  const fits = runs.map((run) => candidates.filter((d) => numberedItems(d).length === run.length));
  if (fits.some((f) => f.length !== 1)) return undefined;
  const chosen = fits.map((f) => f[0] as InstrumentDefinition);
  return new Set(chosen).size === chosen.length ? chosen : undefined;
}

/** A run as an issue names it. */
export const runPlace = (run: readonly NumberedColumn[]): NumberedRun => ({
  first: run[0]?.index ?? 0,
  last: run.at(-1)?.index ?? 0,
  items: run.length,
});
