/**
 * Mechanical checks of the API conventions in openapi/triage.yaml (README "Conventions"): what the linters cannot
 * express. The spec is read through `redocly bundle --dereferenced` (JSON), so every `$ref` is already resolved and
 * no YAML parser is needed in this package.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { components, operations, paths } from './generated/api.ts';

interface Schema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly maxItems?: number;
  readonly maximum?: number;
  readonly oneOf?: readonly Schema[];
  readonly pattern?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
}
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: Schema;
}
interface MediaType {
  readonly schema?: Schema;
  readonly example?: unknown;
  readonly examples?: Readonly<Record<string, { readonly value?: unknown }>>;
}
interface Response {
  readonly headers?: Readonly<Record<string, { readonly required?: boolean }>>;
  readonly content?: Readonly<Record<string, MediaType>>;
}
interface Operation {
  readonly operationId?: string;
  readonly tags?: readonly string[];
  readonly 'x-description-zh'?: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, MediaType>> };
  readonly responses?: Readonly<Record<string, Response>>;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
}
type PathItem = Readonly<Record<string, Operation>> & { readonly parameters?: readonly Parameter[] };
interface Document {
  readonly openapi: string;
  readonly servers: readonly { readonly url: string }[];
  readonly paths: Readonly<Record<string, PathItem>>;
  readonly webhooks: Readonly<Record<string, PathItem>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, Schema>>;
    readonly securitySchemes: Readonly<Record<string, { readonly 'x-scopes'?: Readonly<Record<string, string>> }>>;
  };
}
interface Op {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly op: Operation;
  readonly params: readonly Parameter[];
}

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** The dereferenced spec, bundled by the Redocly CLI (offline; telemetry and update checks off). */
function loadSpec(): Document {
  const json = execFileSync(
    join(sdkDir, 'node_modules/.bin/redocly'),
    ['bundle', 'openapi/triage.yaml', '--dereferenced', '--ext', 'json'],
    {
      cwd: sdkDir,
      encoding: 'utf8',
      maxBuffer: 32 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return JSON.parse(json) as Document;
}

function operationsOf(items: Readonly<Record<string, PathItem>>): Op[] {
  return Object.entries(items).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      if (op === undefined) return [];
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      return [{ label: `${method.toUpperCase()} ${path}`, method, path, op, params }];
    }),
  );
}

const hasExample = (media: MediaType | undefined): boolean =>
  media !== undefined &&
  (media.example !== undefined || Object.values(media.examples ?? {}).some((e) => e.value !== undefined));

const successes = (op: Operation): [string, Response][] =>
  Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
const failures = (op: Operation): [string, Response][] =>
  Object.entries(op.responses ?? {}).filter(([status]) => /^[45]/.test(status));

/** A page schema: `{ data: [...], next_cursor: string | null }`. */
function isPage(schema: Schema | undefined): boolean {
  const data = schema?.properties?.data;
  return data?.type === 'array' && schema?.properties?.next_cursor !== undefined;
}

// Read once, synchronously at collection time, so the tables below name every operation.
const spec = loadSpec();
const ops = operationsOf(spec.paths);
const hooks = operationsOf(spec.webhooks);

describe('openapi/triage.yaml', () => {
  it('is OpenAPI 3.1 with the production and sandbox servers', () => {
    expect(ops.length).toBeGreaterThan(20);
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.servers.map((s) => s.url)).toEqual(['https://api.example.invalid/v1', 'http://127.0.0.1:4010']);
  });

  it('has unique camelCase operationIds', () => {
    const ids = [...ops, ...hooks].map((o) => o.op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents the operations the SDK relies on', () => {
    const ids = ops.map((o) => o.op.operationId);
    expect(ids).toEqual(
      expect.arrayContaining([
        'createScreeningBatch',
        'uploadScreeningResults',
        'getScreeningBatch',
        'createContact',
        'listCases',
        'getCase',
        'listCaseEvents',
        'createCaseEvent',
        'listWorkOrders',
        'getWorkOrder',
        'acknowledgeWorkOrder',
        'completeWorkOrder',
        'listReferrals',
        'listFollowUps',
        'listStations',
        'evaluateTriage',
        'getSummaryReport',
      ]),
    );
  });
});

