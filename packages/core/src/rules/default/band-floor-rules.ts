import type { Outcome, Rule } from '../schema.ts';
import { LOW, MODERATE, MODERATE_REFER } from './outcomes.ts';

/** One band that blank items may leave as the lowest possible, and the level its own band rule gives. */
export interface Floor {
  /** The band ids that mean this band (one per band set: SAS `mild` in the Chinese norm, `mild-moderate` in Zung's). */
  readonly bands: readonly string[];
  readonly label: { readonly zh: string; readonly en: string };
  /** The band rule whose outcome this floor takes. */
  readonly rule: string;
  readonly then: Outcome;
}

const HOW =
  "scales engine/bounds.ts: with no total, each blank item at its lowest and highest score bounds the total; the band of the lowest bound is the least any answer to the blanks could give, so this rule gives that band's level and never less than the answered items prove (nothing imputed; a higher band may still be the true one)";

/**
 * "At least" rules: blank items leave no total and a band that could be one of several (band null), but the lowest
 * of them already reaches a level. Each reads `bandAtLeast` only where `band` is absent, so a decided band is judged by
 * its own rule alone. Lowest bands with no action need no rule; the cut-off rules (decided even with blank items)
 * cover the rest of each instrument.
 */
function floorRules(scale: string, name: string, bands: string, floors: readonly Floor[]): Rule[] {
  return floors.map((f) => ({
    id: `${scale}-at-least-${f.bands[0]}`,
    description: {
      zh: `${name} 有空白条目、分级未定，但已答条目至少达到${f.label.zh}`,
      en: `${name} band left open by blank items, but at least ${f.label.en} on the answered items`,
    },
    source: `${bands}; the level of ${f.rule}; ${HOW}`,
    when: {
      all: [
        { fact: `scales.${scale}.band`, exists: false },
        f.bands.length === 1
          ? { fact: `scales.${scale}.bandAtLeast`, eq: f.bands[0] as string }
          : { fact: `scales.${scale}.bandAtLeast`, in: [...f.bands] },
      ],
    },
    then: f.then,
  }));
}

const MILD = { zh: '轻度', en: 'mild' };
const MODERATE_LABEL = { zh: '中度', en: 'moderate' };

/** PHQ-9 and PHQ-A: Kroenke 2001 bands; ≥10 also reaches the cut-off rules, which say the same level. */
const phqFloors = (scale: string): Floor[] => [
  { bands: ['mild'], label: MILD, rule: `${scale}-mild`, then: LOW },
  { bands: ['moderate'], label: MODERATE_LABEL, rule: `${scale}-moderate`, then: MODERATE },
  {
    bands: ['moderately-severe'],
    label: { zh: '中重度', en: 'moderately severe' },
    rule: `${scale}-moderately-severe-or-severe`,
    then: MODERATE_REFER,
  },
];

/**
 * The instruments whose band rules step up above their lowest band and whose total is a plain item sum the scales
 * package can bound. Not here: two-band screeners (PHQ-2, GAD-2, K6, CES-D: the open band's floor is the no-action
 * band, and the upper band is a cut-off with its own rule), SCARED (its bands start at its cut-offs), PSS-10 and ISI
 * below moderate (no action), the SDQ (its total is not bounded), MSSMHS (rules read the mean, not the band).
 */
export const bandFloorRules: Rule[] = [
  ...floorRules('phq-9', 'PHQ-9', 'Kroenke 2001 PHQ-9 bands (reference/scales.md §1.1)', phqFloors('phq-9')),
  ...floorRules('phq-a', 'PHQ-A', 'PHQ-A scored as the PHQ-9 (reference/scales.md §1.2)', phqFloors('phq-a')),
  ...floorRules('gad-7', 'GAD-7', 'Spitzer 2006 GAD-7 bands 0–4 / 5–9 / 10–14 / 15–21 (reference/scales.md §1.4)', [
    { bands: ['mild'], label: MILD, rule: 'gad-7-mild', then: LOW },
    { bands: ['moderate'], label: MODERATE_LABEL, rule: 'gad-7-moderate', then: MODERATE },
  ]),
  ...floorRules('sds', 'SDS', 'Zung SDS Chinese norm 标准分 53 / 63 / 73 (reference/scales.md §2.1)', [
    { bands: ['mild'], label: MILD, rule: 'sds-mild', then: LOW },
    { bands: ['moderate'], label: MODERATE_LABEL, rule: 'sds-moderate', then: MODERATE },
  ]),
  ...floorRules(
    'sas',
    'SAS',
    'Zung SAS Chinese norm 标准分 50 / 60 / 70 and Zung 1971 45 / 60 / 75 (reference/scales.md §2.2)',
    [
      { bands: ['mild', 'mild-moderate'], label: MILD, rule: 'sas-mild', then: LOW },
      { bands: ['moderate', 'marked-severe'], label: MODERATE_LABEL, rule: 'sas-moderate', then: MODERATE },
    ],
  ),
  ...floorRules('k10', 'K10', 'K10 ABS bands 10–15 / 16–21 / 22–29 / 30–50 (reference/scales.md §3.3)', [
    { bands: ['moderate'], label: { zh: '中等心理困扰', en: 'moderate distress' }, rule: 'k10-moderate', then: LOW },
    { bands: ['high'], label: { zh: '高心理困扰', en: 'high distress' }, rule: 'k10-high', then: MODERATE },
  ]),
  ...floorRules('isi', 'ISI', 'Morin ISI bands 0–7 / 8–14 / 15–21 / 22–28 (reference/scales.md §3.6)', [
    {
      bands: ['moderate'],
      label: { zh: '中度临床失眠', en: 'moderate clinical insomnia' },
      rule: 'isi-moderate',
      then: MODERATE,
    },
  ]),
];
