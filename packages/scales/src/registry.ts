import type { InstrumentDefinition } from './definition/schema.ts';
import { asq } from './instruments/asq/definition.ts';
import { cesd } from './instruments/cesd/definition.ts';
import { cesdR } from './instruments/cesd-r/definition.ts';
import { cssrsScreener } from './instruments/cssrs-screener/definition.ts';
import { dass21 } from './instruments/dass-21/definition.ts';
import { gad2 } from './instruments/gad-2/definition.ts';
import { gad7 } from './instruments/gad-7/definition.ts';
import { isi } from './instruments/isi/definition.ts';
import { k6 } from './instruments/k6/definition.ts';
import { k10 } from './instruments/k10/definition.ts';
import { mht } from './instruments/mht/definition.ts';
import { mssmhs } from './instruments/mssmhs/definition.ts';
import { phq2 } from './instruments/phq-2/definition.ts';
import { phq9 } from './instruments/phq-9/definition.ts';
import { phqA } from './instruments/phq-a/definition.ts';
import { pss10 } from './instruments/pss-10/definition.ts';
import { rcads25 } from './instruments/rcads-25/definition.ts';
import { sas } from './instruments/sas/definition.ts';
import { scaredChild } from './instruments/scared-child/definition.ts';
import { scaredParent } from './instruments/scared-parent/definition.ts';
import { scl90 } from './instruments/scl-90/definition.ts';
import { sdqParent, sdqSelf, sdqTeacher } from './instruments/sdq/definition.ts';
import { sds } from './instruments/sds/definition.ts';

/** Every instrument this version scores, in the order `triage scales list` shows them. */
export const instruments: readonly InstrumentDefinition[] = [
  phq9,
  phqA,
  phq2,
  gad7,
  gad2,
  sds,
  sas,
  asq,
  cssrsScreener,
  k6,
  k10,
  cesd,
  cesdR,
  dass21,
  pss10,
  isi,
  scaredChild,
  scaredParent,
  rcads25,
  scl90,
  mssmhs,
  mht,
  sdqSelf,
  sdqParent,
  sdqTeacher,
];

const key = (id: string): string => id.toLowerCase().replace(/[^a-z0-9]/g, '');
const byKey = new Map(instruments.map((d) => [key(d.id), d]));

/** Finds an instrument by id, ignoring case and punctuation ("PHQ9", "phq-9"); `undefined` for anything else. */
export function getInstrument(id: string): InstrumentDefinition | undefined {
  return typeof id === 'string' ? byKey.get(key(id)) : undefined;
}
