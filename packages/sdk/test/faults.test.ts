import { getEventListeners } from 'node:events';
import { Agent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTriageClient, type TriageClient } from '../src/client/client.ts';
import { formatLogEntry, type RequestLogEntry } from '../src/client/debug-log.ts';
import type { TriageClientOptions } from '../src/client/options.ts';
import {
  isAbortError,
  isConnectionError,
  isHttpError,
  isRateLimitError,
  isRedirectError,
  isTimeoutError,
  TriageRedirectError,
  TriageResponseError,
} from '../src/errors.ts';
import type { paths } from '../src/generated/api.ts';
import { rejection } from './rejection.ts';
import { type Handler, scripted, sendJson, startTestServer, type TestServer } from './test-server.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const servers: TestServer[] = [];
const clients: TriageClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(handler: Handler, options: Partial<TriageClientOptions> = {}) {
  const server = await startTestServer(handler);
  servers.push(server);
  const client = createTriageClient({
    baseUrl: server.url,
    apiKey: 'sk-test-secret',
    timeout: 1_000,
    initialRetryDelay: 10,
    maxRetryDelay: 20,
    env: {},
    ...options,
  });
  clients.push(client);
  return { server, client };
}

/** Records requested waits and resolves at once. */
function sleepRecorder() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const never: Handler = () => {};

