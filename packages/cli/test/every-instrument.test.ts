import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

interface Summary {
  readonly id: string;
  readonly items: number;
}

// Generic over whatever @triage/scales registers: new instruments must show and score without special cases.
const { instruments } = JSON.parse(runCli(['scales', 'list', '--json']).stdout) as { instruments: Summary[] };

describe.each(instruments.map((i) => [i.id, i] as const))('%s', (id, summary) => {
  it('shows in both languages', () => {
    for (const lang of ['en', 'zh']) {
      const r = runCli(['scales', 'show', id, '--lang', lang]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
    }
  });

  it('scores an all-blank respondent without inventing a result: critical items stay unknown', () => {
    const blanks = ','.repeat(summary.items - 1);
    const r = runCli(['score', id, '--answers', blanks, '--json']);
    expect(r.status).toBe(0);
    const { score } = JSON.parse(r.stdout);
    expect(score.total).toBeNull();
    for (const flag of score.flags) expect(flag.status).toBe('unknown');
    expect(runCli(['score', id, '--answers', blanks, '--lang', 'zh']).status).toBe(0);
  });
});
