import type { Localized } from '../definition/schema.ts';
import type { CompiledInstrument } from './compile.ts';
import type { Flag, ScoreWarning } from './types.ts';

export interface CategoricalOutcome {
  readonly category: string;
  readonly flags: Flag[];
  readonly warnings: ScoreWarning[];
}

type Reading = 'yes' | 'no' | 'refused' | 'missing';

function reader(compiled: CompiledInstrument, values: ArrayLike<number>) {
  return (id: string): Reading => {
    const item = compiled.byId.get(id);
    if (!item) throw new Error(`${compiled.definition.id}: algorithm reads unknown item ${id}`);
    const v = values[item.position] as number;
    if (Number.isNaN(v)) return 'missing';
    if (item.refusals.has(v)) return 'refused';
    return v === item.max ? 'yes' : 'no';
  };
}

function label(compiled: CompiledInstrument, id: string): Localized {
  const item = compiled.definition.items.find((i) => i.id === id);
  return item?.label ?? { zh: id, en: id };
}

const UNKNOWN: Localized = { zh: '未作答，风险未知', en: 'not answered: risk unknown' };
const REFUSED: Localized = { zh: '拒绝回答，风险未知', en: 'refused: risk unknown' };
const UNREADABLE: Localized = { zh: '答案无法读取，风险未知', en: 'answer could not be read: risk unknown' };

/**
 * The screener's flags when scoring failed: the answers that could not be read are taken as blanks, and each of them
 * the flow would not ask (ASQ 5 after four "no", C-SSRS 6b after 6 "no") is still flagged `unknown`, since a typo
 * may hide a "yes".
 */
export function categoricalFailureFlags(
  compiled: CompiledInstrument,
  values: ArrayLike<number>,
  unreadable: readonly string[],
): Flag[] {
  const asq = compiled.definition.scoring === 'asq';
  const { flags } = asq ? scoreAsq(compiled, values) : scoreCssrsScreener(compiled, values);
  for (const item of unreadable) {
    if (flags.some((f) => f.item === item)) continue;
    flags.push({ id: asq ? 'asq-unanswered' : 'cssrs-unanswered', item, status: 'unknown', label: UNREADABLE });
  }
  return flags;
}

/**
 * ASQ: "yes" to any of items 1–4 is a positive screen; a refusal to answer counts as positive; item 5 (thoughts of
 * killing yourself right now) then separates acute from non-acute positives. A "yes" to item 5 is acute even when
 * items 1–4 were all "no" (it is asked only after a positive, but a yes cannot be ignored). After a positive screen,
 * item 5 refused or blank leaves the acuity unknown: `positive-acuity-unknown`, never a non-acute positive that item 5
 * did not say; a refused item 5 is itself a positive screen.
 * Missing items are never read as "no": the category is what the given answers establish, with `unknown` flags.
 * @see NIMH ASQ toolkit screening tool (reference/scales.md §5.1); Horowitz et al. 2012
 */
export function scoreAsq(compiled: CompiledInstrument, values: ArrayLike<number>): CategoricalOutcome {
  const read = reader(compiled, values);
  const flags: Flag[] = [];
  const warnings: ScoreWarning[] = [];
  let positive = false;
  let incomplete = false;
  const refused: string[] = [];
  for (const id of ['1', '2', '3', '4']) {
    const answer = read(id);
    if (answer === 'yes' || answer === 'refused') {
      positive = true;
      flags.push({
        id: answer === 'yes' ? 'asq-endorsed' : 'asq-refused',
        item: id,
        status: 'positive',
        label: label(compiled, id),
      });
      if (answer === 'refused') refused.push(id);
    } else if (answer === 'missing') {
      incomplete = true;
      flags.push({ id: 'asq-unanswered', item: id, status: 'unknown', label: UNKNOWN });
    }
  }
  if (refused.length > 0) warnings.push({ code: 'SCALES_REFUSED', items: refused });
  const acuity = read('5');
  // A refusal to answer is a positive screen wherever it happens (NIMH ED pathway: refusal → non-acute positive).
  if (acuity === 'refused') positive = true;
  if (acuity === 'yes') {
    if (!positive) warnings.push({ code: 'SCALES_SKIPPED_ANSWERED', items: ['5'] });
    flags.push({ id: 'asq-acute', item: '5', status: 'positive', label: label(compiled, '5') });
    return { category: 'acute-positive', flags, warnings };
  }
  if (positive) {
    if (acuity !== 'no') {
      const refusedAcuity = acuity === 'refused';
      flags.push({ id: 'asq-acuity-unknown', item: '5', status: 'unknown', label: refusedAcuity ? REFUSED : UNKNOWN });
      if (refusedAcuity) warnings.push({ code: 'SCALES_REFUSED_ACUITY', items: ['5'] });
    }
    return { category: acuity === 'no' ? 'non-acute-positive' : 'positive-acuity-unknown', flags, warnings };
  }
  return { category: incomplete ? 'unknown' : 'negative', flags, warnings };
}

