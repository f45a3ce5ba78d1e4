import type { InstrumentDefinition } from './definition/schema.ts';
import { asq } from './instruments/asq/definition.ts';
import { cssrsScreener } from './instruments/cssrs-screener/definition.ts';
import { phq9 } from './instruments/phq-9/definition.ts';
import { sas } from './instruments/sas/definition.ts';
import { sds } from './instruments/sds/definition.ts';

/** Every instrument this version scores, in the order `triage scales list` shows them. */
export const instruments: readonly InstrumentDefinition[] = [phq9, sds, sas, asq, cssrsScreener];

const key = (id: string): string => id.toLowerCase().replace(/[^a-z0-9]/g, '');
const byKey = new Map(instruments.map((d) => [key(d.id), d]));

/** Finds an instrument by id, ignoring case and punctuation ("PHQ9", "phq-9"). */
export function getInstrument(id: string): InstrumentDefinition | undefined {
  return byKey.get(key(id));
}