/** The i-th element, failing the test when it is missing. */
function one<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no element ${index} among ${list.length}`);
  return item;
}

describe('retries', () => {
  it('retries a burst of 503s, then returns the body', async () => {
    const { server, client } = await setup(
      scripted([
        { status: 503 },
        { status: 503 },
        { status: 200, body: { ok: true }, headers: { 'x-request-id': 'r-3' } },
      ]),
    );
    const result = await client.request('GET', '/health').withResponse();
    expect(result).toMatchObject({ data: { ok: true }, requestId: 'r-3', attempts: 3, response: { status: 200 } });
    expect(server.requests).toHaveLength(3);
  });

  it('honours Retry-After: 1 on 429 (the second attempt waits about a second)', async () => {
    const { server, client } = await setup(
      scripted([
        { status: 429, headers: { 'retry-after': '1' } },
        { status: 200, body: { ok: 1 } },
      ]),
    );
    await client.request('GET', '/cases');
    expect(one(server.requests, 1).at - one(server.requests, 0).at).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date, retry-after-ms, and caps both at maxRetryAfter', async () => {
    const date = new Date(Date.now() + 3_000).toUTCString();
    const recorder = sleepRecorder();
    const { client } = await setup(
      scripted([
        { status: 503, headers: { 'retry-after': date } },
        { status: 503, headers: { 'retry-after-ms': '250' } },
        { status: 503, headers: { 'retry-after': '3600' } },
        { status: 200, body: {} },
      ]),
      { sleep: recorder.sleep, maxRetryAfter: 5_000 },
    );
    await client.request('GET', '/cases');
    const [fromDate, fromMs, capped] = recorder.waits;
    expect(fromDate).toBeGreaterThan(1_000);
    expect(fromDate).toBeLessThanOrEqual(3_000);
    expect(fromMs).toBe(250);
    expect(capped).toBe(5_000);
  });

  it('uses full-jitter backoff from the injected random', async () => {
    const recorder = sleepRecorder();
    const { client } = await setup(scripted([{ status: 500 }, { status: 502 }, { status: 504 }, { status: 200 }]), {
      sleep: recorder.sleep,
      random: () => 0.5,
      initialRetryDelay: 100,
      maxRetryDelay: 300,
    });
    await client.request('GET', '/x');
    expect(recorder.waits).toEqual([50, 100, 150]);
  });

  it('does not retry a 400 and parses its problem+json', async () => {
    const problem = {
      type: 'https://triage.example/problems/validation',
      title: 'Invalid case',
      status: 400,
      detail: 'level is required',
      code: 'CASE_INVALID',
      request_id: 'body-rid',
    };
    const { server, client } = await setup(
      scripted([{ status: 400, body: problem, headers: { 'content-type': 'application/problem+json' } }]),
    );
    const error = await rejection(client.request('POST', '/cases', { body: { name: 'Zhang Wei-secret' } }));
    expect(server.requests).toHaveLength(1);
    expect(isHttpError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 400,
      code: 'CASE_INVALID',
      requestId: 'body-rid',
      body: problem,
      isRetryable: false,
      attempts: 1,
    });
    expect(error.message).toContain('Invalid case');
    expect(error.message).not.toContain('Zhang Wei-secret');
  });

  it('lets the server veto or force a retry with x-should-retry', async () => {
    const { server, client } = await setup(
      scripted([
        { status: 503, headers: { 'x-should-retry': 'false' } },
        { status: 400, headers: { 'x-should-retry': 'true' } },
        { status: 200, body: {} },
      ]),
    );
    await expect(client.request('GET', '/x')).rejects.toMatchObject({ status: 503, attempts: 1 });
    await expect(client.request('GET', '/x')).resolves.toEqual({});
    expect(server.requests).toHaveLength(3);
  });

  it('keeps a non-JSON error body as text', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'edge-1' });
      res.end('<h1>Bad gateway</h1>');
    });
    const error = await rejection(client.request('GET', '/x', { maxRetries: 0 }));
    expect(error).toMatchObject({
      status: 502,
      code: 'SDK_SERVER_ERROR',
      requestId: 'edge-1',
      body: '<h1>Bad gateway</h1>',
    });
  });

  it('makes exactly one attempt with maxRetries: 0', async () => {
    const { server, client } = await setup(scripted([{ status: 503 }]), { maxRetries: 0 });
    const error = await rejection(client.request('GET', '/x'));
    expect(error).toMatchObject({ status: 503, code: 'SDK_SERVER_ERROR', isRetryable: true, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after maxRetries with the last error and its attempt count', async () => {
    const { server, client } = await setup(scripted([{ status: 429 }]), { maxRetries: 2 });
    const error = await rejection(client.request('GET', '/x'));
    expect(isRateLimitError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'SDK_RATE_LIMITED', attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });
});

describe('connection faults and timeouts', () => {
  it('retries a socket reset mid-body', async () => {
    const { server, client } = await setup(
      scripted([
        (_req, res, raw) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
          res.write('{"data":[1,2');
          setTimeout(() => raw.socket.destroy(), 10);
        },
        { status: 200, body: { data: [1, 2, 3] } },
      ]),
    );
    await expect(client.request('GET', '/cases')).resolves.toEqual({ data: [1, 2, 3] });
    expect(server.requests).toHaveLength(2);
  });

  it('fails with SDK_CONNECTION after retries when nothing listens', async () => {
    const server = await startTestServer(never);
    await server.close();
    const client = createTriageClient({ baseUrl: server.url, initialRetryDelay: 1, maxRetries: 2, env: {} });
    clients.push(client);
    const error = await rejection(client.request('GET', '/x'));
    expect(isConnectionError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'SDK_CONNECTION', attempts: 3, isRetryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  const slowBody: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '11' });
    res.write('{"ok":');
    setTimeout(() => res.end('true}'), 400);
  };

  it('times out a body that trickles past the timeout, then retries', async () => {
    const { server, client } = await setup(scripted([slowBody, { status: 200, body: { ok: 'fast' } }]), {
      timeout: 100,
    });
    const started = Date.now();
    await expect(client.request('GET', '/slow')).resolves.toEqual({ ok: 'fast' });
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(350);
  });

  it('reports SDK_TIMEOUT when the body is still too slow on the last attempt', async () => {
    const { client } = await setup(slowBody, { timeout: 100, maxRetries: 0 });
    const error = await rejection(client.request('GET', '/slow'));
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'SDK_TIMEOUT', isRetryable: true, attempts: 1 });
  });

  it('lets a per-call timeout exceed the client timeout (undici timers follow the call)', async () => {
    const { client } = await setup((_req, res) => void setTimeout(() => sendJson(res, 200, { late: true }), 2_000), {
      timeout: 100,
      maxRetries: 0,
    });
    await expect(client.request('GET', '/slow', { timeout: 4_000 })).resolves.toEqual({ late: true });
  });

  it('stops at the deadline across retries and says so', async () => {
    const { server, client } = await setup(scripted([{ status: 503 }]), {
      deadline: 200,
      maxRetries: 100,
      initialRetryDelay: 40,
      maxRetryDelay: 40,
      random: () => 1,
    });
    const started = Date.now();
    const error = await rejection(client.request('GET', '/x'));
    expect(Date.now() - started).toBeLessThan(400);
    expect(error.code).toBe('SDK_DEADLINE_EXCEEDED');
    expect(error.message).toMatch(/deadline/i);
    expect(error.status).toBe(503);
    expect(server.requests.length).toBeGreaterThan(1);
  });

  it('stops a hanging attempt at the deadline', async () => {
    const { client } = await setup(never, { deadline: 150, timeout: 5_000 });
    const started = Date.now();
    const error = await rejection(client.request('GET', '/hang'));
    expect(Date.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ kind: 'timeout', code: 'SDK_DEADLINE_EXCEEDED', isRetryable: false });
  });

  it('aborts at once on the caller signal and does not retry', async () => {
    const { server, client } = await setup(never);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await rejection(client.request('GET', '/hang', { signal: controller.signal }));
    expect(isAbortError(error)).toBe(true);
    expect(error.code).toBe('SDK_ABORTED');
    expect(Date.now() - started).toBeLessThan(300);
    expect(server.requests).toHaveLength(1);
  });

  it('aborts during the backoff wait without another attempt', async () => {
    const { server, client } = await setup(scripted([{ status: 503 }]), {
      initialRetryDelay: 5_000,
      maxRetryDelay: 5_000,
      random: () => 1,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    const started = Date.now();
    const error = await rejection(client.request('GET', '/x', { signal: controller.signal, maxRetries: 5 }));
    expect(error).toMatchObject({ code: 'SDK_ABORTED', attempts: 1 });
    expect(Date.now() - started).toBeLessThan(500);
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { server, client } = await setup(never);
    const error = await rejection(client.request('GET', '/x', { signal: AbortSignal.abort() }));
    expect(error.code).toBe('SDK_ABORTED');
    expect(server.requests).toHaveLength(0);
  });
});

// The client sets up no AbortController on the path every call takes: one timer per attempt covers its timeout and
// the deadline, the caller's signal gets a single listener, and waits get a controller of their own. These prove
// each way a call can be cut short still works without a caller signal, and that nothing is left behind.
describe('cancellation without a caller signal', () => {
  it('times out an attempt still queued inside undici, before it has a socket, and never sends it', async () => {
    const dispatcher = new Agent({ connections: 1 });
    const { server, client } = await setup(never, { dispatcher, maxConcurrency: 2, maxRetries: 0, timeout: 150 });
    const blocker = new AbortController();
    const first = rejection(client.request('GET', '/hang', { timeout: 5_000, signal: blocker.signal }));
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    const started = Date.now();
    const error = await rejection(client.request('GET', '/queued'));
    expect(Date.now() - started).toBeLessThan(400);
    expect(error).toMatchObject({ code: 'SDK_TIMEOUT', attempts: 1 });
    blocker.abort();
    expect(await first).toMatchObject({ code: 'SDK_ABORTED' });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the queued request is aborted as it gets a socket
    expect(server.requests.map((r) => r.url)).toEqual(['/hang']);
    await dispatcher.close();
  });

  it('ends a call waiting for a gate slot at its deadline, with nothing sent', async () => {
    const { server, client } = await setup(never, { maxConcurrency: 1, timeout: 5_000 });
    const blocker = new AbortController();
    const first = rejection(client.request('GET', '/hang', { signal: blocker.signal }));
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    const started = Date.now();
    const error = await rejection(client.request('GET', '/waits', { deadline: 150 }));
    expect(Date.now() - started).toBeLessThan(400);
    expect(error).toMatchObject({ code: 'SDK_DEADLINE_EXCEEDED', attempts: 0, isRetryable: false });
    blocker.abort();
    await first;
    expect(server.requests).toHaveLength(1);
  });

  it('cuts an attempt at the deadline and reports the previous attempt as the cause', async () => {
    const { server, client } = await setup(scripted([{ status: 503, headers: { 'x-request-id': 'r-503' } }, never]), {
      deadline: 300,
      timeout: 5_000,
    });
    const started = Date.now();
    const error = await rejection(client.request('GET', '/x'));
    expect(Date.now() - started).toBeLessThan(600);
    expect(error).toMatchObject({ code: 'SDK_DEADLINE_EXCEEDED', attempts: 2, status: 503, requestId: 'r-503' });
    expect(error.message).toContain('last error: HTTP 503');
    expect(server.requests).toHaveLength(2);
  });

  it('times out the next attempt too when the first one timed out in its body', async () => {
    const trickle: Handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '11' });
      res.write('{"ok":');
      setTimeout(() => res.end('true}'), 1_000);
    };
    const { server, client } = await setup(trickle, { timeout: 100, maxRetries: 1 });
    const started = Date.now();
    const error = await rejection(client.request('GET', '/slow'));
    expect(error).toMatchObject({ code: 'SDK_TIMEOUT', attempts: 2 });
    expect(Date.now() - started).toBeLessThan(700);
    expect(server.requests).toHaveLength(2);
  });
});

describe('the caller signal', () => {
  it('aborts a call waiting for a gate slot, with nothing sent', async () => {
    const { server, client } = await setup(never, { maxConcurrency: 1, timeout: 5_000 });
    const blocker = new AbortController();
    const first = rejection(client.request('GET', '/hang', { signal: blocker.signal }));
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 50);
    const error = await rejection(client.request('GET', '/waits', { signal: waiting.signal }));
    expect(error).toMatchObject({ code: 'SDK_ABORTED', attempts: 0 });
    blocker.abort();
    await first;
    expect(server.requests).toHaveLength(1);
  });

  it('keeps one listener on the signal during a call and none after it, whatever the outcome', async () => {
    const { client } = await setup(
      scripted([
        { status: 200, body: {} },
        { status: 400 },
        (_req, res) => void setTimeout(() => sendJson(res, 200, {}), 50),
      ]),
    );
    const controller = new AbortController();
    const { signal } = controller;
    await client.request('GET', '/ok', { signal });
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    await rejection(client.request('GET', '/bad', { signal }));
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    const pending = client.request('GET', '/slow', { signal });
    expect(getEventListeners(signal, 'abort')).toHaveLength(1);
    await pending;
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    controller.abort(); // after the call: no effect, nothing thrown
  });
});

describe('request headers', () => {
  it('merges client and call headers, keeps the client credentials, and leaves the shared headers untouched', async () => {
    const { server, client } = await setup(scripted([{ status: 200, body: {} }]), { headers: { 'X-Tenant': 't1' } });
    await client.request('GET', '/a', { headers: { 'X-Trace': 'abc', Authorization: 'Bearer someone-else' } });
    await client.request('GET', '/b');
    await client.request('POST', '/c', { body: { n: 1 }, idempotencyKey: 'k-1' });
    const [a, b, c] = server.requests.map((r) => r.headers);
    expect(a).toMatchObject({ 'x-tenant': 't1', 'x-trace': 'abc', authorization: 'Bearer sk-test-secret' });
    expect(b).toMatchObject({ 'x-tenant': 't1', authorization: 'Bearer sk-test-secret' });
    expect(b?.['x-trace']).toBeUndefined();
    expect(b?.['content-type']).toBeUndefined();
    expect(c).toMatchObject({ 'content-type': 'application/json', 'idempotency-key': 'k-1', 'x-tenant': 't1' });
  });
});

describe('injected sleep', () => {
  it('fails the call, rather than leaving it pending, when the sleep throws', async () => {
    const { client } = await setup(scripted([{ status: 503 }]), {
      sleep: () => {
        throw new Error('sleep broke');
      },
    });
    await expect(client.request('GET', '/x')).rejects.toThrow('sleep broke');
  });
});

describe('responses', () => {
  it('drops a UTF-8 BOM before parsing and joins repeated headers', async () => {
    const { client } = await setup((_req, res) => {
      const text = '\uFEFF{"name":"张三"}';
      res.setHeader('x-multi', ['a', 'b']);
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    });
    const result = await client.request('GET', '/bom').withResponse();
    expect(result.data).toEqual({ name: '张三' });
    expect(result.response.headers['x-multi']).toBe('a, b');
  });

  it('reads a body that arrives in many chunks', async () => {
    const items = Array.from({ length: 5_000 }, (_, i) => ({ id: `c-${i}`, note: '状态'.repeat(i % 7) }));
    const { client } = await setup((_req, res) => {
      const text = Buffer.from(JSON.stringify({ data: items }));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': text.length });
      // Split inside multi-byte characters on purpose.
      for (let i = 0; i < text.length; i += 1_001) res.write(text.subarray(i, i + 1_001));
      res.end();
    });
    await expect(client.request('GET', '/big')).resolves.toEqual({ data: items });
  });
});

describe('a success status without the JSON body the spec declares', () => {
  // A captive portal or a proxy answering for the API: the caller awaits a Case and must not get a string.
  it.each([
    ['text/html', '<html><body>Log in to the school Wi-Fi</body></html>', /content type text\/html where JSON/],
    ['text/plain', 'OK', /content type text\/plain where JSON/],
    ['application/json', '', /empty body where JSON/],
    ['application/json', '  \n', /empty body where JSON/],
    ['application/json', '{"id": "case-1",', /could not be parsed/],
    [undefined, '{"id":"case-1"}', /content type none where JSON/],
  ])('200 %s %j throws SDK_INVALID_RESPONSE, once, even when x-should-retry says true', async (type, text, message) => {
    const { server, client } = await setup((_req, res) => {
      res.writeHead(200, {
        ...(type === undefined ? {} : { 'content-type': type }),
        'x-request-id': 'edge-2',
        'x-should-retry': 'true',
      });
      res.end(text);
    });
    const typed = client as unknown as TriageClient<paths>;
    const error = await rejection(typed.GET('/cases/{case_id}', { path: { case_id: 'case-1' } }));
    expect(error).toBeInstanceOf(TriageResponseError);
    expect(error).toMatchObject({
      kind: 'response',
      code: 'SDK_INVALID_RESPONSE',
      status: 200,
      requestId: 'edge-2',
      body: text,
      isRetryable: false,
      attempts: 1,
    });
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(text || '\u0000');
    expect(server.requests).toHaveLength(1);
  });

  it('gives undefined for a 204 (no body by definition), whatever its content type', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(204, { 'content-type': 'text/plain' });
      res.end();
    });
    const result = await client.request('POST', '/hooks/ack').withResponse();
    expect(result).toMatchObject({ data: undefined, response: { status: 204 }, attempts: 1 });
  });

  it('accepts a JSON body under a +json or parameterised JSON content type', async () => {
    const { client } = await setup((req, res) => {
      res.writeHead(201, {
        'content-type': req.url === '/a' ? 'application/vnd.triage+json' : 'Application/JSON; charset=UTF-8',
      });
      res.end('{"id":"c-1"}');
    });
    await expect(client.request('POST', '/a')).resolves.toEqual({ id: 'c-1' });
    await expect(client.request('POST', '/b')).resolves.toEqual({ id: 'c-1' });
  });
});

describe('a redirect (3xx), which the client does not follow', () => {
  // A baseUrl with http: where the API is https:, or a load balancer sending the call to a login page.
  it.each([301, 302, 303, 307, 308])(
    '%i throws SDK_UNEXPECTED_REDIRECT with the status and Location, once, even with a JSON body',
    async (status) => {
      const { server, client } = await setup((_req, res) => {
        const text = '{"id":"case-1"}';
        res.writeHead(status, {
          location: 'https://api.example.org/v1/cases/case-1?student_id=S-1001#top',
          'content-type': 'application/json',
          'x-request-id': 'edge-3',
          'x-should-retry': 'true',
        });
        res.end(text);
      });
      const typed = client as unknown as TriageClient<paths>;
      const error = await rejection(typed.GET('/cases/{case_id}', { path: { case_id: 'case-1' } }));
      expect(error).toBeInstanceOf(TriageRedirectError);
      expect(error).toBeInstanceOf(TriageResponseError);
      expect(isRedirectError(error)).toBe(true);
      expect(isHttpError(error)).toBe(false);
      expect(error).toMatchObject({
        name: 'TriageRedirectError',
        kind: 'response',
        code: 'SDK_UNEXPECTED_REDIRECT',
        status,
        location: 'https://api.example.org/v1/cases/case-1?student_id=S-1001#top',
        requestId: 'edge-3',
        body: '{"id":"case-1"}',
        isRetryable: false,
        attempts: 1,
      });
      expect(error.message).toBe(
        `HTTP ${status} redirect to https://api.example.org/v1/cases/case-1?… not followed (check baseUrl)`,
      );
      expect(server.requests).toHaveLength(1);
    },
  );

  it('says so without a Location header (a 304 the client never asked for, a 300)', async () => {
    const { client } = await setup((req, res) => {
      res.writeHead(req.url === '/a' ? 304 : 300);
      res.end();
    });
    for (const [path, status] of [
      ['/a', 304],
      ['/b', 300],
    ] as const) {
      const error = await rejection(client.request('GET', path));
      expect(isRedirectError(error)).toBe(true);
      expect(error).toMatchObject({ status, location: undefined });
      expect(error.message).toBe(`HTTP ${status} redirect without a Location header not followed (check baseUrl)`);
    }
  });

  it('is no redirect error for the other failures', async () => {
    const { client } = await setup(scripted([{ status: 404, body: { title: 'Not Found' } }]));
    const error = await rejection(client.request('GET', '/x'));
    expect(isHttpError(error)).toBe(true);
    expect(isRedirectError(error)).toBe(false);
    expect(isRedirectError(new Error('x'))).toBe(false);
  });
});

