import type { InstrumentDefinition } from '../../definition/schema.ts';
import { zungFrequency } from '../shared/options.ts';

/**
 * Zung Self-Rating Anxiety Scale (焦虑自评量表). Sources, confidence and decisions: ./README.md.
 * @see Zung WWK. A rating instrument for anxiety disorders. Psychosomatics 1971;12:371–379
 */
export const sas: InstrumentDefinition = {
  id: 'sas',
  name: { zh: '焦虑自评量表', en: 'Zung Self-Rating Anxiety Scale' },
  abbreviation: 'SAS',
  version: '1.0.0',
  ages: { min: 12 },
  recall: { zh: '过去一周', en: 'past week' },
  options: zungFrequency,
  items: [
    { id: '1', label: { zh: '紧张和焦虑', en: 'nervous and anxious' } },
    { id: '2', label: { zh: '无故害怕', en: 'afraid for no reason' } },
    { id: '3', label: { zh: '易心烦意乱或惊恐', en: 'easily upset or panicky' } },
    { id: '4', label: { zh: '要发疯的感觉', en: 'feeling of falling apart' } },
    { id: '5', label: { zh: '觉得一切都好', en: 'everything is all right' }, reverse: true },
    { id: '6', label: { zh: '手脚发抖', en: 'arms and legs shake' } },
    { id: '7', label: { zh: '头痛、颈痛或背痛', en: 'headaches, neck or back pain' } },
    { id: '8', label: { zh: '容易衰弱和疲乏', en: 'weak and easily tired' } },
    { id: '9', label: { zh: '心平气和、能安静坐着', en: 'calm, can sit still' }, reverse: true },
    { id: '10', label: { zh: '心跳很快', en: 'heart beating fast' } },
    { id: '11', label: { zh: '头晕', en: 'dizziness' } },
    { id: '12', label: { zh: '晕倒或要晕倒的感觉', en: 'fainting or feeling faint' } },
    { id: '13', label: { zh: '呼吸顺畅', en: 'breathes easily' }, reverse: true },
    { id: '14', label: { zh: '手脚麻木刺痛', en: 'numbness or tingling' } },
    { id: '15', label: { zh: '胃痛或消化不良', en: 'stomach aches or indigestion' } },
    { id: '16', label: { zh: '常要小便', en: 'urinates often' } },
    { id: '17', label: { zh: '手常干燥温暖', en: 'hands usually dry and warm' }, reverse: true },
    { id: '18', label: { zh: '脸红发热', en: 'face gets hot and flushed' } },
    { id: '19', label: { zh: '容易入睡', en: 'falls asleep easily' }, reverse: true },
    { id: '20', label: { zh: '做噩梦', en: 'nightmares' } },
  ],
  scoring: 'sum',
  index: {
    multiplier: 1.25,
    label: { zh: '标准分', en: 'SAS index' },
    source: 'Zung 1971: index = raw/80 × 100 = raw × 1.25',
  },
  bandSets: [
    {
      id: 'cn',
      label: { zh: '中国常模 (标准分 50/60/70)', en: 'Chinese norm (index 50/60/70)' },
      appliesTo: 'index',
      source:
        'Chinese norm, 标准分 ≥50 positive (raw normal upper limit 40); 吴文源 1990 / 汪向东 1999 as usually cited',
      bands: [
        { id: 'normal', min: 25, label: { zh: '无焦虑', en: 'normal' }, positive: false },
        { id: 'mild', min: 50, label: { zh: '轻度焦虑', en: 'mild' }, positive: true },
        { id: 'moderate', min: 60, label: { zh: '中度焦虑', en: 'moderate' }, positive: true },
        { id: 'severe', min: 70, label: { zh: '重度焦虑', en: 'severe' }, positive: true },
      ],
    },
    {
      id: 'zung-1971',
      label: { zh: 'Zung 1971 原始分级 (标准分 45/60/75)', en: 'Zung 1971 original (index 45/60/75)' },
      appliesTo: 'index',
      source: 'Zung 1971 index ranges 25–44/45–59/60–74/≥75 (Wikipedia "Zung Self-Rating Anxiety Scale")',
      bands: [
        { id: 'normal', min: 25, label: { zh: '正常范围', en: 'normal range' }, positive: false },
        { id: 'mild-moderate', min: 45, label: { zh: '轻至中度焦虑', en: 'mild to moderate' }, positive: true },
        { id: 'marked-severe', min: 60, label: { zh: '明显至重度焦虑', en: 'marked to severe' }, positive: true },
        { id: 'extreme', min: 75, label: { zh: '极重度焦虑', en: 'extreme' }, positive: true },
      ],
    },
  ],
  defaultBandSet: 'cn',
  missing: {
    kind: 'complete',
    source: 'no published missing-item rule found (reference/scales.md §2.2); a blank is never scored as 1',
  },
  citation: ['Zung WWK. A rating instrument for anxiety disorders. Psychosomatics 1971;12:371–379'],
  licence: {
    status: 'unclear',
    holder: 'W.W.K. Zung (copyright status not confirmed)',
    notice: {
      zh: '量表版权状态未经确认；本包仅提供简短条目标签，不含条目原文。',
      en: 'Copyright status not confirmed; this package ships short item labels only, not the item wording.',
    },
    itemText: false,
    source: 'reference/scales.md §11 (Zung SDS/SAS: widely reproduced, status unconfirmed)',
  },
};
