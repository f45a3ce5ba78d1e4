/**
 * Webhook signatures: the API signs every delivery with HMAC-SHA256 in a `Triage-Signature` header, modelled on
 * Stripe's scheme (`t=<unix seconds>,v1=<hex>` over `"<t>.<raw body>"`). Only `node:crypto`; no other dependency.
 * @see https://docs.stripe.com/webhooks#verify-manually
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Name of the signature header, lower-case as Node's `IncomingMessage.headers` spells it. */
export const WEBHOOK_SIGNATURE_HEADER = 'triage-signature';

/** Default accepted distance, either way, between the signed timestamp and the receiver's clock. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/** Why a delivery was rejected; stable across releases. */
export type WebhookErrorCode =
  | 'SDK_WEBHOOK_NO_SIGNATURE'
  | 'SDK_WEBHOOK_BAD_HEADER'
  | 'SDK_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE'
  | 'SDK_WEBHOOK_SIGNATURE_MISMATCH'
  | 'SDK_WEBHOOK_BAD_JSON';

/** A rejected delivery. The message never quotes the body, the header or a secret. */
export interface WebhookError {
  readonly code: WebhookErrorCode;
  readonly message: string;
}

/** Outcome of {@link verifyWebhook}: the parsed event, or why it was rejected. */
export type WebhookVerification =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: WebhookError };

export interface VerifyWebhookOptions {
  /** The raw request body exactly as received: bytes, or the string they were read into. Not re-serialised JSON. */
  readonly payload: string | Uint8Array;
  /**
   * The `Triage-Signature` header as the framework gives it: a string; `undefined` or `null` when absent (Express
   * `req.get()`, fetch `headers.get()`); or Node's `req.headers[…]` (`string | string[] | undefined`), where one
   * value is used and several are rejected (`SDK_WEBHOOK_BAD_HEADER`).
   */
  readonly header: string | readonly string[] | null | undefined;
  /** The endpoint's signing secret; during rotation, the old and the new one (any match passes). */
  readonly secret: string | readonly string[];
  /** Accepted clock distance in seconds, past or future (default 300). `Infinity` disables the check. */
  readonly toleranceSeconds?: number;
  /** Current time in milliseconds since the epoch (default `Date.now`); injected in tests. */
  readonly now?: () => number;
}

export interface SignWebhookOptions {
  /** The exact body that will be sent. */
  readonly payload: string | Uint8Array;
  /** Secret(s) to sign with; several give several `v1=` entries, as the server sends during rotation. */
  readonly secret: string | readonly string[];
  /** Signing time in unix seconds (default: now). */
  readonly timestamp?: number;
}

const UNIX_SECONDS = /^\d{1,15}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks a delivery's `Triage-Signature` against the raw body, then its timestamp against the clock, and parses the
 * body as JSON. Compares in constant time; never throws for a bad delivery, only for a caller's mistake: no secret
 * (an empty or unset one), a payload that is not the raw body, a bad tolerance (`TypeError`, `RangeError`).
 * @see https://docs.stripe.com/webhooks#verify-manually
 * @example
 * ```ts
 * // Express: app.post('/hooks/triage', express.raw({ type: 'application/json' }), handler); not express.json()
 * const result = verifyWebhook({
 *   payload: req.body, // the raw Buffer
 *   header: req.get('Triage-Signature'),
 *   secret: [newSecret, oldSecret], // while rotating; a single string otherwise
 * });
 * if (!result.ok) return res.status(400).send(result.error.code);
 * handle(result.value); // unknown: validate it (e.g. with zod) before use
 * ```
 */