describe('idempotency', () => {
  it('keeps one generated Idempotency-Key across the retries of a POST; none on GET', async () => {
    const { server, client } = await setup(scripted([{ status: 503 }, { status: 409 }, { status: 201, body: {} }]));
    await client.request('POST', '/cases', { body: { level: 'red' } });
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID);
    expect(new Set(keys).size).toBe(1);
    expect(server.requests.every((r) => r.body === '{"level":"red"}')).toBe(true);
    await client.request('GET', '/cases');
    expect(server.requests.at(-1)?.headers['idempotency-key']).toBeUndefined();
  });

  it('uses the caller key, so a re-run reuses it', async () => {
    const { server, client } = await setup(scripted([{ status: 200, body: {} }]));
    await client.request('PUT', '/cases/{id}', { path: { id: 'c 1' }, body: {}, idempotencyKey: 'import-abc' });
    await client.request('DELETE', '/cases/{id}', { path: { id: 'c 1' }, idempotencyKey: 'import-abc' });
    expect(server.requests.map((r) => [r.method, r.url, r.headers['idempotency-key']])).toEqual([
      ['PUT', '/cases/c%201', 'import-abc'],
      ['DELETE', '/cases/c%201', 'import-abc'],
    ]);
  });

  it('applies a POST once when the first response is lost after the server applied it', async () => {
    let effects = 0;
    const stored = new Map<string, unknown>();
    const handler: Handler = (req, res, raw) => {
      const key = String(req.headers['idempotency-key']);
      const replay = stored.get(key);
      if (replay !== undefined) return sendJson(res, 201, replay, { 'idempotent-replayed': 'true' });
      effects++;
      const created = { id: `case-${effects}` };
      stored.set(key, created);
      raw.socket.destroy(); // the effect happened, the response is lost
    };
    const { server, client } = await setup(handler);
    const result = await client.request('POST', '/cases', { body: { level: 'amber' } }).withResponse();
    expect(result.data).toEqual({ id: 'case-1' });
    expect(result.response.headers['idempotent-replayed']).toBe('true');
    expect(effects).toBe(1);
    expect(server.requests).toHaveLength(2);
  });
});

