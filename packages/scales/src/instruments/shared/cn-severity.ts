import type { BandSet, ResponseOption } from '../../definition/schema.ts';

/**
 * SCL-90 (Chinese version) severity options, 1–5: 没有 / 很轻 / 中等 / 偏重 / 严重.
 * Aliases are the 0–4 SCL-90-R wording in Chinese (从无, 轻度, 中度, 相当重) and English.
 * @see reference/scales.md §6.1 [SCL-I18N], [SCL-JAVA]
 */
export const sclSeverity: ResponseOption[] = [
  { value: 1, label: { zh: '没有', en: 'Not at all' }, aliases: ['从无', '无'] },
  { value: 2, label: { zh: '很轻', en: 'A little bit' }, aliases: ['轻度'] },
  { value: 3, label: { zh: '中等', en: 'Moderately' }, aliases: ['中度'] },
  { value: 4, label: { zh: '偏重', en: 'Quite a bit' }, aliases: ['相当重'] },
  { value: 5, label: { zh: '严重', en: 'Extremely' } },
];

/**
 * MSSMHS (王极盛) options, 1–5: 无 / 轻度 / 中度 / 偏重 / 严重.
 * @see reference/scales.md §6.3 [MSS-360], [MSS-JXW]
 */
export const mssmhsSeverity: ResponseOption[] = [
  { value: 1, label: { zh: '无', en: 'None' }, aliases: ['没有', '从无'] },
  { value: 2, label: { zh: '轻度', en: 'Mild' }, aliases: ['很轻'] },
  { value: 3, label: { zh: '中度', en: 'Moderate' }, aliases: ['中等'] },
  { value: 4, label: { zh: '偏重', en: 'Rather severe' }, aliases: ['较重'] },
  { value: 5, label: { zh: '严重', en: 'Severe' } },
];

/**
 * Chinese factor-mean bands on the 1–5 base shared by the SCL-90 factors: below 2 within normal limits, ≥2 needs
 * attention, ≥3 marked.
 * @see reference/scales.md §6.1 factor bands ◐ [SCL-I18N]
 */
export const sclFactorBands: BandSet = {
  id: 'cn-factor',
  label: { zh: '因子分（1–5 计分）', en: 'factor mean (1–5 base)' },
  appliesTo: 'total',
  source: 'SCL-90 Chinese usage: factor mean ≥ 2 needs attention, ≥ 3 marked (reference/scales.md §6.1, ◐ [SCL-I18N])',
  bands: [
    { id: 'normal', min: 1, label: { zh: '正常范围', en: 'within normal limits' }, positive: false },
    { id: 'attention', min: 2, label: { zh: '需要关注', en: 'needs attention' }, positive: true },
    { id: 'marked', min: 3, label: { zh: '明显异常', en: 'marked' }, positive: true },
  ],
};
