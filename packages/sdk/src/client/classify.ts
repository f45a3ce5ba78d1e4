import {
  codeForStatus,
  isProblem,
  SdkErrorCode,
  type TriageApiError,
  TriageConnectionError,
  TriageHttpError,
  TriageRateLimitError,
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

/** Parses a body as JSON when the content type says so; text otherwise; `undefined` when empty. */
export function parseBody(raw: RawResponse): { ok: true; value: unknown } | { ok: false } {
  if (raw.text === '') return { ok: true, value: undefined };
  const type = raw.headers['content-type'] ?? '';
  if (!/[/+]json\b/i.test(type)) return { ok: true, value: raw.text };
  try {
    return { ok: true, value: JSON.parse(raw.text) };
  } catch {
    return { ok: false };
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

/** The error for a successful status whose body cannot be parsed. */
export function invalidBodyError(raw: RawResponse): TriageResponseError {
  return new TriageResponseError({
    message: `HTTP ${raw.status} response declared JSON but could not be parsed`,
    code: SdkErrorCode.invalidResponse,
    status: raw.status,
    requestId: raw.headers['x-request-id'],
    headers: raw.headers,
    isRetryable: false,
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
