import { describe, expect, it } from 'vitest';
import { deriveIdempotencyKey } from './idempotency.ts';

describe('deriveIdempotencyKey', () => {
  it('is stable for the same parts and differs when parts are regrouped', () => {
    const key = deriveIdempotencyKey('import', 'abc', '7');
    expect(key).toBe(deriveIdempotencyKey('import', 'abc', '7'));
    expect(key).toMatch(/^triage-[0-9a-f]{40}$/);
    expect(deriveIdempotencyKey('ab', 'c')).not.toBe(deriveIdempotencyKey('a', 'bc'));
  });

  it('never contains the input', () => {
    expect(deriveIdempotencyKey('student', 'S-12345')).not.toContain('S-12345');
  });
});