describe.each(ops.map((o) => [o.label, o] as const))('%s', (_label, { op, method, path, params }) => {
  it('has a tag, an English description and a Chinese one (x-description-zh)', () => {
    expect(op.tags?.length).toBeGreaterThan(0);
    expect(op['x-description-zh']).toMatch(/\p{Script=Han}/u);
  });

  it('needs an API key with scopes the scheme lists', () => {
    const known = Object.keys(spec.components.securitySchemes.apiKey?.['x-scopes'] ?? {});
    const scopes = op.security?.flatMap((requirement) => requirement.apiKey ?? []) ?? [];
    expect(scopes.length).toBeGreaterThan(0);
    for (const scope of scopes) expect(known).toContain(scope);
  });

  it.runIf(method === 'post')('takes an Idempotency-Key header', () => {
    const key = params.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
    expect(key?.schema?.type).toBe('string');
  });

  it('has an example on the request and on every success response', () => {
    if (op.requestBody) expect(hasExample(op.requestBody.content?.['application/json'])).toBe(true);
    const ok = successes(op);
    expect(ok.length).toBeGreaterThan(0);
    for (const [, response] of ok) expect(hasExample(response.content?.['application/json'])).toBe(true);
  });

  it('declares an application/json body on every success but 204 (the client rejects any other 2xx body)', () => {
    // client/classify.ts parseSuccessBody relies on this: only 204/205 may come without a JSON body.
    for (const [status, response] of successes(op)) {
      if (status === '204') expect(response.content, status).toBeUndefined();
      else expect(Object.keys(response.content ?? {}), status).toEqual(['application/json']);
    }
  });

  it('answers errors with application/problem+json (RFC 9457 + code + request_id), with examples', () => {
    const statuses = failures(op).map(([status]) => status);
    const expected = ['400', '401', '403', '429', '500', '503', ...(path.includes('{') ? ['404'] : [])];
    expect(statuses).toEqual(expect.arrayContaining(expected));
    for (const [, response] of failures(op)) {
      expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
      const media = response.content?.['application/problem+json'];
      expect(Object.keys(media?.schema?.properties ?? {})).toEqual(
        expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'code', 'request_id']),
      );
      expect(media?.schema?.required).toEqual(expect.arrayContaining(['code', 'request_id']));
      expect(hasExample(media)).toBe(true);
    }
  });

  it('sends X-Request-Id on every response, and Retry-After on 429 and 503', () => {
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      expect(response.headers, status).toHaveProperty('X-Request-Id');
      if (status === '429' || status === '503') expect(response.headers?.['Retry-After']?.required, status).toBe(true);
    }
  });

  it('is paginated by limit (≤ 100) and cursor when it returns a list, and only then', () => {
    const page = isPage(successes(op)[0]?.[1].content?.['application/json']?.schema);
    expect(page).toBe(op.operationId?.startsWith('list') === true);
    if (!page) return;
    const limit = params.find((p) => p.in === 'query' && p.name === 'limit');
    const cursor = params.find((p) => p.in === 'query' && p.name === 'cursor');
    expect(limit?.schema?.maximum).toBeLessThanOrEqual(100);
    expect(cursor?.schema?.type).toBe('string');
    const schema = successes(op)[0]?.[1].content?.['application/json']?.schema;
    expect(schema?.required).toEqual(expect.arrayContaining(['data', 'next_cursor']));
    expect(schema?.properties?.next_cursor?.oneOf?.map((s) => s.type)).toEqual(['string', 'null']);
  });
});

describe('bulk upload', () => {
  it('accepts at most 1,000 results per request', () => {
    const upload = ops.find((o) => o.op.operationId === 'uploadScreeningResults');
    const schema = upload?.op.requestBody?.content?.['application/json']?.schema;
    expect(schema?.properties?.results?.maxItems).toBe(1000);
    expect(Object.keys(upload?.op.responses ?? {})).toContain('413');
  });
});

describe('case events', () => {
  it('are one schema per event type, discriminated on type', () => {
    const { CaseEvent, CaseEventType } = spec.components.schemas;
    const types = CaseEvent?.oneOf?.map((variant) => variant.properties?.type?.const);
    expect(types).toEqual(CaseEventType?.enum);
    for (const variant of CaseEvent?.oneOf ?? []) {
      expect(variant.required).toEqual(expect.arrayContaining(['type', 'at', 'actor']));
    }
  });
});

describe('webhooks', () => {
  it('cover the events integrators subscribe to', () => {
    expect(Object.keys(spec.webhooks)).toEqual(
      expect.arrayContaining(['case.escalated', 'work_order.overdue', 'follow_up.overdue', 'referral.acknowledged']),
    );
  });

  it.each(hooks.map((o) => [o.label, o] as const))(
    '%s is signed with Triage-Signature (t=…,v1=…) and has an example',
    (_label, { op, params }) => {
      const signature = params.find((p) => p.in === 'header' && p.name === 'Triage-Signature');
      expect(signature?.required).toBe(true);
      const pattern = new RegExp(signature?.schema?.pattern ?? '^$');
      expect(pattern.test(`t=1740838925,v1=${'a'.repeat(64)}`)).toBe(true);
      expect(pattern.test('v1=abc')).toBe(false);
      expect(hasExample(op.requestBody?.content?.['application/json'])).toBe(true);
    },
  );
});

type Schemas = components['schemas'];

describe('generated types', () => {
  it('type pages, problems and case events as the spec says', () => {
    expectTypeOf<Schemas['CasePage']['next_cursor']>().toEqualTypeOf<string | null>();
    expectTypeOf<Schemas['Problem']['code']>().toEqualTypeOf<Schemas['ErrorCode']>();
    expectTypeOf<Extract<Schemas['CaseEvent'], { type: 'referred' }>>().toHaveProperty('referral_id');
    expectTypeOf<operations['uploadScreeningResults']['requestBody']>().toEqualTypeOf<{
      content: { 'application/json': Schemas['ScreeningResultUpload'] };
    }>();
    expectTypeOf<paths['/cases']['get']['parameters']['query']>().toMatchTypeOf<
      { limit?: number; cursor?: string } | undefined
    >();
  });

  it('carry the generator header', () => {
    const generated = readFileSync(join(sdkDir, 'src/generated/api.ts'), 'utf8');
    expect(generated.split('\n')[0]).toBe(
      '// Generated by scripts/generate-types.mjs from openapi/triage.yaml — do not edit.',
    );
  });
});
