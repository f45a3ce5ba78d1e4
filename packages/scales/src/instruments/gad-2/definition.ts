import type { InstrumentDefinition } from '../../definition/schema.ts';
import { phqFrequency } from '../shared/options.ts';

/**
 * Generalized Anxiety Disorder-2 (广泛性焦虑障碍量表-2): GAD-7 items 1–2, positive at ≥3.
 * Sources and confidence: ./README.md.
 * @see Kroenke K et al. Ann Intern Med 2007;146:317–325
 */
export const gad2: InstrumentDefinition = {
  id: 'gad-2',
  name: { zh: '广泛性焦虑障碍量表-2', en: 'Generalized Anxiety Disorder-2' },
  abbreviation: 'GAD-2',
  version: '1.0.0',
  ages: { min: 18 },
  recall: { zh: '过去两周', en: 'last 2 weeks' },
  options: phqFrequency,
  items: [
    { id: '1', label: { zh: '紧张、焦虑或烦躁', en: 'nervous, anxious or on edge' }, loinc: '69725-0' },
    { id: '2', label: { zh: '无法停止或控制担忧', en: 'not able to stop or control worrying' }, loinc: '68509-9' },
  ],
  scoring: 'sum',
  bandSets: [
    {
      id: 'kroenke-2007',
      label: { zh: 'Kroenke 2007 筛查界值', en: 'Kroenke 2007 screen' },
      appliesTo: 'total',
      source: 'Kroenke K et al. Ann Intern Med 2007;146:317–325 (cut-off ≥3)',
      bands: [
        { id: 'negative', min: 0, label: { zh: '阴性', en: 'negative' }, positive: false },
        {
          id: 'positive',
          min: 3,
          label: { zh: '阳性：需做完整 GAD-7', en: 'positive: give the full GAD-7' },
          positive: true,
        },
      ],
    },
  ],
  cutoffs: [
    {
      id: 'screen',
      min: 3,
      label: { zh: '筛查阳性 (≥3)', en: 'screen positive (≥3)' },
      source: 'Kroenke K et al. Ann Intern Med 2007;146:317–325 (sens 86%, spec 83% for GAD)',
    },
  ],
  missing: {
    kind: 'complete',
    source: 'No published proration rule for the GAD-2; a two-item total with one item missing is not a GAD-2 score',
  },
  citation: ['Kroenke K et al. Ann Intern Med 2007;146:317–325 (GAD-2 cut-off ≥3)'],
  licence: {
    status: 'free',
    holder: 'Pfizer Inc.',
    notice: {
      zh: '© Pfizer Inc. 无需许可即可复制、翻译、展示或分发。',
      en: '© Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
    },
    itemText: true,
    source: 'Pfizer notice on a public GAD-7 FHIR Questionnaire (LOINC 69737-5); GAD-2 = GAD-7 items 1–2',
  },
};
