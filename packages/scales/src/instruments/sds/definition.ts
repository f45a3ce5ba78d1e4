import type { InstrumentDefinition } from '../../definition/schema.ts';
import { zungFrequency } from '../shared/options.ts';

/**
 * Zung Self-Rating Depression Scale (抑郁自评量表). Sources, confidence and decisions: ./README.md.
 * @see Zung WWK. A self-rating depression scale. Arch Gen Psychiatry 1965;12:63–70
 */
export const sds: InstrumentDefinition = {
  id: 'sds',
  name: { zh: '抑郁自评量表', en: 'Zung Self-Rating Depression Scale' },
  abbreviation: 'SDS',
  version: '1.0.0',
  ages: { min: 12 },
  recall: { zh: '过去一周', en: 'past week' },
  options: zungFrequency,
  items: [
    { id: '1', label: { zh: '情绪低落', en: 'depressed mood' } },
    { id: '2', label: { zh: '晨间心情最好', en: 'feels best in the morning' }, reverse: true },
    { id: '3', label: { zh: '易哭', en: 'crying spells' } },
    { id: '4', label: { zh: '夜间睡眠不好', en: 'trouble sleeping at night' } },
    { id: '5', label: { zh: '食欲如常', en: 'eats as much as usual' }, reverse: true },
    { id: '6', label: { zh: '性兴趣如常', en: 'sexual interest as usual' }, reverse: true },
    { id: '7', label: { zh: '体重减轻', en: 'weight loss' } },
    { id: '8', label: { zh: '便秘', en: 'constipation' } },
    { id: '9', label: { zh: '心跳加快', en: 'heart beats faster' } },
    { id: '10', label: { zh: '无故疲乏', en: 'tired for no reason' } },
    { id: '11', label: { zh: '头脑清楚', en: 'mind as clear as usual' }, reverse: true },
    { id: '12', label: { zh: '做事不困难', en: 'easy to do things' }, reverse: true },
    { id: '13', label: { zh: '坐立不安', en: 'restless' } },
    { id: '14', label: { zh: '对未来有希望', en: 'hopeful about the future' }, reverse: true },
    { id: '15', label: { zh: '易激惹', en: 'more irritable than usual' } },
    { id: '16', label: { zh: '容易做决定', en: 'easy to make decisions' }, reverse: true },
    { id: '17', label: { zh: '觉得自己有用', en: 'feels useful and needed' }, reverse: true },
    { id: '18', label: { zh: '生活充实', en: 'life is full' }, reverse: true },
    { id: '19', label: { zh: '觉得自己死了别人会更好', en: 'others better off if I were dead' } },
    { id: '20', label: { zh: '仍喜爱平常的事', en: 'still enjoys usual activities' }, reverse: true },
  ],
  scoring: 'sum',
  index: {
    multiplier: 1.25,
    label: { zh: '标准分', en: 'SDS index' },
    source: 'Zung 1965: index = raw/80 × 100 = raw × 1.25 (fpnotebook ZngSlfRtngDprsnScl; McDowell)',
  },
  bandSets: [
    {
      id: 'cn',
      label: { zh: '中国常模 (标准分 53/63/73)', en: 'Chinese norm (index 53/63/73)' },
      appliesTo: 'index',
      source:
        'Chinese norm, 标准分 ≥53 positive (raw normal upper limit 41); 王春芳 1986 / 汪向东 1999 as usually cited',
      bands: [
        { id: 'normal', min: 25, label: { zh: '无抑郁', en: 'normal' }, positive: false },
        { id: 'mild', min: 53, label: { zh: '轻度抑郁', en: 'mild' }, positive: true },
        { id: 'moderate', min: 63, label: { zh: '中度抑郁', en: 'moderate' }, positive: true },
        { id: 'severe', min: 73, label: { zh: '重度抑郁', en: 'severe' }, positive: true },
      ],
    },
    {
      id: 'us',
      label: { zh: '美国/原始分级 (标准分 50/60/70)', en: 'US / original (index 50/60/70)' },
      appliesTo: 'index',
      source: 'Zung 1965 index bands <50/50–59/60–69/≥70 (fpnotebook; soapnote; mdapp raw 40/48/56)',
      bands: [
        { id: 'normal', min: 25, label: { zh: '正常范围', en: 'normal range' }, positive: false },
        { id: 'mild', min: 50, label: { zh: '轻度抑郁', en: 'mildly depressed' }, positive: true },
        {
          id: 'moderate',
          min: 60,
          label: { zh: '中至明显抑郁', en: 'moderately to markedly depressed' },
          positive: true,
        },
        { id: 'severe', min: 70, label: { zh: '重度抑郁', en: 'severely depressed' }, positive: true },
      ],
    },
  ],
  defaultBandSet: 'cn',
  critical: [
    {
      id: 'better-off-dead',
      item: '19',
      min: 2,
      label: { zh: '第19题：觉得自己死了别人会更好', en: 'item 19: others better off if I were dead' },
      source:
        'design decision (reference/scales.md §2.1, §0.12): item 19 is suicidal ideation; flag from 小部分时间 (2) up',
    },
  ],
  missing: {
    kind: 'complete',
    source: 'no published missing-item rule found (reference/scales.md §2.1); a blank is never scored as 1',
  },
  citation: ['Zung WWK. A self-rating depression scale. Arch Gen Psychiatry 1965;12:63–70'],
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
