import type { z } from 'zod';
import type { DomainObjectName, domainSchemas } from './json-schema.ts';

type Inputs = { [K in DomainObjectName]: z.input<(typeof domainSchemas)[K]> };

const hash = `sha256:${'ab12'.repeat(16)}`;

/** Synthetic, valid examples of every domain object, for tests and docs; no real person behind any id. */
export const examples: Inputs = {
  student: { id: 'stu-7f3a9c', age: 13, sex: 'female', schoolId: '3144000123', grade: 7, class: '3班' },
  caller: { id: 'cal-0001', ageBand: '14_17', age: 16, sex: 'male' },
  screeningBatch: {
    id: 'sb-2025-spring-01',
    schoolId: '3144000123',
    date: '2025-03-01',
    instruments: [
      { id: 'phq-9', version: '1.0.0' },
      { id: 'asq', version: '1.0.0' },
    ],
    grades: { from: 7, to: 9 },
  },
  screeningResult: {
    id: 'sr-000042',
    batchId: 'sb-2025-spring-01',
    studentId: 'stu-7f3a9c',
    instrument: { id: 'phq-9', version: '1.0.0' },
    scoredAt: '2025-03-01T10:15:00+08:00',
    total: 17,
    index: null,
    band: 'moderately-severe',
    category: null,
    flags: { 'item-9': 'positive' },
  },
  contact: {
    id: 'ct-20250301-0007',
    callerId: 'cal-0001',
    channel: 'call',
    startedAt: '2025-03-01T22:04:00+08:00',
    endedAt: '2025-03-01T22:41:30+08:00',
    category: 'high_risk',
    plan: true,
    intent: false,
    keywordHits: ['自杀'],
  },
  riskAssessment: {
    assessedBy: 'rules',
    ruleSet: { id: 'default', version: '1.0.0', hash },
    level: 'R3',
    previousLevel: 'R2',
    at: '2025-03-01T22:42:00+08:00',
    reason: 'stated plan (rule plan-without-intent)',
    contactId: 'ct-20250301-0007',
  },
  case: {
    id: 'case-0042',
    subject: { kind: 'caller', callerId: 'cal-0001' },
    term: 'long_term',
    status: 'referral',
    owner: 'staff-17',
    level: 'R3',
    openedAt: '2025-03-01T22:45:00+08:00',
  },
  workOrder: {
    id: 'wo-0101',
    caseId: 'case-0042',
    target: { kind: 'hospital', name: '市第三人民医院' },
    dispatchedAt: '2025-03-01T22:50:00+08:00',
    dueAt: '2025-03-02T02:50:00+08:00',
    status: 'acknowledged',
    acknowledgedAt: '2025-03-01T23:05:00+08:00',
  },
  referral: {
    id: 'ref-0007',
    caseId: 'case-0042',
    to: { kind: 'school', id: '3144000123' },
    reason: 'school psychologist to follow up in person',
    referredAt: '2025-03-02T09:00:00+08:00',
    acknowledgedAt: '2025-03-02T11:30:00+08:00',
    workOrderId: 'wo-0101',
  },
  followUp: {
    id: 'fu-0001',
    caseId: 'case-0042',
    dueAt: '2025-03-02T22:42:00+08:00',
    offset: 'PT24H',
    doneAt: '2025-03-02T21:10:00+08:00',
    outcome: 'stable',
    level: 'R2',
  },
  closure: { caseId: 'case-0042', at: '2025-04-20T16:00:00+08:00', by: 'staff-17', reason: 'R1 for three follow-ups' },
  evaluation: { caseId: 'case-0042', at: '2025-04-25T10:00:00+08:00', by: 'staff-03', score: 85 },
  feedback: {
    caseId: 'case-0042',
    to: 'school',
    schoolId: '3144000123',
    at: '2025-04-26T09:00:00Z',
    channel: 'platform',
  },
  station: { id: 'st-dg-01', name: '东莞市青少年服务站', region: '441900' },
  team: { id: 'team-hotline', name: '12355 热线坐席', stationId: 'st-dg-01' },
};
