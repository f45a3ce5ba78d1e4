import { Agent, type Dispatcher, request } from 'undici';
import type { QueryValue } from './paths.ts';

/** Headroom so the client's own per-attempt timer, which names the failure, fires before undici's. */
const DISPATCHER_TIMEOUT_MARGIN_MS = 1_000;

/** undici's header/body timeout for a client or call timeout. */
function dispatcherTimeout(timeout: number): number {
  return timeout + DISPATCHER_TIMEOUT_MARGIN_MS;
}

/**
 * One keep-alive undici `Agent` per client, its header/body/connect timeouts aligned with the client's timeout
 * (undici's 300 s defaults would otherwise silently cap a longer one).
 */
export function createAgent(timeout: number): Agent {
  const limit = dispatcherTimeout(timeout);
  return new Agent({
    keepAliveTimeout: 10_000,
    headersTimeout: limit,
    bodyTimeout: limit,
    connect: { timeout: limit },
  });
}

/** Fills `{name}` segments (percent-encoded) and appends the query to `baseUrl`. */
export function buildUrl(
  baseUrl: string,
  template: string,
  path: Readonly<Record<string, string | number>> | undefined,
  query: Readonly<Record<string, QueryValue>> | undefined,
): string {
  const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = path?.[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
  const url = new URL(baseUrl.replace(/\/+$/, '') + filled);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
    else url.searchParams.append(key, String(value));
  }
  return url.toString();
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/** Lower-case header names, repeated headers joined with ", ". */
function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * Sends one request and reads the whole body under `signal`, so a timeout or abort also stops a body that
 * trickles in after the headers. Throws undici's/Node's error on failure; the caller classifies it.
 */
export async function sendOnce(options: {
  readonly dispatcher: Dispatcher;
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly signal: AbortSignal;
  /** The attempt's timeout; undici's own header/body timers are set just above it, per request. */
  readonly timeout: number;
}): Promise<RawResponse> {
  const response = await request(options.url, {
    dispatcher: options.dispatcher,
    method: options.method as Dispatcher.HttpMethod,
    headers: options.headers,
    body: options.body ?? null,
    signal: options.signal,
    headersTimeout: dispatcherTimeout(options.timeout),
    bodyTimeout: dispatcherTimeout(options.timeout),
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: flattenHeaders(response.headers), text };
}
