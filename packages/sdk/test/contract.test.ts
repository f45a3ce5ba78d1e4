/**
 * Contract tests: the real client against Prism serving openapi/triage.yaml on 127.0.0.1. Prism answers from the
 * spec's examples and validates each request (schema and bearer security), so these tests check that what the client
 * sends is what the spec accepts and that what the spec promises arrives typed. Prism keeps no state.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createTriageClient, type TriageClient } from '../src/client/client.ts';
import type { RequestLogEntry } from '../src/client/debug-log.ts';
import { deriveIdempotencyKey } from '../src/client/idempotency.ts';
import type { TriageClientOptions } from '../src/client/options.ts';
import { isHttpError, isRateLimitError } from '../src/errors.ts';
import type { components, paths } from '../src/generated/api.ts';
import { type PrismMock, startPrism } from './prism.ts';
import { rejection } from './rejection.ts';

type Schemas = components['schemas'];

// Prism sends the header example of the spec (components/headers/X-Request-Id).
const REQUEST_ID = 'req_01HQ3K8Z9V4X2N7M5P6R';

let prism: PrismMock;
const clients: TriageClient<paths>[] = [];

beforeAll(async () => {
  prism = await startPrism();
}, 25_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await prism?.stop();
});

/** A typed client on Prism with fast retries (`anonymous`: no API key); `entries` collects one entry per attempt. */
function client(options: Partial<TriageClientOptions> & { readonly anonymous?: boolean } = {}) {
  const { anonymous = false, ...rest } = options;
  const entries: RequestLogEntry[] = [];
  const c = createTriageClient<paths>({
    baseUrl: prism.url,
    ...(anonymous ? {} : { apiKey: 'test-key' }),
    initialRetryDelay: 1,
    maxRetryDelay: 5,
    maxRetryAfter: 20,
    timeout: 5_000,
    logger: (entry) => entries.push(entry),
    ...rest,
  });
  clients.push(c);
  return { c, entries };
}

// Request bodies: the spec's request examples, typed by the generated schemas.
const batchCreate: Schemas['ScreeningBatchCreate'] = {
  school_id: '3144000123',
  date: '2025-03-01',
  instruments: [
    { id: 'phq-9', version: '1.0.0' },
    { id: 'asq', version: '1.0.0' },
  ],
  grades: { from: 7, to: 9 },
};
const result: Schemas['ScreeningResultInput'] = {
  student_id: 'stu-7f3a9c',
  instrument: { id: 'phq-9', version: '1.0.0' },
  scored_at: '2025-03-01T10:15:00+08:00',
  total: 17,
  index: null,
  band: 'moderately-severe',
  category: null,
  flags: { 'item-9': 'positive' },
  level: 'R3',
};
const caseEvent: Schemas['CaseEvent'] = {
  type: 'referred',
  at: '2025-03-02T09:00:00+08:00',
  actor: 'staff-17',
  referral_id: 'ref-0007',
  to: { kind: 'school', id: '3144000123' },
  work_order_id: 'wo-0101',
};
const triageRequest: Schemas['TriageRequest'] = {
  facts: {
    scales: { 'phq-9': { total: 17, band: 'moderately-severe', flags: { 'item-9': 'positive' } } },
    person: { age: 15, grade: 9 },
    contact: { channel: 'screening' },
  },
};

