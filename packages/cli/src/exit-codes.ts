/**
 * Every exit status of `triage`, in one place; packages/cli/README.md documents the same table.
 * 3 follows the "completed with row errors" convention of bulk loaders (Data Loader, dsbulk): the scored rows are
 * good, the rejected ones need fixing.
 */
export const ExitCode = {
  ok: 0,
  /** The command failed: bad data, unreadable file, internal error. */
  error: 1,
  /** The command was called wrongly: unknown flag, instrument or band set, missing argument. */
  usage: 2,
  /** Some rows were rejected and the others scored. */
  rowsRejected: 3,
  /** Interrupted (Ctrl-C, SIGTERM) after a checkpoint: `--resume` continues. 128 + SIGINT, as shells report it. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Stable codes of the failures the CLI reports; scripts may match on them in `--json` output. */
export type CliErrorCode =
  | 'CLI_USAGE'
  | 'CLI_UNKNOWN_INSTRUMENT'
  | 'CLI_UNKNOWN_BAND_SET'
  | 'CLI_INVALID_ANSWERS'
  | 'CLI_FILE_NOT_FOUND'
  | 'CLI_FILE_UNREADABLE'
  | 'CLI_ENCODING'
  | 'CLI_CSV_SYNTAX'
  | 'CLI_NO_DATA'
  | 'CLI_COLUMNS'
  | 'CLI_RULES_INVALID'
  | 'CLI_RULES_MISMATCH'
  | 'CLI_RULE_TESTS_FAILED'
  | 'CLI_MAPPING'
  | 'CLI_MAPPING_FILE'
  | 'CLI_LABELS_INVALID'
  | 'CLI_SCENARIO_INVALID'
  | 'CLI_OUT_DIR'
  | 'CLI_NOTHING_TO_RESUME'
  | 'CLI_OUT_WRITE'
  | 'CLI_OUT_BUSY'
  | 'CLI_CONFIG'
  | 'CLI_XLSX'
  | 'CLI_INTERRUPTED'
  | 'CLI_INTERNAL';

const exitCodes: Record<CliErrorCode, ExitCode> = {
  CLI_USAGE: ExitCode.usage,
  CLI_UNKNOWN_INSTRUMENT: ExitCode.usage,
  CLI_UNKNOWN_BAND_SET: ExitCode.usage,
  CLI_INVALID_ANSWERS: ExitCode.error,
  CLI_FILE_NOT_FOUND: ExitCode.error,
  CLI_FILE_UNREADABLE: ExitCode.error,
  CLI_ENCODING: ExitCode.error,
  CLI_CSV_SYNTAX: ExitCode.error,
  CLI_NO_DATA: ExitCode.error,
  CLI_COLUMNS: ExitCode.error,
  CLI_RULES_INVALID: ExitCode.error,
  /** A `--rules` file that reads none of the screening's instruments: the wrong rule set was given. */
  CLI_RULES_MISMATCH: ExitCode.usage,
  CLI_RULE_TESTS_FAILED: ExitCode.error,
  CLI_MAPPING: ExitCode.error,
  CLI_MAPPING_FILE: ExitCode.error,
  CLI_LABELS_INVALID: ExitCode.error,
  CLI_SCENARIO_INVALID: ExitCode.error,
  CLI_OUT_DIR: ExitCode.usage,
  CLI_NOTHING_TO_RESUME: ExitCode.usage,
  CLI_OUT_WRITE: ExitCode.error,
  /** Another import is running in the `--out` folder: it holds the folder's lock. */
  CLI_OUT_BUSY: ExitCode.usage,
  /** The config folder (pseudonym key) cannot be made, read or written. */
  CLI_CONFIG: ExitCode.error,
  CLI_XLSX: ExitCode.error,
  /** Ctrl-C at a prompt, before anything was written: nothing to resume. */
  CLI_INTERRUPTED: ExitCode.interrupted,
  CLI_INTERNAL: ExitCode.error,
};

/** A failure the user can act on. `message` is already in the user's language and never holds an answer or a name. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;
  readonly exitCode: ExitCode;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.exitCode = exitCodes[code];
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}

/** Exit status of a file run: 0 when nothing was rejected, 3 when some rows scored, 1 when none did. */
export function rowsExitCode(scored: number, rejected: number): ExitCode {
  if (rejected === 0) return ExitCode.ok;
  return scored > 0 ? ExitCode.rowsRejected : ExitCode.error;
}