export function verifyWebhook(options: VerifyWebhookOptions): WebhookVerification {
  const secrets = secretList(options.secret);
  const body = bytesOf(options.payload);
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (Number.isNaN(tolerance) || tolerance < 0) throw new RangeError('toleranceSeconds must be >= 0');

  const given = options.header;
  const values = given === undefined || given === null ? [] : typeof given === 'string' ? [given] : given;
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
    return reject('SDK_WEBHOOK_BAD_HEADER', 'Triage-Signature header is not a string');
  }
  const present = (values as readonly string[]).map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return reject('SDK_WEBHOOK_NO_SIGNATURE', 'missing Triage-Signature header');
  // A second header could be a forger's: which one to trust is not ours to guess.
  if (present.length > 1) return reject('SDK_WEBHOOK_BAD_HEADER', 'more than one Triage-Signature header');
  const parsed = parseHeader(present[0] as string);
  if (parsed === undefined) {
    return reject('SDK_WEBHOOK_BAD_HEADER', 'Triage-Signature header needs one t=<unix seconds> and a v1=<hex>');
  }

  const expected = secrets.map((secret) => Buffer.from(sign(parsed.timestamp, body, secret), 'utf8'));
  const matches = parsed.signatures.some((candidate) => {
    // UTF-8, not latin1: latin1 would fold a non-ASCII character onto an ASCII byte and let it match.
    const given = Buffer.from(candidate, 'utf8');
    return expected.some((want) => want.length === given.length && timingSafeEqual(want, given));
  });
  // Signature before clock: a forged request always reads as a mismatch, a stale genuine one as a clock problem.
  if (!matches) return reject('SDK_WEBHOOK_SIGNATURE_MISMATCH', 'no v1 signature matches the body and secret(s)');

  const skew = Math.abs((options.now ?? Date.now)() / 1000 - parsed.timestamp);
  if (skew > tolerance) {
    return reject(
      'SDK_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
      `signed timestamp is ${Math.round(skew)} s from this clock (tolerance ${tolerance} s)`,
    );
  }

  try {
    return { ok: true, value: JSON.parse(utf8.decode(body)) };
  } catch {
    // The parser's own message quotes the body; it may carry minors' data.
    return reject('SDK_WEBHOOK_BAD_JSON', 'signed body is not UTF-8 JSON');
  }
}

/**
 * Builds a `Triage-Signature` header value for a body, as the server does: for tests and integrators' fixtures
 * (Stripe's `generateTestHeaderString`).
 * @example
 * ```ts
 * const payload = JSON.stringify({ type: 'case.escalated', data: { id: 'case_1' } });
 * const header = signWebhook({ payload, secret: 'whsec_test', timestamp: 1_700_000_000 });
 * // 't=1700000000,v1=…'
 * ```
 */
export function signWebhook(options: SignWebhookOptions): string {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('timestamp must be unix seconds');
  const body = bytesOf(options.payload);
  const signatures = secretList(options.secret).map((secret) => `v1=${sign(timestamp, body, secret)}`);
  return [`t=${timestamp}`, ...signatures].join(',');
}

interface ParsedHeader {
  readonly timestamp: number;
  readonly signatures: readonly string[];
}

/** `t=…,v1=…[,v1=…]`; unknown schemes (`v0=`, future `v2=`) are skipped, as in Stripe's parser. */
function parseHeader(header: string): ParsedHeader | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const at = item.indexOf('=');
    if (at < 0) return undefined;
    const key = item.slice(0, at).trim();
    const value = item.slice(at + 1).trim();
    if (key === 't') {
      // A second t= would let a forger choose which one we read.
      if (timestamp !== undefined || !UNIX_SECONDS.test(value)) return undefined;
      timestamp = Number(value);
    } else if (key === 'v1') {
      // Kept verbatim: a malformed value simply matches nothing (no lenient hex decoding, no case folding).
      signatures.push(value);
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

function sign(timestamp: number, body: Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

function bytesOf(payload: string | Uint8Array): Uint8Array {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  // express.json() hands over a parsed object: its signature can never be checked.
  if (!(payload instanceof Uint8Array)) throw new TypeError('webhook payload must be the raw body: a string or bytes');
  return payload;
}

function secretList(secret: string | readonly string[]): readonly string[] {
  // An unset environment variable gives undefined: say so, not "cannot read properties of undefined".
  const list: readonly unknown[] = typeof secret === 'string' ? [secret] : Array.isArray(secret) ? secret : [];
  if (list.length === 0 || list.some((s) => typeof s !== 'string' || s.length === 0)) {
    throw new TypeError('webhook secret must be a non-empty string (or a non-empty list of them)');
  }
  return list as readonly string[];
}

function reject(code: WebhookErrorCode, message: string): WebhookVerification {
  return { ok: false, error: { code, message } };
}
