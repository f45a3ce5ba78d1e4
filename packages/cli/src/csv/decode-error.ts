import type { FileHandle } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import type { Encoding } from './decode.ts';

/**
 * A file stops being valid text in the encoding it is read in, at `line` (1-based, physical): the CLI suggests another
 * `--encoding`. Thrown while the records are read, as the bytes are only seen then.
 */
export class CsvDecodeError extends Error {
  override readonly name = 'CsvDecodeError';
  readonly code = 'CSV_DECODE';
  readonly encoding: Encoding;
  readonly line: number;
  /** The encoding was detected from the start of the file, not requested. */
  readonly detected: boolean;

  constructor(
    at: { readonly encoding: Encoding; readonly line: number; readonly detected: boolean },
    options?: { cause?: unknown },
  ) {
    super(`not valid ${at.encoding} at line ${at.line}`, options);
    this.encoding = at.encoding;
    this.line = at.line;
    this.detected = at.detected;
  }
}

export function isCsvDecodeError(error: unknown): error is CsvDecodeError {
  return error instanceof CsvDecodeError;
}

/** A place in a file where no character is open: the start of the text, or just after a line break. */
export interface TextStart {
  /** Byte offset. */
  readonly position: number;
  /** The physical line (1-based) that starts there. */
  readonly line: number;
  /** The break just before is a CR, so an LF right here belongs to it. */
  readonly afterCR: boolean;
}

const LF = 10;
const CR = 13;

/** Bytes per code unit, and the unit at `k`: line breaks are looked for in code units, never inside a character. */
function units(encoding: Encoding): { width: 1 | 2; at: (bytes: Uint8Array, k: number) => number } {
  if (encoding === 'utf-16le') return { width: 2, at: (b, k) => (b[k] as number) | ((b[k + 1] as number) << 8) };
  if (encoding === 'utf-16be') return { width: 2, at: (b, k) => ((b[k] as number) << 8) | (b[k + 1] as number) };
  // UTF-8 and GB18030: CR and LF never occur inside a multi-byte character.
  return { width: 1, at: (b, k) => b[k] as number };
}

/**
 * Where the last line break in a chunk read at `position` ends, as a {@link TextStart} on `line`; `undefined` when
 * the chunk has no whole break. UTF-16 code units start at even offsets (after the 2-byte BOM, or at 0).
 */
export function afterLastBreak(
  bytes: Buffer,
  at: { readonly position: number; readonly line: number },
  encoding: Encoding,
): TextStart | undefined {
  const { width, at: unit } = units(encoding);
  let k = -1;
  if (width === 1) {
    const lf = bytes.lastIndexOf(LF);
    const cr = bytes.subarray(lf + 1).lastIndexOf(CR);
    k = cr === -1 ? lf : lf + 1 + cr;
  } else {
    for (let j = bytes.length - 2 - ((at.position + bytes.length) % 2); j >= 0; j -= 2) {
      const u = unit(bytes, j);
      if (u === LF || u === CR) {
        k = j;
        break;
      }
    }
  }
  if (k === -1) return undefined;
  return { position: at.position + k + width, line: at.line, afterCR: unit(bytes, k) === CR };
}

function decodes(decoder: TextDecoder, bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The line of the first bytes that are not valid `encoding`, reading from `start` on. Lines are decoded one by one
 * with a strict decoder, so the line whose bytes fail is the one reported (the decoder does not say where it failed).
 */
export async function lineOfInvalidText(
  handle: FileHandle,
  start: TextStart,
  options: { readonly encoding: Encoding; readonly chunkSize: number },
): Promise<number> {
  const { width, at: unit } = units(options.encoding);
  const decoder = new TextDecoder(options.encoding, { fatal: true, ignoreBOM: true });
  const buffer = Buffer.allocUnsafe(Math.max(options.chunkSize, 2));
  let { position, line, afterCR } = start;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    const whole = bytesRead - (bytesRead % width);
    if (whole === 0) {
      // One byte of a UTF-16 code unit at the end of the file: the flush below fails on it.
      if (!decodes(decoder, buffer.subarray(0, bytesRead))) return line;
      break;
    }
    const bytes = buffer.subarray(0, whole);
    let from = 0;
    for (let k = 0; k < whole; k += width) {
      const u = unit(bytes, k);
      if (u !== LF && u !== CR) {
        afterCR = false;
        continue;
      }
      if (!decodes(decoder, bytes.subarray(from, k + width))) return line;
      if (u === CR || !afterCR) line++;
      afterCR = u === CR;
      from = k + width;
    }
    if (!decodes(decoder, bytes.subarray(from))) return line;
    position += whole;
  }
  try {
    decoder.decode();
  } catch {
    // A character cut off by the end of the file.
  }
  return line;
}
