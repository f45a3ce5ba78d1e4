import { describe, expect, it } from 'vitest';
import { progressBar } from './hotline-progress.ts';

const stream = (isTTY: boolean) => {
  const out: string[] = [];
  return { isTTY, out, write: (s: string) => out.push(s) };
};
const at = (fraction: number) => ({ replication: 0, replications: 2, fraction });

describe('progressBar', () => {
  it('draws nothing on a pipe, or before the run has taken a moment', () => {
    const pipe = stream(false);
    let now = 0;
    const a = progressBar(
      pipe,
      () => 'x',
      () => now,
    );
    now = 5000;
    a.update(at(0.5));
    a.done();
    expect(pipe.out).toEqual([]);

    const tty = stream(true);
    now = 0;
    const b = progressBar(
      tty,
      () => 'x',
      () => now,
    );
    now = 100;
    b.update(at(0.9));
    b.done();
    expect(tty.out).toEqual([]);
  });

  it('draws a bar on a terminal for a long run, at most every 100 ms, and clears it at the end', () => {
    const tty = stream(true);
    let now = 0;
    const bar = progressBar(
      tty,
      (p) => `replication ${p.replication + 1}/${p.replications}`,
      () => now,
    );
    now = 1000;
    bar.update(at(0.5));
    now = 1050;
    bar.update(at(0.6));
    now = 1200;
    bar.update(at(1));
    bar.done();
    expect(tty.out).toEqual([
      `\r[${'#'.repeat(15)}${'.'.repeat(15)}]  50% replication 1/2`,
      `\r[${'#'.repeat(30)}] 100% replication 1/2`,
      '\r\u001b[K',
    ]);
  });
});
