import { describe, expect, it } from 'vitest';
import { examples } from './examples.ts';
import { formatDomainIssues, parseDomain } from './issues.ts';
import { type DomainObjectName, domainSchemas } from './json-schema.ts';

const names = Object.keys(domainSchemas) as DomainObjectName[];

/** The example for `name` with `patch` applied; `undefined` in the patch removes a field. */
function variant(name: DomainObjectName, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...examples[name], ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k];
  return out;
}

describe('valid examples', () => {
  it.each(names)('%s parses', (name) => {
    const r = parseDomain(domainSchemas[name], examples[name], 'en');
    expect(r.ok ? [] : formatDomainIssues(r.error, 'en')).toEqual([]);
  });

  it.each<[DomainObjectName, Record<string, unknown>]>([
    ['student', { grade: 16, age: 22 }],
    ['caller', { ageBand: 'unknown', age: undefined, sex: undefined }],
    // 14:30Z is 22:30+08:00: instants compare by time, not as strings.
    ['contact', { endedAt: '2025-03-01T14:30:00Z' }],
    ['contact', { endedAt: undefined, plan: undefined, intent: undefined, keywordHits: [] }],
    [
      'riskAssessment',
      { assessedBy: 'staff', ruleSet: undefined, staffId: 'staff-17', level: 'R1', previousLevel: 'R3' },
    ],
    ['case', { status: 'closed', closedAt: '2025-04-26T09:00:00+08:00' }],
    [
      'workOrder',
      { target: { kind: 'police', id: '110' }, status: 'completed', completedAt: '2025-03-01T23:00:00+08:00' },
    ],
    ['followUp', { doneAt: undefined, outcome: undefined, level: undefined }],
    ['feedback', { to: 'caller', schoolId: undefined, callerId: 'cal-0001' }],
    ['station', { region: undefined }],
  ])('%s variant %j parses', (name, patch) => {
    const r = parseDomain(domainSchemas[name], variant(name, patch), 'en');
    expect(r.ok ? [] : formatDomainIssues(r.error, 'en')).toEqual([]);
  });
});

describe('invalid examples', () => {
  it.each<[DomainObjectName, Record<string, unknown>, string]>([
    ['student', { name: 'x' }, '(root)'],
    ['student', { age: 4 }, 'age'],
    ['student', { grade: 17 }, 'grade'],
    ['student', { class: '' }, 'class'],
    ['student', { sex: 'f' }, 'sex'],
    ['student', { id: '张三' }, 'id'],
    ['student', { id: '13812345678' }, 'id'],
    ['student', { id: '44190020100101123X' }, 'id'],
    ['caller', { age: 30 }, 'age'],
    ['caller', { ageBand: 'teen' }, 'ageBand'],
    ['caller', { phone: 'x' }, '(root)'],
    ['screeningBatch', { instruments: [] }, 'instruments'],
    ['screeningBatch', { grades: { from: 9, to: 7 } }, 'grades.to'],
    ['screeningBatch', { date: '2025/03/01' }, 'date'],
    ['screeningResult', { flags: { x: 'negative' } }, 'flags.x'],
    ['screeningResult', { instrument: { id: 'PHQ 9', version: '1' } }, 'instrument.id'],
    ['screeningResult', { scoredAt: undefined }, 'scoredAt'],
    ['contact', { endedAt: '2025-03-01T21:00:00+08:00' }, 'endedAt'],
    ['contact', { endedAt: '2025-03-01T14:00:00Z' }, 'endedAt'],
    ['contact', { category: 'emergency' }, 'category'],
    ['contact', { channel: 'phone' }, 'channel'],
    ['contact', { startedAt: '2025-03-01T22:04:00' }, 'startedAt'],
    ['contact', { keywordHits: ['x'.repeat(33)] }, 'keywordHits[0]'],
    ['contact', { transcript: '…' }, '(root)'],
    ['riskAssessment', { level: 'R1', previousLevel: 'R3' }, 'level'],
    ['riskAssessment', { contactId: undefined }, 'caseId'],
    ['riskAssessment', { assessedBy: 'robot' }, 'assessedBy'],
    ['riskAssessment', { assessedBy: 'staff' }, '(root)'],
    ['riskAssessment', { ruleSet: { id: 'default', version: '1', hash: 'md5:00' } }, 'ruleSet.hash'],
    ['riskAssessment', { reason: '' }, 'reason'],
    ['case', { status: 'closed' }, 'closedAt'],
    ['case', { closedAt: '2025-04-26T09:00:00+08:00' }, 'closedAt'],
    ['case', { status: 'closed', closedAt: '2025-02-01T09:00:00+08:00' }, 'closedAt'],
    ['case', { subject: { kind: 'parent', callerId: 'cal-0001' } }, 'subject.kind'],
    ['case', { level: 'R5' }, 'level'],
    ['workOrder', { dueAt: '2025-03-01T20:00:00+08:00' }, 'dueAt'],
    ['workOrder', { status: 'completed' }, 'completedAt'],
    ['workOrder', { target: { kind: 'police' } }, 'target.id'],
    ['workOrder', { target: { kind: 'person', name: 'x' } }, 'target.kind'],
    ['referral', { acknowledgedAt: '2025-03-01T11:30:00+08:00' }, 'acknowledgedAt'],
    ['referral', { reason: '' }, 'reason'],
    ['followUp', { outcome: undefined }, 'outcome'],
    ['followUp', { offset: '24h' }, 'offset'],
    ['closure', { by: undefined }, 'by'],
    ['closure', { by: '13812345678' }, 'by'],
    ['evaluation', { score: 101 }, 'score'],
    ['feedback', { to: 'parent' }, 'to'],
    ['feedback', { to: 'caller' }, '(root)'],
    ['station', { region: '4419' }, 'region'],
    ['station', { address: 'x' }, '(root)'],
    ['team', { name: '' }, 'name'],
  ])('%s with %j fails at %s', (name, patch, path) => {
    const r = parseDomain(domainSchemas[name], variant(name, patch), 'en');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = formatDomainIssues(r.error, 'en');
    expect(lines.some((line) => line.startsWith(`${path}: `))).toBe(true);
  });
});
