import { Agent, type Dispatcher } from 'undici';
import type { Target } from './url.ts';

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

/** Response headers as undici hands them to a dispatch handler (lower-case names). */
type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/** Lower-case header names (undici gives them so), repeated headers joined with ", "; copied only when needed. */
function flattenHeaders(headers: ResponseHeaders): Record<string, string> {
  for (const name in headers) {
    if (typeof headers[name] !== 'string') {
      const out: Record<string, string> = {};
      for (const [key, value] of Object.entries(headers)) {
        if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
      }
      return out;
    }
  }
  return headers as Record<string, string>;
}

/** UTF-8 text of a body, a leading BOM dropped (as undici's `body.text()` does). */
function decodeBody(chunks: readonly Buffer[]): string {
  if (chunks.length === 0) return '';
  const buffer = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  const bom = buffer.length > 2 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  return buffer.toString('utf8', bom ? 3 : 0);
}

/** Receives the end of an {@link Exchange}: exactly one call, with the response or the error. */
export interface ExchangeSink {
  exchangeDone(exchange: Exchange, error: unknown, response: RawResponse | undefined): void;
}

/**
 * One request through undici's dispatch API, its whole body read into memory. No `AbortSignal` and no stream:
 * {@link Exchange.cancel} ends it at once (before it has a socket too) and aborts the request in undici. The sink
 * hears of it exactly once; undici's later callbacks are ignored.
 */
export class Exchange implements Dispatcher.DispatchHandler {
  readonly #sink: ExchangeSink;
  #controller: Dispatcher.DispatchController | undefined;
  #status = 0;
  #headers: Record<string, string> | undefined;
  #chunks: Buffer[] = [];
  #cancelled: Error | undefined;
  #done = false;

  constructor(sink: ExchangeSink) {
    this.#sink = sink;
  }

  /**
   * Sends the request. undici's own header and body timers are set just above `timeout`, per request, so the
   * caller's timer, which names the failure, fires first.
   */
  send(
    dispatcher: Dispatcher,
    request: {
      readonly target: Target;
      readonly method: string;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string | undefined;
      readonly timeout: number;
    },
  ): void {
    const limit = dispatcherTimeout(request.timeout);
    try {
      dispatcher.dispatch(
        {
          origin: request.target.origin,
          path: request.target.path,
          method: request.method as Dispatcher.HttpMethod,
          headers: request.headers,
          body: request.body ?? null,
          headersTimeout: limit,
          bodyTimeout: limit,
        },
        this,
      );
    } catch (error) {
      this.#finish(error, undefined);
    }
  }

  /** Ends the exchange with `reason` now; the request is aborted in undici as soon as it can be. */
  cancel(reason: Error): void {
    if (this.#done) return;
    this.#cancelled = reason;
    this.#finish(reason, undefined);
    this.#controller?.abort(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#cancelled) controller.abort(this.#cancelled);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: ResponseHeaders): void {
    if (statusCode < 200) return; // 1xx: the final response follows
    this.#status = statusCode;
    this.#headers = flattenHeaders(headers);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.#done) this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#done) return;
    let text: string;
    try {
      text = decodeBody(this.#chunks);
    } catch (error) {
      this.#finish(error, undefined);
      return;
    }
    this.#finish(undefined, { status: this.#status, headers: this.#headers ?? {}, text });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#finish(error, undefined);
  }

  #finish(error: unknown, response: RawResponse | undefined): void {
    if (this.#done) return;
    this.#done = true;
    this.#chunks.length = 0;
    this.#sink.exchangeDone(this, error, response);
  }
}
