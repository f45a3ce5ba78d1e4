import type { BandSet, CriticalItem, Cutoff, InstrumentDefinition, ResponseOption } from '../definition/schema.ts';
import type { CutoffResult } from './types.ts';

/** Folds the ways one label is written in exports: full-width forms, case, spaces. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export interface CompiledItem {
  readonly id: string;
  readonly position: number;
  readonly reverse: boolean;
  readonly scored: boolean;
  readonly optional: boolean;
  /** Lowest and highest substantive (non-refusal) option value. */
  readonly min: number;
  readonly max: number;
  /** Substantive values form min…max without gaps, so a range check suffices. */
  readonly contiguous: boolean;
  readonly values: ReadonlySet<number>;
  readonly refusals: ReadonlySet<number>;
  /** Whether a refusal option exists, so the hot path can skip the set lookup. */
  readonly refusable: boolean;
  readonly labels: ReadonlyMap<string, number>;
  /** "0, 1, 2, 3" or "0–3": what a user should have written. */
  readonly expected: string;
}

interface CompiledSubscale {
  readonly id: string;
  readonly positions: Int32Array;
  readonly method: 'sum' | 'mean';
  readonly multiplier: number;
  readonly bandSets: readonly BandSet[];
}

interface CompiledCritical {
  readonly definition: CriticalItem;
  readonly position: number;
}

/** A definition turned into lookup tables once, so scoring a row does no searching. */
export interface CompiledInstrument {
  readonly definition: InstrumentDefinition;
  readonly items: readonly CompiledItem[];
  readonly byId: ReadonlyMap<string, CompiledItem>;
  readonly scoredPositions: Int32Array;
  /** Fewest answers an array may hold: up to the last item that is not optional. */
  readonly minLength: number;
  readonly subscales: readonly CompiledSubscale[];
  readonly critical: readonly CompiledCritical[];
  readonly defaultBandSet: BandSet | undefined;
  readonly cutoffs: readonly Cutoff[];
  /** Frozen cut-off results by decision pattern (base 3: no, yes, undecided), filled on first use. */
  readonly cutoffResults: Map<number, readonly CutoffResult[]>;
  readonly phqSyndrome: boolean;
  /**
   * Answer buffer reused by every scoring of this instrument. Scoring is synchronous and nothing returned refers to
   * it, so reuse is safe and saves an allocation per row.
   */
  readonly scratch: Float64Array;
}

const cache = new WeakMap<InstrumentDefinition, CompiledInstrument>();

function compileItemOptions(options: readonly ResponseOption[]) {
  const substantive = options.filter((o) => !o.refusal).map((o) => o.value);
  const min = Math.min(...substantive);
  const max = Math.max(...substantive);
  const values = new Set(substantive);
  const labels = new Map<string, number>();
  for (const option of options) {
    for (const text of [option.label.zh, option.label.en, ...(option.aliases ?? [])]) {
      labels.set(normalizeLabel(text), option.value);
    }
  }
  const contiguous = values.size === max - min + 1;
  return {
    min,
    max,
    contiguous,
    values,
    refusals: new Set(options.filter((o) => o.refusal).map((o) => o.value)),
    refusable: options.some((o) => o.refusal),
    labels,
    expected: contiguous && max - min > 2 ? `${min}–${max}` : [...values].sort((a, b) => a - b).join(', '),
  };
}

export function compileInstrument(definition: InstrumentDefinition): CompiledInstrument {
  const cached = cache.get(definition);
  if (cached) return cached;
  const shared = compileItemOptions(definition.options);
  const items = definition.items.map(
    (item, position): CompiledItem => ({
      id: item.id,
      position,
      reverse: item.reverse === true,
      scored: item.scored !== false,
      optional: item.optional === true,
      ...(item.options ? compileItemOptions(item.options) : shared),
    }),
  );
  const byId = new Map(items.map((item) => [item.id, item]));
  const position = (id: string): number => {
    const found = byId.get(id);
    if (!found) throw new Error(`${definition.id}: unknown item ${id}`);
    return found.position;
  };
  let minLength = 0;
  items.forEach((item, i) => {
    if (!item.optional) minLength = i + 1;
  });
  const compiled: CompiledInstrument = {
    definition,
    items,
    byId,
    scoredPositions: Int32Array.from(items.filter((i) => i.scored).map((i) => i.position)),
    minLength,
    subscales: (definition.subscales ?? []).map((s) => ({
      id: s.id,
      positions: Int32Array.from(s.items.map(position)),
      method: s.method,
      multiplier: s.multiplier ?? 1,
      bandSets: s.bandSets ?? [],
    })),
    critical: (definition.critical ?? []).map((c) => ({ definition: c, position: position(c.item) })),
    defaultBandSet: definition.bandSets.find((s) => s.id === definition.defaultBandSet) ?? definition.bandSets[0],
    cutoffs: definition.cutoffs ?? [],
    cutoffResults: new Map(),
    phqSyndrome: definition.derived?.includes('phq-depressive-syndrome') === true,
    scratch: new Float64Array(items.length),
  };
  cache.set(definition, compiled);
  return compiled;
}
