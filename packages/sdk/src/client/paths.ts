/**
 * Type-level helpers that read an openapi-typescript `paths` interface, the way openapi-fetch does: the path
 * literal picks the operation, and the operation types the path/query parameters, the JSON body and the result.
 * @see https://openapi-ts.dev/openapi-fetch/
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query value; arrays repeat the key (`?tag=a&tag=b`), `undefined`/`null` drop it. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** The options every call accepts, whatever its operation. */
export interface CallOptions {
  /** Extra request headers (cannot override `Authorization`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Aborts the call at once; an aborted call is never retried. */
  readonly signal?: AbortSignal;
  /** `Idempotency-Key` for a mutating call; generated per call (same across its retries) when absent. */
  readonly idempotencyKey?: string;
  /** Per-attempt timeout in ms, covering connect, headers and the whole body. */
  readonly timeout?: number;
  /** Overall budget in ms across all attempts and waits. */
  readonly deadline?: number;
  /** Retries after the first attempt; `0` means exactly one attempt. */
  readonly maxRetries?: number;
}

/** Options of an untyped call. */
export interface UntypedInit extends CallOptions {
  readonly path?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
}

interface UntypedOperation {
  parameters: {
    query?: Readonly<Record<string, QueryValue>>;
    path: Readonly<Record<string, string | number>> | undefined;
  };
  requestBody?: { content: { 'application/json': unknown } };
  responses: { 200: { content: { 'application/json': unknown } } };
}

/** The `paths` used when the client is created without one: any path, any method, `unknown` results. */
export type UntypedPaths = Record<
  string,
  {
    get: UntypedOperation;
    post: UntypedOperation;
    put: UntypedOperation;
    patch: UntypedOperation;
    delete: UntypedOperation;
  }
>;

/** The path literals of `Paths` that declare method `M`. */
export type PathsWithMethod<Paths, M extends HttpMethod> = {
  [P in keyof Paths]-?: Paths[P] extends { [K in Lowercase<M>]: unknown } ? P : never;
}[keyof Paths] &
  string;

/** The operation object of `Paths[P][m]`. */
export type OperationOf<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P] extends {
  [K in Lowercase<M>]: infer Op;
}
  ? Op
  : never;

type PathInit<Op> = Op extends { parameters: { path: infer X } }
  ? undefined extends X
    ? { readonly path?: X }
    : { readonly path: X }
  : { readonly path?: never };

type QueryInit<Op> = Op extends { parameters: { query: infer Q } }
  ? [Q] extends [never | undefined]
    ? { readonly query?: never }
    : { readonly query: Q }
  : Op extends { parameters: { query?: infer Q } }
    ? [Q] extends [never | undefined]
      ? { readonly query?: never }
      : { readonly query?: Q }
    : { readonly query?: never };

type BodyInit<Op> = Op extends { requestBody: { content: { 'application/json': infer B } } }
  ? { readonly body: B }
  : Op extends { requestBody?: never }
    ? { readonly body?: never }
    : Op extends { requestBody?: { content: { 'application/json': infer B } } }
      ? { readonly body?: B }
      : { readonly body?: never };

/** The options of a typed call: path/query parameters and body as the operation declares them. */
export type OperationInit<Op> = PathInit<Op> & QueryInit<Op> & BodyInit<Op> & CallOptions;

/** Rest-argument form: the options may be omitted when nothing in them is required. */
export type InitArgs<Init> = object extends Init ? [init?: Init] : [init: Init];

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | '2XX';

type JsonContent<Response> = Response extends { content: { 'application/json': infer B } }
  ? B
  : Response extends { content: Record<string, infer B> }
    ? B
    : undefined;

type SuccessUnion<Op> = Op extends { responses: infer R }
  ? { [S in keyof R]: S extends SuccessStatus ? JsonContent<R[S]> : never }[keyof R]
  : unknown;

/** The parsed body of a successful response of operation `Op` (`undefined` for 204). */
export type SuccessData<Op> = [SuccessUnion<Op>] extends [never] ? unknown : SuccessUnion<Op>;

/** The item type of a `{ data: Item[], next_cursor }` page. */
export type PageItem<Page> = Page extends { data: readonly (infer Item)[] } ? Item : unknown;
