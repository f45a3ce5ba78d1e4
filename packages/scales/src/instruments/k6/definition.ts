import type { InstrumentDefinition } from '../../definition/schema.ts';
import { kesslerFrequencyZeroBased } from '../shared/options.ts';

/**
 * Kessler Psychological Distress Scale K6 (凯斯勒心理困扰量表6项), coded 0–4 (total 0–24); ≥13 is serious
 * psychological distress. It has no suicide item. Sources and confidence: ./README.md.
 * @see Kessler RC et al. Arch Gen Psychiatry 2003;60:184–189
 */
export const k6: InstrumentDefinition = {
  id: 'k6',
  name: { zh: '凯斯勒心理困扰量表 (6项)', en: 'Kessler Psychological Distress Scale (K6)' },
  abbreviation: 'K6',
  version: '1.0.0',
  ages: { min: 18 },
  recall: { zh: '过去30天', en: 'last 30 days' },
  options: kesslerFrequencyZeroBased,
  items: [
    { id: '1', label: { zh: '紧张', en: 'nervous' } },
    { id: '2', label: { zh: '绝望', en: 'hopeless' } },
    { id: '3', label: { zh: '坐立不安或烦躁', en: 'restless or fidgety' } },
    { id: '4', label: { zh: '抑郁到什么都无法让你开心', en: 'so depressed nothing could cheer you up' } },
    { id: '5', label: { zh: '做什么都很费劲', en: 'everything was an effort' } },
    { id: '6', label: { zh: '自己毫无价值', en: 'worthless' } },
  ],
  scoring: 'sum',
  bandSets: [
    {
      id: 'kessler-2003',
      label: { zh: 'Kessler 2003 严重心理困扰界值', en: 'Kessler 2003 serious psychological distress' },
      appliesTo: 'total',
      source: 'Kessler RC et al. Arch Gen Psychiatry 2003;60:184–189; IPUMS NHIS PDISTRESSK6 (≥13)',
      bands: [
        {
          id: 'no-spd',
          min: 0,
          label: { zh: '无严重心理困扰', en: 'no serious psychological distress' },
          positive: false,
        },
        { id: 'spd', min: 13, label: { zh: '严重心理困扰', en: 'serious psychological distress' }, positive: true },
      ],
    },
  ],
  cutoffs: [
    {
      id: 'spd',
      min: 13,
      label: { zh: '严重心理困扰 (≥13)', en: 'serious psychological distress (≥13)' },
      ages: [18, 120],
      source:
        'Kessler RC et al. Arch Gen Psychiatry 2003;60:184–189; IPUMS NHIS PDISTRESSK6; CDC NCHS Data Brief 203 (2015)',
    },
  ],
  missing: {
    kind: 'complete',
    source: 'No published missing-item rule found for the K6 (reference/scales.md §3.3); every item is required',
  },
  citation: [
    'Kessler RC, Barker PR, Colpe LJ, et al. Screening for serious mental illness in the general population. Arch Gen Psychiatry 2003;60:184–189',
    'Kessler RC, Andrews G, Colpe LJ, et al. Short screening scales to monitor population prevalences and trends in non-specific psychological distress. Psychol Med 2002;32:959–976',
  ],
  licence: {
    status: 'free-with-conditions',
    holder: 'Ronald C. Kessler, Harvard Medical School',
    notice: {
      zh: '© Ronald C. Kessler。可免费使用，无需正式许可；使用时须注明版权并引用 Kessler et al. 2003 (Arch Gen Psychiatry 60:184–189)。',
      en: '© Ronald C. Kessler. Free to use without formal permission; include the copyright and cite Kessler et al. 2003 (Arch Gen Psychiatry 60:184–189).',
    },
    itemText: false,
    source: 'Harvard NCS K10 and K6 Scales page, "Permission requests" (hcp.med.harvard.edu/ncs/k6_scales.php)',
  },
};
