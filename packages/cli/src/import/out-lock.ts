import { closeSync, openSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { makePrivateDirs } from './output/private-dir.ts';

/** Held in an output folder for the whole of an import: a second import into the same folder is refused. */
export const LOCK_FILE = '.triage-import.lock';

/** Who holds a lock: the process, on which machine, since when (ISO time). */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

export interface OutLock {
  /**
   * Removes the lock (if it is still this import's), then the folder if it is empty and the lock made it (or
   * `removeFolder`). Idempotent.
   */
  release(options?: { readonly removeFolder?: boolean }): void;
}

export type LockResult =
  | { readonly ok: true; readonly lock: OutLock; readonly tookOver?: LockHolder }
  | { readonly ok: false; readonly holder: LockHolder | undefined };

export interface LockOptions {
  readonly pid?: number;
  readonly host?: string;
  readonly now?: () => Date;
  /** Whether a process of this machine is running (injected in tests). */
  readonly alive?: (pid: number) => boolean;
}

/** A lock file without readable content (its import is writing it this very moment) counts as held this long. */
const UNREADABLE_GRACE_MS = 60_000;

/**
 * Takes the folder's lock with an exclusive create, making the folder if it is missing. A lock whose process has
 * ended (killed, the machine restarted) is stale and taken over; a lock of a running import, or of another machine
 * (a shared drive: its process cannot be checked), is not. Throws the system error when the folder cannot be made.
 */
export function lockOutDir(dir: string, options: LockOptions = {}): LockResult {
  const created = statSync(dir, { throwIfNoEntry: false }) === undefined;
  makeFolder(dir);
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = {
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    started: (options.now ?? (() => new Date()))().toISOString(),
  };
  const alive = options.alive ?? isRunning;
  try {
    return take(dir, path, me, { created, alive });
  } catch (error) {
    // The lock cannot be written (a full disk): the folder made for it goes too.
    if (created) removeEmpty(dir);
    throw error;
  }
}

function take(
  dir: string,
  path: string,
  me: LockHolder,
  { created, alive }: { readonly created: boolean; readonly alive: (pid: number) => boolean },
): LockResult {
  let tookOver: LockHolder | undefined;
  // Twice at most: once more after a stale lock is moved aside.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(path, me)) {
      const lock = held(dir, path, me, created);
      return tookOver ? { ok: true, lock, tookOver } : { ok: true, lock };
    }
    const holder = readHolder(path);
    if (holder === undefined) {
      const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < UNREADABLE_GRACE_MS) return { ok: false, holder: undefined };
    } else if (holder.host !== me.host || alive(holder.pid)) return { ok: false, holder };
    if (!moveAside(path, holder, me)) return { ok: false, holder: readHolder(path) };
    tookOver = holder ?? { pid: 0, host: me.host, started: '?' };
  }
  return { ok: false, holder: readHolder(path) };
}

/** The folder made, also when another import makes it at the same moment (its mkdir, then this one's: EEXIST). */
function makeFolder(dir: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      makePrivateDirs(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt === 2) throw error;
    }
  }
}

/** Exclusive create: false when a lock is there. */
function create(path: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(me)}\n`);
  } catch (error) {
    // A full disk: no empty lock left behind, which would hold the folder for a minute (see UNREADABLE_GRACE_MS).
    closeSync(fd);
    unlinkSync(path);
    throw error;
  }
  closeSync(fd);
  return true;
}

/**
 * The stale lock moved to a name of this process's own, so two imports that find it stale at once cannot both take
 * over: the second one's rename finds nothing. Were the lock moved aside no longer the stale one (another import took
 * it over in between), it is put back and this import is refused.
 */
function moveAside(path: string, stale: LockHolder | undefined, me: LockHolder): boolean {
  const aside = `${path}.${me.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = readHolder(aside);
  const same = stale === undefined ? moved === undefined : moved !== undefined && sameHolder(moved, stale);
  if (!same) {
    try {
      renameSync(aside, path);
    } catch {
      // Gone meanwhile: nothing to put back.
    }
    return false;
  }
  unlinkSync(aside);
  return true;
}

function held(dir: string, path: string, me: LockHolder, created: boolean): OutLock {
  let released = false;
  const release = (options: { readonly removeFolder?: boolean } = {}) => {
    if (released) return;
    released = true;
    process.off('exit', onExit);
    // Best effort: a lock that cannot be removed (the folder made read-only, or removed, while importing) stays, and
    // the next import takes it over (its holder is gone). Never an error of its own in place of the one that ended
    // the import (QA round 24, 2: "internal error: EACCES … unlink .triage-import.lock" hid "could not write").
    try {
      const now = readHolder(path);
      if (now !== undefined && sameHolder(now, me)) unlinkSync(path);
    } catch {
      return;
    }
    if (created || options.removeFolder) removeEmpty(dir);
  };
  // A second Ctrl-C ends the process at once (process.exit): the lock goes with it.
  const onExit = () => release();
  process.on('exit', onExit);
  return { release };
}

function removeEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty: the import's files (or something else) are there.
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.started !== 'string') {
      return undefined;
    }
    return { pid: value.pid, host: value.host, started: value.started };
  } catch {
    return undefined;
  }
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.host === b.host && a.started === b.started;
}

/** Signal 0 checks a process without touching it; EPERM: it runs, as another user. */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
