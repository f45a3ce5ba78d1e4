import type { BandSet, InstrumentDefinition, ItemDefinition, SubscaleDefinition } from '../../definition/schema.ts';
import { mssmhsSeverity } from '../shared/cn-severity.ts';

const SOURCE_KEY =
  'MSSMHS factor key (reference/scales.md §6.3 ✅ [SDC-PHP], [MSS-VUE], [MSS-UCZ], [MSS-360]; re-read in [MSS-360], uczhidao)';

/**
 * 王极盛 bands on a factor mean or the total mean (1–5 base): below 2 normal; 2–2.99 mild; 3–3.99 moderate;
 * 4–4.99 relatively severe; 5 severe. ≥ 2 needs attention, so every band from mild up is positive.
 */
const bands: BandSet = {
  id: 'wang-1997',
  label: { zh: '王极盛 (1997) 分级', en: 'Wang (1997) levels' },
  appliesTo: 'mean',
  source:
    '王极盛 1997 via [MSS-DAOWEN], [MSS-XML]: 2–2.99 轻度, 3–3.99 中等, 4–4.99 较重, 5 严重; ≥2 需关注 (reference/scales.md §6.3 ✅)',
  bands: [
    { id: 'normal', min: 1, label: { zh: '正常', en: 'normal' }, positive: false },
    { id: 'mild', min: 2, label: { zh: '轻度问题', en: 'mild' }, positive: true },
    { id: 'moderate', min: 3, label: { zh: '中等程度问题', en: 'moderate' }, positive: true },
    { id: 'relatively-severe', min: 4, label: { zh: '较重问题', en: 'relatively severe' }, positive: true },
    { id: 'severe', min: 5, label: { zh: '严重问题', en: 'severe' }, positive: true },
  ],
};

const factors: readonly [id: string, zh: string, en: string, items: readonly number[]][] = [
  ['obsessive-compulsive', '强迫症状', 'obsessive-compulsive symptoms', [3, 10, 12, 22, 23, 48]],
  ['paranoia', '偏执', 'paranoia', [11, 20, 24, 26, 47, 49]],
  ['hostility', '敌对', 'hostility', [19, 21, 25, 50, 52, 58]],
  ['interpersonal-sensitivity', '人际关系紧张与敏感', 'interpersonal tension and sensitivity', [4, 17, 18, 45, 51, 59]],
  ['depression', '抑郁', 'depression', [5, 13, 14, 16, 44, 57]],
  ['anxiety', '焦虑', 'anxiety', [6, 15, 34, 43, 46, 56]],
  ['academic-pressure', '学习压力', 'academic pressure', [31, 33, 36, 38, 40, 55]],
  ['maladjustment', '适应不良', 'maladjustment', [1, 8, 9, 29, 39, 41]],
  ['emotional-instability', '情绪不平衡', 'emotional instability', [2, 7, 27, 32, 35, 53]],
  ['psychological-imbalance', '心理不平衡', 'psychological imbalance', [28, 30, 37, 42, 54, 60]],
];

const factorOf = new Map(factors.flatMap(([, zh, en, items]) => items.map((n) => [n, { zh, en }] as const)));

// No item wording is shipped (rights unclear) and no validated short labels were found: items are named by number
// and factor, which is what a score sheet needs.
const items: ItemDefinition[] = Array.from({ length: 60 }, (_, i) => {
  const factor = factorOf.get(i + 1);
  if (!factor) throw new Error(`MSSMHS item ${i + 1} has no factor`);
  return { id: String(i + 1), label: { zh: `第${i + 1}题（${factor.zh}）`, en: `item ${i + 1} (${factor.en})` } };
});

const subscales: SubscaleDefinition[] = factors.map(([id, zh, en, list]) => ({
  id,
  label: { zh, en },
  items: list.map(String),
  method: 'mean',
  bandSets: [bands],
}));

/**
 * 中国中学生心理健康量表 (MSSMHS, 王极盛 1997; also MMHI-60): 60 items scored 1–5, ten factors of six items each.
 * Factor score = mean of its items; 总均分 = total ÷ 60; both banded at 2/3/4/5. Scores stay on the 1–5 base: a
 * 0–4 file is read only with `coding: 'zero-based'` (reference/scales.md §0.4). Sources and confidence: ./README.md.
 * @see 王极盛, 李焰, 赫尔实. 中国中学生心理健康量表的编制及其标准化. 社会心理科学 1997
 */
export const mssmhs: InstrumentDefinition = {
  id: 'mssmhs',
  name: { zh: '中国中学生心理健康量表', en: 'Mental Health Scale for Chinese Middle School Students' },
  abbreviation: 'MSSMHS',
  version: '1.0.0',
  ages: { min: 12, max: 18 },
  recall: { zh: '近10天', en: 'last 10 days' },
  options: mssmhsSeverity,
  items,
  scoring: 'sum',
  subscales,
  mean: {
    label: { zh: '总均分', en: 'Total mean' },
    source: '总均分 = Σ60 / 60 (reference/scales.md §6.3 ✅ [MSS-DAOWEN])',
  },
  screens: [
    {
      id: 'attention',
      label: { zh: '需要关注（任一因子分 ≥2 或总均分 ≥2）', en: 'needs attention (any factor ≥ 2 or total mean ≥ 2)' },
      any: [
        { id: 'factor', score: 'any-subscale', op: '>=', value: 2 },
        { id: 'mean', score: 'mean', op: '>=', value: 2 },
      ],
      source: '当某个因子分≥2或总均分≥2时需要引起注意 ([MSS-XML]; reference/scales.md §6.3 ✅)',
    },
  ],
  bandSets: [bands],
  missing: {
    kind: 'complete',
    source: `No missing-item rule in the sources (reference/scales.md §6.3): every item is required ("每个题目都要答", [MSS-360]). ${SOURCE_KEY}`,
  },
  citation: ['王极盛, 李焰, 赫尔实. 中国中学生心理健康量表的编制及其标准化. 社会心理科学 1997'],
  licence: {
    status: 'unclear',
    holder: '王极盛 (Wang Jisheng)',
    notice: {
      zh: '中国中学生心理健康量表（王极盛 1997）为已出版的测验，使用权利不明。本包只提供计分规则，不含条目原文；请使用您有权使用的量表文本。',
      en: 'The MSSMHS (Wang 1997) is a published test whose usage rights are unclear. This package ships the scoring key only, no item wording; use a form you are licensed to use.',
    },
    itemText: false,
    source: 'reference/scales.md §11 (MHT, MSSMHS: no item text until cleared)',
  },
};
