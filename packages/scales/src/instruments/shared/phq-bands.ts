import type { BandSet, Cutoff } from '../../definition/schema.ts';

/**
 * PHQ-9 severity bands, shared by PHQ-A (same 0–27 scale).
 * @see Kroenke, Spitzer & Williams 2001; MII PROMs IG PHQ-9 page; awell-score phq_9 (reference/scales.md §1.1)
 */
export const phqSeverity: BandSet = {
  id: 'kroenke-2001',
  label: { zh: 'Kroenke 2001 严重程度分级', en: 'Kroenke 2001 severity' },
  appliesTo: 'total',
  source: 'Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606–613',
  bands: [
    { id: 'minimal', min: 0, label: { zh: '无或极轻', en: 'minimal' }, positive: false },
    { id: 'mild', min: 5, label: { zh: '轻度', en: 'mild' }, positive: false },
    { id: 'moderate', min: 10, label: { zh: '中度', en: 'moderate' }, positive: true },
    { id: 'moderately-severe', min: 15, label: { zh: '中重度', en: 'moderately severe' }, positive: true },
    { id: 'severe', min: 20, label: { zh: '重度', en: 'severe' }, positive: true },
  ],
};

/** Screening thresholds on the 0–27 total: ≥10 for adults, ≥11 optimal for 13–17-year-olds. */
export const phqCutoffs: Cutoff[] = [
  {
    id: 'adult',
    min: 10,
    label: { zh: '成人筛查阳性 (≥10)', en: 'adult screen positive (≥10)' },
    ages: [18, 120],
    source: 'Kroenke K et al. J Gen Intern Med 2001;16:606–613 (sens 88%, spec 88%)',
  },
  {
    id: 'adolescent',
    min: 11,
    label: { zh: '青少年筛查阳性 (≥11)', en: 'adolescent screen positive (≥11)' },
    ages: [13, 17],
    source: 'Richardson LP et al. Pediatrics 2010;126:1117–1123 (sens 89.5%, spec 77.5%)',
  },
];

/**
 * PHQ-A thresholds: ≥10 "elevated" as in the NYS collaborative-care guide for PHQ-9/PHQ-A (◐), and ≥11, the optimal
 * PHQ-9 threshold for 13–17-year-olds.
 */
export const phqaCutoffs: Cutoff[] = [
  {
    id: 'elevated',
    min: 10,
    label: { zh: '需关注 (≥10)', en: 'elevated (≥10)' },
    source: 'NYS OMH collaborative-care guide: PHQ-9/PHQ-A 0–27, ≥10 elevated (reference/scales.md §1.2, ◐)',
  },
  phqCutoffs[1] as Cutoff,
];
