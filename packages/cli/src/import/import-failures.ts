import { statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { encodingDisplayName } from '../csv/decode.ts';
import type { CsvDecodeError } from '../csv/decode-error.ts';
import { CliError } from '../exit-codes.ts';
import { journalPath } from './journal.ts';
import type { ImportMessages } from './messages.ts';
import { OUTPUT_FILES } from './output/result-files.ts';
import { KeyStoreError, pseudonymKey } from './pseudonym.ts';
import { readJournal } from './read-journal.ts';

/** What to do after a failure part way: resume when a checkpoint was saved, else run the same command again. */
function nextStep(argv: readonly string[], out: string, text: ImportMessages): string {
  const journal = readJournal(out);
  const resumable = journal === undefined ? cannotLook(out) : journal.status !== 'complete' && journal.records > 0;
  return resumable ? text.resumeWith(resumeCommand(argv, out)) : text.runAgain;
}

/**
 * Whether the folder cannot be looked into now (its permission taken away): a checkpoint may be there, and `--resume`
 * says when there is none (QA round 24, 4: "run the same command again" would have started over).
 */
function cannotLook(out: string): boolean {
  try {
    statSync(journalPath(out));
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EACCES';
  }
}

/**
 * An output file that could not be written (disk full, quota, file size limit, read-only, no permission, I/O error),
 * said as such with what to do next: resume when a checkpoint was saved, else run again.
 */
export function writeFailure(
  error: unknown,
  argv: readonly string[],
  out: string,
  text: ImportMessages,
): CliError | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.code === undefined) return undefined;
  // Errors of the input file (reading it, opening it) are not the output's.
  const output = e.path === undefined ? WRITE_CALLS.has(e.syscall ?? '') : !relative(out, e.path).startsWith('..');
  if (!output) return undefined;
  // A work file (or the folder) gone while importing: removed under it (QA round 24, 3), never an internal error.
  if (e.code === 'ENOENT') return new CliError('CLI_OUT_WRITE', text.outDir.removedWhileWriting(out), { cause: error });
  const reason = text.writeReasons[e.code];
  if (reason === undefined) return undefined;
  const fix = text.writeFixes[e.code ?? ''] ?? text.makeRoom;
  const message = text.writeFailed(out, `${reason} (${e.code})`, nextStep(argv, out, text), fix);
  return new CliError('CLI_OUT_WRITE', message, { cause: error });
}

/**
 * The input failed part way through reading (EIO: a bad sector, a network share or USB drive gone): said as such, with
 * what to do next. What was saved at the last checkpoint is kept, so `--resume` goes on once the file can be read.
 */
export function inputFailure(
  error: unknown,
  argv: readonly string[],
  file: string,
  out: string,
  text: ImportMessages,
): CliError | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.code === undefined || e.syscall !== 'read') return undefined;
  if (e.path !== undefined && !relative(out, e.path).startsWith('..')) return undefined;
  return new CliError('CLI_FILE_UNREADABLE', text.inputReadFailed(file, e.code, nextStep(argv, out, text)), {
    cause: error,
  });
}

/**
 * report.html could not be written (a full disk, say): said as such. It is written before the result files are
 * complete, so the import resumes (every row is already saved) and writes it then.
 */
export function reportFailure(
  error: unknown,
  argv: readonly string[],
  out: string,
  text: ImportMessages,
): CliError | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  const reason = e?.code === undefined ? undefined : text.writeReasons[e.code];
  if (!e || reason === undefined || e.path === undefined) return undefined;
  if (!basename(e.path).startsWith(OUTPUT_FILES.report)) return undefined;
  const next = text.resumeWith(resumeCommand(argv, out));
  const fix = text.writeFixes[e.code ?? ''] ?? text.makeRoom;
  return new CliError('CLI_OUT_WRITE', text.reportFailed(out, `${reason} (${e.code})`, next, fix), { cause: error });
}

const WRITE_CALLS = new Set(['write', 'fsync', 'fdatasync', 'ftruncate', 'close']);

/** The output folder (or one above it) could not be made: a path problem, said with the folder and the reason. */
export function folderFailure(error: unknown, out: string, text: ImportMessages): CliError | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.syscall !== 'mkdir' || e.code === undefined) return undefined;
  return new CliError('CLI_OUT_DIR', text.outDir.cannotCreate(out, e.code), { cause: error });
}

/**
 * The interrupted command again, with `--out` (if it was implicit) and `--resume`: the same options, or no resume.
 * Started through the workspace's `triage` script (the README's `npx --yes pnpm@10 triage …`, `pnpm triage …` or
 * `npm run triage -- …`) it is said the same way, since a fresh clone has no `triage` on its PATH.
 */
export function resumeCommand(argv: readonly string[], out: string, env: NodeJS.ProcessEnv = process.env): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  const args = argv.filter((a) => a !== '--resume');
  const hasOut = args.some((a) => a === '--out' || a === '-o' || a.startsWith('--out='));
  const command = [...args, ...(hasOut ? [] : ['--out', out]), '--resume'].map(quote).join(' ');
  return `${invokedAs(env)} ${command}`;
}

/** How the user started the CLI, from what npm and pnpm put in the environment of a package script. */
function invokedAs(env: NodeJS.ProcessEnv): string {
  if (env.npm_lifecycle_event !== 'triage') return 'triage';
  const agent = env.npm_config_user_agent ?? '';
  if (agent.startsWith('npm/')) return 'npm run triage --';
  if (!agent.startsWith('pnpm/')) return 'triage';
  return /[\\/]_npx[\\/]/.test(env.npm_execpath ?? '') ? 'npx --yes pnpm@10 triage' : 'pnpm triage';
}

/** The pseudonym key from the config folder; a folder that cannot hold it is said as such (CLI_CONFIG). */
export function keyOrFailure(create: boolean, text: ImportMessages): ReturnType<typeof pseudonymKey> {
  try {
    return pseudonymKey(undefined, { create });
  } catch (error) {
    if (!(error instanceof KeyStoreError)) throw error;
    const message = error.code === 'damaged' ? text.keyDamaged(error.dir) : text.configDir(error.dir, error.code);
    throw new CliError('CLI_CONFIG', message, { cause: error });
  }
}

/** A CSV that is not valid text in its encoding, said where and what to do (CLI_ENCODING). */
export function decodeFailure(error: CsvDecodeError, file: string, text: ImportMessages): CliError {
  const { line, offset, mixed, detected, suggestions, cutShort, damaged } = error;
  const encoding = encodingDisplayName(error.encoding);
  const at = { encoding, line, offset, mixed, detected, suggestions, cutShort, damaged };
  return new CliError('CLI_ENCODING', text.decodeError(file, at), { cause: error });
}
