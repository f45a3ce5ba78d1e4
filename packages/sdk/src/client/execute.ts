import type { Dispatcher } from 'undici';
import { SdkErrorCode, TriageAbortError, TriageApiError, TriageTimeoutError } from '../errors.ts';
import type { ApiResponse } from './api-promise.ts';
import {
  httpError,
  invalidBodyError,
  parseSuccessBody,
  redirectError,
  requestIdOf,
  transportError,
} from './classify.ts';
import { type RequestLogger, redactHeaders, redactQuery } from './debug-log.ts';
import type { RequestGate } from './gate.ts';
import type { ResolvedOptions } from './options.ts';
import type { HttpMethod, UntypedInit } from './paths.ts';
import { backoffDelay, parseRetryAfter } from './retry-policy.ts';
import { Exchange, type ExchangeSink, type RawResponse } from './transport.ts';
import type { Target, UrlBuilder } from './url.ts';
import { SDK_VERSION } from './version.ts';

const MUTATING = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Node's `setTimeout` ceiling; a longer delay would fire at once. */
const MAX_TIMER_DELAY = 2_147_483_647;

// Why a call stopped early: the caller's signal, or its overall deadline.
const CALLER_ABORT = 1;
const DEADLINE = 2;
type StopReason = typeof CALLER_ABORT | typeof DEADLINE;

// Steps {@link Call} runs guarded.
const NEXT = 1;
const SEND = 2;

