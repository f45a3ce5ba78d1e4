import type { Result } from '@triage/scales';

/** Encodings a user can ask for with `--encoding`. */
export const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le'] as const;
export type RequestedEncoding = (typeof ENCODINGS)[number];
/** Encodings a file may turn out to be in: the requested ones, plus UTF-16BE recognised by its byte-order mark. */
export type Encoding = RequestedEncoding | 'utf-16be';
/** Encodings a streaming read accepts: the `--encoding` choices, UTF-16BE, and `gbk` (read as its superset GB18030). */
export type EncodingLabel = Encoding | 'gbk';

export function encodingOf(label: EncodingLabel): Encoding {
  return label === 'gbk' ? 'gb18030' : label;
}

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  /** The file started with a byte-order mark (removed from `text`). */
  readonly bom: boolean;
  /** The encoding was detected rather than requested. */
  readonly detected: boolean;
}

const BOMS: readonly (readonly [Encoding, readonly number[]])[] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** The byte-order mark `bytes` start with: its encoding and length in bytes. */
export function sniffBom(bytes: Uint8Array): { readonly encoding: Encoding; readonly length: number } | undefined {
  const found = BOMS.find(([, bom]) => bom.every((b, i) => bytes[i] === b));
  return found && { encoding: found[0], length: found[1].length };
}

function bomOf(bytes: Uint8Array): Encoding | undefined {
  return sniffBom(bytes)?.encoding;
}

function strict(bytes: Uint8Array, encoding: Encoding): string | undefined {
  try {
    // fatal: a byte sequence the encoding cannot hold is an error, never a U+FFFD that silently changes an answer.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/**
 * Bytes to text the way Chinese spreadsheets need: a byte-order mark first, then strict UTF-8, then GB18030 (a
 * superset of GBK/GB2312, what Excel on Chinese Windows writes without a BOM). A requested encoding is used as is.
 * @see reference/sdk-cli.md §3.2 (objectui PR #2557 detection order)
 */
export function decodeBytes(bytes: Uint8Array, requested?: RequestedEncoding): Result<Decoded, { encoding: Encoding }> {
  const bom = bomOf(bytes);
  if (requested) {
    const text = strict(bytes, requested);
    return text === undefined
      ? { ok: false, error: { encoding: requested } }
      : { ok: true, value: { text, encoding: requested, bom: bom === requested, detected: false } };
  }
  const order: readonly Encoding[] = bom ? [bom] : ['utf-8', 'gb18030'];
  for (const encoding of order) {
    const text = strict(bytes, encoding);
    if (text !== undefined) return { ok: true, value: { text, encoding, bom: bom !== undefined, detected: true } };
  }
  return { ok: false, error: { encoding: order[order.length - 1] as Encoding } };
}
