import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { RequestLogger } from './debug-log.ts';
import { type Sleep, sleep } from './sleep.ts';

/** Options of {@link createTriageClient}; every duration is in milliseconds. */
export interface TriageClientOptions {
  /** API root, e.g. `https://api.example.org/v1`; paths are appended to it. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`; `undefined` (an unset `process.env` variable) sends none. */
  readonly apiKey?: string | undefined;
  /** Per-attempt timeout covering connect, headers and the whole body. Default 30 000. */
  readonly timeout?: number;
  /** Overall budget of a call across attempts and waits. Default 120 000. */
  readonly deadline?: number;
  /** Retries after the first attempt; `0` means none, with no exception. Default 3. */
  readonly maxRetries?: number;
  /** Backoff ceiling of the first retry (full jitter below it). Default 500. */
  readonly initialRetryDelay?: number;
  /** Cap of the backoff ceiling. Default 8 000. */
  readonly maxRetryDelay?: number;
  /** Cap on a server's `Retry-After` / `retry-after-ms`. Default 60 000. */
  readonly maxRetryAfter?: number;
  /** Attempts in flight at once, client-wide. Default 8. */
  readonly maxConcurrency?: number;
  /** Headers sent with every call. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Receives one entry per attempt; defaults to stderr when `TRIAGE_SDK_DEBUG=1`. */
  readonly logger?: RequestLogger;
  /** Environment read for `TRIAGE_SDK_DEBUG`. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** An undici dispatcher to use instead of the client's own keep-alive `Agent` (not closed by `close()`). */
  readonly dispatcher?: Dispatcher;
  /** Injected for tests: uniform random in [0, 1). */
  readonly random?: () => number;
  /** Injected for tests: backoff and pause waits. */
  readonly sleep?: Sleep;
  /** Injected for tests: wall clock in epoch ms. */
  readonly now?: () => number;
  /** Injected for tests: idempotency key generator. */
  readonly randomUUID?: () => string;
}

export interface ResolvedOptions {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly timeout: number;
  readonly deadline: number;
  readonly maxRetries: number;
  readonly initialRetryDelay: number;
  readonly maxRetryDelay: number;
  readonly maxRetryAfter: number;
  readonly maxConcurrency: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly random: () => number;
  readonly sleep: Sleep;
  readonly now: () => number;
  readonly randomUUID: () => string;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  return value;
}

/** Fills defaults and checks ranges (a bad option is a bug: it throws at construction). */
export function resolveOptions(options: TriageClientOptions): ResolvedOptions {
  return {
    baseUrl: new URL(options.baseUrl).toString(),
    apiKey: options.apiKey,
    timeout: positive('timeout', options.timeout ?? 30_000),
    deadline: positive('deadline', options.deadline ?? 120_000),
    maxRetries: Math.floor(nonNegative('maxRetries', options.maxRetries ?? 3)),
    initialRetryDelay: nonNegative('initialRetryDelay', options.initialRetryDelay ?? 500),
    maxRetryDelay: nonNegative('maxRetryDelay', options.maxRetryDelay ?? 8_000),
    maxRetryAfter: nonNegative('maxRetryAfter', options.maxRetryAfter ?? 60_000),
    maxConcurrency: positive('maxConcurrency', options.maxConcurrency ?? 8),
    headers: options.headers ?? {},
    random: options.random ?? Math.random,
    sleep: options.sleep ?? sleep,
    now: options.now ?? Date.now,
    randomUUID: options.randomUUID ?? randomUUID,
  };
}
