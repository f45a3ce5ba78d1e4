/**
 * @triage/sdk: a typed, resilient client for the 12355-style case-management API (OpenAPI 3.1 spec in
 * `@triage/sdk/openapi.yaml`), and webhook signature helpers.
 * @example
 * import { createTriageClient, type paths } from '@triage/sdk';
 * const client = createTriageClient<paths>({ baseUrl: 'http://127.0.0.1:4010', apiKey: process.env.TRIAGE_API_KEY });
 * for await (const c of client.paginate('/cases', { query: { level: 'R3' }, limit: 500 })) console.log(c.id);
 */
export type { ApiResponse, ResponseInfo, WithRequestId } from './client/api-promise.ts';
export { ApiPromise } from './client/api-promise.ts';
export { createTriageClient, TriageClient } from './client/client.ts';
export type { RequestLogEntry, RequestLogger } from './client/debug-log.ts';
export { deriveIdempotencyKey } from './client/idempotency.ts';
export type { TriageClientOptions } from './client/options.ts';
export type { Page, PaginateOptions } from './client/pagination.ts';
export type {
  CallOptions,
  HttpMethod,
  OperationInit,
  PageItem,
  PathsWithMethod,
  QueryValue,
  SuccessData,
  UntypedInit,
} from './client/paths.ts';
export type { ProblemDetails, TriageErrorKind } from './errors.ts';
export {
  isAbortError,
  isConnectionError,
  isHttpError,
  isRateLimitError,
  isRedirectError,
  isTimeoutError,
  isTriageApiError,
  SdkErrorCode,
  TriageAbortError,
  TriageApiError,
  TriageConnectionError,
  TriageHttpError,
  TriageRateLimitError,
  TriageRedirectError,
  TriageResponseError,
  TriageTimeoutError,
} from './errors.ts';
export type { components, operations, paths, webhooks } from './generated/api.ts';
export type {
  SignWebhookOptions,
  VerifyWebhookOptions,
  WebhookError,
  WebhookErrorCode,
  WebhookVerification,
} from './webhooks.ts';
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  signWebhook,
  verifyWebhook,
  WEBHOOK_SIGNATURE_HEADER,
} from './webhooks.ts';
