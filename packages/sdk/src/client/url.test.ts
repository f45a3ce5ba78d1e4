import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueryValue } from './paths.ts';
import { UrlBuilder } from './url.ts';

/** The oracle: how the client built URLs before the fast path, through the WHATWG URL parser every time. */
function parsed(
  baseUrl: string,
  template: string,
  path: Record<string, string | number>,
  query: Record<string, QueryValue> | undefined,
): { origin: string; path: string } {
  const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = path[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
  const url = new URL(baseUrl.replace(/\/+$/, '') + filled);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
    else url.searchParams.append(key, String(value));
  }
  return { origin: url.origin, path: url.pathname + url.search };
}

/** A result or the thrown error's message, so that both sides may throw alike. */
function outcome<T>(run: () => T): { value: T } | { error: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: String(error) };
  }
}

const BASES = [
  'http://127.0.0.1:4010/',
  'http://127.0.0.1:4010/v1',
  'https://api.example.org/v1/',
  'http://[::1]:8080/api/v2',
  'https://user:secret@api.example.org/v1',
  'http://h.example/v1?tenant=a',
  'http://h.example/v1/#frag',
].map((b) => new URL(b).toString());

// Characters that exercise every branch: verbatim ones, ones the parser encodes or rewrites, dots, slashes, braces.
const CHARS = [...'aZ09-._~!$&\'()*+,;=:@/%?#[]{}\\ "<>`^|é中\t.'];
const text = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((cs) => cs.join(''));
const segment = fc.oneof(fc.constantFrom('.', '..', '', 'cases', '%2e', '%2E%2E', '.x'), text(6));
const value = fc.oneof(segment, fc.integer({ min: -5, max: 99_999 }), fc.constantFrom('a/b', 'ä ö', '..', '.'));
type Part = { readonly literal: string } | { readonly param: string };
const part: fc.Arbitrary<Part> = fc.oneof(
  segment.map((literal): Part => ({ literal })),
  fc.constantFrom<Part>({ param: 'a' }, { param: 'b' }),
);
const template = fc
  .tuple(fc.constantFrom('/', '', '//'), fc.array(part, { maxLength: 6 }))
  .map(([lead, parts]) => lead + parts.map((p) => ('literal' in p ? `/${p.literal}` : `/{${p.param}}`)).join(''));
const queryValue: fc.Arbitrary<QueryValue> = fc.oneof(
  text(5),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(text(4), fc.integer(), fc.boolean()), { maxLength: 3 }),
);
const query = fc.option(fc.dictionary(text(4), queryValue, { maxKeys: 4 }), { nil: undefined });

describe('UrlBuilder', () => {
  it('builds exactly what the URL parser builds, for any template, values and query', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), template, value, value, query, (base, tpl, a, b, q) => {
        const expected = outcome(() => parsed(base, tpl, { a, b }, q));
        const builder = new UrlBuilder(base);
        expect(outcome(() => builder.build(tpl, { a, b }, q))).toEqual(expected);
        // Again from the template cache.
        expect(outcome(() => builder.build(tpl, { a, b }, q))).toEqual(expected);
      }),
      { numRuns: 3_000 },
    );
  });

  it('takes the fast path for an ordinary template and still matches', () => {
    const builder = new UrlBuilder('http://127.0.0.1:4010/v1');
    expect(builder.build('/cases/{case_id}', { case_id: 'case 1/2' }, { status: 'open', tag: ['a', 'b'] })).toEqual({
      origin: 'http://127.0.0.1:4010',
      path: '/v1/cases/case%201%2F2?status=open&tag=a&tag=b',
    });
    expect(builder.build('/cases/{case_id}/../x', { case_id: 'c' }, undefined)).toEqual({
      origin: 'http://127.0.0.1:4010',
      path: '/v1/cases/x',
    });
    expect(builder.build('/cases/{case_id}', { case_id: '..' }, undefined).path).toBe('/v1/');
  });

  it('throws on a missing path parameter', () => {
    const builder = new UrlBuilder('http://127.0.0.1:4010/v1');
    expect(() => builder.build('/cases/{case_id}', {}, undefined)).toThrow('Missing path parameter "case_id"');
    expect(() => builder.build('/cases/{case_id}', undefined, undefined)).toThrow(TypeError);
  });
});