const CSSRS_ORDER = ['none', 'low', 'moderate', 'high'] as const;
type CssrsLevel = (typeof CSSRS_ORDER)[number];

/**
 * C-SSRS screener: categorical risk by the highest item endorsed and the recency of behaviour, never a sum.
 * Items 1–2 → low; item 3, or behaviour (6) more than 3 months ago → moderate; items 4–5, or behaviour within
 * 3 months (6b) → high. If item 2 is "no", items 3–5 are skipped; answered anyway, a "yes" still counts.
 * Blanks are never "no": when no answer raises the level and an item the flow asks is blank, the category is
 * `unknown` (as for the ASQ), never `none`; a level the answers establish stands, with `unknown` flags beside it.
 * @see Columbia Lighthouse Project screener triage (reference/scales.md §5.2: BLUEPRINT, RULA, cliot `cssrs_screener`)
 */
export function scoreCssrsScreener(compiled: CompiledInstrument, values: ArrayLike<number>): CategoricalOutcome {
  const read = reader(compiled, values);
  const flags: Flag[] = [];
  const warnings: ScoreWarning[] = [];
  let level: CssrsLevel = 'none';
  const raise = (to: CssrsLevel) => {
    if (CSSRS_ORDER.indexOf(to) > CSSRS_ORDER.indexOf(level)) level = to;
  };
  const unknown = (id: string) => flags.push({ id: 'cssrs-unanswered', item: id, status: 'unknown', label: UNKNOWN });
  const endorsed = (id: string) =>
    flags.push({ id: 'cssrs-endorsed', item: id, status: 'positive', label: label(compiled, id) });

  for (const id of ['1', '2']) {
    const a = read(id);
    if (a === 'yes') {
      endorsed(id);
      raise('low');
    } else if (a !== 'no') unknown(id);
  }
  const activeThoughts = read('2');
  const skipped: string[] = [];
  for (const [id, to] of [
    ['3', 'moderate'],
    ['4', 'high'],
    ['5', 'high'],
  ] as const) {
    const a = read(id);
    if (a === 'yes') {
      endorsed(id);
      raise(to);
      if (activeThoughts === 'no') skipped.push(id);
    } else if (a === 'no') {
      if (activeThoughts === 'no') skipped.push(id);
    } else if (activeThoughts !== 'no') unknown(id);
  }
  if (skipped.length > 0) warnings.push({ code: 'SCALES_SKIPPED_ANSWERED', items: skipped });

  const behaviour = read('6');
  const recent = read('6b');
  if (behaviour === 'yes') {
    endorsed('6');
    if (recent === 'yes') {
      endorsed('6b');
      raise('high');
    } else {
      raise('moderate');
      if (recent !== 'no') unknown('6b');
    }
  } else {
    if (behaviour !== 'no') unknown('6');
    // 6b is asked only after a "yes" to 6; behaviour within 3 months cannot be ignored, whatever 6 says.
    if (recent === 'yes') {
      endorsed('6b');
      raise('high');
      warnings.push({ code: 'SCALES_SKIPPED_ANSWERED', items: ['6b'] });
    }
  }
  const unanswered = flags.some((f) => f.status === 'unknown');
  return { category: level === 'none' && unanswered ? 'unknown' : level, flags, warnings };
}