describe('operations with the example data', () => {
  it('createScreeningBatch returns the batch with its status and summary', async () => {
    const { c } = client();
    const res = await c
      .POST('/screening-batches', {
        body: batchCreate,
        idempotencyKey: deriveIdempotencyKey('contract', 'batch'),
      })
      .withResponse();
    expect(res.response.status).toBe(201);
    expect(res.requestId).toBe(REQUEST_ID);
    expect(res.attempts).toBe(1);
    expectTypeOf(res.data).toEqualTypeOf<Schemas['ScreeningBatch']>();
    expect(res.data).toMatchObject({ id: expect.any(String), school_id: batchCreate.school_id, status: 'processing' });
    expect(res.data.summary?.by_level).toHaveProperty('R3');
  });

  it('uploadScreeningResults returns accepted and indexed rejections', async () => {
    const { c } = client();
    const summary = await c.POST('/screening-batches/{batch_id}/results', {
      path: { batch_id: 'sb-2025-spring-01' },
      body: { results: [result] },
      idempotencyKey: deriveIdempotencyKey('sb-2025-spring-01', 'chunk-0'),
    });
    expectTypeOf(summary.accepted).toEqualTypeOf<Schemas['Count']>();
    expect(summary.batch_id).toBe('sb-2025-spring-01');
    expect(summary.accepted).toBeTypeOf('number');
    expect(summary.rejected[0]).toMatchObject({ index: expect.any(Number), code: expect.any(String) });
    expect(summary.requestId).toBe(REQUEST_ID);
  });

  it('getCase returns a case with status and level', async () => {
    const { c } = client();
    const found = await c.GET('/cases/{case_id}', { path: { case_id: 'case-0042' } });
    expectTypeOf(found.level).toEqualTypeOf<Schemas['RiskLevel']>();
    expect(found).toMatchObject({ id: 'case-0042', status: 'referral', level: 'R3' });
  });

  it('createCaseEvent returns the case and the recorded event', async () => {
    const { c } = client();
    const transition = await c.POST('/cases/{case_id}/events', {
      path: { case_id: 'case-0042' },
      body: caseEvent,
    });
    expect(transition.case.id).toBe('case-0042');
    expect(transition.event).toMatchObject({ seq: expect.any(Number), case_id: 'case-0042' });
    expect(transition.event.event.type).toBe('referred');
  });

  it('listFollowUps returns a page of follow-ups', async () => {
    const { c } = client();
    const page = await c.GET('/follow-ups', { query: { state: 'overdue' } });
    expect(page.next_cursor).toBeNull();
    expect(page.data[0]).toMatchObject({ id: expect.any(String), case_id: expect.any(String), overdue: true });
  });

  it('evaluateTriage returns a decision with its explanation', async () => {
    const { c } = client();
    const decision = await c.POST('/triage/evaluations', { body: triageRequest });
    expect(decision.level).toBe('R3');
    expect(decision.actions.length).toBeGreaterThan(0);
    expect(decision.explanation.fired[0]?.reads[0]).toHaveProperty('fact');
    expect(decision.rule_set.hash).toMatch(/^sha256:/);
  });

  it('getSummaryReport returns suppressed cells as count null', async () => {
    const { c } = client();
    const report = await c.GET('/reports/summary', { query: { from: '2025-03-01', to: '2025-03-31' } });
    expect(report.min_cell_size).toBeGreaterThanOrEqual(5);
    expect(report.by_level.filter((cell) => cell.suppressed).every((cell) => cell.count === null)).toBe(true);
  });

  it('acknowledgeWorkOrder returns the acknowledged work order', async () => {
    const { c } = client();
    const order = await c.POST('/work-orders/{work_order_id}/acknowledge', {
      path: { work_order_id: 'wo-0101' },
      body: { at: '2025-03-01T23:05:00+08:00', by: 'staff-31' },
    });
    expect(order).toMatchObject({ id: 'wo-0101', status: 'acknowledged' });
  });
});

describe('listCases pagination', () => {
  it('follows next_cursor as the cursor query parameter, up to the item limit', async () => {
    const { c, entries } = client();
    const ids: string[] = [];
    for await (const item of c.paginate('/cases', { query: { limit: 1, level: ['R3'] }, limit: 2 })) {
      expectTypeOf(item).toEqualTypeOf<Schemas['Case']>();
      ids.push(item.id);
    }
    expect(ids).toEqual(['case-0042', 'case-0042']);
    expect(entries.map((e) => e.query.cursor)).toEqual([undefined, 'Y2FzZS0wMDQy']);
  });

  it('pages carry cursor and request id; a repeated cursor (stateless mock) trips the guard', async () => {
    const { c } = client();
    const seen: (string | null)[] = [];
    const error = await rejection(
      (async () => {
        for await (const page of c.pages('/cases', { query: { limit: 1 } })) {
          expect(page.requestId).toBe(REQUEST_ID);
          seen.push(page.nextCursor);
        }
      })(),
    );
    expect(seen).toEqual(['Y2FzZS0wMDQy', 'Y2FzZS0wMDQy']);
    expect(error).toMatchObject({ kind: 'response', code: 'SDK_PAGINATION_GUARD' });
  });
});

describe('errors', () => {
  it('a call without the API key is a typed 401 with the problem code', async () => {
    const { c } = client({ anonymous: true });
    const error = await rejection(c.GET('/cases/{case_id}', { path: { case_id: 'case-0042' } }));
    expect(isHttpError(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, code: 'API_UNAUTHENTICATED', requestId: REQUEST_ID, attempts: 1 });
  });

  it.each([
    {
      name: 'body missing required fields',
      status: 422,
      code: 'API_VALIDATION_FAILED',
      send: (c: TriageClient<paths>) => c.request('POST', '/screening-batches', { body: { school_id: 1 } }),
    },
    {
      name: 'page size above the maximum',
      status: 400,
      code: 'API_BAD_REQUEST',
      send: (c: TriageClient<paths>) => c.request('GET', '/cases', { query: { limit: 500 } }),
    },
  ])('a request that violates the schema ($name) is a typed $status, not retried', async ({ status, code, send }) => {
    const { c, entries } = client({ maxRetries: 3 });
    const error = await rejection(send(c));
    expect(error).toMatchObject({ kind: 'http', status, code, isRetryable: false, attempts: 1 });
    expect(entries).toHaveLength(1);
  });

  it('Prefer: code=429 gives a rate-limit error with Retry-After parsed, retried within maxRetries', async () => {
    const { c, entries } = client({ maxRetries: 1, maxRetryAfter: 10 });
    // The client accepts application/problem+json by default; without it Prism would answer the 200 example.
    const headers = { prefer: 'code=429' };
    const error = await rejection(c.GET('/follow-ups', { headers }));
    expect(isRateLimitError(error)).toBe(true);
    if (!isRateLimitError(error)) return;
    expect(error.code).toBe('API_RATE_LIMITED');
    expect(error.retryAfterMs).toBe(12_000);
    expect(error.attempts).toBe(2);
    expect(entries.map((e) => e.status)).toEqual([429, 429]);
  });
});