describe('concurrency', () => {
  it('keeps in-flight requests at or below maxConcurrency', async () => {
    const { server, client } = await setup((_req, res) => void setTimeout(() => sendJson(res, 200, {}), 30), {
      maxConcurrency: 3,
    });
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.request('GET', '/cases', { query: { i } })));
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight).toBe(3);
  });

  it('pauses every call of the client while a 429 Retry-After runs', async () => {
    const { server, client } = await setup(
      scripted([
        { status: 429, headers: { 'retry-after-ms': '300' } },
        { status: 200, body: {} },
      ]),
    );
    const first = client.request('GET', '/a');
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 30)); // let the 429 reach the client
    await client.request('GET', '/b');
    await first;
    const other = one(
      server.requests.filter((r) => r.url === '/b'),
      0,
    );
    expect(other.at - one(server.requests, 0).at).toBeGreaterThanOrEqual(250);
  });
});

describe('results and pagination', () => {
  it('returns the body with a non-enumerable requestId; withResponse gives status and headers', async () => {
    const { server, client } = await setup(
      scripted([{ status: 200, body: { id: 'c1' }, headers: { 'x-request-id': 'rid-1' } }]),
    );
    const data = await client.request<{ id: string }>('GET', '/cases/{id}', { path: { id: 'c1' } });
    expect(data).toEqual({ id: 'c1' });
    expect(data.requestId).toBe('rid-1');
    expect(Object.keys(data)).toEqual(['id']);
    const full = await client.request('GET', '/cases/c1').withResponse();
    expect(full).toMatchObject({ requestId: 'rid-1', response: { status: 200 } });
    expect(full.response.headers['x-request-id']).toBe('rid-1');
    const [req] = server.requests;
    expect(req?.headers.authorization).toBe('Bearer sk-test-secret');
    expect(req?.headers['user-agent']).toMatch(/^triage-sdk\/\d+\.\d+\.\d+/);
  });

  const pages: Handler = (req, res) => {
    const cursor = new URL(req.url, 'http://x').searchParams.get('cursor');
    const page = cursor === null ? 1 : Number(cursor.slice(1));
    const next = page < 3 ? `c${page + 1}` : null;
    sendJson(res, 200, { data: [`${page}a`, `${page}b`], next_cursor: next });
  };

  it('iterates items across 3 pages and stops at the limit', async () => {
    const { server, client } = await setup(pages);
    const all: unknown[] = [];
    for await (const item of client.paginate('/cases', { query: { status: 'open' } })) all.push(item);
    expect(all).toEqual(['1a', '1b', '2a', '2b', '3a', '3b']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/cases?status=open',
      '/cases?status=open&cursor=c2',
      '/cases?status=open&cursor=c3',
    ]);
    const limited: unknown[] = [];
    for await (const item of client.paginate('/cases', { limit: 3 })) limited.push(item);
    expect(limited).toEqual(['1a', '1b', '2a']);
    expect(server.requests).toHaveLength(5);
  });

  it('iterates pages and trips the max-pages guard', async () => {
    const { client } = await setup(pages);
    const seen: Array<string | null> = [];
    for await (const page of client.pages('/cases')) seen.push(page.nextCursor);
    expect(seen).toEqual(['c2', 'c3', null]);
    const guarded = async () => {
      for await (const _ of client.pages('/cases', { maxPages: 2 })) {
        // drain
      }
    };
    await expect(guarded()).rejects.toMatchObject({ code: 'SDK_PAGINATION_GUARD' });
  });
});

