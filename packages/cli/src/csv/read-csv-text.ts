import { open, readFile } from 'node:fs/promises';
import type { Decoded, EncodingLabel } from './decode.ts';
import { CsvDecodeError, whereTextIsInvalid, whereUtf8Starts } from './decode-error.ts';
import { sniffEncoding, startsAsUtf32 } from './sniff-encoding.ts';
import { Utf8LineFinder } from './utf8-in-gb18030.ts';

const CHUNK_SIZE = 1 << 20;

/** The file is UTF-32 text (by its byte-order mark), which no spreadsheet writes and triage does not read. */
export class Utf32TextError extends Error {
  constructor() {
    super('UTF-32 text');
  }
}

/**
 * A whole CSV file as text, decoded as {@link openCsv} reads it: the encoding requested, or detected from a byte-order
 * mark, UTF-16 NUL bytes or a sample; strict decoding; U+FEFF at the start removed. Throws {@link CsvDecodeError} with
 * the line where the bytes stop being valid in that encoding, or where UTF-8 rows start in a GB18030 file, so a file
 * that mixes the two fails there in either order rather than reading as garbage. For files that fit in memory.
 */
export async function readCsvText(path: string, options: { readonly encoding?: EncodingLabel | undefined } = {}) {
  const bytes = await readFile(path);
  const handle = await open(path, 'r');
  try {
    const sniffed = await sniffEncoding(handle, { requested: options.encoding, chunkSize: CHUNK_SIZE });
    const { encoding, detected, textStart } = sniffed;
    // UTF-32's byte-order mark starts as UTF-16LE's: refused, never read as UTF-16 (import refuses it the same way).
    if (encoding === 'utf-16le' && startsAsUtf32(bytes)) throw new Utf32TextError();
    const body = bytes.subarray(textStart);
    const where = { encoding, chunkSize: CHUNK_SIZE, textStart };
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    } catch (cause) {
      const at = await whereTextIsInvalid(handle, { position: textStart, line: 1, afterCR: false }, where);
      throw new CsvDecodeError({ encoding, detected, ...at }, { cause });
    }
    if (encoding === 'gb18030' && detected) {
      const finder = new Utf8LineFinder();
      const utf8 = finder.push(body, textStart) ?? finder.end();
      if (utf8) {
        const at = await whereUtf8Starts(handle, { position: textStart, line: 1, afterCR: false }, utf8, where);
        throw new CsvDecodeError({ encoding, detected, ...at });
      }
    }
    let k = 0;
    while (text.charCodeAt(k) === 0xfeff) k++;
    const decoded: Decoded = { text: text.slice(k), encoding, bom: sniffed.bom, detected };
    return decoded;
  } finally {
    await handle.close();
  }
}
