import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableNetworkCode, isRetryableStatus, parseRetryAfter } from './retry-policy.ts';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    [{ 'retry-after': '2' }, 2_000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '120' }, 120],
    [{ 'retry-after-ms': '120', 'retry-after': '9' }, 120],
    [{ 'retry-after': 'Mon, 23 Nov 2026 12:00:03 GMT' }, 3_000],
    [{ 'retry-after': 'Mon, 23 Nov 2026 11:59:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after-ms': 'x', 'retry-after': '1' }, 1_000],
    [{}, undefined],
  ])('%o → %s ms', (headers, expected) => {
    expect(parseRetryAfter(headers, NOW)).toBe(expected);
  });
});

describe('backoffDelay (full jitter)', () => {
  const options = { initialDelay: 500, maxDelay: 8_000 };
  it.each([
    [1, 1, 500],
    [2, 1, 1_000],
    [4, 1, 4_000],
    [5, 1, 8_000],
    [9, 1, 8_000],
    [3, 0, 0],
    [3, 0.5, 1_000],
  ])('retry %i with random %d → %i ms', (retry, random, expected) => {
    expect(backoffDelay(retry, { ...options, random: () => random })).toBe(expected);
  });
});

describe('retryable classification', () => {
  it.each([
    [400, false],
    [401, false],
    [404, false],
    [408, true],
    [409, true],
    [422, false],
    [429, true],
    [500, true],
    [503, true],
  ])('status %i → %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  it.each([
    ['ECONNRESET', true],
    ['ECONNREFUSED', true],
    ['UND_ERR_SOCKET', true],
    ['UND_ERR_HEADERS_TIMEOUT', true],
    ['UND_ERR_INVALID_ARG', false],
    ['ENOTFOUND', false],
    [undefined, false],
  ])('code %s → %s', (code, expected) => {
    expect(isRetryableNetworkCode(code)).toBe(expected);
  });
});
