import type { InstrumentDefinition } from '../../definition/schema.ts';
import { yesNo } from '../shared/options.ts';

/**
 * Columbia-Suicide Severity Rating Scale, screen version, recent (哥伦比亚自杀严重程度评定量表筛查版).
 * Categorical triage by the highest item endorsed and the recency of behaviour, never a sum: `scoring: 'cssrs-screener'`.
 * Sources, confidence and decisions: ./README.md.
 * @see Posner K et al. Am J Psychiatry 2011;168:1266–1277; Columbia Lighthouse Project triage guidance
 */
export const cssrsScreener: InstrumentDefinition = {
  id: 'cssrs-screener',
  name: { zh: '哥伦比亚自杀严重程度评定量表 (筛查版)', en: 'Columbia-Suicide Severity Rating Scale, screen version' },
  abbreviation: 'C-SSRS Screener',
  version: '1.0.0',
  ages: { min: 12 },
  recall: {
    zh: '想法：过去一个月；行为：终生及过去3个月',
    en: 'ideation: past month; behaviour: lifetime and past 3 months',
  },
  options: yesNo,
  items: [
    { id: '1', label: { zh: '希望自己死去', en: 'wish to be dead' }, loinc: '93246-7' },
    { id: '2', label: { zh: '非特定的主动自杀想法', en: 'non-specific active suicidal thoughts' }, loinc: '93247-5' },
    // Items 3–5 are skipped when item 2 is "no".
    {
      id: '3',
      label: { zh: '有方法的自杀想法 (无计划无意图)', en: 'suicidal thoughts with method, no plan or intent' },
      optional: true,
      loinc: '93248-3',
    },
    {
      id: '4',
      label: { zh: '有自杀意图，无具体计划', en: 'suicidal intent without specific plan' },
      optional: true,
      loinc: '93249-1',
    },
    {
      id: '5',
      label: { zh: '有具体计划和意图', en: 'suicidal intent with specific plan' },
      optional: true,
      loinc: '93250-9',
    },
    { id: '6', label: { zh: '曾有自杀行为 (终生)', en: 'suicidal behaviour, lifetime' }, loinc: '93267-3' },
    {
      id: '6b',
      label: { zh: '自杀行为在过去3个月内', en: 'suicidal behaviour within the past 3 months' },
      // Asked only when item 6 is "yes".
      optional: true,
      loinc: '93269-9',
    },
  ],
  scoring: 'cssrs-screener',
  bandSets: [],
  missing: {
    kind: 'complete',
    source: 'no published missing-item rule; blanks are never read as "no" (unknown flags)',
  },
  citation: [
    'Posner K, Brown GK, Stanley B et al. The Columbia–Suicide Severity Rating Scale: initial validity and internal consistency findings from three multisite studies with adolescents and adults. Am J Psychiatry 2011;168:1266–1277. doi:10.1176/appi.ajp.2011.10111704',
  ],
  licence: {
    status: 'unclear',
    holder: 'Columbia Lighthouse Project / K. Posner (terms not confirmed)',
    notice: {
      zh: '使用条款未经确认 (需向哥伦比亚大学 Lighthouse Project 确认)；本包仅提供简短条目标签。',
      en: 'Terms of use not confirmed (ask the Columbia Lighthouse Project); this package ships short item labels only.',
    },
    itemText: false,
    source:
      'reference/scales.md §11; cssrs.columbia.edu triage page (no cost or licence for providers building it into an EHR)',
  },
};
