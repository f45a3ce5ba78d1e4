import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// What `triage import` does, `triage simulate cohort` does too. Synthetic students, a handful of rows.

const PERSON = ['学号', '姓名', '性别', '年龄', '班级'];
const PHQA = '123456789cd'.split('').map((n) => `PHQA${n}`);
const csv = (lines: readonly (readonly string[])[]) => `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
const digits = (answers: string) => answers.split('');
const START = '2026-09-01';

const s = scratch();
afterAll(() => s.done());

describe('triage simulate cohort: a config folder that cannot hold the pseudonym key', () => {
  const file = () =>
    s.write(
      'one.csv',
      csv([
        [...PERSON, ...PHQA],
        ['A001', '甲', '男', '15', '1班', ...digits('00000000000')],
      ]),
    );

  it('says it as triage import does (CLI_CONFIG, exit 1), not as an internal error', () => {
    // A folder where the key file would be: it cannot be read.
    const config = join(s.dir, 'folder-key');
    mkdirSync(join(config, 'pseudonym.key'), { recursive: true });
    const r = runCli(['simulate', 'cohort', '--input', file(), '--start', START, '--json'], {
      TRIAGE_CONFIG_DIR: config,
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'CLI_CONFIG', exitCode: 1 });
    expect(r.stderr).toContain(`cannot keep the pseudonym key in the config folder ${config} (EISDIR)`);
    expect(r.stderr).not.toContain('internal error');
  });

  it('projects with a key for this run only when a file stands where the config folder would be', () => {
    const config = join(s.write('config-file', 'not a folder'), 'triage');
    const r = runCli(['simulate', 'cohort', '--input', file(), '--start', START], { TRIAGE_CONFIG_DIR: config });
    expect(r.status, r.stderr).toBe(0);
  });
});
