import type { Condition, Rule } from '../schema.ts';
import type { Floor } from './band-floor-rules.ts';
import { MSS_FACTORS } from './chinese-scale-rules.ts';
import { LOW, LOW_RESCREEN, MODERATE, MODERATE_REFER } from './outcomes.ts';

const HOW =
  "scales engine/bounds.ts: a subscale left without a score by blank items is bounded by each blank at its lowest and highest score (× 2 or ÷ n as the subscale is scored); the band of the lowest bound is the least any answer to the blanks could give, so this rule gives that band's level and never less than the answered items prove (nothing imputed; a higher band may still be the true one)";

/** Subscale bands from a floor up, and the rule whose level they take when the score is known. */
interface SubscaleFloor extends Floor {
  readonly id: string;
}

/**
 * "At least" on one subscale: its score is absent (blank items), its band open (a band the blanks cannot change is
 * read by its own rule, subscale-test.ts), and its lowest possible band is one of `bands`.
 */
const atLeast = (scale: string, subscale: string, bands: readonly string[]): Condition => ({
  all: [
    { fact: `scales.${scale}.subscales.${subscale}`, exists: false },
    { fact: `scales.${scale}.subscaleBands.${subscale}`, exists: false },
    { fact: `scales.${scale}.subscaleBandsAtLeast.${subscale}`, in: [...bands] },
  ],
});

/**
 * "At least" rules on subscales, as band-floor-rules.ts on totals: the score rules read subscale scores, so where blank
 * items leave a subscale without one, each of these reads `subscaleBandsAtLeast` (a band id: few values, unlike the
 * score) only while the score is absent and the band open, and gives the level of the lowest band every answer to the
 * blanks allows. A band decided by the bounds is read by the band's own rule (subscale-test.ts), as for totals.
 */
function floorRules(
  scale: string,
  name: { readonly zh: string; readonly en: string },
  subscales: readonly string[],
  bands: string,
  floors: readonly SubscaleFloor[],
  extra: (f: SubscaleFloor) => readonly Condition[] = () => [],
): Rule[] {
  return floors.map((f) => ({
    id: `${scale}-${f.id}`,
    description: {
      zh: `${name.zh}有空白条目、无分数，但已答条目至少达到${f.label.zh}`,
      en: `${name.en} left without a score by blank items, but at least ${f.label.en} on the answered items`,
    },
    source: `${bands}; the level of ${f.rule}; ${HOW}`,
    when: { any: [...subscales.map((s) => atLeast(scale, s, f.bands)), ...extra(f)] },
    then: f.then,
  }));
}

const DASS_BANDS =
  'Lovibond & Lovibond 1995 DASS bands on the doubled DASS-21 subscale (sum × 2): depression 10 / 14 / 21 / 28, anxiety 8 / 10 / 15 / 20, stress 15 / 19 / 26 / 34 (reference/scales.md §0.10, §3.4)';

const MSS_BANDS =
  '王极盛 1997 MSSMHS factor and total means 2 / 3 / 4 / 5 (mild, moderate, relatively severe, severe; reference/scales.md §0.4, §6.3)';
const MSS_FLOORS: SubscaleFloor[] = [
  {
    id: 'at-least-mild',
    bands: ['mild'],
    label: { zh: '轻度（≥2）', en: 'mild (≥ 2)' },
    rule: 'mssmhs-mild',
    then: LOW_RESCREEN,
  },
  {
    id: 'at-least-moderate',
    bands: ['moderate'],
    label: { zh: '中等（≥3）', en: 'moderate (≥ 3)' },
    rule: 'mssmhs-moderate',
    then: MODERATE,
  },
  {
    id: 'at-least-relatively-severe',
    bands: ['relatively-severe', 'severe'],
    label: { zh: '较重（≥4）', en: 'relatively severe (≥ 4)' },
    rule: 'mssmhs-severe',
    then: MODERATE_REFER,
  },
];

/**
 * The instruments whose default rules read subscale scores and have a band an open range can start in below the top:
 * DASS-21, MSSMHS factors (and its total mean, whose band the scales package bounds as a total: `bandAtLeast` while
 * `mean` and `band` are absent). Not here: the SCARED subscales (two bands), SCL-90 factors ≥ 3 and MHT content scales
 * (their rules test the top band): a range whose lowest band is the top one is that band, decided by the bounds and
 * read by the band's own rule (subscale-test.ts), as two-band totals need no cut-off rule (band-floor-rules.ts). The
 * SDQ: its rules read the total band only; its subscales prorate.
 */
export const subscaleFloorRules: Rule[] = [
  ...floorRules(
    'dass-21',
    { zh: 'DASS-21 某分量表', en: 'DASS-21 a subscale' },
    ['depression', 'anxiety', 'stress'],
    DASS_BANDS,
    [
      {
        id: 'subscale-at-least-mild',
        bands: ['mild'],
        label: { zh: '轻度（×2 后）', en: 'mild (× 2)' },
        rule: 'dass-21-mild',
        then: LOW,
      },
      {
        id: 'subscale-at-least-moderate',
        bands: ['moderate'],
        label: { zh: '中度（×2 后）', en: 'moderate (× 2)' },
        rule: 'dass-21-moderate',
        then: MODERATE,
      },
      {
        id: 'subscale-at-least-severe',
        bands: ['severe', 'extremely-severe'],
        label: { zh: '重度（×2 后）', en: 'severe (× 2)' },
        rule: 'dass-21-severe',
        then: MODERATE_REFER,
      },
    ],
  ),
  ...floorRules(
    'mssmhs',
    { zh: 'MSSMHS 某因子或总均分', en: 'MSSMHS a factor or the total mean' },
    MSS_FACTORS,
    MSS_BANDS,
    MSS_FLOORS,
    (f) => [
      {
        all: [
          { fact: 'scales.mssmhs.mean', exists: false },
          { fact: 'scales.mssmhs.band', exists: false },
          { fact: 'scales.mssmhs.bandAtLeast', in: [...f.bands] },
        ],
      },
    ],
  ),
];