describe('debug logging', () => {
  it('logs method, path, status, attempt and duration with secrets and personal data redacted', async () => {
    const entries: RequestLogEntry[] = [];
    const { client } = await setup(scripted([{ status: 503 }, { status: 201, body: {} }]), {
      logger: (entry) => entries.push(entry),
    });
    await client.request('POST', '/students/{id}/cases', {
      path: { id: 'stu-4711' },
      query: { name: 'Wang Xiaoming', phone: '13800138000', student_id: 'S-99', status: 'open' },
      body: { note: 'private note' },
      idempotencyKey: 'key-123',
    });
    expect(entries.map((e) => [e.method, e.path, e.status, e.attempt])).toEqual([
      ['POST', '/students/{id}/cases', 503, 1],
      ['POST', '/students/{id}/cases', 201, 2],
    ]);
    expect(entries[0]?.durationMs).toBeGreaterThanOrEqual(0);
    const text = JSON.stringify(entries) + entries.map(formatLogEntry).join('\n');
    for (const secret of ['sk-test-secret', 'key-123', 'Wang', '13800138000', 'S-99', 'stu-4711', 'private note']) {
      expect(text).not.toContain(secret);
    }
    expect(entries[0]?.query).toMatchObject({ status: 'open', name: '[REDACTED]' });
    expect(entries[0]?.headers.authorization).toBe('[REDACTED]');
    expect(formatLogEntry(one(entries, 0))).toMatch(
      /^\[triage-sdk\] POST \/students\/\{id\}\/cases\?.* -> 503 attempt=1 /,
    );
  });

  it('writes to stderr when TRIAGE_SDK_DEBUG=1', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const { client } = await setup(scripted([{ status: 200, body: {} }]), { env: { TRIAGE_SDK_DEBUG: '1' } });
      await client.request('GET', '/cases');
      expect(write).toHaveBeenCalledWith(expect.stringMatching(/^\[triage-sdk\] GET \/cases -> 200 attempt=1/));
    } finally {
      write.mockRestore();
    }
  });
});
