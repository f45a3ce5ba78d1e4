import type { Lang } from '@triage/scales';

type Env = Readonly<Record<string, string | undefined>>;

/** The POSIX locale order: LC_ALL overrides LC_MESSAGES, which overrides LANG. `zh*` → zh, anything else → en. */
export function langFromEnv(env: Env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/**
 * The language before flags are parsed, so that flag-parsing errors are already in the user's language:
 * `--lang zh` or `--lang=zh` on the command line, else the locale.
 */
export function langFromArgv(argv: readonly string[], env: Env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg?.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'zh' || value === 'en') return value;
  }
  return langFromEnv(env);
}
