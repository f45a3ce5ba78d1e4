import { isAscii } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { type Encoding, type EncodingLabel, encodingOf, firstInvalidByte, otherEncodings, sniffBom } from './decode.ts';
import { damagedUtf8Line, utf16WithoutBom } from './sniff-encoding.ts';

/** Where a file stops being valid text in the encoding it is read in. */
export interface InvalidTextAt {
  /** The physical line (1-based) whose bytes fail. */
  readonly line: number;
  /** Byte offset in the file of the first byte that cannot be read; undefined for a character cut off at the end. */
  readonly offset: number | undefined;
  /**
   * The lines before hold non-ASCII text that is valid in the encoding (UTF-8 and GB18030 only): the file changes
   * encoding at `line`, or is damaged there, rather than being in another encoding throughout.
   */
  readonly mixed: boolean;
  /**
   * The other encodings that could read the file, as far as its failing line and its start tell (UTF-16 only where
   * the file starts as UTF-16 does); undefined when that line was not looked at.
   */
  readonly readable?: readonly EncodingLabel[];
  /**
   * The file ends inside a character (half a UTF-16 code unit, the first bytes of a UTF-8 or GB18030 one): cut short
   * when copied or downloaded, not in another encoding; `offset`, where that last character starts.
   */
  readonly cutShort?: true;
  /**
   * The failing line is UTF-8 with a character damaged (a byte changed or cut out) in a file of UTF-8 text (see
   * damagedUtf8Line): no other encoding reads it better.
   */
  readonly damaged?: true;
}

/**
 * A file stops being valid text in the encoding it is read in, at `line` (1-based, physical) and byte `offset`: the
 * CLI names the encoding, and suggests {@link otherEncodings} unless the lines before read well (`mixed`), where
 * another encoding would read them as garbage. Thrown while the records are read, as the bytes are only seen then.
 */
export class CsvDecodeError extends Error {
  override readonly name = 'CsvDecodeError';
  readonly code = 'CSV_DECODE';
  readonly encoding: Encoding;
  readonly line: number;
  readonly offset: number | undefined;
  readonly mixed: boolean;
  /** The encoding was detected from the start of the file, not requested. */
  readonly detected: boolean;
  readonly cutShort: boolean;
  readonly damaged: boolean;
  private readonly readable: readonly EncodingLabel[] | undefined;

  constructor(
    at: InvalidTextAt & { readonly encoding: Encoding; readonly detected: boolean },
    options?: { cause?: unknown },
  ) {
    super(
      `not valid ${at.encoding} at line ${at.line}${at.offset === undefined ? '' : `, byte ${at.offset}`}`,
      options,
    );
    this.encoding = at.encoding;
    this.line = at.line;
    this.offset = at.offset;
    this.mixed = at.mixed;
    this.detected = at.detected;
    this.cutShort = at.cutShort === true;
    this.damaged = at.damaged === true;
    this.readable = at.readable;
  }

