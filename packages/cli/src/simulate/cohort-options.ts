import type { CohortSettingsInput } from '@triage/core';
import { CliError } from '../exit-codes.ts';
import type { CohortMessages } from './cohort-messages.ts';

type HandleMinutes = NonNullable<CohortSettingsInput['handleMinutes']>;
type Level = 'R0' | 'R1' | 'R2' | 'R3' | 'R4';

const ENTRY = /^(?:(assessment|follow-up)\.)?(R[0-4])=(\d+(?:\.\d+)?)$|^no-answer=(\d+(?:\.\d+)?)$/;

/**
 * `--handle-time` entries as handle minutes: `R3=30` sets a level's first assessment and follow-ups,
 * `assessment.R3=`, `follow-up.R3=` one of them, `no-answer=` an unanswered attempt. Later entries win.
 */
export function parseHandleTimes(entries: readonly string[], text: CohortMessages): HandleMinutes | undefined {
  if (entries.length === 0) return undefined;
  const assessment: Partial<Record<Level, number>> = {};
  const followUp: Partial<Record<Level, number>> = {};
  let noAnswer: number | undefined;
  for (const raw of entries) {
    const entry = raw.trim();
    const m = ENTRY.exec(entry);
    if (!m) throw new CliError('CLI_USAGE', text.badHandleTime(entry));
    const [, kind, level, minutes, missed] = m;
    if (missed !== undefined) {
      noAnswer = Number(missed);
      continue;
    }
    if (kind !== 'follow-up') assessment[level as Level] = Number(minutes);
    if (kind !== 'assessment') followUp[level as Level] = Number(minutes);
  }
  return { assessment, followUp, ...(noAnswer === undefined ? {} : { noAnswer }) };
}
