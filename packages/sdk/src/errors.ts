/**
 * Error classes of the SDK: one base class, one subclass per failure, each with a stable `code` (undici's
 * `UND_ERR_*` pattern). Messages never include request bodies: they may carry minors' data.
 */

/** Which failure an error describes; the discriminant of {@link TriageApiError}. */
export type TriageErrorKind = 'connection' | 'timeout' | 'aborted' | 'http' | 'response';

/**
 * An RFC 9457 problem details object as the API returns it (`application/problem+json`).
 * @see https://www.rfc-editor.org/rfc/rfc9457#section-3
 */
export interface ProblemDetails {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly request_id?: string;
  readonly [member: string]: unknown;
}

interface ErrorInit {
  readonly message: string;
  readonly code: string;
  readonly isRetryable: boolean;
  readonly status?: number | undefined;
  readonly requestId?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly body?: unknown;
  readonly attempts?: number | undefined;
  readonly cause?: unknown;
}

const BRAND = Symbol.for('@triage/sdk/error');

/** Base class of every error the SDK throws for a failed call; narrow with `kind` or the `is*Error` guards. */
export abstract class TriageApiError extends Error {
  abstract readonly kind: TriageErrorKind;
  /** Stable code: `SDK_*`, or the server's problem `code` for HTTP errors that carry one. */
  readonly code: string;
  /** HTTP status of the last response, if one arrived. */
  readonly status: number | undefined;
  /** From the `X-Request-Id` response header, else the problem body's `request_id`. */
  readonly requestId: string | undefined;
  /** Response headers (lower-case names), empty when no response arrived. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed response body: a {@link ProblemDetails} for problem+json responses. */
  readonly body: unknown;
  /** Whether the client would retry this failure (it already did, up to `maxRetries`). */
  readonly isRetryable: boolean;
  /** Number of attempts made before giving up (1 = no retry). */
  readonly attempts: number;
  readonly [BRAND] = true;

  constructor(init: ErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.headers = init.headers ?? {};
    this.body = init.body;
    this.isRetryable = init.isRetryable;
    this.attempts = init.attempts ?? 1;
  }
}

/** The connection failed or closed before a complete response was read (ECONNRESET, ECONNREFUSED, UND_ERR_*). */
export class TriageConnectionError extends TriageApiError {
  override readonly name = 'TriageConnectionError';
  readonly kind = 'connection';
}

/** An attempt exceeded `timeout` (`SDK_TIMEOUT`) or the call exceeded its `deadline` (`SDK_DEADLINE_EXCEEDED`). */
export class TriageTimeoutError extends TriageApiError {
  override readonly name = 'TriageTimeoutError';
  readonly kind = 'timeout';
}

/** The caller's `AbortSignal` fired (`SDK_ABORTED`); never retried. */
export class TriageAbortError extends TriageApiError {
  override readonly name = 'TriageAbortError';
  readonly kind = 'aborted';
}

/** The server answered with a status ≥ 400; `body` holds the problem details when the server sent them. */
export class TriageHttpError extends TriageApiError {
  override readonly name: string = 'TriageHttpError';
  readonly kind = 'http';
  declare readonly status: number;
  /** The problem details, when the body was a problem object. */
  get problem(): ProblemDetails | undefined {
    return isProblem(this.body) ? this.body : undefined;
  }
}

/** HTTP 429; `retryAfterMs` is the server's requested wait, if it sent one. */
export class TriageRateLimitError extends TriageHttpError {
  override readonly name = 'TriageRateLimitError';
  readonly retryAfterMs: number | undefined;
  constructor(init: ErrorInit & { readonly retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/**
 * A response that cannot be used: a 2xx without the JSON body the spec declares (another content type, empty, or
 * unparsable; never retried), a page without `data`, or a pagination guard tripped.
 */
export class TriageResponseError extends TriageApiError {
  override readonly name: string = 'TriageResponseError';
  readonly kind = 'response';
}

/**
 * A 3xx (`SDK_UNEXPECTED_REDIRECT`): the API answers every operation itself, so the client follows no redirect (it
 * would resend credentials and a body to another place); usually a `baseUrl` with `http:` for `https:` or a missing
 * path prefix. `location` is the `Location` header, if any. Never retried.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4
 */
export class TriageRedirectError extends TriageResponseError {
  override readonly name = 'TriageRedirectError';
  declare readonly status: number;
  /** Where the server sent the call: the `Location` header as received (may be relative), `undefined` without one. */
  readonly location: string | undefined;
  constructor(init: ErrorInit & { readonly location?: string | undefined }) {
    super(init);
    this.location = init.location;
  }
}

/** Stable codes the SDK itself assigns. */
export const SdkErrorCode = {
  connection: 'SDK_CONNECTION',
  timeout: 'SDK_TIMEOUT',
  deadline: 'SDK_DEADLINE_EXCEEDED',
  aborted: 'SDK_ABORTED',
  rateLimited: 'SDK_RATE_LIMITED',
  invalidResponse: 'SDK_INVALID_RESPONSE',
  paginationGuard: 'SDK_PAGINATION_GUARD',
  unexpectedRedirect: 'SDK_UNEXPECTED_REDIRECT',
} as const;

const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'SDK_BAD_REQUEST',
  401: 'SDK_UNAUTHORIZED',
  403: 'SDK_FORBIDDEN',
  404: 'SDK_NOT_FOUND',
  408: 'SDK_REQUEST_TIMEOUT',
  409: 'SDK_CONFLICT',
  410: 'SDK_GONE',
  422: 'SDK_UNPROCESSABLE',
  429: SdkErrorCode.rateLimited,
};

/** The SDK's own code for an HTTP status, used when the problem body carries no `code`. */
export function codeForStatus(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'SDK_SERVER_ERROR' : 'SDK_HTTP_ERROR');
}

/** True for values shaped like RFC 9457 problem details. */
export function isProblem(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' || typeof v.type === 'string' || typeof v.detail === 'string';
}

/** True for any error thrown by a call of the SDK client (works across duplicate copies of the package). */
export function isTriageApiError(error: unknown): error is TriageApiError {
  return typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}

/** True for HTTP error responses (status ≥ 400). */
export function isHttpError(error: unknown): error is TriageHttpError {
  return isTriageApiError(error) && error.kind === 'http';
}

/** True for HTTP 429 responses. */
export function isRateLimitError(error: unknown): error is TriageRateLimitError {
  return isHttpError(error) && error.status === 429;
}

/** True for a 3xx the client did not follow; `location` says where it pointed. */
export function isRedirectError(error: unknown): error is TriageRedirectError {
  return isTriageApiError(error) && error.kind === 'response' && error.code === SdkErrorCode.unexpectedRedirect;
}

/** True for per-attempt timeouts and exceeded deadlines. */
export function isTimeoutError(error: unknown): error is TriageTimeoutError {
  return isTriageApiError(error) && error.kind === 'timeout';
}

/** True for connection failures. */
export function isConnectionError(error: unknown): error is TriageConnectionError {
  return isTriageApiError(error) && error.kind === 'connection';
}

/** True when the caller aborted the call. */
export function isAbortError(error: unknown): error is TriageAbortError {
  return isTriageApiError(error) && error.kind === 'aborted';
}
