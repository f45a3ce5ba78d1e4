/** Status and headers of the response a call ended with. */
export interface ResponseInfo {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
}

/** What `.withResponse()` resolves to. */
export interface ApiResponse<T> {
  readonly data: T;
  readonly response: ResponseInfo;
  /** `X-Request-Id` of the final response, for support tickets and logs. */
  readonly requestId: string | undefined;
  /** Attempts the call took (1 = no retry). */
  readonly attempts: number;
}

/** A parsed body; objects and arrays carry the response's request id as a non-enumerable `requestId`. */
export type WithRequestId<T> = T extends object ? T & { readonly requestId?: string } : T;

/** Defines a non-enumerable `requestId` on objects (JSON.stringify and spreading ignore it). */
function attachRequestId<T>(data: T, requestId: string | undefined): WithRequestId<T> {
  if (typeof data === 'object' && data !== null && Object.isExtensible(data)) {
    Object.defineProperty(data, 'requestId', { value: requestId, enumerable: false, configurable: true });
  }
  return data as WithRequestId<T>;
}

function dataOf<T>(response: ApiResponse<T>): WithRequestId<T> {
  return attachRequestId(response.data, response.requestId);
}

/**
 * The promise every call returns: awaiting it gives the parsed body (with a non-enumerable `requestId`);
 * `.withResponse()` gives `{ data, response: { status, headers }, requestId, attempts }`.
 * The request starts when the call is made, not when it is awaited.
 */
export class ApiPromise<T> extends Promise<WithRequestId<T>> {
  readonly #response: Promise<ApiResponse<T>>;

  // `then`/`catch`/`finally` return plain promises, not ApiPromise (whose constructor differs from Promise's).
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  constructor(response: Promise<ApiResponse<T>>) {
    super((resolve) => resolve(undefined as WithRequestId<T>));
    this.#response = response;
  }

  /** Resolves to the body plus status, headers, request id and attempt count. */
  withResponse(): Promise<ApiResponse<T>> {
    return this.#response;
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is a promise; `then` is the point.
  override then<R1 = WithRequestId<T>, R2 = never>(
    onFulfilled?: ((value: WithRequestId<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    // One promise, not two: the body is handed straight to the callback.
    const fulfilled =
      typeof onFulfilled === 'function'
        ? (r: ApiResponse<T>) => onFulfilled(attachRequestId(r.data, r.requestId))
        : (dataOf as (r: ApiResponse<T>) => R1);
    return this.#response.then(fulfilled, onRejected);
  }

  override catch<R = never>(
    onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<WithRequestId<T> | R> {
    return this.then(undefined, onRejected);
  }

  override finally(onFinally?: (() => void) | null): Promise<WithRequestId<T>> {
    return this.then().finally(onFinally);
  }
}
