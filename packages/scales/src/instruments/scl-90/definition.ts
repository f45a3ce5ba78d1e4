import type { InstrumentDefinition, SubscaleDefinition } from '../../definition/schema.ts';
import { sclFactorBands, sclSeverity } from '../shared/cn-severity.ts';
import { sclItems } from './items.ts';

const KEY = 'SCL-90 factor key (reference/scales.md §6.1 ✅ [AWELL scl90r], [SDC-PHP], [SCL-JS])';

/** Factor = mean of its items, by the published key (not contiguous blocks: reference/scales.md §0.3). */
const factor = (id: string, zh: string, en: string, items: readonly number[]): SubscaleDefinition => ({
  id,
  label: { zh, en },
  items: items.map(String),
  method: 'mean',
  bandSets: [sclFactorBands],
});

/** The ten factors, in the order of the Chinese score sheet. */
const sclFactors: readonly SubscaleDefinition[] = [
  factor('somatization', '躯体化', 'somatization', [1, 4, 12, 27, 40, 42, 48, 49, 52, 53, 56, 58]),
  factor('obsessive-compulsive', '强迫症状', 'obsessive-compulsive', [3, 9, 10, 28, 38, 45, 46, 51, 55, 65]),
  factor('interpersonal-sensitivity', '人际关系敏感', 'interpersonal sensitivity', [6, 21, 34, 36, 37, 41, 61, 69, 73]),
  factor('depression', '抑郁', 'depression', [5, 14, 15, 20, 22, 26, 29, 30, 31, 32, 54, 71, 79]),
  factor('anxiety', '焦虑', 'anxiety', [2, 17, 23, 33, 39, 57, 72, 78, 80, 86]),
  factor('hostility', '敌对', 'hostility', [11, 24, 63, 67, 74, 81]),
  factor('phobic-anxiety', '恐怖', 'phobic anxiety', [13, 25, 47, 50, 70, 75, 82]),
  factor('paranoid-ideation', '偏执', 'paranoid ideation', [8, 18, 43, 68, 76, 83]),
  factor('psychoticism', '精神病性', 'psychoticism', [7, 16, 35, 62, 77, 84, 85, 87, 88, 90]),
  factor('additional', '其他（睡眠、饮食等）', 'additional items (sleep, appetite)', [19, 44, 59, 60, 64, 66, 89]),
];

/**
 * Symptom Checklist-90 (症状自评量表), Chinese version scored 1–5 (total 90–450). A 0–4 file (SCL-90-R coding) is
 * read only with `coding: 'zero-based'`; every score stays on the 1–5 base. Sources and confidence: ./README.md.
 * @see Derogatis LR et al. 1973; 王征宇 1984 (Chinese version); 金华, 吴文源, 张明园 1986 (Chinese norms)
 */
export const scl90: InstrumentDefinition = {
  id: 'scl-90',
  name: { zh: '症状自评量表 (SCL-90)', en: 'Symptom Checklist-90 (Chinese version)' },
  abbreviation: 'SCL-90',
  version: '1.0.0',
  ages: { min: 13 },
  recall: { zh: '最近一周（包括今天）', en: 'past week, including today' },
  options: sclSeverity,
  items: sclItems,
  scoring: 'sum',
  subscales: [...sclFactors],
  mean: {
    label: { zh: '总均分 (GSI)', en: 'Global severity index (GSI)' },
    source: '总均分 = 总分 / 90 (reference/scales.md §6.1 ✅ [SCL-DOC])',
  },
  positiveItems: {
    min: 2,
    label: { zh: '阳性项目数与阳性症状均分', en: 'Positive items and positive symptom distress index (PSDI)' },
    source:
      '阳性项目数 = items ≥ 2 on the 1–5 base; 阳性症状均分 = (总分 − 阴性项目数) / 阳性项目数 (reference/scales.md §6.1 ✅ [SCL-DOC])',
  },
  screens: [
    {
      id: 'cn-screen',
      label: {
        zh: '筛查阳性（总分 >160，或阳性项目数 >43，或任一因子分 ≥2）',
        en: 'screen positive (total > 160, or positive items > 43, or any factor ≥ 2)',
      },
      any: [
        { id: 'total', score: 'total', op: '>', value: 160 },
        { id: 'positive-items', score: 'positive-count', op: '>', value: 43 },
        { id: 'factor', score: 'any-subscale', op: '>=', value: 2 },
      ],
      source:
        'Chinese norm usage: 总分超过160分, 或阳性项目数超过43项, 或任一因子分≥2分 (reference/scales.md §6.1 ◐ [SCL-R], [SCL-I18N]); boundaries per ./README.md',
    },
  ],
  bandSets: [],
  critical: [
    {
      id: 'scl-90-ending-life',
      item: '15',
      min: 2,
      label: { zh: '想结束自己的生命（有任何程度）', en: 'thoughts of ending life (any degree)' },
      source: 'SCL-90 item 15 (抑郁 factor); any answer above 没有 (reference/scales.md §6.1 ❓ content, §0.12)',
    },
    {
      id: 'scl-90-death',
      item: '59',
      min: 2,
      label: { zh: '想到死亡的事（有任何程度）', en: 'thoughts of death or dying (any degree)' },
      source: 'SCL-90 item 59 (其他); any answer above 没有 (reference/scales.md §6.1 ❓ content, §0.12)',
    },
  ],
  missing: {
    kind: 'complete',
    source: `No missing-item rule in the Chinese SCL-90 sources (reference/scales.md §6.1); every item is required. ${KEY}`,
  },
  citation: [
    'Derogatis LR, Lipman RS, Covi L. SCL-90: an outpatient psychiatric rating scale — preliminary report. Psychopharmacol Bull 1973;9:13–28',
    '王征宇. 症状自评量表 (SCL-90). 上海精神医学 1984;2:68–70',
    '金华, 吴文源, 张明园. 中国正常人 SCL-90 评定结果的初步分析. 中国神经精神疾病杂志 1986;12(5):260–263',
  ],
  licence: {
    status: 'unclear',
    holder: 'SCL-90-R: L.R. Derogatis / NCS Pearson; Chinese SCL-90: unclear',
    notice: {
      zh: 'SCL-90-R 的版权属于 Derogatis / Pearson；中文版 SCL-90 的权利状况不明。本包只提供计分规则和简短标签，不含条目原文；请使用您有权使用的量表文本。',
      en: 'SCL-90-R is © Derogatis / Pearson; the rights to the Chinese SCL-90 are unclear. This package ships the scoring key and short labels only, no item wording; use a form you are licensed to use.',
    },
    itemText: false,
    source: 'reference/scales.md §11 (SCL-90(-R): no item text by default) and §6.1 [AWELL ref]',
  },
};
