import { describe, expectTypeOf, it } from 'vitest';
import type { ApiPromise } from './api-promise.ts';
import { createTriageClient } from './client.ts';
import type { OperationInit, PathsWithMethod, SuccessData } from './paths.ts';

// The shape openapi-typescript 7 emits (unused methods as `?: never`, optional params as `?:`).
interface Case {
  id: string;
  level: 'green' | 'amber' | 'red';
}
interface operations {
  listCases: {
    parameters: {
      query?: { status?: 'open' | 'closed'; cursor?: string };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: { [name: string]: unknown };
        content: { 'application/json': { data: Case[]; next_cursor: string | null } };
      };
      429: { headers: { [name: string]: unknown }; content: { 'application/problem+json': { title: string } } };
    };
  };
  createCase: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': { level: Case['level'] } } };
    responses: { 201: { headers: { [name: string]: unknown }; content: { 'application/json': Case } } };
  };
  getCase: {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': Case } } };
  };
  deleteCase: {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
  };
}
interface paths {
  '/cases': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['listCases'];
    put?: never;
    post: operations['createCase'];
    delete?: never;
    patch?: never;
  };
  '/cases/{id}': {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    get: operations['getCase'];
    put?: never;
    post?: never;
    delete: operations['deleteCase'];
    patch?: never;
  };
}

describe('types inferred from paths', () => {
  it('selects paths by method', () => {
    expectTypeOf<PathsWithMethod<paths, 'GET'>>().toEqualTypeOf<'/cases' | '/cases/{id}'>();
    expectTypeOf<PathsWithMethod<paths, 'POST'>>().toEqualTypeOf<'/cases'>();
    expectTypeOf<PathsWithMethod<paths, 'PUT'>>().toEqualTypeOf<never>();
  });

  it('types results from the success response', () => {
    expectTypeOf<SuccessData<operations['getCase']>>().toEqualTypeOf<Case>();
    expectTypeOf<SuccessData<operations['deleteCase']>>().toEqualTypeOf<undefined>();
  });

  it('types parameters and bodies', () => {
    expectTypeOf<OperationInit<operations['getCase']>>().toHaveProperty('path').toEqualTypeOf<{ id: string }>();
    expectTypeOf<OperationInit<operations['createCase']>>()
      .toHaveProperty('body')
      .toEqualTypeOf<{ level: Case['level'] }>();
  });

  it('types client calls, pagination items, and rejects wrong calls', () => {
    const client = createTriageClient<paths>({ baseUrl: 'http://127.0.0.1:1' });
    // Only type-checked: nothing here runs a request.
    const typed = () => {
      expectTypeOf(client.GET('/cases/{id}', { path: { id: 'c1' } })).toEqualTypeOf<ApiPromise<Case>>();
      expectTypeOf(client.POST('/cases', { body: { level: 'red' } })).toEqualTypeOf<ApiPromise<Case>>();
      expectTypeOf(client.paginate('/cases', { query: { status: 'open' }, limit: 10 })).toEqualTypeOf<
        AsyncGenerator<Case, void, undefined>
      >();
      client.GET('/cases');
      // @ts-expect-error the path parameter is required
      client.GET('/cases/{id}');
      // @ts-expect-error the body is required
      client.POST('/cases', {});
      // @ts-expect-error unknown query value
      client.GET('/cases', { query: { status: 'pending' } });
      // @ts-expect-error no PUT on /cases
      client.PUT('/cases');
    };
    expectTypeOf(typed).toBeFunction();
  });
});