  /**
   * The encodings worth trying instead: none when the lines before read well (the file mixes encodings), or when none
   * could read the failing line (a Windows-1252 file, say: no encoding triage reads fits it).
   */
  get suggestions(): readonly EncodingLabel[] {
    return this.mixed || this.cutShort || this.damaged ? [] : (this.readable ?? otherEncodings(this.encoding));
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

/** Bytes at the start of a file that tell UTF-16 without a byte-order mark (as the sniffer looks at them). */
const UTF16_START = 4096;

/**
 * Whether `other` could read a file whose line `failing` failed: UTF-16 where the file starts as UTF-16 (any bytes
 * of even length decode as UTF-16, as garbage); another encoding where that line is valid in it.
 */
function readsLine(other: EncodingLabel, failing: Uint8Array, start: Uint8Array): boolean {
  if (other === 'utf-16le' || other === 'utf-16be') {
    return sniffBom(start)?.encoding === other || utf16WithoutBom(start) === other;
  }
  return firstInvalidByte(failing, encodingOf(other)) === -1;
}

/** Bytes after a failing UTF-8 line read to tell a damaged character from another encoding. */
const DAMAGE_CONTEXT = 1 << 16;

/** Lines longer than this are not read again to find the byte that fails in them. */
const MAX_LINE_REREAD = 1 << 23;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Whether the bytes from `from` to `to` hold a non-ASCII byte: read a chunk at a time, stopping at the first. */
async function nonAsciiBetween(handle: FileHandle, from: number, to: number, chunkSize: number): Promise<boolean> {
  for (let position = from; position < to; position += chunkSize) {
    const bytes = await readAt(handle, position, Math.min(chunkSize, to - position));
    if (bytes.length === 0) return false;
    if (!isAscii(bytes)) return true;
  }
  return false;
}

/**
 * Where the first bytes that are not valid `encoding` are, reading from `start` on: their line, their byte offset,
 * and whether text before (from `textStart`) was valid non-ASCII. Lines are decoded one by one with a strict
 * decoder, so the line whose bytes fail is the one reported (the decoder does not say where it failed); that line
 * alone is then searched for the byte. For the error path only: it reads the file again.
 */
export async function whereTextIsInvalid(
  handle: FileHandle,
  start: TextStart,
  options: { readonly encoding: Encoding; readonly chunkSize: number; readonly textStart: number },
): Promise<InvalidTextAt> {
  const { encoding, chunkSize } = options;
  const { width, at: unit } = units(encoding);
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const buffer = Buffer.allocUnsafe(Math.max(chunkSize, 2));
  let { position, line, afterCR } = start;
  let lineStart = position;
  const at = async (failEnd: number | undefined): Promise<InvalidTextAt> => {
    let offset: number | undefined;
    if (failEnd !== undefined && failEnd - lineStart <= MAX_LINE_REREAD) {
      const k = firstInvalidByte(await readAt(handle, lineStart, failEnd - lineStart), encoding);
      offset = k === -1 ? undefined : lineStart + k;
    }
    const mixed =
      (encoding === 'utf-8' || encoding === 'gb18030') &&
      (await nonAsciiBetween(handle, options.textStart, lineStart, chunkSize));
    const start = await readAt(handle, 0, UTF16_START);
    // A byte-order mark of another encoding says which one the file is in: the one to try.
    const bom = sniffBom(start)?.encoding;
    if (bom !== undefined && bom !== encoding) return { line, offset, mixed, readable: [bom] };
    if (failEnd === undefined || failEnd - lineStart > MAX_LINE_REREAD) return { line, offset, mixed };
    const failing = await readAt(handle, lineStart, failEnd - lineStart);
    if (encoding === 'utf-8' && offset !== undefined) {
      const around = Buffer.concat([failing, await readAt(handle, failEnd, DAMAGE_CONTEXT)]);
      if (damagedUtf8Line(around, offset - lineStart)) return { line, offset, mixed, damaged: true };
    }
    const readable = otherEncodings(encoding).filter((other) => readsLine(other, failing, start));
    return { line, offset, mixed, readable };
  };
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    const whole = bytesRead - (bytesRead % width);
    if (whole === 0) {
      // One byte of a UTF-16 code unit at the end of the file: cut short there (unless a byte-order mark says the file
      // is in another encoding). After a CR, the LF it began was the line break of the line before (QA round 23, 4:
      // line 10 of a file of 9, and --encoding advice in a circle).
      if (await otherBom(handle, encoding)) return at(undefined);
      return { line: afterCR ? line - 1 : line, offset: position, mixed: false, cutShort: true };
    }
    const bytes = buffer.subarray(0, whole);
    let from = 0;
    for (let k = 0; k < whole; k += width) {
      const u = unit(bytes, k);
      if (u !== LF && u !== CR) {
        afterCR = false;
        continue;
      }
      if (!decodes(decoder, bytes.subarray(from, k + width))) return at(position + k + width);
      if (u === CR || !afterCR) line++;
      afterCR = u === CR;
      from = k + width;
      lineStart = position + from;
    }
    if (!decodes(decoder, bytes.subarray(from))) return at(position + whole);
    position += whole;
  }
  // A character cut off by the end of the file: the bytes held back for it fail when the decoder is flushed.
  try {
    decoder.decode();
  } catch {
    if (!(await otherBom(handle, encoding))) {
      return { line: afterCR ? line - 1 : line, offset: undefined, mixed: false, cutShort: true };
    }
  }
  // Nothing wrong at all (the caller saw a failure): said where it ends.
  return at(undefined);
}

/** Whether the file starts with the byte-order mark of an encoding other than `encoding`. */
async function otherBom(handle: FileHandle, encoding: Encoding): Promise<boolean> {
  const bom = sniffBom(await readAt(handle, 0, 4))?.encoding;
  return bom !== undefined && bom !== encoding;
}

/** The physical line (1-based) starting at `offset`, counted from `start` (at or before it). Reads the file again. */
async function lineAt(handle: FileHandle, start: TextStart, offset: number, chunkSize: number): Promise<number> {
  let { line, afterCR } = start;
  for (let position = start.position; position < offset; ) {
    const bytes = await readAt(handle, position, Math.min(chunkSize, offset - position));
    if (bytes.length === 0) break;
    for (const b of bytes) {
      if (b === LF) {
        if (!afterCR) line++;
        afterCR = false;
      } else {
        if (b === CR) line++;
        afterCR = b === CR;
      }
    }
    position += bytes.length;
  }
  return line;
}

/**
 * Where UTF-8 text found in a file read as GB18030 (see Utf8LineFinder) starts: its line, counted from `start`,
 * the offset of its first non-ASCII byte, and whether GB18030 text came before (from `textStart`). Those bytes read
 * as GB18030 without an error, as garbage: the file mixes the two (or is UTF-8 read as GB18030 when nothing before
 * is non-ASCII). For the error path only: it reads the file again.
 */
export async function whereUtf8Starts(
  handle: FileHandle,
  start: TextStart,
  found: { readonly lineStart: number; readonly offset: number },
  options: { readonly chunkSize: number; readonly textStart: number },
): Promise<InvalidTextAt> {
  const line = await lineAt(handle, start, found.lineStart, options.chunkSize);
  const mixed = await nonAsciiBetween(handle, options.textStart, found.lineStart, options.chunkSize);
  return { line, offset: found.offset, mixed };
}
