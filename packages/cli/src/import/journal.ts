import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writePrivateFile } from './output/private-file.ts';
import { OUTPUT_FILES } from './output/result-files.ts';

/**
 * The import's journal in its output folder: which file with which options, and how far the output files got at the
 * last checkpoint. A resumed import checks both and cuts the files back to the recorded sizes; a re-run of the same
 * file and options replaces the results with identical ones.
 */
const journalSchema = z.object({
  version: z.literal(1),
  status: z.enum(['running', 'interrupted', 'complete']),
  input: z.object({ file: z.string(), size: z.number(), sha256: z.string() }),
  /** sha256 of the options that change results (instruments, mapping, rules, coding …). */
  options: z.string(),
  /** Source records (header, blank and data rows alike) fully written at the checkpoint. */
  records: z.number().int().min(0),
  jsonRows: z.number().int().min(0),
  sizes: z.object({ results: z.number(), json: z.number(), errors: z.number() }),
});

export type Journal = z.infer<typeof journalSchema>;

export function journalPath(dir: string): string {
  return join(dir, OUTPUT_FILES.journal);
}

/** The journal in `dir`; undefined when there is none, or it is unreadable (then nothing can be resumed). */
export function readJournal(dir: string): Journal | undefined {
  try {
    const parsed = journalSchema.safeParse(JSON.parse(readFileSync(journalPath(dir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole and renamed into place, so a kill at any moment leaves the old or the new journal, never half. */
export function writeJournal(dir: string, journal: Journal): void {
  writePrivateFile(journalPath(dir), `${JSON.stringify(journal, null, 2)}\n`);
}
