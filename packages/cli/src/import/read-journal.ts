import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type Journal, journalPath, writeJournal } from './journal.ts';

const journalSchema: z.ZodType<Journal> = z.object({
  version: z.literal(1),
  status: z.enum(['running', 'interrupted', 'complete']),
  input: z.object({ file: z.string(), size: z.number(), sha256: z.string() }),
  options: z.string(),
  records: z.number().int().min(0),
  jsonRows: z.number().int().min(0),
  sizes: z.object({ results: z.number(), json: z.number(), errors: z.number() }),
});

/** The journal in `dir`; undefined when there is none, or it is unreadable (then nothing can be resumed). */
export function readJournal(dir: string): Journal | undefined {
  try {
    const parsed = journalSchema.safeParse(JSON.parse(readFileSync(journalPath(dir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Marks complete the journal of an import whose files are all in place (the results and report.html): until then it
 * says running, with a checkpoint that holds every row, so a kill before this leaves an import `--resume` finishes.
 */
export function markComplete(dir: string): void {
  const journal = readJournal(dir);
  if (!journal) throw new Error(`${journalPath(dir)} is missing or unreadable`);
  writeJournal(dir, { ...journal, status: 'complete', sizes: { results: 0, json: 0, errors: 0 } });
}
