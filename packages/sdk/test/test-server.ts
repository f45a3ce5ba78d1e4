import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server received it. */
interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** `Date.now()` when the request's body was fully received. */
  readonly at: number;
  /** 0-based order of arrival. */
  readonly index: number;
}

/** Answers one request; may write slowly, destroy the socket, or never answer. */
export type Handler = (req: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface TestServer {
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Highest number of requests being handled at the same time. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

/** Sends a JSON (or problem+json, by `content-type`) response. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A scripted step: a response to send, or a handler for anything unusual. */
export type Step =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> }
  | Handler;

/** Answers the n-th request with the n-th step; the last step repeats. */
export function scripted(steps: readonly Step[]): Handler {
  return (req, res, raw) => {
    const step = steps[Math.min(req.index, steps.length - 1)];
    if (step === undefined) throw new Error('scripted() needs at least one step');
    if (typeof step === 'function') return step(req, res, raw);
    sendJson(res, step.status, step.body ?? {}, step.headers);
  };
}

/** Starts a real HTTP server on 127.0.0.1 with an OS-chosen port. */
export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((raw, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = (): void => {
      if (!done) inFlight--;
      done = true;
    };
    res.on('close', finish);
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const req: RecordedRequest = {
        method: raw.method ?? 'GET',
        url: raw.url ?? '/',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
        index: requests.length,
      };
      requests.push(req);
      Promise.resolve(handler(req, res, raw)).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 599, { title: 'test handler failed', detail: String(error) });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
