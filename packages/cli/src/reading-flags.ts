import { Flags } from '@oclif/core';
import { ENCODINGS } from './csv/decode.ts';
import { CODINGS, ROUNDINGS } from './instrument.ts';
import { help } from './messages.ts';

/** How a screening file is read, mapped and scored: the flags `triage import` and `triage simulate cohort` share. */
export const readingFlags = {
  instrument: Flags.string({ char: 'i', summary: help.instrument, multiple: true, delimiter: ',' }),
  map: Flags.string({ summary: help.map }),
  sheet: Flags.string({ summary: help.sheet, multiple: true }),
  encoding: Flags.option({ options: ENCODINGS, summary: help.importEncoding })(),
  delimiter: Flags.string({ summary: help.delimiter }),
  coding: Flags.option({ options: CODINGS, default: 'native' as const, summary: help.coding })(),
  'index-rounding': Flags.option({ options: ROUNDINGS, summary: help.indexRounding })(),
  'proration-rounding': Flags.option({ options: ROUNDINGS, summary: help.prorationRounding })(),
  'no-input': Flags.boolean({ summary: help.noInput, default: false }),
};
