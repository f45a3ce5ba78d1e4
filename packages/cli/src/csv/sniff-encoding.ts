import { isAscii } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { type Encoding, type EncodingLabel, encodingOf, sniffBom } from './decode.ts';

export interface SniffedEncoding {
  readonly encoding: Encoding;
  /** The file starts with the byte-order mark of `encoding`. */
  readonly bom: boolean;
  /** The encoding was detected rather than requested. */
  readonly detected: boolean;
  /** Byte offset where the text starts: after the byte-order mark. */
  readonly textStart: number;
}

/** Non-ASCII bytes after which a sample is decisive: about 100 rows with a Chinese name, or a Chinese header. */
const SAMPLE_NON_ASCII = 1024;
/** A sample ends here even with fewer non-ASCII bytes. */
const SAMPLE_BYTES = 1 << 20;

/** How many of `bytes` the sample takes: up to the byte that makes `wanted` non-ASCII ones, or all; and how many. */
function sampleOf(bytes: Uint8Array, wanted: number): { readonly take: number; readonly nonAscii: number } {
  let nonAscii = 0;
  for (let k = 0; k < bytes.length; k++) {
    if ((bytes[k] as number) >= 0x80 && ++nonAscii === wanted) return { take: k + 1, nonAscii };
  }
  return { take: bytes.length, nonAscii };
}

/**
 * The encoding of a file without reading it into memory: a requested one as is; else a byte-order mark (UTF-8,
 * UTF-16LE, UTF-16BE); else strict UTF-8 over a sample, failing which GB18030 (what Excel on Chinese Windows writes).
 * Leading ASCII-only chunks are skipped before sampling, as ASCII reads the same in both: a file whose first
 * megabytes are ids and numbers is still detected from its first Chinese text. The sample then runs until
 * {@link SAMPLE_NON_ASCII} non-ASCII bytes, 1 MiB or the end of the file.
 * @see reference/sdk-cli.md §3.2 (objectui PR #2557 detection order)
 */
export async function sniffEncoding(
  handle: FileHandle,
  options: { readonly requested?: EncodingLabel | undefined; readonly chunkSize: number },
): Promise<SniffedEncoding> {
  const head = Buffer.alloc(3);
  const { bytesRead: headRead } = await handle.read(head, 0, head.length, 0);
  const bom = sniffBom(head.subarray(0, headRead));
  if (options.requested !== undefined) {
    const encoding = encodingOf(options.requested);
    const own = bom?.encoding === encoding;
    return { encoding, bom: own, detected: false, textStart: own ? (bom?.length ?? 0) : 0 };
  }
  if (bom) return { encoding: bom.encoding, bom: true, detected: true, textStart: bom.length };

  const buffer = Buffer.allocUnsafe(options.chunkSize);
  // stream: true, so a character cut at the end of a read waits for the next one instead of failing.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const detected = (encoding: Encoding): SniffedEncoding => ({ encoding, bom: false, detected: true, textStart: 0 });
  let position = 0;
  let sampled = 0;
  let nonAscii = 0;
  while (nonAscii < SAMPLE_NON_ASCII && sampled < SAMPLE_BYTES) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    position += bytesRead;
    // Not flushed at the end: a UTF-8 character cut off by the end of the file is reported with its line when the
    // records are read, rather than turning the whole file into GB18030 mojibake.
    if (bytesRead === 0) break;
    if (sampled === 0 && isAscii(buffer.subarray(0, bytesRead))) continue;
    const bytes = buffer.subarray(0, Math.min(bytesRead, SAMPLE_BYTES - sampled));
    // The sample ends where it is decisive, not at the end of the read: a file of UTF-8 with one line of GB18030
    // further on is UTF-8 with a bad line (reported with its line number), not GB18030 throughout.
    const sample = sampleOf(bytes, SAMPLE_NON_ASCII - nonAscii);
    try {
      decoder.decode(bytes.subarray(0, sample.take), { stream: true });
    } catch {
      return detected('gb18030');
    }
    sampled += sample.take;
    nonAscii += sample.nonAscii;
  }
  return detected('utf-8');
}
