import type { Dispatcher } from 'undici';
import { SdkErrorCode, TriageAbortError, type TriageApiError, TriageTimeoutError } from '../errors.ts';
import type { ApiResponse } from './api-promise.ts';
import { httpError, invalidBodyError, parseBody, requestIdOf, transportError } from './classify.ts';
import { type RequestLogger, redactHeaders, redactQuery } from './debug-log.ts';
import type { RequestGate } from './gate.ts';
import type { ResolvedOptions } from './options.ts';
import type { HttpMethod, UntypedInit } from './paths.ts';
import { backoffDelay, parseRetryAfter } from './retry-policy.ts';
import { buildUrl, sendOnce } from './transport.ts';
import { SDK_VERSION } from './version.ts';

const MUTATING = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

// Abort reasons of our own controllers, told apart from the caller's.
const ATTEMPT_TIMEOUT = Symbol('attempt timeout');
const DEADLINE = Symbol('deadline');
const CALLER_ABORT = Symbol('caller abort');

export interface ExecuteContext {
  readonly options: ResolvedOptions;
  readonly dispatcher: Dispatcher;
  readonly gate: RequestGate;
  readonly logger: RequestLogger | undefined;
}

type AttemptOutcome =
  | { readonly ok: true; readonly response: ApiResponse<unknown> }
  | { readonly ok: false; readonly error: TriageApiError };

function withAttempts<E extends TriageApiError>(error: E, attempts: number): E {
  (error as { attempts: number }).attempts = attempts;
  return error;
}

function requestHeaders(ctx: ExecuteContext, init: UntypedInit, idempotencyKey: string | undefined, hasBody: boolean) {
  const headers: Record<string, string> = {
    // Errors come as RFC 9457 problem+json: ask for both, or a strict server (Prism) answers a 200 example instead.
    accept: 'application/json, application/problem+json',
    'user-agent': `triage-sdk/${SDK_VERSION}`,
  };
  for (const [name, value] of Object.entries({ ...ctx.options.headers, ...init.headers })) {
    headers[name.toLowerCase()] = value;
  }
  if (hasBody) headers['content-type'] = 'application/json';
  if (ctx.options.apiKey !== undefined) headers.authorization = `Bearer ${ctx.options.apiKey}`;
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  return headers;
}

/**
 * Runs one call: attempts through the client gate, retries with full-jitter backoff or the server's
 * Retry-After, all inside the call's deadline and the caller's signal.
 */
export async function execute(
  ctx: ExecuteContext,
  method: HttpMethod,
  template: string,
  init: UntypedInit = {},
): Promise<ApiResponse<unknown>> {
  const { options } = ctx;
  if (init.signal?.aborted) throw abortError(0);
  const url = buildUrl(options.baseUrl, template, init.path, init.query);
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const idempotencyKey = MUTATING.has(method) ? (init.idempotencyKey ?? options.randomUUID()) : undefined;
  const headers = requestHeaders(ctx, init, idempotencyKey, body !== undefined);
  const timeout = init.timeout ?? options.timeout;
  const deadline = init.deadline ?? options.deadline;
  const maxRetries = init.maxRetries ?? options.maxRetries;

  const call = new AbortController();
  const deadlineAt = options.now() + deadline;
  const deadlineTimer = setTimeout(() => call.abort(DEADLINE), deadline);
  const onCallerAbort = (): void => call.abort(CALLER_ABORT);
  init.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const stopped = (attempts: number, last: TriageApiError | undefined): TriageApiError =>
    call.signal.reason === CALLER_ABORT ? abortError(attempts) : deadlineError(deadline, attempts, last);

  let lastError: TriageApiError | undefined;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await ctx.gate.acquire(call.signal);
      } catch (error) {
        if (call.signal.aborted) throw stopped(attempt - 1, lastError);
        throw error;
      }
      const started = options.now();
      let outcome: AttemptOutcome;
      try {
        outcome = await attemptOnce(ctx, { method, url, headers, body, timeout, signal: call.signal });
      } finally {
        ctx.gate.release();
      }
      log(ctx, { method, template, init, headers, attempt, started, outcome });
      if (outcome.ok) return { ...outcome.response, attempts: attempt };
      if (call.signal.aborted) throw stopped(attempt, outcome.error);
      const error = outcome.error;
      lastError = error;
      const retryAfter = error.status === undefined ? undefined : parseRetryAfter(error.headers, options.now());
      // A rate limit applies to the client, not the call: hold every new attempt until it ends.
      if (error.status === 429 && retryAfter !== undefined) {
        ctx.gate.pauseUntil(options.now() + Math.min(retryAfter, options.maxRetryAfter));
      }
      if (!error.isRetryable || attempt > maxRetries) throw withAttempts(error, attempt);

      const delay = retryDelay(options, attempt, retryAfter);
      // Waiting past the deadline would only end in a deadline error: end now, with the real cause.
      if (options.now() + delay >= deadlineAt) throw deadlineError(deadline, attempt, error);
      try {
        await options.sleep(delay, call.signal);
      } catch (sleepError) {
        if (call.signal.aborted) throw stopped(attempt, error);
        throw sleepError;
      }
    }
  } finally {
    clearTimeout(deadlineTimer);
    init.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** The server's Retry-After (capped at `maxRetryAfter`) when it sent one, else full-jitter backoff. */
function retryDelay(options: ResolvedOptions, attempt: number, retryAfter: number | undefined): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, options.maxRetryAfter);
  return backoffDelay(attempt, {
    initialDelay: options.initialRetryDelay,
    maxDelay: options.maxRetryDelay,
    random: options.random,
  });
}

