import type { IncomingHttpHeaders } from 'node:http';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookError,
  type WebhookErrorCode,
  type WebhookVerification,
} from './webhooks.ts';

const SECRET = 'whsec_test';
const T = 1_700_000_000;
const atT =
  (offsetSeconds = 0) =>
  () =>
    (T + offsetSeconds) * 1000;
// A name stands in for the personal data a real event would carry; no message may repeat it.
const EVENT = { type: 'case.escalated', data: { id: 'case_1', student: '王小明' } };
const PAYLOAD = JSON.stringify(EVENT);

function verify(overrides: Partial<VerifyWebhookOptions> = {}): WebhookVerification {
  return verifyWebhook({
    payload: PAYLOAD,
    header: signWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: T }),
    secret: SECRET,
    now: atT(),
    ...overrides,
  });
}

function codeOf(result: WebhookVerification): WebhookErrorCode | 'ok' {
  return result.ok ? 'ok' : result.error.code;
}

describe('signWebhook', () => {
  it('matches an HMAC-SHA256 computed by openssl (fixed vector)', () => {
    // printf '1700000000.{"type":"case.escalated","data":{"id":"case_1"}}' | openssl dgst -sha256 -hmac whsec_test
    const payload = '{"type":"case.escalated","data":{"id":"case_1"}}';
    expect(signWebhook({ payload, secret: SECRET, timestamp: T })).toBe(
      't=1700000000,v1=3073ff697fe94ef0c5ca01bcea8498000c5b5478f575d365500fbdfdd7485dfc',
    );
  });

  it('signs raw bytes, not their string decoding (fixed vector with non-UTF-8 bytes)', () => {
    // printf '1700000000.\xff\xfe{}' | openssl dgst -sha256 -hmac whsec_test
    const payload = Uint8Array.of(0xff, 0xfe, 0x7b, 0x7d);
    expect(signWebhook({ payload, secret: SECRET, timestamp: T })).toBe(
      't=1700000000,v1=997065a2eed127a1e7f29d1b7fdf26fd1c315fe585d532d7d8b2806005f0b3a6',
    );
  });

  it('defaults the timestamp to the current second', () => {
    const before = Math.floor(Date.now() / 1000);
    const header = signWebhook({ payload: PAYLOAD, secret: SECRET });
    const t = Number(/^t=(\d+),v1=[0-9a-f]{64}$/.exec(header)?.[1]);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('writes one v1 entry per secret, in order', () => {
    const header = signWebhook({ payload: PAYLOAD, secret: ['new', 'old'], timestamp: T });
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(header.split(',')[1]).toBe(signWebhook({ payload: PAYLOAD, secret: 'new', timestamp: T }).split(',')[1]);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('throws on timestamp %s (a caller bug)', (timestamp) => {
    expect(() => signWebhook({ payload: PAYLOAD, secret: SECRET, timestamp })).toThrow(RangeError);
  });
});

describe('verifyWebhook', () => {
  it('round-trips: returns the parsed event', () => {
    expect(verify()).toEqual({ ok: true, value: EVENT });
  });

  it('narrows on ok', () => {
    const result = verify();
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<unknown>();
    else expectTypeOf(result.error).toEqualTypeOf<WebhookError>();
  });

  describe('tampering', () => {
    const good = signWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: T });
    const sig = good.slice(good.indexOf('v1=') + 3);
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
    // U+0161 'š' encodes to 0x61 'a' in latin1: a compare over latin1 bytes would accept this.
    const latin1Twin = [...sig].map((c) => String.fromCharCode(0x100 + c.charCodeAt(0))).join('');
    it.each<[string, Partial<VerifyWebhookOptions>]>([
      ['body changed', { payload: PAYLOAD.replace('case_1', 'case_2') }],
      ['body re-serialised with spaces', { payload: JSON.stringify(EVENT, null, 2) }],
      ['body with a trailing newline', { payload: `${PAYLOAD}\n` }],
      ['timestamp changed', { header: `t=${T + 1},v1=${sig}` }],
      ['signature changed', { header: `t=${T},v1=${flipped}` }],
      ['signature in upper case', { header: `t=${T},v1=${sig.toUpperCase()}` }],
      ['signature in characters equal to it under latin1', { header: `t=${T},v1=${latin1Twin}` }],
      ['wrong secret', { secret: 'whsec_other' }],
      ['secret differs by case', { secret: SECRET.toUpperCase() }],
    ])('%s → SDK_WEBHOOK_SIGNATURE_MISMATCH', (_, overrides) => {
      expect(codeOf(verify(overrides))).toBe('SDK_WEBHOOK_SIGNATURE_MISMATCH');
    });
  });

  describe('secret rotation', () => {
    const signedWith = (secret: string | readonly string[]) => signWebhook({ payload: PAYLOAD, secret, timestamp: T });
    it.each<[string, string | readonly string[], string | readonly string[], WebhookErrorCode | 'ok']>([
      ['old signature, receiver knows new + old', 'old', ['new', 'old'], 'ok'],
      ['new signature, receiver knows new + old', 'new', ['new', 'old'], 'ok'],
      ['both signatures, receiver knows only new', ['old', 'new'], 'new', 'ok'],
      ['both signatures, receiver knows only old', ['old', 'new'], 'old', 'ok'],
      ['old signature, receiver dropped old', 'old', 'new', 'SDK_WEBHOOK_SIGNATURE_MISMATCH'],
      ['unknown signatures, receiver knows new + old', ['a', 'b'], ['new', 'old'], 'SDK_WEBHOOK_SIGNATURE_MISMATCH'],
    ])('%s → %s', (_, signer, receiver, expected) => {
      expect(codeOf(verify({ header: signedWith(signer), secret: receiver }))).toBe(expected);
    });
  });

  describe('timestamp tolerance (injected clock)', () => {
    it.each<[string, number, number | undefined, WebhookErrorCode | 'ok']>([
      ['same second', 0, undefined, 'ok'],
      ['300 s old (default edge)', 300, undefined, 'ok'],
      ['300 s in the future (default edge)', -300, undefined, 'ok'],
      ['301 s old', 301, undefined, 'SDK_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE'],
      ['301 s in the future', -301, undefined, 'SDK_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE'],
      ['a day old', 86_400, undefined, 'SDK_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE'],
      ['61 s old, tolerance 60', 61, 60, 'SDK_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE'],
      ['61 s in the future, tolerance 60', -61, 60, 'SDK_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE'],
      ['0.5 s old, tolerance 0', 0.5, 0, 'SDK_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE'],
      ['a year old, tolerance Infinity', 365 * 86_400, Number.POSITIVE_INFINITY, 'ok'],
    ])('%s → %s', (_, receivedAfter, toleranceSeconds, expected) => {
      const overrides = toleranceSeconds === undefined ? {} : { toleranceSeconds };
      expect(codeOf(verify({ now: atT(receivedAfter), ...overrides }))).toBe(expected);
    });

    it('checks the signature before the clock: a forged stale request reads as a mismatch', () => {
      const result = verify({ secret: 'whsec_other', now: atT(86_400) });
      expect(codeOf(result)).toBe('SDK_WEBHOOK_SIGNATURE_MISMATCH');
    });

    it('uses Date.now when no clock is injected', () => {
      const now = Math.floor(Date.now() / 1000);
      const header = signWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: now });
      expect(verifyWebhook({ payload: PAYLOAD, header, secret: SECRET }).ok).toBe(true);
      const stale = signWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: now - 3600 });
      expect(codeOf(verifyWebhook({ payload: PAYLOAD, header: stale, secret: SECRET }))).toBe(
        'SDK_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
      );
    });
  });

  describe('missing or garbled header', () => {
    const sig = signWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: T }).split(',')[1] ?? '';
    it.each<[string, string | undefined, WebhookErrorCode | 'ok']>([
      ['no header', undefined, 'SDK_WEBHOOK_NO_SIGNATURE'],
      ['empty header', '', 'SDK_WEBHOOK_NO_SIGNATURE'],
      ['blank header', '   ', 'SDK_WEBHOOK_NO_SIGNATURE'],
      ['not key=value', 'garbage', 'SDK_WEBHOOK_BAD_HEADER'],
      ['no timestamp', sig, 'SDK_WEBHOOK_BAD_HEADER'],
      ['no v1', `t=${T}`, 'SDK_WEBHOOK_BAD_HEADER'],
      ['only an unknown scheme', `t=${T},v0=abc`, 'SDK_WEBHOOK_BAD_HEADER'],
      ['timestamp not a number', `t=abc,${sig}`, 'SDK_WEBHOOK_BAD_HEADER'],
      ['negative timestamp', `t=-${T},${sig}`, 'SDK_WEBHOOK_BAD_HEADER'],
      ['fractional timestamp', `t=${T}.5,${sig}`, 'SDK_WEBHOOK_BAD_HEADER'],
      [
        'timestamp in milliseconds parses, but the signature covers seconds',
        `t=${T}000,${sig}`,
        'SDK_WEBHOOK_SIGNATURE_MISMATCH',
      ],
      ['two timestamps', `t=${T},t=${T + 1},${sig}`, 'SDK_WEBHOOK_BAD_HEADER'],
      ['a trailing comma', `t=${T},${sig},`, 'SDK_WEBHOOK_BAD_HEADER'],
      ['spaces around entries are allowed', ` t = ${T} , ${sig.replace('=', ' = ')} `, 'ok'],
      ['an unknown scheme beside v1 is ignored', `t=${T},v0=deadbeef,${sig},v2=cafe`, 'ok'],
      ['entries in any order', `${sig},t=${T}`, 'ok'],
    ])('%s → %s', (_, header, expected) => {
      expect(codeOf(verify({ header }))).toBe(expected);
    });
  });

  describe('signatures of another length never throw (timingSafeEqual only on equal lengths)', () => {
    it.each([
      ['empty', ''],
      ['short', 'abc'],
      ['one hex digit too many', 'a'.repeat(65)],
      ['one hex digit too few', 'a'.repeat(63)],
      ['raw base64 digest', 'MHP/aX/pTvDFygG86oSYAAxbVHj1dc1lUA+/3fdIXfw='],
      ['non-ASCII of hex length', 'é'.repeat(64)],
    ])('%s', (_, candidate) => {
      const header = `t=${T},v1=${candidate}`;
      expect(() => verify({ header })).not.toThrow();
      expect(codeOf(verify({ header }))).toBe('SDK_WEBHOOK_SIGNATURE_MISMATCH');
    });
  });

  describe('body as string or bytes', () => {
    const bytes = Buffer.from(PAYLOAD, 'utf8');
    // A body framework may hand over a slice of a larger buffer: only the view's bytes are signed.
    const viewInto = (inner: Uint8Array) => {
      const outer = new Uint8Array(inner.length + 4).fill(0x20);
      outer.set(inner, 2);
      return outer.subarray(2, 2 + inner.length);
    };
    it.each<[string, string | Uint8Array, string | Uint8Array]>([
      ['signed string, received Buffer', PAYLOAD, bytes],
      ['signed Buffer, received string', bytes, PAYLOAD],
      ['signed string, received plain Uint8Array', PAYLOAD, new Uint8Array(bytes)],
      ['signed view into a larger buffer, received string', viewInto(bytes), PAYLOAD],
    ])('%s', (_, signed, received) => {
      const header = signWebhook({ payload: signed, secret: SECRET, timestamp: T });
      expect(verifyWebhook({ payload: received, header, secret: SECRET, now: atT() })).toEqual({
        ok: true,
        value: EVENT,
      });
    });

    it('a UTF-8 byte-order mark is part of the signed bytes, and parsing tolerates it', () => {
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      const header = signWebhook({ payload: withBom, secret: SECRET, timestamp: T });
      expect(codeOf(verify({ header }))).toBe('SDK_WEBHOOK_SIGNATURE_MISMATCH');
      expect(verify({ payload: withBom, header })).toEqual({ ok: true, value: EVENT });
    });
  });

  describe('non-UTF-8 bytes', () => {
    const raw = Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('"}')]); // GBK 你好
    const header = signWebhook({ payload: raw, secret: SECRET, timestamp: T });

    it('the signature covers the raw bytes; a body that is not UTF-8 is SDK_WEBHOOK_BAD_JSON', () => {
      expect(codeOf(verify({ payload: raw, header }))).toBe('SDK_WEBHOOK_BAD_JSON');
    });

    it('decoding the bytes to a string first (U+FFFD) breaks the signature: pass the raw body', () => {
      expect(codeOf(verify({ payload: raw.toString('utf8'), header }))).toBe('SDK_WEBHOOK_SIGNATURE_MISMATCH');
    });
  });

  describe('SDK_WEBHOOK_BAD_JSON', () => {
    it.each(['', 'not json', '{"student":"王小明"', '{"student":"王小明"} trailing'])('signed body %j', (payload) => {
      const header = signWebhook({ payload, secret: SECRET, timestamp: T });
      expect(codeOf(verify({ payload, header }))).toBe('SDK_WEBHOOK_BAD_JSON');
    });
  });

  it('messages never quote the body, the signature or the secret', () => {
    const notJson = '{"student":"王小明"';
    const failures = [
      verify({ header: undefined }),
      verify({ header: `t=${T}` }),
      verify({ secret: 'whsec_other' }),
      verify({ now: atT(3600) }),
      verify({ payload: notJson, header: signWebhook({ payload: notJson, secret: SECRET, timestamp: T }) }),
    ];
    expect(failures.map(codeOf)).toEqual([
      'SDK_WEBHOOK_NO_SIGNATURE',
      'SDK_WEBHOOK_BAD_HEADER',
      'SDK_WEBHOOK_SIGNATURE_MISMATCH',
      'SDK_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
      'SDK_WEBHOOK_BAD_JSON',
    ]);
    for (const result of failures) {
      const message = result.ok ? '' : result.error.message;
      expect(message).not.toMatch(/王小明|case_1|whsec|[0-9a-f]{16}/);
    }
  });

  // Runtime values plain JavaScript (or an `as` cast) can pass: an unset environment variable is undefined.
  const loose = (options: Record<string, unknown>) => options as unknown as Partial<VerifyWebhookOptions>;
  const SECRET_ERROR = 'webhook secret must be a non-empty string (or a non-empty list of them)';
  it.each<[string, Partial<VerifyWebhookOptions>, ErrorConstructor, string | RegExp]>([
    ['empty secret', { secret: '' }, TypeError, SECRET_ERROR],
    ['no secrets', { secret: [] }, TypeError, SECRET_ERROR],
    ['an empty secret among others', { secret: [SECRET, ''] }, TypeError, SECRET_ERROR],
    ['an unset secret (process.env.X)', loose({ secret: undefined }), TypeError, SECRET_ERROR],
    ['a null secret', loose({ secret: null }), TypeError, SECRET_ERROR],
    ['a numeric secret', loose({ secret: 42 }), TypeError, SECRET_ERROR],
    ['an unset secret among others', loose({ secret: [SECRET, undefined] }), TypeError, SECRET_ERROR],
    ['a parsed body (express.json())', loose({ payload: EVENT }), TypeError, /payload must be the raw body/],
    ['no body', loose({ payload: undefined }), TypeError, /payload must be the raw body/],
    ['negative tolerance', { toleranceSeconds: -1 }, RangeError, /toleranceSeconds/],
    ['NaN tolerance', { toleranceSeconds: Number.NaN }, RangeError, /toleranceSeconds/],
  ])('throws on %s (a configuration bug, not a bad delivery)', (_, overrides, type, message) => {
    expect(() => verify(overrides)).toThrow(type);
    expect(() => verify(overrides)).toThrow(message);
  });

  describe("a header as Node's IncomingHttpHeaders types it (string | string[] | undefined)", () => {
    const header = signWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: T });
    const other = signWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: T + 1 });
    it.each<[string, unknown, WebhookErrorCode | 'ok']>([
      ['one value in a list', [header], 'ok'],
      ['one value beside blank ones', ['', header, '  '], 'ok'],
      ['the same value twice', [header, header], 'SDK_WEBHOOK_BAD_HEADER'],
      ['two values', [header, other], 'SDK_WEBHOOK_BAD_HEADER'],
      ['an empty list', [], 'SDK_WEBHOOK_NO_SIGNATURE'],
      ['only blank values', ['', ' '], 'SDK_WEBHOOK_NO_SIGNATURE'],
      ['null (fetch headers.get())', null, 'SDK_WEBHOOK_NO_SIGNATURE'],
      ['a number', 42, 'SDK_WEBHOOK_BAD_HEADER'],
      ['a list holding a number', [header, 42], 'SDK_WEBHOOK_BAD_HEADER'],
      ['an object', { t: T }, 'SDK_WEBHOOK_BAD_HEADER'],
    ])('%s → %s', (_, given, expected) => {
      expect(codeOf(verify(loose({ header: given })))).toBe(expected);
    });

    it('accepts the header type of IncomingHttpHeaders, Express and fetch', () => {
      expectTypeOf<IncomingHttpHeaders[string]>().toExtend<VerifyWebhookOptions['header']>();
      expectTypeOf<string | undefined>().toExtend<VerifyWebhookOptions['header']>();
      expectTypeOf<ReturnType<Headers['get']>>().toExtend<VerifyWebhookOptions['header']>();
    });
  });

  describe('properties', () => {
    const secret = fc.string({ minLength: 1, maxLength: 40 });
    const body = fc.uint8Array({ minLength: 1, maxLength: 256 });
    const timestamp = fc.integer({ min: 0, max: 4_102_444_800 });
    const anyClock = { toleranceSeconds: Number.POSITIVE_INFINITY };

    it('sign → verify accepts any body, secret and timestamp (the signature step)', () => {
      fc.assert(
        fc.property(body, secret, timestamp, (payload, key, t) => {
          const header = signWebhook({ payload, secret: key, timestamp: t });
          const code = codeOf(verifyWebhook({ payload, header, secret: key, ...anyClock }));
          expect(['ok', 'SDK_WEBHOOK_BAD_JSON']).toContain(code);
        }),
      );
    });

    it('any single-byte change to the payload fails verification', () => {
      fc.assert(
        fc.property(body, secret, fc.nat(), fc.integer({ min: 1, max: 255 }), (payload, key, at, delta) => {
          const header = signWebhook({ payload, secret: key, timestamp: T });
          const changed = Uint8Array.from(payload);
          const i = at % changed.length;
          changed[i] = ((changed[i] ?? 0) + delta) % 256;
          const result = verifyWebhook({ payload: changed, header, secret: key, ...anyClock });
          expect(codeOf(result)).toBe('SDK_WEBHOOK_SIGNATURE_MISMATCH');
        }),
      );
    });

    it('any single-character change to the signature fails verification', () => {
      fc.assert(
        fc.property(
          body,
          secret,
          fc.nat(63),
          fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
          (payload, key, i, c) => {
            const header = signWebhook({ payload, secret: key, timestamp: T });
            const sig = header.slice(header.indexOf('v1=') + 3);
            fc.pre(sig[i] !== c);
            const forged = `t=${T},v1=${sig.slice(0, i)}${c}${sig.slice(i + 1)}`;
            const result = verifyWebhook({ payload, header: forged, secret: key, ...anyClock });
            expect(codeOf(result)).not.toBe('ok');
            expect(codeOf(result)).not.toBe('SDK_WEBHOOK_BAD_JSON');
          },
        ),
      );
    });

    it('any other timestamp fails verification', () => {
      fc.assert(
        fc.property(body, secret, timestamp, timestamp, (payload, key, t, other) => {
          fc.pre(t !== other);
          const sig = signWebhook({ payload, secret: key, timestamp: t }).split(',')[1];
          const result = verifyWebhook({ payload, header: `t=${other},${sig}`, secret: key, ...anyClock });
          expect(codeOf(result)).toBe('SDK_WEBHOOK_SIGNATURE_MISMATCH');
        }),
      );
    });

    it('never throws on an arbitrary header', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (header) => {
          expect(() => verifyWebhook({ payload: PAYLOAD, header, secret: SECRET, now: atT() })).not.toThrow();
        }),
      );
    });
  });
});
