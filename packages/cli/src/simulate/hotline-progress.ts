import type { SimulationProgress } from '@triage/core';

/** Below this, a run finishes before a bar would help: nothing is drawn. */
const SHOW_AFTER_MS = 400;
const WIDTH = 30;

interface Stream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A one-line progress bar on stderr, drawn only for a terminal and only once the run has taken a moment; at most a
 * few redraws per second. `done()` clears the line.
 */
export function progressBar(
  stream: Stream,
  label: (p: SimulationProgress) => string,
  now: () => number = Date.now,
): { update: (p: SimulationProgress) => void; done: () => void } {
  const start = now();
  let drawn = false;
  let last = 0;
  return {
    update: (p) => {
      if (stream.isTTY !== true) return;
      const t = now();
      if (t - start < SHOW_AFTER_MS || t - last < 100) return;
      last = t;
      drawn = true;
      const filled = Math.round(p.fraction * WIDTH);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(p.fraction * 100).toFixed(0).padStart(3)}% ${label(p)}`,
      );
    },
    done: () => {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
