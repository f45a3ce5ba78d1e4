import type { Dispatcher } from 'undici';
import { ApiPromise } from './api-promise.ts';
import { resolveLogger } from './debug-log.ts';
import { clientHeaders, type ExecuteContext, execute } from './execute.ts';
import { RequestGate } from './gate.ts';
import { resolveOptions, type TriageClientOptions } from './options.ts';
import { iterateItems, iteratePages, type Page, type PaginateOptions } from './pagination.ts';
import type {
  HttpMethod,
  InitArgs,
  OperationInit,
  OperationOf,
  PageItem,
  PathsWithMethod,
  SuccessData,
  UntypedInit,
  UntypedPaths,
} from './paths.ts';
import { createAgent } from './transport.ts';
import { UrlBuilder } from './url.ts';

type Init<Paths, P extends keyof Paths, M extends HttpMethod> = OperationInit<OperationOf<Paths, P, M>>;
type Data<Paths, P extends keyof Paths, M extends HttpMethod> = SuccessData<OperationOf<Paths, P, M>>;
type Item<Paths, P extends keyof Paths> = PageItem<Data<Paths, P, 'GET'>>;

/**
 * The resilient HTTP client of the triage API, typed by an openapi-typescript `paths` interface.
 * Calls throw {@link TriageApiError} subclasses; awaiting a call gives the parsed body.
 * @example
 * ```ts
 * import type { paths } from './generated/api.ts';
 * const client = createTriageClient<paths>({ baseUrl: 'https://api.example.org/v1', apiKey });
 * const page = await client.GET('/cases', { query: { status: 'open' } });
 * for await (const c of client.paginate('/cases', { query: { status: 'open' }, limit: 500 })) console.log(c.id);
 * const created = await client.POST('/cases', { body, idempotencyKey: keyFromInput });
 * ```
 */
export class TriageClient<Paths extends object = UntypedPaths> {
  readonly #context: ExecuteContext;
  readonly #ownsDispatcher: boolean;

  constructor(options: TriageClientOptions) {
    const resolved = resolveOptions(options);
    this.#ownsDispatcher = options.dispatcher === undefined;
    const dispatcher: Dispatcher = options.dispatcher ?? createAgent(resolved.timeout);
    this.#context = {
      options: resolved,
      dispatcher,
      gate: new RequestGate({ maxConcurrency: resolved.maxConcurrency, sleep: resolved.sleep, now: resolved.now }),
      logger: resolveLogger(options.logger, options.env ?? process.env),
      headers: clientHeaders(resolved),
      urls: new UrlBuilder(resolved.baseUrl),
    };
  }

  /** Untyped call: any method and path template, `unknown` result. */
  request<T = unknown>(method: HttpMethod, path: string, init?: UntypedInit): ApiPromise<T> {
    return new ApiPromise(execute(this.#context, method, path, init) as Promise<never>);
  }

  GET<P extends PathsWithMethod<Paths, 'GET'>>(
    path: P,
    ...init: InitArgs<Init<Paths, P, 'GET'>>
  ): ApiPromise<Data<Paths, P, 'GET'>> {
    return this.request('GET', path, init[0] as UntypedInit | undefined);
  }

  POST<P extends PathsWithMethod<Paths, 'POST'>>(
    path: P,
    ...init: InitArgs<Init<Paths, P, 'POST'>>
  ): ApiPromise<Data<Paths, P, 'POST'>> {
    return this.request('POST', path, init[0] as UntypedInit | undefined);
  }

  PUT<P extends PathsWithMethod<Paths, 'PUT'>>(
    path: P,
    ...init: InitArgs<Init<Paths, P, 'PUT'>>
  ): ApiPromise<Data<Paths, P, 'PUT'>> {
    return this.request('PUT', path, init[0] as UntypedInit | undefined);
  }

  PATCH<P extends PathsWithMethod<Paths, 'PATCH'>>(
    path: P,
    ...init: InitArgs<Init<Paths, P, 'PATCH'>>
  ): ApiPromise<Data<Paths, P, 'PATCH'>> {
    return this.request('PATCH', path, init[0] as UntypedInit | undefined);
  }

  DELETE<P extends PathsWithMethod<Paths, 'DELETE'>>(
    path: P,
    ...init: InitArgs<Init<Paths, P, 'DELETE'>>
  ): ApiPromise<Data<Paths, P, 'DELETE'>> {
    return this.request('DELETE', path, init[0] as UntypedInit | undefined);
  }

  /** Pages of a `{ data, next_cursor }` list; throws `SDK_PAGINATION_GUARD` past `maxPages` or on a repeated cursor. */
  pages<P extends PathsWithMethod<Paths, 'GET'>>(
    path: P,
    ...init: InitArgs<Init<Paths, P, 'GET'> & PaginateOptions>
  ): AsyncGenerator<Page<Item<Paths, P>>, void, undefined> {
    return iteratePages(
      (pageInit) => this.request('GET', path, pageInit).withResponse(),
      (init[0] ?? {}) as UntypedInit & PaginateOptions,
    );
  }

  /** Items of a `{ data, next_cursor }` list across pages, at most `limit` (default 10 000). */
  paginate<P extends PathsWithMethod<Paths, 'GET'>>(
    path: P,
    ...init: InitArgs<Init<Paths, P, 'GET'> & PaginateOptions>
  ): AsyncGenerator<Item<Paths, P>, void, undefined> {
    return iterateItems(
      (pageInit) => this.request('GET', path, pageInit).withResponse(),
      (init[0] ?? {}) as UntypedInit & PaginateOptions,
    );
  }

  /** Closes the client's keep-alive connections (an injected dispatcher is left open). */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#context.dispatcher.close();
  }
}

/** Creates a {@link TriageClient}; pass the generated `paths` as type argument for typed calls. */
export function createTriageClient<Paths extends object = UntypedPaths>(
  options: TriageClientOptions,
): TriageClient<Paths> {
  return new TriageClient<Paths>(options);
}
