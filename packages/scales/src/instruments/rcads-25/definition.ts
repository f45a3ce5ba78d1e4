import type { InstrumentDefinition } from '../../definition/schema.ts';

const DEPRESSION = ['1', '4', '8', '10', '13', '15', '16', '19', '21', '24'];
const ANXIETY = ['2', '3', '5', '6', '7', '9', '11', '12', '14', '17', '18', '20', '22', '23', '25'];
const KEY =
  'NDA "RCADS-25 Youth Self-Assessment" as in davhunt/instruments rcads/english/child-self/rcads_datadict.csv';

/**
 * Revised Child Anxiety and Depression Scale, 25-item short version (儿童焦虑抑郁量表修订版-简版), youth self-report.
 * Raw scores only: total 0–75, depression 0–30 (10 items), anxiety 0–45 (15 items). T-scores (grade × sex norms) are
 * not implemented, so there are no bands or cut-offs. Sources and confidence: ./README.md.
 * @see Ebesutani C et al. Psychol Assess 2012;24:833–845
 */
export const rcads25: InstrumentDefinition = {
  id: 'rcads-25',
  name: {
    zh: '儿童焦虑抑郁量表修订版 (25项简版)',
    en: 'Revised Child Anxiety and Depression Scale, short version (RCADS-25)',
  },
  abbreviation: 'RCADS-25',
  version: '1.0.0',
  ages: { min: 8, max: 18 },
  recall: { zh: '平时 (量表未规定回顾期)', en: 'usually (no fixed recall period)' },
  options: [
    { value: 0, label: { zh: '从不', en: 'Never' }, aliases: ['从来没有', '没有'] },
    { value: 1, label: { zh: '有时', en: 'Sometimes' }, aliases: ['有时候'] },
    { value: 2, label: { zh: '经常', en: 'Often' }, aliases: ['常常'] },
    { value: 3, label: { zh: '总是', en: 'Always' }, aliases: ['一直', '总是如此'] },
  ],
  items: [
    { id: '1', label: { zh: '感到悲伤或空虚', en: 'sad or empty' } },
    { id: '2', label: { zh: '做得不好时担心', en: 'worries after doing poorly' } },
    { id: '3', label: { zh: '害怕一个人在家', en: 'afraid of being alone at home' } },
    { id: '4', label: { zh: '做什么都没意思', en: 'nothing is much fun' } },
    { id: '5', label: { zh: '担心家人会出事', en: 'worries something awful will happen to family' } },
    { id: '6', label: { zh: '害怕人多的地方', en: 'afraid of crowded places' } },
    { id: '7', label: { zh: '担心别人怎么看自己', en: 'worries what others think' } },
    { id: '8', label: { zh: '睡眠困难', en: 'trouble sleeping' } },
    { id: '9', label: { zh: '害怕一个人睡', en: 'scared to sleep alone' } },
    { id: '10', label: { zh: '食欲问题', en: 'appetite problems' } },
    { id: '11', label: { zh: '无故突然头晕或要晕倒', en: 'sudden dizziness or faintness for no reason' } },
    { id: '12', label: { zh: '不得不反复做某些事', en: 'has to do things over and over' } },
    { id: '13', label: { zh: '没有精力', en: 'no energy' } },
    { id: '14', label: { zh: '无故突然发抖', en: 'sudden trembling for no reason' } },
    { id: '15', label: { zh: '无法清晰思考', en: 'cannot think clearly' } },
    { id: '16', label: { zh: '觉得自己没有价值', en: 'feels worthless' } },
    { id: '17', label: { zh: '要想特别的念头来阻止坏事', en: 'special thoughts to stop bad things happening' } },
    { id: '18', label: { zh: '想到死亡', en: 'thinks about death' } },
    { id: '19', label: { zh: '不想动', en: 'does not want to move' } },
    { id: '20', label: { zh: '担心会无故突然害怕', en: 'worries about a sudden scared feeling' } },
    { id: '21', label: { zh: '经常很累', en: 'tired a lot' } },
    { id: '22', label: { zh: '害怕在别人面前出丑', en: 'afraid of making a fool of self' } },
    { id: '23', label: { zh: '要把事情做得恰到好处来阻止坏事', en: 'does things just right to stop bad things' } },
    { id: '24', label: { zh: '坐立不安', en: 'restless' } },
    { id: '25', label: { zh: '担心自己会出事', en: 'worries something bad will happen to self' } },
  ],
  scoring: 'sum',
  subscales: [
    { id: 'depression', label: { zh: '抑郁', en: 'Depression' }, items: DEPRESSION, method: 'sum' },
    { id: 'anxiety', label: { zh: '焦虑', en: 'Anxiety' }, items: ANXIETY, method: 'sum' },
  ],
  bandSets: [],
  missing: {
    kind: 'complete',
    source: `${KEY}: scores only when every item is answered ("threshold for scoring is 100%"); the official workbook's proration is not confirmed for the RCADS-25`,
  },
  citation: [
    'Ebesutani C, Reise SP, Chorpita BF, et al. The Revised Child Anxiety and Depression Scale-Short Version: scale reduction via exploratory bifactor modeling of the broad anxiety factor. Psychol Assess 2012;24:833–845',
    'Chorpita BF, Yim L, Moffitt C, Umemoto LA, Francis SE. Assessment of symptoms of DSM-IV anxiety and depression in children: a revised child anxiety and depression scale. Behav Res Ther 2000;38:835–855',
  ],
  licence: {
    status: 'permission-required',
    holder: 'Bruce F. Chorpita and Susan H. Spence (distributed by UCLA Child FIRST)',
    notice: {
      zh: '© Chorpita & Spence。个人临床与教学使用无需书面许可；机构临床使用、研究、纳入电子健康记录、翻译及衍生作品须获书面许可；官方题目、计分资源与常模只能从 UCLA 网站获取。',
      en: '© Chorpita & Spence. Individual clinical and educational use needs no written permission; institutional clinical use, research, inclusion in an electronic health record, translations and derivatives need written permission; items, scoring resources and norms are distributed only through the UCLA site.',
    },
    itemText: false,
    source: 'rcads.ucla.edu/permissionsoverview and FAQ "What are the terms of use for the RCADS?"',
  },
};
