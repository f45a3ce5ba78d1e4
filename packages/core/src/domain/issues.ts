import { err, type Lang, ok, type Result } from '@triage/scales';
import { z } from 'zod';
import {
  type CheckKey,
  checkMessages,
  formatMessages,
  genericMessages,
  layout,
  patternMessages,
  typeNames,
} from './messages.ts';
import { PATTERNS } from './primitives.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What the renderer reads: the same for a raw issue (in an error map) and a finalized one (in a ZodError). */
type IssueData = DistributiveOmit<z.core.$ZodIssue, 'message' | 'path' | 'input'>;

const patternKeys = new Map(
  Object.entries(PATTERNS).map(([key, re]) => [String(re), key as keyof typeof patternMessages]),
);

const localeMaps: Partial<Record<Lang, z.core.$ZodErrorMap>> = {};
const localeMap = (lang: Lang): z.core.$ZodErrorMap => {
  localeMaps[lang] ??= (lang === 'zh' ? z.locales.zhCN() : z.locales.en()).localeError;
  return localeMaps[lang];
};

// Personal-data field names an integrator might send; a rejected one gets a note on why.
const IDENTIFYING_KEY = /name|phone|mobile|tel|address|addr|email|wechat|idcard|姓名|电话|手机|地址|身份证/i;

const str = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const list = (values: readonly unknown[], lang: Lang): string => values.map(str).join(layout[lang].sep);

function renderCustom(params: Record<string, unknown> | undefined, lang: Lang): string | undefined {
  const key = params?.key;
  if (typeof key !== 'string' || !Object.hasOwn(checkMessages, key)) return undefined;
  const p: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) p[k] = Array.isArray(v) ? list(v, lang) : str(v);
  return checkMessages[key as CheckKey][lang](p);
}

function renderSize(issue: Extract<IssueData, { code: 'too_small' | 'too_big' }>, lang: Lang): string | undefined {
  const small = issue.code === 'too_small';
  const n = String(small ? issue.minimum : issue.maximum);
  const g = genericMessages;
  if (issue.origin === 'string') return (small ? g.minChars : g.maxChars)[lang]({ n });
  if (issue.origin === 'array') return (small ? g.minItems : g.maxItems)[lang]({ n });
  if (issue.origin !== 'number' && issue.origin !== 'int') return undefined;
  const inclusive = issue.inclusive !== false;
  const t = small ? (inclusive ? g.atLeast : g.above) : inclusive ? g.atMost : g.below;
  return t[lang]({ n });
}

/**
 * The domain message for an issue in `lang`, read from the issue's own data; never echoes an input value (it names
 * unknown fields, nothing more).
 */
function renderIssue(issue: IssueData, lang: Lang): string {
  const g = genericMessages;
  let message: string | undefined;
  switch (issue.code) {
    case 'custom':
      message = renderCustom(issue.params, lang);
      break;
    case 'invalid_type':
      message = g.missingOrType[lang]({ type: typeNames[issue.expected]?.[lang] ?? issue.expected });
      break;
    case 'invalid_value':
      message =
        issue.values.length === 1
          ? g.exactly[lang]({ value: str(issue.values[0]) })
          : g.oneOf[lang]({ values: list(issue.values, lang) });
      break;
    case 'invalid_union':
      message =
        issue.discriminator !== undefined && 'options' in issue && issue.options
          ? g.oneOf[lang]({ values: list(issue.options, lang) })
          : g.noUnionMatch[lang]();
      break;
    case 'unrecognized_keys': {
      const note = issue.keys.some((k) => IDENTIFYING_KEY.test(k)) ? g.identifyingKeys[lang]() : '';
      message = g.unknownKeys[lang]({ keys: list(issue.keys, lang) }) + note;
      break;
    }
    case 'invalid_format': {
      const key = issue.format === 'regex' && issue.pattern ? patternKeys.get(issue.pattern) : undefined;
      message = key ? patternMessages[key][lang]() : formatMessages[issue.format]?.[lang]({});
      break;
    }
    case 'too_small':
    case 'too_big':
      message = renderSize(issue, lang);
      break;
  }
  // zod's own locale covers the codes the domain does not phrase; none of those read the input.
  if (message !== undefined) return message;
  const fallback = localeMap(lang)({ ...issue, input: undefined } as z.core.$ZodRawIssue);
  return typeof fallback === 'string' ? fallback : (fallback?.message ?? g.noUnionMatch[lang]());
}

/**
 * A per-parse zod error map giving every issue a domain message in `lang`, falling back to zod's zh-CN or en locale.
 * Pass it per parse rather than through `z.config`, so the host application's global zod configuration is untouched.
 * @example
 * studentSchema.safeParse(row, { error: domainErrorMap('zh') });
 */
export function domainErrorMap(lang: Lang): z.core.$ZodErrorMap {
  return (issue) => renderIssue(issue as IssueData, lang);
}

function formatPath(path: readonly PropertyKey[], lang: Lang): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? layout[lang].root : out;
}

/**
 * One line per issue, `path: message`, in `lang`; messages are rendered again from each issue's data, so the lines are
 * in `lang` whichever error map the parse used, and never echo an input value.
 */
export function formatDomainIssues(error: z.core.$ZodError, lang: Lang): string[] {
  return error.issues.map((issue) => layout[lang].line(formatPath(issue.path, lang), renderIssue(issue, lang)));
}

/**
 * Validates `input` against a domain schema with messages in `lang`; failure is a value carrying the zod error.
 * @example
 * const r = parseDomain(contactSchema, body, 'en');
 * if (!r.ok) console.error(formatDomainIssues(r.error, 'en').join('\n'));
 */
export function parseDomain<S extends z.ZodType>(
  schema: S,
  input: unknown,
  lang: Lang,
): Result<z.output<S>, z.ZodError<z.output<S>>> {
  const parsed = schema.safeParse(input, { error: domainErrorMap(lang) });
  return parsed.success ? ok(parsed.data) : err(parsed.error);
}
