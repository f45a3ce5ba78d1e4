/**
 * Debug logging of calls: method, path template, redacted query, status, attempt, duration. Bodies are never
 * logged; credentials, idempotency keys and personal query values are replaced by `[REDACTED]`. No telemetry.
 */

/** One finished attempt, as handed to a `logger`. */
export interface RequestLogEntry {
  readonly method: string;
  /** The path template (`/students/{id}`), never the filled-in path: ids of minors stay out of logs. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly attempt: number;
  readonly durationMs: number;
  readonly status?: number;
  readonly errorCode?: string;
  readonly requestId?: string;
}

export type RequestLogger = (entry: RequestLogEntry) => void;

const REDACTED = '[REDACTED]';

const SECRET_HEADERS = new Set(['authorization', 'idempotency-key', 'cookie', 'proxy-authorization', 'x-api-key']);
// Query keys that may carry a minor's identity or contact data.
const PERSONAL_KEY = /name|phone|mobile|email|student|birth|address|guardian|parent|id_?card|national|school/i;

/** Headers with credential values replaced. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return out;
}

/** Query parameters with personal values replaced (keys kept, so the log still shows what was asked). */
export function redactQuery(
  query: Readonly<Record<string, unknown>> | undefined,
): Record<string, string | readonly string[]> {
  const out: Record<string, string | readonly string[]> = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (PERSONAL_KEY.test(key)) out[key] = REDACTED;
    else out[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}

/** One-line rendering used by the stderr logger. */
export function formatLogEntry(entry: RequestLogEntry): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(entry.query)) {
    for (const v of typeof value === 'string' ? [value] : value) query.append(key, v);
  }
  const qs = query.size > 0 ? `?${query.toString().replaceAll('%5BREDACTED%5D', REDACTED)}` : '';
  const outcome = entry.status === undefined ? (entry.errorCode ?? 'error') : String(entry.status);
  const rid = entry.requestId === undefined ? '' : ` request_id=${entry.requestId}`;
  return `[triage-sdk] ${entry.method} ${entry.path}${qs} -> ${outcome} attempt=${entry.attempt} ${Math.round(entry.durationMs)}ms${rid} headers=${JSON.stringify(entry.headers)}`;
}

/** Writes entries to stderr. */
const stderrLogger: RequestLogger = (entry) => {
  process.stderr.write(`${formatLogEntry(entry)}\n`);
};

/** The logger in effect: an explicit one, else stderr when `TRIAGE_SDK_DEBUG=1`, else none. */
export function resolveLogger(
  logger: RequestLogger | undefined,
  env: Readonly<Record<string, string | undefined>>,
): RequestLogger | undefined {
  if (logger) return logger;
  const flag = env.TRIAGE_SDK_DEBUG;
  return flag === '1' || flag === 'true' ? stderrLogger : undefined;
}
