import { type FileHandle, open } from 'node:fs/promises';
import { assertDelimiter, CsvParser, type CsvRecord } from './csv-parser.ts';
import type { Encoding, EncodingLabel } from './decode.ts';
import { afterLastBreak, CsvDecodeError, type TextStart, whereTextIsInvalid, whereUtf8Starts } from './decode-error.ts';
import { delimiterOf, isBlank } from './delimiter.ts';
import { type SniffedEncoding, sniffEncoding } from './sniff-encoding.ts';
import { Utf8LineFinder } from './utf8-in-gb18030.ts';

/** How a CSV file is read: its encoding and delimiter, detected or given. */
export interface CsvDialect {
  readonly encoding: Encoding;
  /** The file starts with a byte-order mark (never part of the text). */
  readonly bom: boolean;
  /** The encoding was detected rather than requested. */
  readonly detected: boolean;
  readonly delimiter: string;
}

export interface OpenCsvOptions {
  /** Read in this encoding instead of detecting one; `gbk` reads as its superset GB18030. */
  readonly encoding?: EncodingLabel | undefined;
  /** One character; detected from the first lines when not given. */
  readonly delimiter?: string | undefined;
  /** Bytes read (and decoded, and parsed) at a time. Default 1 MiB. */
  readonly chunkSize?: number | undefined;
  /**
   * UTF-8 and GB18030 only: up to this many records whose bytes are not valid come marked `damaged` (the bad bytes
   * read as U+FFFD), for the caller to reject one by one: a download cut off inside a character, a byte damaged in
   * transit. One more, or damage in the first non-blank record (the header), and reading fails with
   * {@link CsvDecodeError} at the first bad bytes: then part of the file is in another encoding. Default 0: any
   * invalid byte fails.
   */
  readonly damagedRecords?: number | undefined;
}

export interface CsvSource {
  readonly dialect: CsvDialect;
  /**
   * The records, in batches of what each chunk read completes, at most 1,024 records a batch. Each iteration opens the
   * file and reads it from the start; ending the loop early closes it. Throws {@link CsvDecodeError} where the bytes
   * stop being valid in `dialect.encoding` (past the damaged records {@link OpenCsvOptions.damagedRecords} allows). Fields of 13 or more characters may be V8 slices of their chunk's text:
   * keeping many of them for long keeps those chunks in memory.
   */
  readonly batches: AsyncIterable<readonly CsvRecord[]>;
}

const DEFAULT_CHUNK_SIZE = 1 << 20;
/** What a decoder puts where bytes are not valid in its encoding. */
const REPLACEMENT = '\uFFFD';

/**
 * Records per batch at most. A 1 MiB chunk completes ~13,000 screening rows; handed out in one batch they outlive
 * V8's young generation, and parsing measured 10–30% slower in CPU time than in batches of 1,024.
 */
const BATCH_RECORDS = 1024;
/** Decoded text after which the first lines are taken as they stand, to find the delimiter in. */
const HEADER_LIMIT = 1 << 20;
const FEFF = 0xfeff;

/** Text without the U+FEFF it starts with: a byte-order mark, or a second one, is never part of a field. */
function withoutLeadingBom(text: string): string {
  let k = 0;
  while (text.charCodeAt(k) === FEFF) k++;
  return k === 0 ? text : text.slice(k);
}

async function sniffDelimiter(handle: FileHandle, sniffed: SniffedEncoding, chunkSize: number): Promise<string> {
  // Not fatal: bad bytes in the header are reported, with their line, when the records are read.
  const decoder = new TextDecoder(sniffed.encoding, { ignoreBOM: true });
  const buffer = Buffer.allocUnsafe(chunkSize);
  let position = sniffed.textStart;
  let text = '';
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) return delimiterOf(withoutLeadingBom(text + decoder.decode()), true) ?? ',';
    position += bytesRead;
    const piece = decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
    text += piece;
    // Look again only when a line may have ended, so tiny chunks do not rescan the text for every byte.
    if (piece.includes('\n') || piece.includes('\r') || text.length >= HEADER_LIMIT) {
      const delimiter = delimiterOf(withoutLeadingBom(text), text.length >= HEADER_LIMIT);
      if (delimiter !== undefined) return delimiter;
    }
  }
}

interface ReadPlan {
  readonly path: string;
  readonly dialect: CsvDialect;
  readonly textStart: number;
  readonly chunkSize: number;
  readonly damagedRecords: number;
}

