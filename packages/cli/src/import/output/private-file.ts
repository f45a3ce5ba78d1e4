import { closeSync, fchmodSync, fstatSync, fsyncSync, ftruncateSync, openSync, renameSync, writeSync } from 'node:fs';

/** Owner read/write only: these files hold minors' mental-health data. */
export const PRIVATE_MODE = 0o600;

/**
 * A file written with mode 0600 through a buffer, counting the bytes it has written, so a checkpoint can record
 * exactly how long the file was and a resumed import can cut it back to that length.
 */
export class PrivateFile {
  private readonly fd: number;
  private chunks: string[] = [];
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
    this.chunks.push(text);
    this.pending += text.length;
    if (this.pending > 1 << 16) this.flush();
  }

  /** Bytes in the file once everything written so far is flushed. */
  get bytes(): number {
    this.flush();
    return this.written;
  }

  flush(): void {
    if (this.chunks.length === 0) return;
    const text = this.chunks.length === 1 ? (this.chunks[0] as string) : this.chunks.join('');
    this.chunks = [];
    this.pending = 0;
    // One encode, straight into the file; fall back to a buffer only if the system wrote part of it.
    const expected = Buffer.byteLength(text, 'utf8');
    const wrote = writeSync(this.fd, text, this.written, 'utf8');
    if (wrote < expected) {
      const buffer = Buffer.from(text, 'utf8');
      for (let offset = wrote; offset < buffer.length; ) {
        offset += writeSync(this.fd, buffer, offset, buffer.length - offset, this.written + offset);
      }
    }
    this.written += expected;
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
  file.write(content);
  file.close();
  renameSync(`${path}.tmp`, path);
}
