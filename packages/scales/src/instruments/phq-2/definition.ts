import type { InstrumentDefinition } from '../../definition/schema.ts';
import { phqFrequency } from '../shared/options.ts';

/**
 * Patient Health Questionnaire-2 (患者健康问卷-2): PHQ-9 items 1–2, positive at ≥3. It has no suicide item.
 * Sources and confidence: ./README.md.
 * @see Kroenke K et al. Med Care 2003;41:1284–1292
 */
export const phq2: InstrumentDefinition = {
  id: 'phq-2',
  name: { zh: '患者健康问卷-2', en: 'Patient Health Questionnaire-2' },
  abbreviation: 'PHQ-2',
  version: '1.0.0',
  ages: { min: 13 },
  recall: { zh: '过去两周', en: 'last 2 weeks' },
  options: phqFrequency,
  items: [
    { id: '1', label: { zh: '兴趣减退', en: 'little interest or pleasure' }, loinc: '44250-9' },
    { id: '2', label: { zh: '情绪低落、绝望', en: 'feeling down, depressed or hopeless' }, loinc: '44255-8' },
  ],
  scoring: 'sum',
  bandSets: [
    {
      id: 'kroenke-2003',
      label: { zh: 'Kroenke 2003 筛查界值', en: 'Kroenke 2003 screen' },
      appliesTo: 'total',
      source: 'Kroenke K et al. Med Care 2003;41:1284–1292 (cut-off ≥3)',
      bands: [
        { id: 'negative', min: 0, label: { zh: '阴性', en: 'negative' }, positive: false },
        {
          id: 'positive',
          min: 3,
          label: { zh: '阳性：需做完整 PHQ-9', en: 'positive: give the full PHQ-9' },
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
      source:
        'Kroenke K et al. Med Care 2003;41:1284–1292; adolescents: Richardson LP et al. Pediatrics 2010;125:e1097 (sens 74%, spec 75%)',
    },
  ],
  missing: {
    kind: 'complete',
    source: 'No published proration rule for the PHQ-2; a two-item total with one item missing is not a PHQ-2 score',
  },
  citation: ['Kroenke K et al. Med Care 2003;41:1284–1292 (PHQ-2)'],
  licence: {
    status: 'free',
    holder: 'Pfizer Inc.',
    notice: {
      zh: '© Pfizer Inc. 无需许可即可复制、翻译、展示或分发。',
      en: '© Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
    },
    itemText: true,
    source: 'HL7 US Core PHQ-9 Questionnaire example (copyright element); PHQ-2 = PHQ-9 items 1–2',
  },
  loinc: { panel: '55757-9', total: '55758-7' },
};
