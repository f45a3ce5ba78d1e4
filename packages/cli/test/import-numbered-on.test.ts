import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// QA round 10 §3: a questionnaire numbered straight through, GAD-7 as Q1–Q7 then PHQ-9 as Q8–Q16.
describe('triage import: numbering that runs on past the named instrument', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const q = Array.from({ length: 16 }, (_, i) => `Q${i + 1}`);
  const file = s.write(
    'cont.csv',
    [
      `学号,姓名,班级,${q.join(',')}`,
      'S1,甲,1班,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,3',
      'S2,乙,1班,3,3,3,3,3,3,3,0,0,0,0,0,0,0,0,0',
    ].join('\n'),
  );

  it.each(['phq-9', 'gad-7'])('-i %s: refused, naming the run and a --map file (no wrong score with exit 0)', (id) => {
    const r = runCli(['import', file, '-i', id, '--no-input', '--dry-run'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`columns 4–19 (Q1 … Q16) number 16 items straight through, but ${id.toUpperCase()} has`);
    expect(r.stderr).toContain(`"column <n>": ${id}.1`);
    expect(r.stdout).toBe('');
  });

  it('a --map file naming the PHQ-9 columns reads them: S1 item 9 = 3 is R3', () => {
    const map = s.write(
      'cont.map.yaml',
      `instruments: [phq-9]\ncolumns:\n${q.map((h, i) => `  ${h}: ${i < 7 ? 'ignore' : `phq-9.${i - 6}`}`).join('\n')}\n`,
    );
    const r = runCli(['import', file, '--map', map, '--no-input', '--dry-run'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/R3 +high +1/);
  });
});
