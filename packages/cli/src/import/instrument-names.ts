import type { InstrumentDefinition } from '@triage/scales';
import { normalizeHeader } from '../responses/item-columns.ts';

const PREFIXES = new WeakMap<object, readonly string[]>();

/** An instrument's own names as header prefixes, longest first: `PHQ-A`, `phqa`, `GAD7` … (not the generic Q, 第, item). */
export function ownPrefixes(definition: Pick<InstrumentDefinition, 'id' | 'abbreviation'>): readonly string[] {
  // Asked for every column of every candidate: made once per instrument, never per header (a header may be 40k wide).
  const cached = PREFIXES.get(definition);
  if (cached) return cached;
  // "C-SSRS Screener" is headed `C-SSRS 1` in exports: the abbreviation's first word counts too.
  const first = definition.abbreviation.split(/\s+/)[0] ?? definition.abbreviation;
  const names = [definition.abbreviation, first, definition.id, ...(SHORT_NAMES[definition.id] ?? [])].flatMap(
    (name) => {
      const folded = normalizeHeader(name);
      return [folded, folded.replace(/[^a-z0-9]/g, '')];
    },
  );
  const prefixes = [...new Set(names)].sort((a, b) => b.length - a.length);
  PREFIXES.set(definition, prefixes);
  return prefixes;
}

/**
 * Names platforms head an instrument's columns with beyond its abbreviation: `SCL1` … `SCL90` (school testing systems),
 * `DASS1` … `DASS21`. Only where no other instrument here shares the name (PHQ, GAD, SCARED would be ambiguous). The
 * longer names are tried first, so `SCL90_1` stays item 1 and `SCL90总分` no item.
 */
const SHORT_NAMES: Readonly<Record<string, readonly string[]>> = { 'scl-90': ['SCL'], 'dass-21': ['DASS'] };

/**
 * Whether `folded` (a text after `normalizeHeader`) names the instrument as a word of its own (`PHQ-A：过去两周…`, not
 * `phqab`). Folded by the caller, once for all instruments.
 */
export function namesInstrument(
  folded: string,
  definition: Pick<InstrumentDefinition, 'id' | 'abbreviation'>,
): boolean {
  return ownPrefixes(definition).some((p) => {
    for (let at = folded.indexOf(p); at >= 0; at = folded.indexOf(p, at + 1)) {
      const before = folded[at - 1] ?? ' ';
      const after = folded[at + p.length] ?? ' ';
      if (!/[a-z0-9-]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    }
    return false;
  });
}

/**
 * The instruments whose names a header of `definition` may carry when it is the one named: PHQ-A is the PHQ-9 modified
 * for adolescents, and schools head its columns `PHQ9_1` … `PHQ9_c` as often as `PHQA1`; each SCARED form is headed by
 * the family name (`SCARED1`, `SCARED_1`), which `--instrument` has said the form of.
 */
export function adaptedForms(
  definition: Pick<InstrumentDefinition, 'id'>,
): readonly { readonly id: string; readonly abbreviation: string }[] {
  return ADAPTED[definition.id] ?? [];
}
/** The same objects every time, so that their prefixes are made once (see `ownPrefixes`). */
const SCARED_FAMILY = [{ id: 'scared', abbreviation: 'SCARED' }] as const;
const ADAPTED: Readonly<Record<string, readonly { readonly id: string; readonly abbreviation: string }[]>> = {
  'phq-a': [{ id: 'phq-9', abbreviation: 'PHQ-9' }],
  'scared-child': SCARED_FAMILY,
  'scared-parent': SCARED_FAMILY,
};

/** The instrument a form's suicide questions belong to: PHQ-9 columns `c`, `d` are PHQ-A's supplements. */
export const SUPPLEMENTED_BY: Readonly<Record<string, string>> = { 'phq-9': 'phq-a' };
