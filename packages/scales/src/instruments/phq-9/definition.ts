import type { InstrumentDefinition } from '../../definition/schema.ts';
import { phqDifficulty, phqFrequency } from '../shared/options.ts';
import { phqCutoffs, phqSeverity } from '../shared/phq-bands.ts';

/**
 * Patient Health Questionnaire-9 (患者健康问卷-9). Sources and confidence: ./README.md.
 * @see Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606–613
 */
export const phq9: InstrumentDefinition = {
  id: 'phq-9',
  name: { zh: '患者健康问卷抑郁量表', en: 'Patient Health Questionnaire-9' },
  abbreviation: 'PHQ-9',
  version: '1.0.0',
  ages: { min: 13 },
  recall: { zh: '过去两周', en: 'last 2 weeks' },
  options: phqFrequency,
  items: [
    { id: '1', label: { zh: '兴趣减退', en: 'little interest or pleasure' }, loinc: '44250-9' },
    { id: '2', label: { zh: '情绪低落、绝望', en: 'feeling down, depressed or hopeless' }, loinc: '44255-8' },
    { id: '3', label: { zh: '睡眠问题', en: 'sleep problems' }, loinc: '44259-0' },
    { id: '4', label: { zh: '疲乏无力', en: 'tired or little energy' } },
    { id: '5', label: { zh: '食欲不振或暴食', en: 'poor appetite or overeating' } },
    { id: '6', label: { zh: '自我评价低', en: 'feeling bad about yourself' } },
    { id: '7', label: { zh: '注意力难以集中', en: 'trouble concentrating' } },
    { id: '8', label: { zh: '动作迟缓或烦躁不安', en: 'moving slowly or restless' } },
    { id: '9', label: { zh: '死亡或自伤念头', en: 'thoughts of death or self-harm' } },
    {
      id: '10',
      label: { zh: '上述问题造成的困难 (不计分)', en: 'difficulty caused by these problems (not scored)' },
      scored: false,
      optional: true,
      options: phqDifficulty,
    },
  ],
  scoring: 'sum',
  bandSets: [phqSeverity],
  cutoffs: phqCutoffs,
  critical: [
    {
      id: 'self-harm-thoughts',
      item: '9',
      min: 1,
      label: { zh: '第9题：死亡或自伤念头', en: 'item 9: thoughts of death or self-harm' },
      source: 'MII PROMs IG PHQ-9: any response ≥1 needs immediate clinical evaluation regardless of total',
    },
  ],
  missing: {
    kind: 'prorate',
    maxMissing: 2,
    source:
      'Arrieta J et al. J Clin Psychol 2017;73:1076–1090, doi:10.1002/jclp.22390 (≤2 missing: mean of answered × 9)',
  },
  derived: ['phq-depressive-syndrome'],
  citation: ['Kroenke K, Spitzer RL, Williams JBW. The PHQ-9. J Gen Intern Med 2001;16:606–613'],
  licence: {
    status: 'free',
    holder: 'Pfizer Inc.',
    notice: {
      zh: '© Pfizer Inc. 无需许可即可复制、翻译、展示或分发。',
      en: '© Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
    },
    itemText: true,
    source: 'HL7 US Core PHQ-9 Questionnaire example (copyright element)',
  },
  loinc: { panel: '44249-1', total: '44261-6' },
};
