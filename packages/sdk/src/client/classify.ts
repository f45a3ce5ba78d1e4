import {
  codeForStatus,
  isProblem,
  SdkErrorCode,
  type TriageApiError,
  TriageConnectionError,
  TriageHttpError,
  TriageRateLimitError,
  TriageRedirectError,
  TriageResponseError,
  TriageTimeoutError,
} from '../errors.ts';
import {
  errorCode,
  isRetryableNetworkCode,
  isRetryableStatus,
  isUndiciTimeout,
  parseRetryAfter,
  serverRetryOverride,
} from './retry-policy.ts';
import type { RawResponse } from './transport.ts';

const JSON_TYPE = /[/+]json\b/i;

/** Parses an error body as JSON when the content type says so; text otherwise; `undefined` when empty. */
function parseBody(raw: RawResponse): { ok: true; value: unknown } | { ok: false } {
  if (raw.text === '') return { ok: true, value: undefined };
  const type = raw.headers['content-type'] ?? '';
  if (!JSON_TYPE.test(type)) return { ok: true, value: raw.text };
  try {
    return { ok: true, value: JSON.parse(raw.text) };
  } catch {
    return { ok: false };
  }
}

/** Why a successful status's body is unusable: see {@link parseSuccessBody}. */
export type InvalidBodyReason = 'not-json' | 'empty' | 'malformed';

/**
 * The body of a 2xx (a 3xx is {@link redirectError}). Every success of the API but 204 declares an `application/json` body (checked
 * against openapi/triage.yaml in spec.test.ts), so anything else is not the typed result the caller awaits: a
 * captive portal's HTML page, a proxy's "OK", an empty body. 204 and 205 carry no body by definition (RFC 9110
 * §15.3.5, §15.3.6) and give `undefined`, as `SuccessData` types them.
 */
export function parseSuccessBody(
  raw: RawResponse,
): { ok: true; value: unknown } | { ok: false; reason: InvalidBodyReason } {
  if (raw.status === 204 || raw.status === 205) return { ok: true, value: undefined };
  if (!JSON_TYPE.test(raw.headers['content-type'] ?? '')) return { ok: false, reason: 'not-json' };
  if (raw.text.trim() === '') return { ok: false, reason: 'empty' };
  try {
    return { ok: true, value: JSON.parse(raw.text) };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

/** `X-Request-Id`, else the problem body's `request_id`. */
export function requestIdOf(headers: Readonly<Record<string, string>>, body: unknown): string | undefined {
  const header = headers['x-request-id'];
  if (header) return header;
  return isProblem(body) && typeof body.request_id === 'string' ? body.request_id : undefined;
}

/** The typed error for a response with status ≥ 400. */
export function httpError(raw: RawResponse, now: number): TriageHttpError {
  const parsed = parseBody(raw);
  const body = parsed.ok ? parsed.value : raw.text;
  const problem = isProblem(body) ? body : undefined;
  const override = serverRetryOverride(raw.headers);
  const summary = [problem?.title, problem?.detail].filter((s) => typeof s === 'string' && s !== '').join(': ');
  const init = {
    message: `HTTP ${raw.status}${summary ? ` ${summary}` : ''}`,
    code: typeof problem?.code === 'string' ? problem.code : codeForStatus(raw.status),
    status: raw.status,
    requestId: requestIdOf(raw.headers, body),
    headers: raw.headers,
    body,
    isRetryable: override ?? isRetryableStatus(raw.status),
  };
  if (raw.status === 429) return new TriageRateLimitError({ ...init, retryAfterMs: parseRetryAfter(raw.headers, now) });
  return new TriageHttpError(init);
}

const INVALID_BODY: Readonly<Record<InvalidBodyReason, (raw: RawResponse) => string>> = {
  'not-json': (raw) => `content type ${raw.headers['content-type'] || 'none'} where JSON was expected`,
  empty: () => 'empty body where JSON was expected',
  malformed: () => 'body declared JSON but could not be parsed',
};

/**
 * The error for a successful status whose body is not the JSON the operation declares. Not retried, as Stripe's
 * and OpenAI's SDKs do not retry a 2xx: the server answered (a POST may have been applied), and the same proxy or
 * portal would answer the same way. The text is kept in `body` (never in the message) to tell what answered.
 */
export function invalidBodyError(raw: RawResponse, reason: InvalidBodyReason): TriageResponseError {
  return new TriageResponseError({
    message: `HTTP ${raw.status} response has ${INVALID_BODY[reason](raw)}`,
    code: SdkErrorCode.invalidResponse,
    status: raw.status,
    requestId: raw.headers['x-request-id'],
    headers: raw.headers,
    body: raw.text,
    isRetryable: false,
  });
}

/**
 * The error for a 3xx: undici's dispatcher follows no redirect, and the client does not either (credentials and a
 * body would go wherever `Location` points), so a 3xx is not the typed result. Not retried: the same URL gets the same
 * answer. The body is kept in `body`, the `Location` header in `location` (in the message without its query).
 */
export function redirectError(raw: RawResponse): TriageRedirectError {
  const location = raw.headers.location;
  // The message is for logs: the query (which may name a student) and fragment stay in `location` only.
  const shown = location?.replace(/[?#].*$/s, (rest) => (rest.startsWith('?') ? '?…' : '#…'));
  return new TriageRedirectError({
    message: `HTTP ${raw.status} redirect ${shown ? `to ${shown} ` : 'without a Location header '}not followed (check baseUrl)`,
    code: SdkErrorCode.unexpectedRedirect,
    status: raw.status,
    requestId: raw.headers['x-request-id'],
    headers: raw.headers,
    body: raw.text,
    isRetryable: false,
    location,
  });
}

/** Maps a thrown undici/Node error (not an abort of ours) to a connection or timeout error. */
export function transportError(error: unknown, timeout: number): TriageApiError {
  const code = errorCode(error);
  if (isUndiciTimeout(code)) {
    return new TriageTimeoutError({
      message: `Request timed out after ${timeout} ms (${code})`,
      code: SdkErrorCode.timeout,
      isRetryable: true,
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new TriageConnectionError({
    message: `Connection failed${code ? ` (${code})` : ''}: ${detail}`,
    code: SdkErrorCode.connection,
    isRetryable: isRetryableNetworkCode(code),
    cause: error,
  });
}
