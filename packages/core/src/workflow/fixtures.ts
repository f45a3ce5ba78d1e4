// Test fixtures for the workflow tests: synthetic pseudonymous ids only, never real data.
import type { Result } from '@triage/scales';
import type { CaseId, StaffId, StudentId } from '../domain/ids.ts';
import type { RiskLevel } from '../domain/risk-level.ts';
import { type ApplyOptions, applyEvent, openCase } from './apply-event.ts';
import { type WorkflowError, workflowErrorMessage } from './errors.ts';
import type { CaseEvent, CaseEventOf, Originator } from './events.ts';
import type { CaseState } from './state.ts';

export const T0 = '2026-03-02T08:00:00.000Z';
/** Far enough ahead that no fixture event is in the future. */
export const NOW = '2030-01-01T00:00:00.000Z';
export const counsellor = 'staff-c1' as StaffId;
export const supervisor = 'staff-s1' as StaffId;

/** The instant `hours` after T0. */
export const hoursAfter = (hours: number): string => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();

type Body<T extends CaseEvent['type']> = Omit<CaseEventOf<T>, 'type' | 'at' | 'actor'> & {
  at?: string;
  actor?: CaseEvent['actor'];
};

/** An event of `type` with `actor` the counsellor unless given. */
export function ev<T extends CaseEvent['type']>(type: T, at: string, body: Body<T>): CaseEventOf<T> {
  return { actor: counsellor, ...body, type, at } as unknown as CaseEventOf<T>;
}

export function opened(
  level: RiskLevel,
  options: { term?: 'long_term' | 'short_term'; originator?: Originator; at?: string } = {},
): CaseEventOf<'opened'> {
  return ev('opened', options.at ?? T0, {
    caseId: 'case-1' as CaseId,
    subject: { kind: 'student', studentId: 'stu-1' as StudentId },
    term: options.term ?? 'short_term',
    level,
    owner: counsellor,
    originator: options.originator ?? { kind: 'school', ref: 'school-1' },
  });
}

export function unwrap<T>(result: Result<T, WorkflowError>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${workflowErrorMessage(result.error, 'en')}`);
  return result.value;
}

/** Opens a case and applies the events in order; throws with the code when one is refused. */
export function run(events: readonly CaseEvent[], options: Partial<ApplyOptions> = {}): CaseState {
  const [first, ...rest] = events;
  const o = { now: NOW, ...options };
  let state = unwrap(openCase(first as CaseEventOf<'opened'>, o));
  for (const e of rest) state = unwrap(applyEvent(state, e, o));
  return state;
}

/** The id of the first follow-up not yet recorded (of the first one ever, when none is pending). */
export function pendingFollowUp(state: CaseState): string {
  return state.followUps.find((x) => x.doneAt === undefined)?.id ?? 'fu1.1';
}
