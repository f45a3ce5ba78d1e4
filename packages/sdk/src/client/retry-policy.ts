/**
 * When to retry and how long to wait: exponential backoff with full jitter, server `Retry-After` honoured.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ (full jitter)
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3 (Retry-After)
 */

/** Statuses worth another attempt: request timeout, conflict (often a lock), rate limit, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

// Programming errors of the caller, not of the network: retrying cannot help.
const NON_RETRYABLE_UNDICI = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'UND_ERR_ABORTED']);

/** The `code` of a Node/undici error, looking one level into `cause`. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  if (typeof cause === 'object' && cause !== null && typeof (cause as { code?: unknown }).code === 'string') {
    return (cause as { code: string }).code;
  }
  return undefined;
}

/** True for network-level failures that a new connection may fix. */
export function isRetryableNetworkCode(code: string | undefined): boolean {
  if (code === undefined) return false;
  if (CONNECTION_CODES.has(code)) return true;
  return code.startsWith('UND_ERR_') && !NON_RETRYABLE_UNDICI.has(code);
}

/** True for undici's own timeouts (headers, body, connect). */
export function isUndiciTimeout(code: string | undefined): boolean {
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

export interface BackoffOptions {
  readonly initialDelay: number;
  readonly maxDelay: number;
  readonly random: () => number;
}

/** Full jitter: uniform in [0, min(maxDelay, initialDelay·2^(retry-1))]; `retry` counts from 1. */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelay, options.initialDelay * 2 ** (retry - 1));
  return Math.floor(options.random() * ceiling);
}

/**
 * The server's requested wait in ms from `retry-after-ms`, else `Retry-After` (seconds or HTTP date);
 * `undefined` when absent or unparsable. Negative waits (dates in the past) become 0.
 */
export function parseRetryAfter(headers: Readonly<Record<string, string>>, now: number): number | undefined {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value)) return Math.max(0, value);
  }
  const after = headers['retry-after'];
  if (after === undefined || after.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(after)) return Math.max(0, Number(after) * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `x-should-retry: true|false` lets the server override the status-based decision. */
export function serverRetryOverride(headers: Readonly<Record<string, string>>): boolean | undefined {
  const value = headers['x-should-retry'];
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}
