import type { Coding, InstrumentDefinition, Rounding } from '@triage/scales';
import { CliError } from './exit-codes.ts';
import type { Messages } from './messages.ts';

export type Scales = typeof import('@triage/scales');

/** `--coding` values: answers as published, or counted from 0 or 1. */
export const CODINGS = ['native', 'zero-based', 'one-based'] as const satisfies readonly Coding[];
/** `--index-rounding` / `--proration-rounding` values. */
export const ROUNDINGS = ['half-up', 'truncate', 'half-even', 'none'] as const satisfies readonly Rounding[];

/**
 * The scoring library, loaded on first use so that `--help` and `--version` never pay for zod and the definitions.
 */
export function loadScales(): Promise<Scales> {
  return import('@triage/scales');
}

/** The instrument an argument names, or a usage error listing the ones there are. */
export function findInstrument(scales: Scales, id: string, text: Messages): InstrumentDefinition {
  const definition = scales.getInstrument(id);
  if (!definition) {
    throw new CliError(
      'CLI_UNKNOWN_INSTRUMENT',
      text.unknownInstrument(
        id,
        scales.instruments.map((d) => d.id),
      ),
    );
  }
  return definition;
}

/** The instruments `--instrument` names, each once (`-i "gad-7, gad-7"` is GAD-7), in the order first named. */
export function findInstruments(scales: Scales, ids: readonly string[], text: Messages): InstrumentDefinition[] {
  const found = new Map<string, InstrumentDefinition>();
  for (const id of ids) {
    const definition = findInstrument(scales, id.trim(), text);
    if (!found.has(definition.id)) found.set(definition.id, definition);
  }
  return [...found.values()];
}
