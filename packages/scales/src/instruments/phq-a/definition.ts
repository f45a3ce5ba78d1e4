import type { InstrumentDefinition } from '../../definition/schema.ts';
import { phqDifficulty, phqFrequency, yesNo } from '../shared/options.ts';
import { phqaCutoffs, phqSeverity } from '../shared/phq-bands.ts';

/**
 * PHQ-9 Modified for Teens (PHQ-A, 青少年版PHQ-9): nine symptom items scored as PHQ-9, plus four supplements that are
 * asked but not summed; two of them (c, d) are suicide items. Sources and confidence: ./README.md.
 * @see Johnson JG, Harris ES, Spitzer RL, Williams JBW. J Adolesc Health 2002;30:196–204
 */
export const phqA: InstrumentDefinition = {
  id: 'phq-a',
  name: { zh: '患者健康问卷青少年版 (青少年版PHQ-9)', en: 'PHQ-9 Modified for Teens (PHQ-A)' },
  abbreviation: 'PHQ-A',
  version: '1.0.0',
  ages: { min: 12, max: 18 },
  recall: { zh: '过去两周', en: 'last 2 weeks' },
  options: phqFrequency,
  // Teen order differs from the adult PHQ-9: items 1↔2 and 4↔5 are swapped (NIMH ASQ toolkit PHQ-A page).
  items: [
    { id: '1', label: { zh: '情绪低落、烦躁或绝望', en: 'feeling down, depressed, irritable or hopeless' } },
    { id: '2', label: { zh: '兴趣减退', en: 'little interest or pleasure' } },
    { id: '3', label: { zh: '睡眠问题', en: 'sleep problems' } },
    { id: '4', label: { zh: '食欲不振、体重下降或暴食', en: 'poor appetite, weight loss or overeating' } },
    { id: '5', label: { zh: '疲乏无力', en: 'tired or little energy' } },
    { id: '6', label: { zh: '自我评价低', en: 'feeling bad about yourself' } },
    { id: '7', label: { zh: '注意力难以集中 (如学习)', en: 'trouble concentrating (e.g. school work)' } },
    { id: '8', label: { zh: '动作迟缓或烦躁不安', en: 'moving slowly or restless' } },
    { id: '9', label: { zh: '死亡或自伤念头', en: 'thoughts of death or self-harm' } },
    {
      id: 'a',
      label: {
        zh: '过去一年多数日子感到抑郁或悲伤 (不计分)',
        en: 'past year: depressed or sad most days (not scored)',
      },
      scored: false,
      optional: true,
      options: yesNo,
    },
    {
      id: 'b',
      label: { zh: '上述问题造成的困难 (不计分)', en: 'difficulty caused by these problems (not scored)' },
      scored: false,
      optional: true,
      options: phqDifficulty,
    },
    // c and d are not optional: an answer array must carry them (blank allowed), so a PHQ-9 row cannot pass as PHQ-A.
    {
      id: 'c',
      label: {
        zh: '过去一个月认真想过结束生命 (不计分)',
        en: 'past month: serious thoughts of ending life (not scored)',
      },
      scored: false,
      options: yesNo,
    },
    {
      id: 'd',
      label: { zh: '曾经尝试自杀 (不计分)', en: 'ever attempted suicide (not scored)' },
      scored: false,
      options: yesNo,
    },
  ],
  scoring: 'sum',
  bandSets: [phqSeverity],
  cutoffs: phqaCutoffs,
  critical: [
    {
      id: 'self-harm-thoughts',
      item: '9',
      min: 1,
      label: { zh: '第9题：死亡或自伤念头', en: 'item 9: thoughts of death or self-harm' },
      source:
        'MII PROMs IG PHQ-9 (any response ≥1 needs immediate evaluation); GLAD-PC PHQ-9 Modified for Teens scoring sheet (item 9 positive at 1–3)',
    },
    {
      id: 'serious-suicidal-ideation',
      item: 'c',
      min: 1,
      label: {
        zh: '补充题c：过去一个月认真想过结束生命',
        en: 'supplement c: serious thoughts of ending life in the past month',
      },
      source:
        'Design (reference/scales.md §0.12, §1.2); Psychiatr Serv doi:10.1176/appi.ps.202000207 (PHQ-9-M past-month serious ideation counted as suicide-risk endorsement)',
    },
    {
      id: 'lifetime-suicide-attempt',
      item: 'd',
      min: 1,
      label: { zh: '补充题d：曾经尝试自杀', en: 'supplement d: lifetime suicide attempt' },
      source:
        'Design (reference/scales.md §0.12, §1.2); Psychiatr Serv doi:10.1176/appi.ps.202000207 (lifetime attempt counted as suicide-risk endorsement); Tsui F et al. JAMA Netw Open 2024;7(10):e2438144',
    },
  ],
  missing: {
    kind: 'prorate',
    maxMissing: 2,
    source:
      'Arrieta J et al. J Clin Psychol 2017;73:1076–1090, doi:10.1002/jclp.22390 (PHQ-9 rule, applied to the same nine items: ≤2 missing, mean of answered × 9)',
  },
  derived: ['phq-depressive-syndrome'],
  citation: [
    'Johnson JG, Harris ES, Spitzer RL, Williams JBW. The patient health questionnaire for adolescents: validation of an instrument for the assessment of mental disorders among adolescent primary care patients. J Adolesc Health 2002;30:196–204, doi:10.1016/s1054-139x(01)00333-0',
    'Guidelines for Adolescent Depression in Primary Care (GLAD-PC) toolkit, version 2, 2010: PHQ-9 Modified for Teens',
  ],
  licence: {
    status: 'unclear',
    holder: 'Pfizer Inc. (PHQ); adolescent modification distributed in the GLAD-PC toolkit',
    notice: {
      zh: 'PHQ 系列 © Pfizer Inc.。青少年版 (PHQ-A/PHQ-9 Modified for Teens) 的使用条款未经确认：GLAD-PC 表格页脚写有 "Use with Permission"。本包只提供简短条目标签。',
      en: 'PHQ family © Pfizer Inc. Terms for the teen version (PHQ-A / PHQ-9 Modified for Teens) are not confirmed: the GLAD-PC form footer reads "Use with Permission". Only short item labels ship here.',
    },
    itemText: false,
    source: 'reference/scales.md §1.2 and §11 (❓); GLAD-PC form footer, scribd document 732781826 (◐)',
  },
  loinc: { panel: '89206-7', total: '89204-2' },
};
