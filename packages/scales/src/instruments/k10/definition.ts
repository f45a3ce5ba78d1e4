import type { InstrumentDefinition } from '../../definition/schema.ts';
import { kesslerFrequency } from '../shared/options.ts';

/**
 * Kessler Psychological Distress Scale K10 (凯斯勒心理困扰量表), in the Australian coding 1–5 (total 10–50).
 * US 0–4 answers are read by naming `coding: 'zero-based'`; the total is still reported on the 10–50 scale.
 * It has no suicide item. Sources and confidence: ./README.md.
 * @see Kessler RC et al. Psychol Med 2002;32:959–976; ABS 4817.0.55.001 (K10 scoring)
 */
export const k10: InstrumentDefinition = {
  id: 'k10',
  name: { zh: '凯斯勒心理困扰量表 (10项)', en: 'Kessler Psychological Distress Scale (K10)' },
  abbreviation: 'K10',
  version: '1.0.0',
  ages: { min: 16 },
  recall: { zh: '过去30天', en: 'last 30 days' },
  options: kesslerFrequency,
  items: [
    { id: '1', label: { zh: '无缘无故感到疲惫', en: 'tired out for no good reason' } },
    { id: '2', label: { zh: '紧张', en: 'nervous' } },
    { id: '3', label: { zh: '紧张到无法平静下来', en: 'so nervous nothing could calm you down' } },
    { id: '4', label: { zh: '绝望', en: 'hopeless' } },
    { id: '5', label: { zh: '坐立不安或烦躁', en: 'restless or fidgety' } },
    { id: '6', label: { zh: '烦躁到坐不住', en: 'so restless you could not sit still' } },
    { id: '7', label: { zh: '抑郁', en: 'depressed' } },
    { id: '8', label: { zh: '做什么都很费劲', en: 'everything was an effort' } },
    { id: '9', label: { zh: '悲伤到什么都无法让你开心', en: 'so sad nothing could cheer you up' } },
    { id: '10', label: { zh: '自己毫无价值', en: 'worthless' } },
  ],
  scoring: 'sum',
  bandSets: [
    {
      id: 'abs',
      label: { zh: '澳大利亚统计局 (ABS) 心理困扰分级', en: 'ABS psychological distress levels' },
      appliesTo: 'total',
      source: 'ABS 4817.0.55.001, Table E: 10–15 low, 16–21 moderate, 22–29 high, 30–50 very high',
      bands: [
        { id: 'low', min: 10, label: { zh: '低', en: 'low' }, positive: false },
        { id: 'moderate', min: 16, label: { zh: '中等', en: 'moderate' }, positive: false },
        { id: 'high', min: 22, label: { zh: '高', en: 'high' }, positive: true },
        { id: 'very-high', min: 30, label: { zh: '很高', en: 'very high' }, positive: true },
      ],
    },
  ],
  missing: {
    kind: 'complete',
    source: 'No published missing-item rule found for the K10 (reference/scales.md §3.3); every item is required',
  },
  citation: [
    'Kessler RC, Andrews G, Colpe LJ, et al. Short screening scales to monitor population prevalences and trends in non-specific psychological distress. Psychol Med 2002;32:959–976',
    'Kessler RC, Barker PR, Colpe LJ, et al. Screening for serious mental illness in the general population. Arch Gen Psychiatry 2003;60:184–189',
    'Australian Bureau of Statistics. 4817.0.55.001 Information Paper: Use of the Kessler Psychological Distress Scale in ABS Health Surveys, Australia, 2007–08',
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
