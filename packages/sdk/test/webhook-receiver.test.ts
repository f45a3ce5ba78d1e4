import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from '../src/webhooks.ts';

// A receiver on 127.0.0.1 reading the header as the README does: `req.headers[WEBHOOK_SIGNATURE_HEADER]`, or as
// `req.headersDistinct` gives it (string[]); both types go to verifyWebhook unchanged.
const SECRET = 'whsec_receiver';
const PAYLOAD = JSON.stringify({ type: 'case.escalated', data: { id: 'case_1' } });
const header = signWebhook({ payload: PAYLOAD, secret: SECRET });

let url = '';
const server = createServer((req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const given =
      req.url === '/distinct' ? req.headersDistinct[WEBHOOK_SIGNATURE_HEADER] : req.headers[WEBHOOK_SIGNATURE_HEADER];
    const result = verifyWebhook({ payload: Buffer.concat(chunks), header: given, secret: SECRET });
    res.writeHead(result.ok ? 204 : 400).end(result.ok ? undefined : result.error.code);
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function deliver(path: string, signatures: readonly string[]): Promise<string> {
  const res = await request(`${url}${path}`, {
    method: 'POST',
    body: PAYLOAD,
    headers: ['content-type', 'application/json', ...signatures.flatMap((s) => [WEBHOOK_SIGNATURE_HEADER, s])],
  });
  const text = await res.body.text();
  return res.statusCode === 204 ? 'ok' : text;
}

describe('a webhook receiver on node:http', () => {
  it.each([
    ['/headers', [header], 'ok'],
    ['/distinct', [header], 'ok'],
    ['/headers', [], 'SDK_WEBHOOK_NO_SIGNATURE'],
    ['/distinct', [], 'SDK_WEBHOOK_NO_SIGNATURE'],
    // Node joins a repeated header with ", ": two t= entries, rejected by the parser.
    ['/headers', [header, header], 'SDK_WEBHOOK_BAD_HEADER'],
    // headersDistinct keeps them apart: two values, rejected as such.
    ['/distinct', [header, header], 'SDK_WEBHOOK_BAD_HEADER'],
  ] as const)('%s with %j → %s', async (path, signatures, expected) => {
    expect(await deliver(path, signatures)).toBe(expected);
  });
});
