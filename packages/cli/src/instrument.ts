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
