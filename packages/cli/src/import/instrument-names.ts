import type { InstrumentDefinition } from '@triage/scales';
import { normalizeHeader } from '../responses/item-columns.ts';

/** An instrument's own names as header prefixes: `PHQ-A`, `phqa`, `GAD7` … (not the generic Q, 第, item). */
export function ownPrefixes(definition: Pick<InstrumentDefinition, 'id' | 'abbreviation'>): string[] {
  // "C-SSRS Screener" is headed `C-SSRS 1` in exports: the abbreviation's first word counts too.
  const first = definition.abbreviation.split(/\s+/)[0] ?? definition.abbreviation;
  const names = [definition.abbreviation, first, definition.id].flatMap((name) => {
    const folded = normalizeHeader(name);
    return [folded, folded.replace(/[^a-z0-9]/g, '')];
  });
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}

/** Whether `text` names the instrument as a word of its own (`PHQ-A：过去两周…`, not `phqab`), after normalizing. */
export function namesInstrument(text: string, definition: Pick<InstrumentDefinition, 'id' | 'abbreviation'>): boolean {
  const t = normalizeHeader(text);
  return ownPrefixes(definition).some((p) => {
    for (let at = t.indexOf(p); at >= 0; at = t.indexOf(p, at + 1)) {
      const before = t[at - 1] ?? ' ';
      const after = t[at + p.length] ?? ' ';
      if (!/[a-z0-9-]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    }
    return false;
  });
}

/**
 * The instruments whose names a header of `definition` may carry: PHQ-A is the PHQ-9 modified for adolescents, and
 * schools head its columns `PHQ9_1` … `PHQ9_c` as often as `PHQA1`.
 */
export function adaptedForms(definition: Pick<InstrumentDefinition, 'id'>): { id: string; abbreviation: string }[] {
  return definition.id === 'phq-a' ? [{ id: 'phq-9', abbreviation: 'PHQ-9' }] : [];
}

/** The instrument a form's suicide questions belong to: PHQ-9 columns `c`, `d` are PHQ-A's supplements. */
export const SUPPLEMENTED_BY: Readonly<Record<string, string>> = { 'phq-9': 'phq-a' };
