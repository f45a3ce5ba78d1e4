import { SdkErrorCode, TriageResponseError } from '../errors.ts';
import type { ApiResponse } from './api-promise.ts';
import type { UntypedInit } from './paths.ts';

/** One page of a cursor-paginated list (`{ data, next_cursor }` on the wire). */
export interface Page<Item> {
  readonly data: readonly Item[];
  /** Cursor of the next page; `null` on the last one. */
  readonly nextCursor: string | null;
  readonly requestId: string | undefined;
  /** 1 for the first page fetched. */
  readonly pageNumber: number;
}

/** Guards of an iteration: a hard item limit and a maximum number of pages. */
export interface PaginateOptions {
  /** Stop after this many items (no further page is fetched). Default 10 000. */
  readonly limit?: number;
  /** Fail with `SDK_PAGINATION_GUARD` rather than fetch more pages than this. Default 1 000. */
  readonly maxPages?: number;
}

export type FetchPage = (init: UntypedInit) => Promise<ApiResponse<unknown>>;

function guardError(message: string, requestId?: string): TriageResponseError {
  return new TriageResponseError({
    message,
    code: SdkErrorCode.paginationGuard,
    requestId,
    isRetryable: false,
  });
}

/** Yields pages, following `next_cursor` (sent back as the `cursor` query parameter). */
export async function* iteratePages<Item>(
  fetchPage: FetchPage,
  init: UntypedInit & PaginateOptions,
): AsyncGenerator<Page<Item>, void, undefined> {
  const { limit: _limit, maxPages = 1_000, ...request } = init;
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pageNumber = 1; ; pageNumber++) {
    if (pageNumber > maxPages) throw guardError(`More than ${maxPages} pages; raise maxPages or narrow the query`);
    const query = cursor === undefined ? request.query : { ...request.query, cursor };
    const { data: body, requestId } = await fetchPage({ ...request, ...(query === undefined ? {} : { query }) });
    const page = body as { data?: unknown; next_cursor?: unknown } | undefined;
    if (typeof page !== 'object' || page === null || !Array.isArray(page.data)) {
      throw new TriageResponseError({
        message: 'Page response has no "data" array',
        code: SdkErrorCode.invalidResponse,
        requestId,
        isRetryable: false,
      });
    }
    const next = typeof page.next_cursor === 'string' && page.next_cursor !== '' ? page.next_cursor : null;
    yield { data: page.data as Item[], nextCursor: next, requestId, pageNumber };
    if (next === null) return;
    // A server bug that hands back an old cursor would otherwise loop forever.
    if (seen.has(next)) throw guardError(`Cursor repeated on page ${pageNumber}`, requestId);
    seen.add(next);
    cursor = next;
  }
}

/** Yields items across pages, stopping at `limit` items. */
export async function* iterateItems<Item>(
  fetchPage: FetchPage,
  init: UntypedInit & PaginateOptions,
): AsyncGenerator<Item, void, undefined> {
  const limit = init.limit ?? 10_000;
  if (limit <= 0) return;
  let count = 0;
  for await (const page of iteratePages<Item>(fetchPage, init)) {
    for (const item of page.data) {
      yield item;
      if (++count >= limit) return;
    }
  }
}
