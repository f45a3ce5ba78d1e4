import type { InstrumentDefinition } from '../../definition/schema.ts';
import { phqFrequency } from '../shared/options.ts';

/**
 * Generalized Anxiety Disorder-7 (广泛性焦虑障碍量表-7). Sources and confidence: ./README.md.
 * @see Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092–1097
 */
export const gad7: InstrumentDefinition = {
  id: 'gad-7',
  name: { zh: '广泛性焦虑障碍量表', en: 'Generalized Anxiety Disorder-7' },
  abbreviation: 'GAD-7',
  version: '1.0.0',
  ages: { min: 15 },
  recall: { zh: '过去两周', en: 'last 2 weeks' },
  options: phqFrequency,
  items: [
    { id: '1', label: { zh: '紧张、焦虑或烦躁', en: 'nervous, anxious or on edge' }, loinc: '69725-0' },
    { id: '2', label: { zh: '无法停止或控制担忧', en: 'not able to stop or control worrying' }, loinc: '68509-9' },
    { id: '3', label: { zh: '对各种事情过度担忧', en: 'worrying too much about different things' }, loinc: '69733-4' },
    { id: '4', label: { zh: '很难放松', en: 'trouble relaxing' }, loinc: '69734-2' },
    { id: '5', label: { zh: '坐立不安', en: 'so restless it is hard to sit still' }, loinc: '69735-9' },
    { id: '6', label: { zh: '容易烦恼或易怒', en: 'easily annoyed or irritable' }, loinc: '69689-8' },
    { id: '7', label: { zh: '害怕会有可怕的事发生', en: 'afraid something awful might happen' }, loinc: '69736-7' },
  ],
  scoring: 'sum',
  bandSets: [
    {
      id: 'spitzer-2006',
      label: { zh: 'Spitzer 2006 严重程度分级', en: 'Spitzer 2006 severity' },
      appliesTo: 'total',
      source: 'Spitzer RL et al. Arch Intern Med 2006;166:1092–1097 (cut points 5, 10, 15)',
      bands: [
        { id: 'minimal', min: 0, label: { zh: '无或极轻', en: 'minimal' }, positive: false },
        { id: 'mild', min: 5, label: { zh: '轻度', en: 'mild' }, positive: false },
        { id: 'moderate', min: 10, label: { zh: '中度', en: 'moderate' }, positive: true },
        { id: 'severe', min: 15, label: { zh: '重度', en: 'severe' }, positive: true },
      ],
    },
  ],
  cutoffs: [
    {
      id: 'screen',
      min: 10,
      label: { zh: '筛查阳性 (≥10)', en: 'screen positive (≥10)' },
      source: 'Spitzer RL et al. Arch Intern Med 2006;166:1092–1097 (sens 89%, spec 82% for GAD)',
    },
  ],
  missing: {
    kind: 'complete',
    source: 'No published missing-item rule found for the GAD-7 (reference/scales.md §1.4); every item is required',
  },
  citation: [
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092–1097',
  ],
  licence: {
    status: 'free',
    holder: 'Pfizer Inc.',
    notice: {
      zh: '© Pfizer Inc. 无需许可即可复制、翻译、展示或分发。',
      en: '© Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
    },
    itemText: true,
    source: 'Pfizer notice on public PHQ-screener FHIR Questionnaires (GAD-7, LOINC 69737-5; PHQ-15, LOINC 69728-4)',
  },
  loinc: { panel: '69737-5', total: '70274-6' },
};
