import { createHash } from 'node:crypto';

/**
 * A stable `Idempotency-Key` derived from the parts that identify an operation (e.g. import file hash and row
 * number), so re-running the same CLI import reuses the keys and the server applies each row once.
 * @example
 * ```ts
 * await client.POST('/cases', { body, idempotencyKey: deriveIdempotencyKey('import', fileSha256, String(row)) });
 * ```
 */
export function deriveIdempotencyKey(...parts: readonly string[]): string {
  if (parts.length === 0) throw new TypeError('deriveIdempotencyKey needs at least one part');
  // JSON keeps ["a","bc"] and ["ab","c"] apart; the hash keeps the input (possibly personal) out of the header.
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return `triage-${digest.slice(0, 40)}`;
}
