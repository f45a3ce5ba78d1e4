import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { makePrivateDirs } from './output/private-dir.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where triage keeps its own settings: `TRIAGE_CONFIG_DIR`, else the platform's config folder
 * (`$XDG_CONFIG_HOME/triage`, `~/.config/triage`; `%APPDATA%\triage` on Windows).
 */
function configDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TRIAGE_CONFIG_DIR) return env.TRIAGE_CONFIG_DIR;
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'triage');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'triage');
}

const KEY_FILE = 'pseudonym.key';

/**
 * The config folder cannot hold the key: it cannot be made, read or written (a permission, a file in its place), or the
 * key file in it is not a key (`code` 'damaged': cut, edited, overwritten).
 */
export class KeyStoreError extends Error {
  constructor(
    readonly dir: string,
    /** The system error code (EACCES, ENOTDIR …), or 'damaged'. */
    readonly code: string,
    options: { cause?: unknown; path?: string } = {},
  ) {
    super(`${options.path ?? dir}: ${code}`, options);
  }
}

/** 32 bytes as hex, as {@link pseudonymKey} writes them: 64 digits, no more, no fewer. */
const KEY_TEXT = /^[0-9a-f]{64}$/i;

/** A system error of the config folder as a {@link KeyStoreError}; anything else as it is. */
function keyStoreError(dir: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return code === undefined ? error : new KeyStoreError(dir, code, { cause: error });
}

/** Runs `io` on the config folder, its system errors said as {@link KeyStoreError}. */
function inConfigDir<T>(dir: string, io: () => T): T {
  try {
    return io();
  } catch (error) {
    throw keyStoreError(dir, error);
  }
}

/**
 * The secret that makes pseudonyms: 32 random bytes made on first use, kept in the config folder with mode 0600.
 * The same key gives the same pseudonym for a student in every import on this machine, so lists can be compared;
 * without the key, a pseudonym cannot be traced back by trying student ids.
 */
export function pseudonymKey(
  dir: string = configDir(),
  options: { readonly create?: boolean } = {},
): { key: Buffer; path: string; created: boolean; ephemeral: boolean; exposed: boolean } {
  const path = join(dir, KEY_FILE);
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    // ENOTDIR: a file where the folder would be, so no key either (making one says so, below).
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw keyStoreError(dir, error);
  }
  if (text !== undefined) {
    // Never replace a key that is there: pseudonyms made with it would stop matching.
    if (!KEY_TEXT.test(text)) throw new KeyStoreError(dir, 'damaged', { path });
    return { key: Buffer.from(text, 'hex'), path, created: false, ephemeral: false, exposed: readableByOthers(path) };
  }
  // A dry run writes nothing, not even a key: its pseudonyms are for this run only.
  if (options.create === false) return { key: randomBytes(32), path, created: false, ephemeral: true, exposed: false };
  inConfigDir(dir, () => makePrivateDirs(dir));
  const key = randomBytes(32);
  // Never overwrite a key another process has just made, and never show a key half written: the key is written whole
  // under a name of its own, then linked to its name, which fails if one is there (two first imports at once: the
  // second read an empty file as a damaged key, QA round 24, 1).
  try {
    if (!linkedWhole(path, `${key.toString('hex')}\n`)) return pseudonymKey(dir, options);
  } catch (error) {
    throw keyStoreError(dir, error);
  }
  inConfigDir(dir, () => chmodSync(path, 0o600));
  return { key, path, created: true, ephemeral: false, exposed: false };
}

/**
 * Writes `text` to `path` only if nothing is there, all at once: false when a file is there. A file system without
 * hard links (some network and FAT drives) gets an exclusive create instead.
 */
function linkedWhole(path: string, text: string): boolean {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    try {
      writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Whether users other than the owner may read the key (a copy brought from another computer as 0644): whoever can
 * read it can tell who a pseudonym is by trying student ids. Never changed here: the file is the user's (Windows
 * keeps no such mode bits).
 */
function readableByOthers(path: string): boolean {
  if (process.platform === 'win32') return false;
  try {
    return (statSync(path).mode & 0o077) !== 0;
  } catch {
    return false;
  }
}

/** `P-` and 16 hex digits of HMAC-SHA256(key, student id): stable per key, not reversible without it. */
export function pseudonymOf(key: Buffer, studentId: string): string {
  return `P-${createHmac('sha256', key).update(studentId, 'utf8').digest('hex').slice(0, 16)}`;
}
