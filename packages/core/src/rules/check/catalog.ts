import { err, getInstrument, type InstrumentDefinition, instruments, ok, type Result } from '@triage/scales';
import {
  CATEGORICAL_FLAGS,
  CATEGORIES,
  CONTACT_FIELDS,
  DERIVED,
  type Domain,
  FLAG_STATUSES,
  PERSON_FIELDS,
} from './known-values.ts';
import { itemRange, possibleValues } from './score-worlds.ts';

/** A fact path the rule engine can read, with the values it can hold. */
export interface FactInfo {
  readonly path: string;
  readonly domain: Domain;
  /**
   * Facts computed together share a group and are enumerated jointly: an instrument's total, index, band and
   * cut-offs are one group (`scales.<id>#score`); every other fact is a group of its own, keyed by its path.
   */
  readonly group: string;
  /** The instrument of a `scales.*` fact. */
  readonly instrument?: InstrumentDefinition;
}

/** Why a fact path names nothing the engine can read. */
export type UnknownFact =
  | { readonly kind: 'instrument'; readonly id: string; readonly suggestion: string | undefined }
  | { readonly kind: 'not-produced'; readonly instrument: string; readonly field: string }
  | {
      readonly kind: 'member';
      readonly instrument: string;
      readonly field: string;
      readonly id: string;
      readonly known: readonly string[];
    }
  | { readonly kind: 'field'; readonly root: string; readonly field: string; readonly known: readonly string[] }
  | { readonly kind: 'shape'; readonly path: string };

/** The fields an instrument's facts have (facts.ts ScaleFacts), for naming them when a path is wrong. */
function scaleFields(def: InstrumentDefinition): string[] {
  const has = (field: string, yes: boolean) => (yes ? [field] : []);
  const sum = def.scoring === 'sum';
  return [
    ...has('total', sum),
    ...has('index', sum && def.index !== undefined),
    ...has('band', sum && def.bandSets.length > 0),
    ...has('bandAtLeast', sum && def.bandSets.length > 0),
    ...has('category', !sum),
    'items',
    'flags',
    ...has('cutoffs', (def.cutoffs?.length ?? 0) > 0),
    ...has('subscales', (def.subscales?.length ?? 0) > 0),
    ...has('subscaleBandsAtLeast', banded(def).length > 0),
    ...has('subscaleBands', banded(def).length > 0),
    ...has('derived', (def.derived?.length ?? 0) > 0),
    ...has('mean', def.mean !== undefined),
    ...has('positiveItems', def.positiveItems !== undefined),
    ...has('screens', (def.screens?.length ?? 0) > 0),
    ...has('valid', def.validity !== undefined),
  ];
}
const boolean: Domain = { kind: 'ids', values: [true, false] };

/** Subscales with band sets: the members of `subscaleBandsAtLeast` and `subscaleBands` (facts.ts). */
const banded = (def: InstrumentDefinition) => (def.subscales ?? []).filter((s) => (s.bandSets?.length ?? 0) > 0);

export const scoreGroup = (instrument: string): string => `scales.${instrument}#score`;

function memberIds(def: InstrumentDefinition, field: string): string[] | undefined {
  switch (field) {
    case 'items':
      return def.items.map((i) => i.id);
    case 'flags':
      return [
        ...(def.critical ?? []).map((c) => c.id),
        ...(def.scoring === 'sum' ? [] : CATEGORICAL_FLAGS[def.scoring]),
      ];
    case 'cutoffs':
      return (def.cutoffs ?? []).map((c) => c.id);
    case 'subscales':
      return (def.subscales ?? []).map((s) => s.id);
    case 'subscaleBandsAtLeast':
    case 'subscaleBands':
      return banded(def).map((s) => s.id);
    case 'derived':
      return (def.derived ?? []).map((d) => DERIVED[d].key);
    case 'screens':
      return (def.screens ?? []).map((s) => s.id);
    default:
      return undefined;
  }
}

function memberDomain(def: InstrumentDefinition, field: string, id: string): Domain {
  if (field === 'items') {
    const item = def.items.find((i) => i.id === id);
    const options = item?.options ?? def.options;
    return { kind: 'numbers', values: options.filter((o) => !o.refusal).map((o) => o.value) };
  }
  if (field === 'flags') return { kind: 'ids', values: FLAG_STATUSES };
  if (field === 'subscaleBandsAtLeast' || field === 'subscaleBands') {
    const sets = def.subscales?.find((x) => x.id === id)?.bandSets ?? [];
    return { kind: 'ids', values: [...new Set(sets.flatMap((set) => set.bands.map((b) => b.id)))] };
  }
  if (field === 'cutoffs' || field === 'screens') return boolean;
  if (field === 'subscales') {
    const s = def.subscales?.find((x) => x.id === id);
    const ranges = (s?.items ?? []).flatMap((itemId) => {
      const item = def.items.find((i) => i.id === itemId);
      return item ? [itemRange(def, item)] : [];
    });
    const scale = (s?.multiplier ?? 1) / (s?.method === 'mean' ? Math.max(1, ranges.length) : 1);
    return {
      kind: 'range',
      min: ranges.reduce((a, r) => a + r.min, 0) * scale,
      max: ranges.reduce((a, r) => a + r.max, 0) * scale,
    };
  }
  const derived = (def.derived ?? []).map((d) => DERIVED[d]).find((d) => d.key === id);
  return { kind: 'ids', values: derived?.values ?? [] };
}

