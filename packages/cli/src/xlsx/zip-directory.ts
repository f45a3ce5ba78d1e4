import type { FileHandle } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

/** One member of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The uncompressed size and CRC-32 the directory gives: what the member's bytes must come to. */
  readonly size: number;
  readonly crc32: number;
  /** Where the member's local header starts: also its position in the archive's stream order. */
  readonly offset: number;
}

/** What the first bytes say the file is. */
export type FileKind = 'zip' | 'ole2' | 'other';

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Zip (`PK\x03\x04`, or `PK\x05\x06` for an empty archive), OLE2 (old .xls, encrypted .xlsx), or anything else. */
export async function sniff(file: FileHandle): Promise<FileKind> {
  const head = Buffer.alloc(8);
  const { bytesRead } = await file.read(head, 0, 8, 0);
  if (bytesRead >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'zip';
  if (bytesRead === 8 && head.equals(OLE2_MAGIC)) return 'ole2';
  return 'other';
}

/**
 * Reads the central directory at the end of the file: a few kilobytes whatever the archive's size, which is what
 * makes listing sheets cheap. `undefined` when there is no well-formed directory (truncated or not a zip).
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT §4.3.12–4.3.16
 */
export async function readZipDirectory(file: FileHandle, size: number): Promise<ZipEntry[] | undefined> {
  const tailSize = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tail = await readAt(file, size - tailSize, tailSize);
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = tail.readUInt16LE(eocd + 10);
  let dirSize = tail.readUInt32LE(eocd + 12);
  let dirOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) return undefined;
    const record = await readAt(file, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) return undefined;
    count = Number(record.readBigUInt64LE(32));
    dirSize = Number(record.readBigUInt64LE(40));
    dirOffset = Number(record.readBigUInt64LE(48));
  }
  if (dirOffset + dirSize > size) return undefined;
  const dir = await readAt(file, dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) return undefined;
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
    const sizes = zip64Sizes(dir, p, p + 46 + nameLength, extraLength);
    entries.push({
      name,
      method: dir.readUInt16LE(p + 10),
      flags: dir.readUInt16LE(p + 8),
      compressedSize: sizes.compressedSize,
      size: sizes.size,
      crc32: dir.readUInt32LE(p + 16),
      offset: sizes.offset,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset, taking the zip64 extra field (id 1) where the 32-bit fields are saturated. */
function zip64Sizes(dir: Buffer, header: number, extra: number, extraLength: number) {
  const uncompressed = dir.readUInt32LE(header + 24);
  let size = uncompressed;
  let compressedSize = dir.readUInt32LE(header + 20);
  let offset = dir.readUInt32LE(header + 42);
  const end = extra + extraLength;
  for (let q = extra; q + 4 <= end; ) {
    const id = dir.readUInt16LE(q);
    const length = dir.readUInt16LE(q + 2);
    if (id === 1) {
      // The fields present are exactly the saturated ones, in this order.
      let f = q + 4;
      if (uncompressed === 0xffffffff && f + 8 <= end) {
        size = Number(dir.readBigUInt64LE(f));
        f += 8;
      }
      if (compressedSize === 0xffffffff && f + 8 <= end) {
        compressedSize = Number(dir.readBigUInt64LE(f));
        f += 8;
      }
      if (offset === 0xffffffff && f + 8 <= end) offset = Number(dir.readBigUInt64LE(f));
    }
    q += 4 + length;
  }
  return { compressedSize, size, offset };
}

/**
 * The uncompressed bytes of one (small) member. Throws on anything unexpected: the caller treats that as corruption.
 * `maxSize` bounds the inflated size, so a zip bomb in a tiny file cannot exhaust memory.
 */
export async function readZipEntry(file: FileHandle, entry: ZipEntry, maxSize: number): Promise<Buffer> {
  const start = await dataStart(file, entry);
  const data = await readAt(file, start, entry.compressedSize);
  if (data.length < entry.compressedSize) throw new Error('truncated zip member');
  if (entry.method !== 0 && entry.method !== 8) throw new Error(`unsupported compression method ${entry.method}`);
  if (entry.method === 0 && data.length > maxSize) throw new Error('zip member too large');
  const bytes = entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: maxSize });
  checkMember(entry, bytes.length, crc32(bytes));
  return bytes;
}

/**
 * A member whose bytes do not come to the size and CRC-32 its directory entry gives is damaged (APPNOTE §4.4.7): a
 * changed byte in a stored member (or one a deflate stream still decodes) would otherwise read as another answer.
 */
function checkMember(entry: ZipEntry, size: number, crc: number): void {
  if (size !== entry.size || crc !== entry.crc32) throw new Error(`zip member ${entry.name} fails its CRC-32 check`);
}

/** Passes a member's bytes on while checking them against its directory entry, at their end. */
function checked(entry: ZipEntry): Transform {
  let size = 0;
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      try {
        checkMember(entry, size, crc);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/**
 * One member as a stream of UTF-8 text, inflated as it is read: for members too large to hold twice (the shared
 * strings of a big workbook). Decoding in the stream keeps characters split between chunks whole.
 */
export async function openZipText(file: FileHandle, entry: ZipEntry): Promise<Readable> {
  const start = await dataStart(file, entry);
  const raw = Readable.from(readRange(file, start, start + entry.compressedSize), { objectMode: false });
  let text: Readable;
  if (entry.method === 8) {
    text = pipeline(raw, createInflateRaw(), checked(entry), () => undefined);
  } else if (entry.method === 0) {
    text = pipeline(raw, checked(entry), () => undefined);
  } else {
    throw new Error(`unsupported compression method ${entry.method}`);
  }
  text.setEncoding('utf8');
  return text;
}

/** Where a member's data begins, after its local header. */
async function dataStart(file: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(file, entry.offset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new Error('bad local header');
  if (entry.flags & 1) throw new Error('encrypted zip member');
  return entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

const CHUNK_SIZE = 256 * 1024;

/**
 * Bytes `[start, end)` of an open file, in chunks, by positional reads: any number of readers can share the handle,
 * and closing it never waits on a stream.
 */
async function* readRange(file: FileHandle, start: number, end: number): AsyncGenerator<Buffer> {
  for (let position = start; position < end; ) {
    const length = Math.min(CHUNK_SIZE, end - position);
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield bytesRead < length ? buffer.subarray(0, bytesRead) : buffer;
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}
