import { createHash } from 'node:crypto';
import { err, ok, type Result } from '@triage/scales';
import { canonicalJson } from '../canonical-json.ts';
import { type ApplyOptions, applyEvent, openCase } from './apply-event.ts';
import { type WorkflowError, workflowError } from './errors.ts';
import type { CaseEvent, CaseEventOf } from './events.ts';
import type { CaseState } from './state.ts';

/** One record of a case history: its place, the event, and the hash chain linking it to the record before. */
export interface HistoryRecord {
  /** 1 for the opening event, then one more per record. */
  readonly seq: number;
  readonly event: CaseEvent;
  /** The hash of the record before; GENESIS_HASH for the first. */
  readonly prevHash: string;
  /** sha256 over the canonical JSON of `{ seq, event, prevHash }`. */
  readonly hash: string;
}

/** The `prevHash` of the first record. */
export const GENESIS_HASH = `sha256:${'0'.repeat(64)}`;

function hashRecord(seq: number, event: unknown, prevHash: string): string {
  return `sha256:${createHash('sha256').update(canonicalJson({ seq, event, prevHash })).digest('hex')}`;
}

/**
 * The history with `event` appended as a new hash-chained record (the input is not changed). A store persists the
 * last record; it never rewrites one.
 * @see reference/triage.md §4.2 (append-only, hash-chained audit log)
 */
export function appendEvent(records: readonly HistoryRecord[], event: CaseEvent): readonly HistoryRecord[] {
  const last = records.at(-1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  return [...records, { seq, event, prevHash, hash: hashRecord(seq, event, prevHash) }];
}

/**
 * Checks the hash chain: numbering from 1 without gaps, each record linked to the one before, each hash matching its
 * content. Any change to a stored event, its order or its hash breaks it; the error names the first broken record.
 */
export function verifyHistory(records: readonly HistoryRecord[]): Result<{ head: string }, WorkflowError> {
  let prevHash = GENESIS_HASH;
  for (const [i, r] of records.entries()) {
    const broken = (reason: string) => err(workflowError('CORE_HISTORY_BROKEN', { seq: String(i + 1), reason }));
    if (r.seq !== i + 1) return broken('seq');
    if (r.prevHash !== prevHash) return broken('prevHash');
    if (r.hash !== hashRecord(r.seq, r.event, r.prevHash)) return broken('hash');
    prevHash = r.hash;
  }
  return ok({ head: prevHash });
}

/** Rebuilds a case from its history: verifies the chain, then applies every event through openCase and applyEvent. */
export function replay(records: readonly HistoryRecord[], options: ApplyOptions): Result<CaseState, WorkflowError> {
  const verified = verifyHistory(records);
  if (!verified.ok) return verified;
  const [first, ...rest] = records;
  if (!first) return err(workflowError('CORE_INVALID_EVENT', { detail: 'empty history' }));
  let state = openCase(first.event as CaseEventOf<'opened'>, options);
  for (const r of rest) {
    if (!state.ok) return state;
    state = applyEvent(state.value, r.event, options);
  }
  return state;
}
