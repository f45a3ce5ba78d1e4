/**
 * Encodings a user can ask for with `--encoding` (`triage score`, `triage import`, `triage simulate cohort`): UTF-8,
 * GB18030 and its subset GBK, Big5 (traditional Chinese, as Excel on zh-TW/zh-HK Windows saves a CSV), UTF-16 in
 * either byte order.
 */
export const ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'big5', 'utf-16le', 'utf-16be'] as const;
/** An encoding as `--encoding` names it: `gbk` reads as its superset GB18030. */
export type EncodingLabel = (typeof ENCODINGS)[number];
/** Encodings a file may turn out to be in, detected or requested. */
export type Encoding = Exclude<EncodingLabel, 'gbk'>;

/** An encoding as messages name it: UTF-8, GB18030, Big5. */
export function encodingDisplayName(encoding: Encoding): string {
  return encoding === 'big5' ? 'Big5' : encoding.toUpperCase();
}

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

/** Whether `bytes` are valid `encoding` so far: a character cut off at the end counts as valid, as more may follow. */
function decodesSoFar(bytes: Uint8Array, encoding: Encoding): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The offset of the first byte at which `bytes` stop being valid `encoding` (the byte that makes the error plain, so
 * for a character cut short, the one after it), or -1 when they are valid so far. A binary search over prefixes with
 * a strict decoder (it does not say where it fails): for a sample or one line, not a whole file.
 */
export function firstInvalidByte(bytes: Uint8Array, encoding: Encoding): number {
  if (decodesSoFar(bytes, encoding)) return -1;
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const mid = (valid + invalid) >>> 1;
    if (decodesSoFar(bytes.subarray(0, mid), encoding)) valid = mid;
    else invalid = mid;
  }
  return invalid - 1;
}

/**
 * Encodings to suggest when `encoding` fails: the others a user can name, most likely first (UTF-16 files come in
 * the other byte order more often than in a single-byte encoding).
 */
export function otherEncodings(encoding: Encoding): readonly EncodingLabel[] {
  if (encoding === 'utf-8') return ['gb18030', 'utf-16le'];
  if (encoding === 'gb18030') return ['utf-8', 'utf-16le'];
  if (encoding === 'big5') return ['gb18030', 'utf-8'];
  return encoding === 'utf-16le' ? ['utf-16be', 'utf-8'] : ['utf-16le', 'utf-8'];
}
