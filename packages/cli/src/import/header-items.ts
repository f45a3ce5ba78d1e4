import type { InstrumentDefinition } from '@triage/scales';
import { itemIdOfHeader, normalizeHeader } from '../responses/item-columns.ts';
import type { MapOptions } from './columns.ts';
import { adaptedForms, ownPrefixes } from './instrument-names.ts';

/*
 * Which item a header names: by an instrument's own prefix (`PHQA3`, `GAD-7 2、…`, `Q7:GAD-7 1`), by the form the one
 * named instrument adapts (`PHQ9_3` with `--instrument phq-a`), or generically (`Q3`, `3`, `第3题`, `Qc`). Asked for
 * every column and every candidate instrument: what depends on the instrument alone is made once per instrument.
 */

const GENERIC_PREFIXES = ['question', 'item', '题目', '题', 'q', 'no', '第'];

/** 腾讯问卷's question number before a header's own text: `Q7:` (a full-width colon is folded by then). */
const QUESTION_NUMBER = /^q\d+\s*:\s*/;

const ITEM_IDS = new WeakMap<InstrumentDefinition, ReadonlySet<string>>();

/** An instrument's item ids, made once: asked for every column of a header, which may be 40k wide. */
function itemIds(definition: InstrumentDefinition): ReadonlySet<string> {
  const cached = ITEM_IDS.get(definition);
  if (cached) return cached;
  const ids = new Set(definition.items.map((i) => i.id));
  ITEM_IDS.set(definition, ids);
  return ids;
}

/** A header as instruments' own prefixes are looked for in it: folded once, without 腾讯问卷's question number. */
export const ownText = (header: string) => normalizeHeader(header).replace(QUESTION_NUMBER, '');

/**
 * The instrument item a header names through the instrument's own prefix (`PHQA3`, `GAD-7 2、…`, `SDS_12`), also
 * after 腾讯问卷's question number (`Q7:GAD-7 1` is GAD-7 item 1). `h`: the header's {@link ownText}.
 */
function ownItem(
  h: string,
  definition: Pick<InstrumentDefinition, 'id' | 'abbreviation'>,
  known: ReadonlySet<string>,
): string | null {
  const prefix = ownPrefixes(definition).find((p) => h.startsWith(p) && h.length > p.length);
  if (prefix === undefined) return null;
  // After the instrument's name, the item as any export writes it: `1`, `_1`, `Q1`, `第1题`, `1、wording`, `a`; a
  // letter it lacks too (`PHQ9_c`): an unknown item, reported, never a column silently left unread.
  const rest = h.slice(prefix.length).replace(/^[\s_\-.#:]*/, '');
  return itemIdOfHeader(rest, GENERIC_PREFIXES, known) ?? OWN_LETTER.exec(rest)?.[1] ?? null;
}

/** One letter after an instrument's own name, alone or before wording: `PHQ9_c`, `PHQ-9 d、是否曾经尝试自杀`. */
const OWN_LETTER = /^([a-z])(?:$|[\s、.:)\]_\-,](?!\s*\d))/;

/**
 * The item of the one named instrument a header names by the name of the form it adapts: with `--instrument phq-a`,
 * `PHQ9_3` and `PHQ9_c` are PHQ-A's (schools call the adolescent form PHQ-9). Null for any other header. `text`: the
 * header's {@link ownText}.
 */
function formItem(text: string, only: InstrumentDefinition | undefined, options: MapOptions): string | null {
  if (!only || !options.named) return null;
  const known = itemIds(only);
  for (const form of adaptedForms(only)) {
    // Only when the form itself is not asked for: `-i phq-9,phq-a` keeps PHQ9_3 PHQ-9's.
    if (options.candidates.some((d) => d.id === form.id)) continue;
    const item = ownItem(text, form, known);
    if (item !== null) return item;
  }
  return null;
}

/**
 * The instrument among `options.candidates` and its item that a header names by the instrument's own prefix (or, for
 * the one named instrument, by the form it adapts). An instrument that has the item comes first: `CESD-R 1` is
 * CESD-R's item 1, never CES-D's unknown item `r`.
 */
export function prefixedItem(
  header: string,
  options: MapOptions,
): { readonly definition: InstrumentDefinition; readonly item: string } | undefined {
  const only = options.candidates.length === 1 ? options.candidates[0] : undefined;
  const text = ownText(header);
  const owners = options.candidates.flatMap((definition) => {
    const known = itemIds(definition);
    const item = ownItem(text, definition, known) ?? (definition === only ? formItem(text, only, options) : null);
    return item === null ? [] : [{ definition, item, has: known.has(item) }];
  });
  return owners.find((o) => o.has) ?? owners[0];
}

/** A header of one letter alone (`a`, `D`): an item's own name under a group, or beside numbered items. */
export const LONE_LETTER = /^[A-Za-z]$/;

/**
 * A header that names an item without naming an instrument: `Q3`, `3`, `第3题`, `3、question text`; by letter (`Qc`,
 * `c、…`) only for an item in `letters`, as most words are letters.
 */
export function genericItem(header: string, letters: ReadonlySet<string>): string | null {
  const id = itemIdOfHeader(header, GENERIC_PREFIXES, letters);
  return id !== null && (/^\d/.test(id) || letters.has(id)) ? id : null;
}

/**
 * The item of `definition` a header names, by the instrument's own prefix (`PHQA3`) or a generic one (`Q3`, `3`,
 * `第3题`, `Qc`); null when it names none of its items.
 */
export function itemOfHeader(header: string, definition: InstrumentDefinition): string | null {
  const known = itemIds(definition);
  const letters = new Set([...known].filter((id) => !/^\d/.test(id)));
  const item = ownItem(ownText(header), definition, known) ?? genericItem(header, letters);
  return item !== null && known.has(item) ? item : null;
}

/** Whether a 腾讯问卷 header (`Q7:…`) names an item of an instrument by its own prefix after the question number. */
export function namesInstrumentItem(header: string, options: MapOptions): boolean {
  const folded = normalizeHeader(header);
  if (!QUESTION_NUMBER.test(folded)) return false;
  return namesItemOfAny(folded.replace(QUESTION_NUMBER, ''), options.known ?? options.candidates);
}

/** Whether a header, as {@link ownText}, names an item of one of `instruments` by its own prefix. */
export const namesItemOfAny = (text: string, instruments: readonly InstrumentDefinition[]): boolean =>
  instruments.some((d) => ownItem(text, d, itemIds(d)) !== null);

/** Instruments that have at least one column named with their own prefix among `headers`. */
export function instrumentsNamedIn(
  headers: readonly string[],
  candidates: readonly InstrumentDefinition[],
): InstrumentDefinition[] {
  const texts = headers.map(ownText);
  return candidates.filter((definition) => {
    const known = itemIds(definition);
    return texts.some((h) => {
      const item = ownItem(h, definition, known);
      return item !== null && known.has(item);
    });
  });
}
