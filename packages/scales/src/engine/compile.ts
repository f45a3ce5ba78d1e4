import type {
  BandSet,
  CriticalItem,
  Cutoff,
  InstrumentDefinition,
  ResponseOption,
  Screen,
  SubscaleDefinition,
} from '../definition/schema.ts';
import type { Rounding } from './rounding.ts';
import type { CutoffResult, SubscaleResult } from './types.ts';
import { isYesNo } from './yes-no.ts';

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
  /** Option scores by answer − min, when some option scores differently from its code (NaN: no such option). */
  readonly scores: Float64Array | null;
  /** Lowest and highest score a substantive answer counts for (option scores applied; reversal keeps the range). */
  readonly scoreMin: number;
  readonly scoreMax: number;
  /** A yes/no question (no = 0, yes = 1): its numbers in another coding depend on the form's option order. */
  readonly yesNo: boolean;
}

export interface CompiledSubscale {
  readonly id: string;
  readonly positions: Int32Array;
  readonly method: 'sum' | 'mean';
  readonly multiplier: number;
  /** Composite: indexes of the earlier subscales it sums. */
  readonly from: Int32Array | null;
  /** Fewest answered items for a prorated score; the item count when the subscale has no missing rule. */
  readonly minAnswered: number;
  readonly rounding: Rounding;
  readonly gate: { readonly position: number; readonly min: number } | null;
  readonly bandSets: readonly BandSet[];
  /** Shared frozen results by score (default band set), by band-set id then score, and for no score. */
  readonly results: Map<number, SubscaleResult>;
  readonly resultsBySet: Map<string, Map<number, SubscaleResult>>;
  readonly unscored: SubscaleResult;
  /** Shared results of subscales left without a score by blank items, by band set and lowest and highest band. */
  readonly boundedResults: Map<string, SubscaleResult>;
}

/** A screening condition with its subscale references resolved to indexes. */
export interface CompiledCondition {
  readonly id: string;
  readonly score: Screen['any'][number]['score'];
  readonly subscales: Int32Array;
  readonly strict: boolean;
  readonly value: number;
}

interface CompiledScreen {
  readonly id: string;
  readonly conditions: readonly CompiledCondition[];
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
  readonly cesdrCategory: boolean;
  /** Indexes of the subscales the total sums (`totalFrom`), or null for a total of items. */
  readonly totalFrom: Int32Array | null;
  readonly mean: boolean;
  /** Score at or above which an item is positive; NaN when the instrument counts no positive items. */
  readonly positiveMin: number;
  readonly screens: readonly CompiledScreen[];
  readonly validity: { readonly subscale: number; readonly strict: boolean; readonly value: number } | null;
  /**
   * Answer buffer reused by every scoring of this instrument. Scoring is synchronous and nothing returned refers to
   * it, so reuse is safe and saves an allocation per row.
   */
  readonly scratch: Float64Array;
  /** Per-row scratch: which subscales were prorated. */
  readonly subscaleProrated: Uint8Array;
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
  let scores: Float64Array | null = null;
  if (options.some((o) => o.score !== undefined && !o.refusal)) {
    scores = new Float64Array(max - min + 1).fill(Number.NaN);
    for (const o of options) if (!o.refusal) scores[o.value - min] = o.score ?? o.value;
  }
  const scored = options.filter((o) => !o.refusal).map((o) => o.score ?? o.value);
  return {
    scores,
    scoreMin: Math.min(...scored),
    scoreMax: Math.max(...scored),
    min,
    max,
    contiguous,
    values,
    refusals: new Set(options.filter((o) => o.refusal).map((o) => o.value)),
    refusable: options.some((o) => o.refusal),
    labels,
    expected: contiguous && max - min > 2 ? `${min}–${max}` : [...values].sort((a, b) => a - b).join(', '),
    yesNo: isYesNo(options),
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
  const subscaleIndex = new Map((definition.subscales ?? []).map((s, i) => [s.id, i]));
  const indexes = (ids: readonly string[]): Int32Array =>
    Int32Array.from(
      ids.map((id) => {
        const found = subscaleIndex.get(id);
        if (found === undefined) throw new Error(`${definition.id}: unknown subscale ${id}`);
        return found;
      }),
    );
  const compileSubscale = (s: SubscaleDefinition): CompiledSubscale => ({
    id: s.id,
    positions: Int32Array.from(s.items.map(position)),
    method: s.method,
    multiplier: s.multiplier ?? 1,
    from: s.from ? indexes(s.from) : null,
    minAnswered: s.missing?.minAnswered ?? s.items.length,
    rounding: s.missing?.rounding ?? 'none',
    gate: s.gate ? { position: position(s.gate.item), min: s.gate.min } : null,
    bandSets: s.bandSets ?? [],
    results: new Map(),
    resultsBySet: new Map(),
    unscored: Object.freeze({ id: s.id, score: null, band: null }),
    boundedResults: new Map(),
  });
  const allSubscales = (definition.subscales ?? []).map((s) => s.id);
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
    subscales: (definition.subscales ?? []).map(compileSubscale),
    critical: (definition.critical ?? []).map((c) => ({ definition: c, position: position(c.item) })),
    defaultBandSet: definition.bandSets.find((s) => s.id === definition.defaultBandSet) ?? definition.bandSets[0],
    cutoffs: definition.cutoffs ?? [],
    cutoffResults: new Map(),
    phqSyndrome: definition.derived?.includes('phq-depressive-syndrome') === true,
    cesdrCategory: definition.derived?.includes('cesd-r-category') === true,
    totalFrom: definition.totalFrom ? indexes(definition.totalFrom) : null,
    mean: definition.mean !== undefined,
    positiveMin: definition.positiveItems?.min ?? Number.NaN,
    screens: (definition.screens ?? []).map((screen) => ({
      id: screen.id,
      conditions: screen.any.map((c) => ({
        id: c.id,
        score: c.score,
        subscales: indexes(c.subscales ?? (c.score === 'any-subscale' ? allSubscales : [])),
        strict: c.op === '>',
        value: c.value,
      })),
    })),
    validity: definition.validity
      ? {
          subscale: indexes([definition.validity.subscale])[0] as number,
          strict: definition.validity.op === '>',
          value: definition.validity.value,
        }
      : null,
    scratch: new Float64Array(items.length),
    subscaleProrated: new Uint8Array((definition.subscales ?? []).length),
  };
  cache.set(definition, compiled);
  return compiled;
}

/** Blank or refused: no substantive answer to score. */
export function isAbsent(item: CompiledItem, v: number): boolean {
  return Number.isNaN(v) || (item.refusable && item.refusals.has(v));
}

/** What an answer counts for: its option score, its reversal, or itself. */
export function itemScore(item: CompiledItem, v: number): number {
  if (item.scores) return item.scores[v - item.min] as number;
  return item.reverse ? item.min + item.max - v : v;
}
