import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// QA round 10 §2: schools head the adolescent form's suicide questions as PHQ-9's (PHQ9_c, `PHQ-9 10、…自杀`).
describe('triage import: suicide questions beside PHQ-9 are never left unread unsaid', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const phq9 = Array.from({ length: 9 }, (_, i) => `PHQ9_${i + 1}`);
  const file = (name: string, extra: readonly string[]) =>
    s.write(
      name,
      `学号,班级,${[...phq9, ...extra].join(',')}\nK1,1,${[...phq9.map(() => '0'), ...extra.map(() => '1')].join(',')}\n`,
    );
  const run = (path: string, flags: readonly string[] = []) =>
    runCli(['import', path, ...flags, '--no-input', '--dry-run'], env);
  const cd = file('phq9cd.csv', ['PHQ9_c', 'PHQ9_d']);
  const numbered = file('phq9_1011.csv', ['PHQ-9 10、过去一个月是否认真想过自杀', 'PHQ-9 11、是否曾经尝试自杀']);

  it.each([
    ['PHQ9_c, PHQ9_d', cd, '12 (PHQ9_c), 13 (PHQ9_d)'],
    ['PHQ-9 10、…自杀, PHQ-9 11、…', numbered, '12 (PHQ-9 10、过去一个月是否认真想过自杀)'],
  ])('without -i: refused, naming the columns and --instrument phq-a (%s)', (_, path, columns) => {
    const r = run(path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`columns ${columns}`);
    expect(r.stderr).toContain('look like suicide questions, which PHQ-9 does not have');
    expect(r.stderr).toContain('--instrument phq-a');
    expect(r.stdout).toBe('');
  });

  it('with -i phq-9: read as PHQ-9 alone, each suicide column a warning (never item 10)', () => {
    const r = run(numbered, ['-i', 'phq-9']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      'column 12 (PHQ-9 10、过去一个月是否认真想过自杀) looks like a suicide question, which PHQ-9 does not have; NOT read: to read it, give --instrument phq-a',
    );
    expect(r.stderr).toContain('column 13 (PHQ-9 11、是否曾经尝试自杀) looks like a suicide question');
  });

  it('with -i phq-a: PHQ9_1 … PHQ9_d are read as PHQ-A, and a "yes" to c is R3', () => {
    const r = run(cd, ['-i', 'phq-a']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('PHQ-A; person columns');
    expect(r.stdout).toMatch(/R3 +high +1/);
  });

  it('in Chinese too', () => {
    const r = runCli(['import', cd, '--no-input', '--dry-run'], { ...env, LANG: 'zh_CN.UTF-8' });
    expect(r.stderr).toContain('像是自杀相关问题');
  });
});