async function attemptOnce(
  ctx: ExecuteContext,
  request: {
    readonly method: HttpMethod;
    readonly url: string;
    readonly headers: Record<string, string>;
    readonly body: string | undefined;
    readonly timeout: number;
    readonly signal: AbortSignal;
  },
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(ATTEMPT_TIMEOUT), request.timeout);
  const relay = (): void => controller.abort(request.signal.reason);
  if (request.signal.aborted) relay();
  else request.signal.addEventListener('abort', relay, { once: true });
  try {
    const raw = await sendOnce({
      dispatcher: ctx.dispatcher,
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      timeout: request.timeout,
    });
    const now = ctx.options.now();
    if (raw.status >= 400) return { ok: false, error: httpError(raw, now) };
    const parsed = parseBody(raw);
    if (!parsed.ok) return { ok: false, error: invalidBodyError(raw) };
    const response = { status: raw.status, headers: raw.headers };
    return {
      ok: true,
      response: { data: parsed.value, response, requestId: requestIdOf(raw.headers, undefined), attempts: 1 },
    };
  } catch (error) {
    if (controller.signal.reason === ATTEMPT_TIMEOUT) {
      return {
        ok: false,
        error: new TriageTimeoutError({
          message: `Attempt timed out after ${request.timeout} ms`,
          code: SdkErrorCode.timeout,
          isRetryable: true,
          cause: error,
        }),
      };
    }
    // Caller abort or deadline: logged as such; the loop then throws the full error from the call signal.
    if (request.signal.aborted) {
      const stop = request.signal.reason === CALLER_ABORT ? abortError(1) : deadlineError(0, 1, undefined);
      return { ok: false, error: stop };
    }
    return { ok: false, error: transportError(error, request.timeout) };
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', relay);
  }
}

function abortError(attempts: number): TriageAbortError {
  return new TriageAbortError({
    message: 'Request aborted by the caller',
    code: SdkErrorCode.aborted,
    isRetryable: false,
    attempts,
  });
}

function deadlineError(deadline: number, attempts: number, last: TriageApiError | undefined): TriageTimeoutError {
  return new TriageTimeoutError({
    message: `Deadline of ${deadline} ms exceeded after ${attempts} attempt(s)${last ? `; last error: ${last.message}` : ''}`,
    code: SdkErrorCode.deadline,
    status: last?.status,
    requestId: last?.requestId,
    headers: last?.headers,
    body: last?.body,
    isRetryable: false,
    attempts,
    cause: last,
  });
}

function log(
  ctx: ExecuteContext,
  entry: {
    readonly method: HttpMethod;
    readonly template: string;
    readonly init: UntypedInit;
    readonly headers: Record<string, string>;
    readonly attempt: number;
    readonly started: number;
    readonly outcome: AttemptOutcome;
  },
): void {
  if (!ctx.logger) return;
  const { outcome } = entry;
  const status = outcome.ok ? outcome.response.response.status : outcome.error.status;
  const requestId = outcome.ok ? outcome.response.requestId : outcome.error.requestId;
  ctx.logger({
    method: entry.method,
    path: entry.template,
    query: redactQuery(entry.init.query),
    headers: redactHeaders(entry.headers),
    attempt: entry.attempt,
    durationMs: ctx.options.now() - entry.started,
    ...(status === undefined ? {} : { status }),
    ...(outcome.ok ? {} : { errorCode: outcome.error.code }),
    ...(requestId === undefined ? {} : { requestId }),
  });
}
