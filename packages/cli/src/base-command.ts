import { Command, Errors, Flags, type Interfaces } from '@oclif/core';
import type { Lang } from '@triage/scales';
import { CliError, type ExitCode, isCliError } from './exit-codes.ts';
import { langFromArgv, langFromEnv } from './lang.ts';
import { help, type IntegerRange, type Messages, messages } from './messages.ts';
import { colorEnabled, paint, printable } from './terminal.ts';

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<
  (typeof BaseCommand)['baseFlags'] & T['flags']
>;
export type BaseArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/** oclif parser messages that carry a flag name worth keeping, and how to say them in the user's language. */
const PARSE_MESSAGES: readonly (readonly [RegExp, (m: RegExpExecArray, text: Messages) => string])[] = [
  [/^Expected --([\w-]+)=.* to be one of: (.*)$/, (m, t) => t.invalidOption(m[1] ?? '', (m[2] ?? '').split(', '))],
  [
    /^Flag --([\w-]+) expects one of these values: (.*)$/,
    (m, t) => t.invalidOption(m[1] ?? '', (m[2] ?? '').split(', ')),
  ],
  [/^Flag (--[\w-]+) expects a value/, (m, t) => t.flagNeedsValue(m[1] ?? '')],
  [/^Flag (--[\w-]+) can only be specified once/, (m, t) => t.flagOnce(m[1] ?? '')],
];

/** A flag's own parser failed: oclif says `Parsing --flag` on one line and the reason on the next. */
const FLAG_PARSE = /^Parsing --([\w-]+)\s*\n\s*(.*)/;
/** oclif's integer parser, whatever bound it checked; the rest of the line is the flag's value as typed. */
const NOT_INTEGER = /^Expected an integer\b.* but received: (.*)$/;
/** A value is quoted back only this far: enough to recognise a typo. */
const VALUE_SHOWN = 40;

/** The reason a flag's value was refused, with the range its definition accepts; only that flag's value is repeated. */
function flagParseMessage(m: RegExpExecArray, flags: Readonly<Record<string, object>>, text: Messages): string {
  const name = m[1] ?? '';
  const reason = m[2] ?? '';
  const integer = NOT_INTEGER.exec(reason);
  if (!integer) return text.badUsage(`--${name}: ${reason}`);
  const value = integer[1] ?? '';
  const shown = value.length > VALUE_SHOWN ? `${value.slice(0, VALUE_SHOWN)}…` : value;
  // An integer flag's definition carries its bounds (oclif's `min`, `max`).
  const { min, max } = (flags[name] ?? {}) as IntegerRange;
  return text.badInteger(name, shown === '' || /\s/.test(shown) ? JSON.stringify(shown) : shown, { min, max });
}

/** Flag errors from oclif's parser, rewritten in the user's language. Argument values are never repeated. */
function usageError(error: unknown, text: Messages, flags: Readonly<Record<string, object>>): CliError {
  const e = error as Error & { flags?: string[]; args?: unknown[] };
  const first = (e.message ?? '').split('\n')[0] ?? '';
  const say = (message: string) => new CliError('CLI_USAGE', message, { cause: error });
  const parse = FLAG_PARSE.exec(e.message ?? '');
  if (parse) return say(flagParseMessage(parse, flags, text));
  switch (e.constructor?.name) {
    case 'NonExistentFlagsError':
      return say(text.unknownFlags((e.flags ?? []).map((f) => f.split('=')[0] ?? f)));
    case 'UnexpectedArgsError':
      return say(text.unexpectedArgs(e.args?.length ?? 1, 'answers' in flags));
    case 'RequiredArgsError':
      return say(text.missingArgs((e.args ?? []).map((a) => (a as { name?: string }).name ?? '?')));
  }
  for (const [pattern, render] of PARSE_MESSAGES) {
    const m = pattern.exec(first);
    if (m) return say(render(m, text));
  }
  return say(text.badUsage(first.replace(/^The following errors? occurred:\s*/, '') || e.constructor?.name || '?'));
}

/**
 * What every `triage` command shares: `--json` (run() returns the data; stdout holds data only), `--lang`,
 * messages on stderr, colour only for a terminal, and the one mapping from failures to exit codes.
 */
export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true;

  static override baseFlags = {
    lang: Flags.option({ options: ['zh', 'en'] as const, summary: help.lang, helpGroup: 'GLOBAL' })(),
  };

  protected flags!: BaseFlags<T>;
  protected args!: BaseArgs<T>;
  /** Every positional argument, for commands that take a list (`strict = false`). */
  protected positional: readonly string[] = [];
  protected lang: Lang = 'en';
  protected text: Messages = messages('en');

  public override async init(): Promise<void> {
    await super.init();
    this.setLang(langFromArgv(this.argv, process.env));
    const ctor = this.ctor as unknown as T & typeof BaseCommand;
    try {
      const { args, argv, flags } = await this.parse({
        args: ctor.args,
        baseFlags: ctor.baseFlags,
        enableJsonFlag: ctor.enableJsonFlag,
        flags: ctor.flags,
        strict: ctor.strict,
      });
      this.flags = flags as BaseFlags<T>;
      this.args = args as BaseArgs<T>;
      this.positional = argv.map(String);
    } catch (error) {
      throw usageError(error, this.text, { ...ctor.baseFlags, ...ctor.flags });
    }
    this.setLang(this.flags.lang ?? langFromEnv(process.env));
  }

  private setLang(lang: Lang): void {
    this.lang = lang;
    this.text = messages(lang);
  }

  /** A message for the person at the terminal, on stderr, also under --json (stdout stays data only). */
  protected note(message: string, level: 'info' | 'warning' | 'rejected' = 'info'): void {
    const color = colorEnabled(process.stderr, process.env);
    const prefix = level === 'info' ? '' : paint(color, 'yellow', this.text.prefix[level]);
    process.stderr.write(`${prefix}${printable(message)}\n`);
  }

  /** A line on stdout, with what a file's cells hold made harmless to the terminal (see `printable`). */
  public override log(message = '', ...args: unknown[]): void {
    super.log(printable(message, this.color), ...args);
  }

  /** The exit status once the command's output is written: for partial results, which are not errors. */
  protected setExitCode(code: ExitCode): void {
    process.exitCode = code;
  }

  /** Whether stdout may carry colour. */
  protected get color(): boolean {
    return colorEnabled(process.stdout, process.env);
  }

  /** JSON without colour codes, whatever the terminal: it is for programs. */
  public override logJson(json: unknown): void {
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }

  /** One line per problem on stderr, no stack trace (unless DEBUG is set); `{ error }` on stdout under --json. */
  protected override async catch(error: Error & { exitCode?: number }): Promise<never> {
    if (error instanceof Errors.ExitError) throw error;
    const failure = isCliError(error) ? error : new CliError('CLI_INTERNAL', this.text.internal(error.message));
    const color = colorEnabled(process.stderr, process.env);
    const prefix = paint(color, 'red', this.text.prefix.error);
    for (const line of failure.message.split('\n')) process.stderr.write(`${prefix}${printable(line)}\n`);
    if (!isCliError(error) && process.env.DEBUG) process.stderr.write(`${error.stack ?? ''}\n`);
    if (this.jsonEnabled()) {
      this.logJson({ error: { code: failure.code, exitCode: failure.exitCode, message: failure.message } });
    }
    // ExitError: oclif's handler exits with this status and prints nothing more.
    throw new Errors.ExitError(failure.exitCode);
  }
}