export interface ExecuteContext {
  readonly options: ResolvedOptions;
  readonly dispatcher: Dispatcher;
  readonly gate: RequestGate;
  readonly logger: RequestLogger | undefined;
  readonly urls: UrlBuilder;
  /** The headers every call sends, and a call that adds none sends as they are: see {@link clientHeaders}. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The headers of a call without per-call headers, body or idempotency key, built once per client:
 * accept, user agent, the client's headers (lower-cased) and the bearer key.
 */
export function clientHeaders(options: ResolvedOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {
    // Errors come as RFC 9457 problem+json: ask for both, or a strict server (Prism) answers a 200 example instead.
    accept: 'application/json, application/problem+json',
    'user-agent': `triage-sdk/${SDK_VERSION}`,
  };
  for (const [name, value] of Object.entries(options.headers)) headers[name.toLowerCase()] = value;
  if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;
  return Object.freeze(headers);
}

function requestHeaders(
  ctx: ExecuteContext,
  init: UntypedInit,
  idempotencyKey: string | undefined,
  hasBody: boolean,
): Readonly<Record<string, string>> {
  if (init.headers === undefined && idempotencyKey === undefined && !hasBody) return ctx.headers;
  const headers: Record<string, string> = { ...ctx.headers };
  if (init.headers !== undefined) {
    for (const [name, value] of Object.entries(init.headers)) headers[name.toLowerCase()] = value;
  }
  if (hasBody) headers['content-type'] = 'application/json';
  // A call's headers cannot replace the client's credentials.
  if (ctx.options.apiKey !== undefined) headers.authorization = `Bearer ${ctx.options.apiKey}`;
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  return headers;
}

/**
 * Runs one call: attempts through the client gate, retries with full-jitter backoff or the server's
 * Retry-After, all inside the call's deadline and the caller's signal.
 */
export function execute(
  ctx: ExecuteContext,
  method: HttpMethod,
  template: string,
  init: UntypedInit = {},
): Promise<ApiResponse<unknown>> {
  if (init.signal?.aborted) return Promise.reject(abortError(0));
  let target: Target;
  let body: string | undefined;
  try {
    target = ctx.urls.build(template, init.path, init.query);
    body = init.body === undefined ? undefined : JSON.stringify(init.body);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Call(ctx, method, template, init, target, body).start();
}

/** `setTimeout` callback of a call's one timer (an argument, not a closure per call). */
function expire(call: Call): void {
  call.expire();
}

/**
 * The state of one call. Cheap on the path every call takes: one timer per attempt, which ends the attempt at its
 * timeout or at the call's deadline, whichever comes first, and covers the whole body; no `AbortController`, no
 * listener, and no closure but the promise's executor. The caller's signal gets one listener (this object) when
 * there is one; an `AbortController` is made only when the call has to wait (for the gate, a 429 pause or a
 * backoff), to cut that wait short.
 */
class Call implements ExchangeSink {
  readonly #ctx: ExecuteContext;
  readonly #method: HttpMethod;
  readonly #template: string;
  readonly #init: UntypedInit;
  readonly #target: Target;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #body: string | undefined;
  readonly #timeout: number;
  readonly #deadline: number;
  readonly #deadlineAt: number;
  readonly #maxRetries: number;
  #attempt = 0;
  #started = 0;
  #exchange: Exchange | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether {@link Call.#timer} stands for the deadline (else for the attempt's timeout). */
  #timerIsDeadline = false;
  #stop: StopReason | undefined;
  /** The error the running attempt was cancelled with because the call stopped. */
  #stopError: TriageApiError | undefined;
  #lastError: TriageApiError | undefined;
  #wait: AbortController | undefined;
  #settled = false;
  #resolve!: (response: ApiResponse<unknown>) => void;
  #reject!: (error: unknown) => void;

  constructor(
    ctx: ExecuteContext,
    method: HttpMethod,
    template: string,
    init: UntypedInit,
    target: Target,
    body: string | undefined,
  ) {
    const { options } = ctx;
    this.#ctx = ctx;
    this.#method = method;
    this.#template = template;
    this.#init = init;
    this.#target = target;
    this.#body = body;
    const idempotencyKey = MUTATING.has(method) ? (init.idempotencyKey ?? options.randomUUID()) : undefined;
    this.#headers = requestHeaders(ctx, init, idempotencyKey, body !== undefined);
    this.#timeout = init.timeout ?? options.timeout;
    this.#deadline = init.deadline ?? options.deadline;
    this.#deadlineAt = options.now() + this.#deadline;
    this.#maxRetries = init.maxRetries ?? options.maxRetries;
  }

  start(): Promise<ApiResponse<unknown>> {
    const promise = new Promise<ApiResponse<unknown>>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#init.signal?.addEventListener('abort', this, { once: true });
    this.#guarded(NEXT);
    return promise;
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.#halt(CALLER_ABORT);
  }

  /** The timer fired: the attempt's timeout, or the call's deadline. */
  expire(): void {
    this.#timer = undefined;
    if (this.#timerIsDeadline) {
      this.#halt(DEADLINE);
      return;
    }
    this.#exchange?.cancel(
      new TriageTimeoutError({
        message: `Attempt timed out after ${this.#timeout} ms`,
        code: SdkErrorCode.timeout,
        isRetryable: true,
      }),
    );
  }

  /** Stops the call: cancels the running attempt or the running wait, whichever there is. */
  #halt(reason: StopReason): void {
    if (this.#settled || this.#stop !== undefined) return;
    this.#stop = reason;
    if (this.#exchange) {
      this.#stopError = this.#stopped(this.#attempt, undefined);
      this.#exchange.cancel(this.#stopError);
    } else {
      this.#wait?.abort();
    }
  }

  /** Starts the next attempt, at once when the gate has a free slot, else after waiting for one. */
  #next(): void {
    if (this.#stop !== undefined) this.#fail(this.#stopped(this.#attempt, this.#lastError));
    else if (this.#ctx.gate.tryAcquire()) this.#send();
    else void this.#queue();
  }

  async #queue(): Promise<void> {
    if (!(await this.#waitFor(() => this.#ctx.gate.acquire(this.#waitSignal())))) return;
    if (this.#stop !== undefined) {
      this.#ctx.gate.release();
      this.#fail(this.#stopped(this.#attempt, this.#lastError));
      return;
    }
    this.#guarded(SEND);
  }

  async #backoff(delay: number): Promise<void> {
    if (await this.#waitFor(() => this.#ctx.options.sleep(delay, this.#waitSignal()))) this.#guarded(NEXT);
  }

  /** Awaits a wait under the deadline timer; `false` when it failed and so did the call. */
  async #waitFor(wait: () => Promise<void>): Promise<boolean> {
    this.#armDeadline();
    try {
      await wait();
      return true;
    } catch (error) {
      this.#fail(this.#stop === undefined ? error : this.#stopped(this.#attempt, this.#lastError));
      return false;
    } finally {
      this.#disarm();
    }
  }

  /** Runs a step off the synchronous path of a callback or a wait: whatever it throws fails the call. */
  #guarded(step: typeof NEXT | typeof SEND): void {
    try {
      if (step === NEXT) this.#next();
      else this.#send();
    } catch (error) {
      this.#exchange = undefined;
      this.#fail(error);
    }
  }

  /** Sends an attempt (its gate slot taken), under one timer: its timeout or the deadline, the earlier. */
  #send(): void {
    this.#attempt++;
    const now = this.#ctx.options.now();
    this.#started = now;
    const remaining = this.#deadlineAt - now;
    this.#timerIsDeadline = remaining <= this.#timeout;
    const exchange = new Exchange(this);
    this.#exchange = exchange;
    this.#arm(this.#timerIsDeadline ? remaining : this.#timeout);
    exchange.send(this.#ctx.dispatcher, {
      target: this.#target,
      method: this.#method,
      headers: this.#headers,
      body: this.#body,
      timeout: this.#timeout,
    });
  }

  /** The attempt ended (never throws: undici calls it). */
  exchangeDone(exchange: Exchange, error: unknown, raw: RawResponse | undefined): void {
    if (exchange !== this.#exchange) return;
    this.#exchange = undefined;
    this.#disarm();
    this.#ctx.gate.release();
    try {
      this.#afterAttempt(error, raw);
    } catch (thrown) {
      this.#fail(thrown);
    }
  }

  #afterAttempt(failure: unknown, raw: RawResponse | undefined): void {
    const { options } = this.#ctx;
    const attempt = this.#attempt;
    const now = options.now();
    let error: TriageApiError | undefined;
    let data: unknown;
    if (raw === undefined) {
      // Our own cancellation reasons are typed already; anything else came from undici or the socket.
      error = failure instanceof TriageApiError ? failure : transportError(failure, this.#timeout);
    } else if (raw.status >= 400) {
      error = httpError(raw, now);
    } else if (raw.status >= 300) {
      error = redirectError(raw);
    } else {
      const parsed = parseSuccessBody(raw);
      if (parsed.ok) data = parsed.value;
      else error = invalidBodyError(raw, parsed.reason);
    }
    const requestId = error === undefined ? requestIdOf((raw as RawResponse).headers, undefined) : error.requestId;
    if (this.#ctx.logger) this.#log(this.#ctx.logger, now, raw?.status ?? error?.status, error?.code, requestId);

    if (error === undefined) {
      const { status, headers } = raw as RawResponse;
      this.#succeed({ data, response: { status, headers }, requestId, attempts: attempt });
      return;
    }
    if (this.#stop !== undefined) {
      this.#fail(this.#stopped(attempt, error === this.#stopError ? this.#lastError : error));
      return;
    }
    this.#lastError = error;
    const retryAfter = error.status === undefined ? undefined : parseRetryAfter(error.headers, now);
    // A rate limit applies to the client, not the call: hold every new attempt until it ends.
    if (error.status === 429 && retryAfter !== undefined) {
      this.#ctx.gate.pauseUntil(now + Math.min(retryAfter, options.maxRetryAfter));
    }
    if (!error.isRetryable || attempt > this.#maxRetries) {
      this.#fail(withAttempts(error, attempt));
      return;
    }
    const delay = retryDelay(options, attempt, retryAfter);
    // Waiting past the deadline would only end in a deadline error: end now, with the real cause.
    if (now + delay >= this.#deadlineAt) {
      this.#fail(deadlineError(this.#deadline, attempt, error));
      return;
    }
    void this.#backoff(delay);
  }

  #stopped(attempts: number, last: TriageApiError | undefined): TriageApiError {
    return this.#stop === CALLER_ABORT ? abortError(attempts) : deadlineError(this.#deadline, attempts, last);
  }

  /** A signal for a wait, aborted when the call stops (made on the first wait only). */
  #waitSignal(): AbortSignal {
    if (this.#wait === undefined) {
      this.#wait = new AbortController();
      if (this.#stop !== undefined) this.#wait.abort();
    }
    return this.#wait.signal;
  }

  #armDeadline(): void {
    this.#timerIsDeadline = true;
    this.#arm(this.#deadlineAt - this.#ctx.options.now());
  }

  #arm(delay: number): void {
    this.#timer = setTimeout(expire, Math.min(Math.max(delay, 0), MAX_TIMER_DELAY), this);
  }

  #disarm(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  #succeed(response: ApiResponse<unknown>): void {
    if (this.#settled) return;
    this.#end();
    this.#resolve(response);
  }

  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#end();
    this.#reject(error);
  }

  #end(): void {
    this.#settled = true;
    this.#disarm();
    this.#init.signal?.removeEventListener('abort', this);
  }

  #log(
    logger: RequestLogger,
    now: number,
    status: number | undefined,
    errorCode: string | undefined,
    requestId: string | undefined,
  ): void {
    logger({
      method: this.#method,
      path: this.#template,
      query: redactQuery(this.#init.query),
      headers: redactHeaders(this.#headers),
      attempt: this.#attempt,
      durationMs: now - this.#started,
      ...(status === undefined ? {} : { status }),
      ...(errorCode === undefined ? {} : { errorCode }),
      ...(requestId === undefined ? {} : { requestId }),
    });
  }
}

function withAttempts<E extends TriageApiError>(error: E, attempts: number): E {
  (error as { attempts: number }).attempts = attempts;
  return error;
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
