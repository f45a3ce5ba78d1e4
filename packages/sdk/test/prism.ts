import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PRISM_BIN = join(PACKAGE_ROOT, 'node_modules', '.bin', 'prism');
// Absolute path: Prism reads the spec from disk and needs no network.
const SPEC_PATH = join(PACKAGE_ROOT, 'openapi', 'triage.yaml');

/** A running `prism mock` of the spec. */
export interface PrismMock {
  readonly url: string;
  stop(): Promise<void>;
}

/** A port the OS reports free right now (listen on 0, read it, close). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until Prism answers any HTTP request (an unauthenticated 401 counts) or the timeout ends. */
async function waitUntilListening(url: string, child: ChildProcess, output: () => string, timeout: number) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${output()}`);
    try {
      await fetch(`${url}/cases`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await delay(200);
    }
  }
  throw new Error(`prism did not listen on ${url} within ${timeout} ms:\n${output()}`);
}

/** Ends the child's whole process group (the `.bin` shell wrapper and node), then waits for its exit. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 3_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts `prism mock <spec> -h 127.0.0.1 -p <free port>` in its own process group and resolves once it answers.
 * Prism answers with the spec's examples, validates requests (schema, security) and honours `Prefer: code=…`.
 */
export async function startPrism(options: { readonly timeout?: number } = {}): Promise<PrismMock> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(PRISM_BIN, ['mock', SPEC_PATH, '-h', '127.0.0.1', '-p', String(port)], {
    cwd: PACKAGE_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let log = '';
  const collect = (chunk: Buffer): void => {
    // Keep only the tail: Prism logs one line per request.
    log = (log + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    await waitUntilListening(url, child, () => log, options.timeout ?? 20_000);
  } catch (error) {
    await killGroup(child);
    throw error;
  }
  return { url, stop: () => killGroup(child) };
}