async function* readBatches(plan: ReadPlan): AsyncGenerator<readonly CsvRecord[], void, undefined> {
  const { dialect, chunkSize } = plan;
  const { encoding, detected } = dialect;
  const handle = await open(plan.path, 'r');
  // Two buffers: the next chunk is read from disk while this one is decoded and its records used.
  let buffer = Buffer.allocUnsafe(chunkSize);
  let spare = Buffer.allocUnsafe(chunkSize);
  let next: Promise<{ bytesRead: number }> | undefined;
  try {
    // UTF-8 and GB18030 lines are told apart by their line breaks, so a damaged one can be passed on alone.
    const tolerant = (encoding === 'utf-8' || encoding === 'gb18030') && plan.damagedRecords > 0;
    const decoder = new TextDecoder(encoding, { fatal: !tolerant, ignoreBOM: true });
    const parser = new CsvParser({ delimiter: dialect.delimiter });
    /** Set at the first chunk whose text holds U+FFFD: where to look for the bad bytes, and damaged records so far. */
    let damage: { readonly safe: TextStart; records: number } | undefined;
    let header = true;
    let position = plan.textStart;
    let atStart = true;
    // The last place before the chunk being decoded where a fresh decoder can start: where a failure is looked for.
    let safe: TextStart = { position, line: 1, afterCR: false };
    // GB18030 reads UTF-8 Chinese without an error, as garbage: its lines are looked for (UTF-8 costs nothing here).
    // Not when the user named the encoding: a rare line of hanzi that is also valid UTF-8 must not block a file.
    const utf8Lines = encoding === 'gb18030' && detected ? new Utf8LineFinder() : undefined;
    next = handle.read(buffer, 0, chunkSize, position);
    for (;;) {
      const { bytesRead }: { bytesRead: number } = await next;
      const bytes = buffer.subarray(0, bytesRead);
      [buffer, spare] = [spare, buffer];
      if (bytesRead > 0) next = handle.read(buffer, 0, chunkSize, position + bytesRead);
      let text: string;
      try {
        text = bytesRead === 0 ? decoder.decode() : decoder.decode(bytes, { stream: true });
      } catch (cause) {
        const at = await whereTextIsInvalid(handle, safe, { encoding, chunkSize, textStart: plan.textStart });
        throw new CsvDecodeError({ encoding, detected, ...at }, { cause });
      }
      const utf8 = bytesRead === 0 ? utf8Lines?.end() : utf8Lines?.push(bytes, position);
      if (utf8) {
        const at = await whereUtf8Starts(handle, safe, utf8, { chunkSize, textStart: plan.textStart });
        throw new CsvDecodeError({ encoding, detected, ...at });
      }
      if (tolerant && damage === undefined && text.includes(REPLACEMENT)) damage = { safe, records: 0 };
      if (atStart && text !== '') {
        text = withoutLeadingBom(text);
        atStart = text === '';
      }
      parser.push(text);
      if (bytesRead === 0) parser.end();
      for (let batch = parser.read(BATCH_RECORDS); batch.length > 0; batch = parser.read(BATCH_RECORDS)) {
        if (damage === undefined) {
          header &&= batch.every((r) => isBlank(r.fields));
          yield batch;
          continue;
        }
        const marked: CsvRecord[] = [];
        for (const record of batch) {
          const damaged = record.fields.some((field) => field.includes(REPLACEMENT));
          if (damaged && (header || ++damage.records > plan.damagedRecords)) {
            const at = await whereTextIsInvalid(handle, damage.safe, {
              encoding,
              chunkSize,
              textStart: plan.textStart,
            });
            throw new CsvDecodeError({ encoding, detected, ...at });
          }
          header &&= isBlank(record.fields);
          marked.push(damaged ? { ...record, damaged: true } : record);
        }
        yield marked;
      }
      if (bytesRead === 0) return;
      // With the chunk's text all read, `parser.line` is the line where its bytes end.
      safe = afterLastBreak(bytes, { position, line: parser.line }, encoding) ?? safe;
      position += bytesRead;
    }
  } finally {
    // A read ahead may still be on its way (the loop ended early, or decoding failed): closed after it.
    await next?.catch(() => undefined);
    await handle.close();
  }
}

/**
 * Opens a CSV file for reading in batches of records, with memory flat in the file's size: the encoding and
 * delimiter are detected from the start of the file (or given), then every iteration of `batches` streams the file
 * through a strict decoder and {@link CsvParser}. Records carry the physical line they start on.
 * @example
 * const { dialect, batches } = await openCsv('screening.csv', {});
 * for await (const batch of batches) for (const record of batch) console.log(record.line, record.fields);
 */
export async function openCsv(path: string, options: OpenCsvOptions = {}): Promise<CsvSource> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer`);
  if (options.delimiter !== undefined) assertDelimiter(options.delimiter);
  const handle = await open(path, 'r');
  let sniffed: SniffedEncoding;
  let delimiter: string;
  try {
    sniffed = await sniffEncoding(handle, { requested: options.encoding, chunkSize });
    delimiter = options.delimiter ?? (await sniffDelimiter(handle, sniffed, chunkSize));
  } finally {
    await handle.close();
  }
  const dialect: CsvDialect = { encoding: sniffed.encoding, bom: sniffed.bom, detected: sniffed.detected, delimiter };
  const damagedRecords = options.damagedRecords ?? 0;
  const plan: ReadPlan = { path, dialect, textStart: sniffed.textStart, chunkSize, damagedRecords };
  return { dialect, batches: { [Symbol.asyncIterator]: () => readBatches(plan) } };
}
