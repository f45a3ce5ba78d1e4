import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// 问卷星 numbers PHQ-A's supplements on after item 9 (10、 … 13、): read by position, a, b, c, d, and said so.
describe('triage import: PHQ-A supplements numbered on by the questionnaire', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  // The 问卷星 example: 序号, 提交答卷时间, six person columns, then 1、 … 13、 (the supplements as 10、 … 13、).
  const file = fileURLToPath(new URL('../../../examples/screenings/wjx-phqa.csv', import.meta.url));
  const header =
    readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]
      ?.split(',') ?? [];
  const supplements = header.slice(17, 21);
  const warning = 'PHQ-A items a, b, c, d read by position from columns 18, 19, 20, 21';

  it('warns that a, b, c, d are read by position with -i phq-a', () => {
    expect(supplements.map((h) => h.split('、')[0])).toEqual(['10', '11', '12', '13']);
    const r = runCli(['import', file, '-i', 'phq-a', '--no-input', '--dry-run'], env);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(warning);
  });

  it('says nothing of the columns a --map file names, in whatever order it names them', () => {
    const map = s.write(
      'wjx.map.yaml',
      `instruments: [phq-a]\ncolumns:\n${supplements
        .map((h, i) => `  "${h}": phq-a.${'abcd'[i]}`)
        .reverse()
        .join('\n')}\n`,
    );
    const r = runCli(['import', file, '--map', map, '--no-input', '--dry-run'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('read by position');
  });
});