function scoreField(def: InstrumentDefinition, field: string, path: string): Result<FactInfo, UnknownFact> {
  const missing = err({ kind: 'not-produced', instrument: def.id, field } as const);
  const score = { path, group: scoreGroup(def.id), instrument: def };
  switch (field) {
    case 'total':
      if (def.scoring !== 'sum') return missing;
      return ok({ ...score, domain: { kind: 'numbers', values: possibleValues(def, 'total') } });
    case 'index':
      if (def.scoring !== 'sum' || !def.index) return missing;
      return ok({ ...score, domain: { kind: 'numbers', values: possibleValues(def, 'index') } });
    case 'band':
    case 'bandAtLeast': {
      if (def.scoring !== 'sum' || def.bandSets.length === 0) return missing;
      const ids = [...new Set(def.bandSets.flatMap((s) => s.bands.map((b) => b.id)))];
      return ok({ ...score, domain: { kind: 'ids', values: ids } });
    }
    default:
      if (def.scoring === 'sum') return missing;
      return ok({ path, group: path, instrument: def, domain: { kind: 'ids', values: CATEGORIES[def.scoring] } });
  }
}

/** The one-value facts some instruments add (facts.ts): total mean, positive-item count, protocol validity. */
function singleFact(def: InstrumentDefinition, field: string): Result<Domain, UnknownFact> | undefined {
  const missing = err({ kind: 'not-produced', instrument: def.id, field } as const);
  const scored = def.items.filter((i) => i.scored !== false);
  switch (field) {
    case 'mean': {
      if (!def.mean) return missing;
      const ranges = scored.map((item) => itemRange(def, item));
      return ok({
        kind: 'range',
        min: Math.min(...ranges.map((r) => r.min)),
        max: Math.max(...ranges.map((r) => r.max)),
      });
    }
    case 'positiveItems':
      return def.positiveItems ? ok({ kind: 'range', min: 0, max: scored.length }) : missing;
    case 'valid':
      return def.validity ? ok(boolean) : missing;
    default:
      return undefined;
  }
}

function resolveScale(parts: readonly string[], path: string): Result<FactInfo, UnknownFact> {
  const [, id = '', field = '', member, ...extra] = parts;
  const def = instruments.find((d) => d.id === id);
  if (!def) return err({ kind: 'instrument', id, suggestion: getInstrument(id)?.id });
  if (['total', 'index', 'band', 'bandAtLeast', 'category'].includes(field)) {
    return member === undefined ? scoreField(def, field, path) : err({ kind: 'shape', path });
  }
  const single = singleFact(def, field);
  if (single) {
    if (member !== undefined) return err({ kind: 'shape', path });
    return single.ok ? ok({ path, group: path, instrument: def, domain: single.value }) : single;
  }
  const ids = memberIds(def, field);
  if (!ids) return err({ kind: 'field', root: `scales.${id}`, field, known: scaleFields(def) });
  if (member === undefined || extra.length > 0) return err({ kind: 'shape', path });
  if (!ids.includes(member)) return err({ kind: 'member', instrument: def.id, field, id: member, known: ids });
  const group = field === 'cutoffs' ? scoreGroup(def.id) : path;
  return ok({ path, group, instrument: def, domain: memberDomain(def, field, member) });
}

const resolved = new Map<string, Result<FactInfo, UnknownFact>>();

/** Resolves a fact path against the registered instruments and the person and contact facts of facts.ts. */
export function resolveFact(path: string): Result<FactInfo, UnknownFact> {
  let found = resolved.get(path);
  if (!found) {
    found = resolveUncached(path);
    resolved.set(path, found);
  }
  return found;
}

function resolveUncached(path: string): Result<FactInfo, UnknownFact> {
  const parts = path.split('.');
  const [root = '', field = ''] = parts;
  if (root === 'scales') return parts.length < 3 ? err({ kind: 'shape', path }) : resolveScale(parts, path);
  if ((root !== 'person' && root !== 'contact') || parts.length !== 2) return err({ kind: 'shape', path });
  const fields: Readonly<Record<string, Domain>> = root === 'person' ? PERSON_FIELDS : CONTACT_FIELDS;
  const domain = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (!domain) return err({ kind: 'field', root, field, known: Object.keys(fields) });
  return ok({ path, group: path, domain });
}
