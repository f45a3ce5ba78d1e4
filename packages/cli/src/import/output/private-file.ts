import {
  closeSync,
  fchmodSync,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncateSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { TextSink } from './row-text.ts';

/** Owner read/write only: these files hold minors' mental-health data. */
export const PRIVATE_MODE = 0o600;

/** Encoded text kept before a write to the file. */
const BUFFER_BYTES = 1 << 16;

/** Text up to this long is tried as ASCII, byte by byte. */
const SHORT_TEXT = 64;

/**
 * A file written with mode 0600 through a buffer, counting the bytes it has written, so a checkpoint can record
 * exactly how long the file was and a resumed import can cut it back to that length.
 */
export class PrivateFile implements TextSink {
  private readonly fd: number;
  /** Text written since the last flush, already encoded: rows go straight in, no joined string in between. */
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private pending = 0;
  private written: number;

  private constructor(
    readonly path: string,
    fd: number,
    size: number,
  ) {
    this.fd = fd;
    this.written = size;
  }

  /** A new, empty file (any old one is replaced). */
  static create(path: string): PrivateFile {
    const fd = openSync(path, 'w', PRIVATE_MODE);
    // `mode` only applies to a file that did not exist: tighten an old one too.
    fchmodSync(fd, PRIVATE_MODE);
    return new PrivateFile(path, fd, 0);
  }

  /** An existing file cut back to `length` bytes, written on from there (resuming an interrupted import). */
  static resume(path: string, length: number): PrivateFile {
    const fd = openSync(path, 'r+', PRIVATE_MODE);
    fchmodSync(fd, PRIVATE_MODE);
    if (fstatSync(fd).size < length) {
      closeSync(fd);
      throw new Error(`${path} is shorter than its checkpoint`);
    }
    ftruncateSync(fd, length);
    return new PrivateFile(path, fd, length);
  }

  write(text: string): void {
    const n = text.length;
    // Short ASCII (line numbers, ids) byte by byte: cheaper than a call into the encoder.
    if (n <= SHORT_TEXT && n <= this.buffer.length - this.pending) {
      const buffer = this.buffer;
      const at = this.pending;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) break;
        buffer[at + i] = c;
      }
      if (i === n) {
        this.pending = at + n;
        return;
      }
    }
    // At most 3 bytes of UTF-8 per UTF-16 unit: text that may not fit goes after what is buffered.
    if (text.length * 3 > this.buffer.length - this.pending) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        this.writeAll(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.pending += this.buffer.write(text, this.pending, 'utf8');
  }

  /** Text encoded once and written many times. */
  writeBytes(bytes: Uint8Array): void {
    if (bytes.length > this.buffer.length - this.pending) {
      this.flush();
      if (bytes.length > this.buffer.length) {
        this.writeAll(bytes);
        return;
      }
    }
    this.buffer.set(bytes, this.pending);
    this.pending += bytes.length;
  }

  /** Bytes in the file once everything written so far is flushed. */
  get bytes(): number {
    return this.written + this.pending;
  }

  flush(): void {
    if (this.pending === 0) return;
    const pending = this.pending;
    this.pending = 0;
    this.writeAll(this.buffer.subarray(0, pending));
  }

  private writeAll(bytes: Uint8Array): void {
    // The system may write less than asked: write on from there.
    for (let offset = 0; offset < bytes.length; ) {
      offset += writeSync(this.fd, bytes, offset, bytes.length - offset, this.written + offset);
    }
    this.written += bytes.length;
  }

  /**
   * What is flushed so far on disk, waited for by one of the system's threads while this one goes on writing (the
   * file must stay open until it is done).
   */
  syncLater(): Promise<void> {
    return new Promise((resolve, reject) => {
      fsync(this.fd, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Flushed and on disk: what a checkpoint records must survive a crash. */
  sync(): void {
    this.flush();
    fsyncSync(this.fd);
  }

  close(): void {
    this.sync();
    closeSync(this.fd);
  }
}

/** Writes a whole file with mode 0600 and moves it into place, so a reader never sees half of it. */
export function writePrivateFile(path: string, content: string): void {
  const file = PrivateFile.create(`${path}.tmp`);
  try {
    file.write(content);
    file.close();
  } catch (error) {
    // A full disk, say: no half-written copy left behind. A write to the open file names no path: named here.
    rmSync(`${path}.tmp`, { force: true });
    const e = error as NodeJS.ErrnoException;
    if (e.code !== undefined && e.path === undefined) e.path = `${path}.tmp`;
    throw error;
  }
  renameSync(`${path}.tmp`, path);
}
